import { matchesOf, proofreadCheck } from './proofread.js';

/**
 * A word printed twice in a row ("卫生健康支出支出"): two to eight Chinese characters repeated at
 * once. Single repeated characters (常常, 人人) are ordinary Chinese and never reported; words of two
 * characters are reported only when they are the money words of a name (支出, 经费, 资金 …), which
 * keeps reduplicated verbs ("研究研究") out.
 */
const MONEY_WORDS = /^(支出|经费|资金|费用|收入|预算|万元|项目|补助|事务|管理|单位|部门)$/;

export default proofreadCheck({
  id: 'doubled-word',
  description: { zh: '名称和文字中没有重复的词（如“支出支出”）', en: 'No doubled word in names and text ("支出支出")' },
  messages: {
    doubled: { zh: '“{word}”重复：{excerpt}', en: '“{word}” is printed twice: {excerpt}' },
  },
  rows: true,
  scan: (text) =>
    matchesOf(/(\p{Script=Han}{2,8})\1/u, text)
      .filter((m) => m[1]!.length > 2 || MONEY_WORDS.test(m[1]!))
      .map((m) => ({ offset: m.index, length: m[0].length, messageId: 'doubled', data: { word: m[1]! } })),
});
