import { proofreadCheck, slipsOf, type Slip } from './proofread.js';

/**
 * Two punctuation marks where one belongs ("，，", "。。", "，。", "：："). Ellipses (……) and dashes
 * (——) are doubled by nature and not counted; neither are closing brackets or quotes before a mark.
 */
const DOUBLED = /[，。、；：！？]{2,}|[,;]{2,}/u;

/** The doubled punctuation in a text. */
export function doubledPunctuationSlips(text: string): readonly Slip[] {
  return slipsOf(DOUBLED, text, (m) => ({ offset: m.index, length: m[0].length, messageId: 'doubled', data: { marks: m[0] } }));
}

export default proofreadCheck({
  id: 'doubled-punctuation',
  description: { zh: '没有重复的标点（如“，，”“。。”）', en: 'No doubled punctuation ("，，", "。。")' },
  messages: {
    doubled: { zh: '标点重复“{marks}”：{excerpt}', en: 'doubled punctuation “{marks}”: {excerpt}' },
  },
  rows: true,
  joinable: true,
  scan: doubledPunctuationSlips,
});
