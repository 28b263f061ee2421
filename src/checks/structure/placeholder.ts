import { proofreadCheck, slipsOf, type Slip } from './proofread.js';

/**
 * Placeholders of a template left in the published text: XX / ×× / ＊＊ standing for a figure or a
 * name, "……" standing for text to come, and notes such as 待补充 / 待填写.
 */
const PLACEHOLDER = /[XＸ]{2,}|[×╳]{2,}|[＊*]{2,}|…{2,}|\.{6,}|。{3,}|待补充|待填写|待完善|待核实|此处填写|某某/u;

/** The placeholders in a text. */
export function placeholderSlips(text: string): readonly Slip[] {
  return slipsOf(PLACEHOLDER, text, (m) => ({ offset: m.index, length: m[0].length, messageId: 'placeholder', data: { placeholder: m[0] } }));
}

export default proofreadCheck({
  id: 'placeholder',
  description: { zh: '正文中没有遗留的占位符（XX、××、……、待补充）', en: 'No template placeholder left in (XX, ××, ……, 待补充)' },
  messages: {
    placeholder: { zh: '遗留占位符“{placeholder}”：{excerpt}', en: 'placeholder “{placeholder}” left in: {excerpt}' },
  },
  rows: true,
  joinable: true,
  scan: placeholderSlips,
});
