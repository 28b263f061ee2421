import { NO_SLIPS, proofreadCheck, type Slip } from './proofread.js';

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
 * runs only there, not at every character. `nextSame` (see nextSameUnit) lists for each offset the
 * next offset of the same code unit, so usually one look per character decides.
 */
function nextCandidate(text: string, from: number, nextSame: Int32Array): number {
  for (let i = from; i + 3 < text.length; i++) {
    const a = text.charCodeAt(i);
    // a match starts at a Han code point: never below FIRST_HAN, never at a low surrogate
    if (a < FIRST_HAN || (a >= 0xdc00 && a <= 0xdfff)) continue;
    const b = text.charCodeAt(i + 1);
    const last = i + Math.min(MAX_WORD_UNITS, (text.length - i) >> 1);
    for (let k = nextSame[i]!; k !== -1 && k <= last; k = nextSame[k]!) if (k - i >= 2 && text.charCodeAt(k + 1) === b) return i;
  }
  return -1;
}

/** Per code unit: where the running backward pass last saw it, as `stamp + offset` (never cleared per text). */
const lastSeen = new Int32Array(0x10000);
let stamp = 0;

/**
 * The array nextSameUnit fills, shared by every text (only read during one doubledWords call, so no
 * array is allocated per text); grown up to SHARED_MAX entries, longer texts get their own.
 */
let nextBuffer = new Int32Array(256);
const SHARED_MAX = 1 << 16;

/**
 * For each offset of the text, the next offset holding the same code unit (−1: none); one backward
 * pass. Entries from text.length on are left over from earlier texts and never read.
 */
function nextSameUnit(text: string): Int32Array {
  if (stamp > 0x7fffffff - text.length - 1) {
    lastSeen.fill(0);
    stamp = 0;
  }
  const base = stamp + 1; // entries below base were left by earlier texts
  if (text.length > SHARED_MAX) return fillNextSame(text, new Int32Array(text.length), base);
  if (nextBuffer.length < text.length) nextBuffer = new Int32Array(Math.min(SHARED_MAX, Math.max(text.length, nextBuffer.length * 2)));
  return fillNextSame(text, nextBuffer, base);
}

function fillNextSame(text: string, next: Int32Array, base: number): Int32Array {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    const seen = lastSeen[c]!;
    next[i] = seen >= base ? seen - base : -1;
    lastSeen[c] = base + i;
  }
  stamp = base + text.length;
  return next;
}

/** The answer for a text without a doubled word (shared: most texts have none). */
const NO_MATCHES: readonly RegExpExecArray[] = Object.freeze([]);

/** The matches of /(\p{Script=Han}{2,8})\1/gu, in order, found only where nextCandidate allows one. */
export function doubledWords(text: string): readonly RegExpExecArray[] {
  if (text.length < 4) return NO_MATCHES;
  let out: RegExpExecArray[] | undefined;
  const nextSame = nextSameUnit(text);
  for (let i = nextCandidate(text, 0, nextSame); i >= 0; i = nextCandidate(text, i, nextSame)) {
    DOUBLED_AT.lastIndex = i;
    const m = DOUBLED_AT.exec(text);
    if (m) {
      (out ??= []).push(m);
      i += m[0].length;
    } else i++;
  }
  return out ?? NO_MATCHES;
}

/** The doubled words of a text that are reported (see MONEY_WORDS). */
export function doubledWordSlips(text: string): readonly Slip[] {
  let slips: Slip[] | undefined;
  for (const m of doubledWords(text)) {
    if (m[1]!.length > 2 || MONEY_WORDS.test(m[1]!)) (slips ??= []).push({ offset: m.index, length: m[0].length, messageId: 'doubled', data: { word: m[1]! } });
  }
  return slips ?? NO_SLIPS;
}

export default proofreadCheck({
  id: 'doubled-word',
  description: { zh: '名称和文字中没有重复的词（如“支出支出”）', en: 'No doubled word in names and text ("支出支出")' },
  messages: {
    doubled: { zh: '“{word}”重复：{excerpt}', en: '“{word}” is printed twice: {excerpt}' },
  },
  rows: true,
  joinable: true,
  scan: doubledWordSlips,
});
