import { proofreadCheck, slipsOf, type Slip } from './proofread.js';

/**
 * A sentence cut off: a phrase that announces what follows ends at once ("主要原因是。",
 * "主要用于：；"), or an amount word stands without its figure ("预算为万元").
 */
const CUT_OFF = /(主要原因是|原因是|主要原因为|主要用于|用于|主要包括|具体包括|包括|主要是|其中)[：:，,]?[ \u3000]*[。；;]/u;
const NO_FIGURE = /(为|是|算|出|入|加|少|计|共|约)万元/u;

/** The cut-off sentences of a text: those cut off after a phrase, then the amounts without a figure. */
export function cutOffSlips(text: string): readonly Slip[] {
  const cutOff = slipsOf(CUT_OFF, text, (m) => ({ offset: m.index, length: m[0].length, messageId: 'cutOff', data: { phrase: m[1]! } }));
  const noFigure = slipsOf(NO_FIGURE, text, (m) => ({ offset: m.index, length: m[0].length, messageId: 'noFigure', data: { phrase: m[0] } }));
  // one list only when both found something (usually neither does)
  if (noFigure.length === 0) return cutOff;
  return cutOff.length === 0 ? noFigure : [...cutOff, ...noFigure];
}

export default proofreadCheck({
  id: 'cut-off-sentence',
  description: { zh: '句子完整，没有被截断（如“主要原因是。”）', en: 'No sentence cut off ("主要原因是。")' },
  messages: {
    cutOff: { zh: '“{phrase}”之后缺少内容：{excerpt}', en: 'nothing follows “{phrase}”: {excerpt}' },
    noFigure: { zh: '“万元”前缺少金额：{excerpt}', en: 'an amount is missing before “万元”: {excerpt}' },
  },
  rows: false,
  joinable: true,
  scan: cutOffSlips,
});
