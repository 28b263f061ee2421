import { proofreadCheck } from './proofread.js';

/**
 * A word printed twice in a row ("卫生健康支出支出"): two to eight Chinese characters repeated at
 * once. Single repeated characters (常常, 人人) are ordinary Chinese and never reported; words of two
 * characters are reported only when they are the money words of a name (支出, 经费, 资金 …), which
 * keeps reduplicated verbs ("研究研究") out.
 */
const MONEY_WORDS = /^(支出|经费|资金|费用|收入|预算|万元|项目|补助|事务|管理|单位|部门)$/;

/** The doubled word starting exactly at lastIndex (sticky). */
const DOUBLED_AT = /(\p{Script=Han}{2,8})\1/uy;
/** Most UTF-16 units of a word: eight characters, each maybe a surrogate pair. */
const MAX_WORD_UNITS = 16;
/** No Han character (nor a surrogate of one) lies below U+2E80. */
const FIRST_HAN = 0x2e80;

/**
 * The first offset from `from` where a doubled word could start: its first two code units recur
 * 2–16 units later. Every match of DOUBLED_AT starts at such an offset, so the backtracking pattern
 * runs only there, not at every character (a pass of at most 15 comparisons per character).
 */
function nextCandidate(text: string, from: number): number {
  for (let i = from; i + 3 < text.length; i++) {
    const a = text.charCodeAt(i);
    // a match starts at a Han code point: never below FIRST_HAN, never at a low surrogate
    if (a < FIRST_HAN || (a >= 0xdc00 && a <= 0xdfff)) continue;
    const b = text.charCodeAt(i + 1);
    const longest = Math.min(MAX_WORD_UNITS, (text.length - i) >> 1);
    for (let d = 2; d <= longest; d++) if (text.charCodeAt(i + d) === a && text.charCodeAt(i + d + 1) === b) return i;
  }
  return -1;
}

/** The matches of /(\p{Script=Han}{2,8})\1/gu, in order, found only where nextCandidate allows one. */
export function doubledWords(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (let i = nextCandidate(text, 0); i >= 0; i = nextCandidate(text, i)) {
    DOUBLED_AT.lastIndex = i;
    const m = DOUBLED_AT.exec(text);
    if (m) {
      out.push(m);
      i += m[0].length;
    } else i++;
  }
  return out;
}

export default proofreadCheck({
  id: 'doubled-word',
  description: { zh: '名称和文字中没有重复的词（如“支出支出”）', en: 'No doubled word in names and text ("支出支出")' },
  messages: {
    doubled: { zh: '“{word}”重复：{excerpt}', en: '“{word}” is printed twice: {excerpt}' },
  },
  rows: true,
  scan: (text) =>
    doubledWords(text)
      .filter((m) => m[1]!.length > 2 || MONEY_WORDS.test(m[1]!))
      .map((m) => ({ offset: m.index, length: m[0].length, messageId: 'doubled', data: { word: m[1]! } })),
});
