import { NO_SLIPS, proofreadCheck, scanOfRowNames, type Slip } from './proofread.js';

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
 * Whether code unit c is certainly not (part of) a Han character: below U+2E80, the CJK punctuation
 * and brackets U+3000–3004 and U+3008–3020 (。、〈〉【】… — 々 U+3005, 〇 U+3007 and the numerals from
 * U+3021 are Han), and the full-width forms U+FF00–FFEF (，（）：…). Runs of such punctuation are common
 * in budget text and would otherwise each be looked at as a possible word. A test compares this with
 * \p{Script=Han} on every code unit.
 */
export function cannotBeHan(c: number): boolean {
  return c < FIRST_HAN || (c >= 0x3000 && c <= 0x3004) || (c >= 0x3008 && c <= 0x3020) || (c >= 0xff00 && c <= 0xffef);
}

/**
 * The offsets where a doubled word could start, ascending: offsets i of a Han code unit whose code
 * units up to k recur at once from k on, 2–16 units later, with no unit that cannot be Han in between
 * (cannotBeHan: a word and its copy are Han characters). Every match of DOUBLED_AT starts at such an offset, so
 * the backtracking pattern runs only there, not at every character. One forward pass: at each unit
 * k, the earlier units equal to it within 16 units are found through `previousSame`, so usually one
 * look per character decides.
 */
function candidates(text: string): number[] | undefined {
  if (stamp > 0x7fffffff - text.length - 1) {
    lastSeen.fill(0);
    scratch.listed.fill(0);
    stamp = 0;
  }
  const base = stamp + 1; // entries below base were left by earlier texts
  const previousSame = scratchArray('previousSame', text.length);
  let out: number[] | undefined;
  // the candidates listed, by offset (as `base + offset`): each is listed once, however many copies
  // follow it (a word repeated many times, 万元万元万元…, would otherwise list each offset ~8 times)
  const listed = scratchArray('listed', text.length);
  let runStart = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (cannotBeHan(c)) {
      runStart = k + 1;
      continue;
    }
    // (only units that can be Han are looked up: a chain is only walked for them)
    const seen = lastSeen[c]!;
    lastSeen[c] = base + k;
    let p = seen >= base ? seen - base : -1;
    previousSame[k] = p;
    // a match starts at a Han code point: never at a low surrogate
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    const from = Math.max(runStart, k - MAX_WORD_UNITS);
    for (; p >= from; p = previousSame[p]!) {
      if (listed[p] !== base + p && k - p >= 2 && repeatsAt(text, p, k)) {
        (out ??= []).push(p);
        listed[p] = base + p;
      }
    }
  }
  stamp = base + text.length;
  // found in the order of their copies: most texts have none, a few one or two
  return out && out.length > 1 ? out.sort((a, b) => a - b) : out;
}

/** Whether text[from, copy) is printed again at once: text[copy, 2·copy − from) holds the same code units. */
function repeatsAt(text: string, from: number, copy: number): boolean {
  const length = copy - from;
  if (copy + length > text.length) return false;
  for (let j = 1; j < length; j++) if (text.charCodeAt(from + j) !== text.charCodeAt(copy + j)) return false;
  return true;
}

/** Per code unit that can be Han: where the running forward pass last saw it, as `stamp + offset` (never cleared per text). */
const lastSeen = new Int32Array(0x10000);
let stamp = 0;

/**
 * The arrays candidates fills, shared by every text (only read during one call, so no array is
 * allocated per text); grown up to SHARED_MAX entries, longer texts get their own. previousSame is
 * written at every unit that can be Han before it is read there; the listed offsets are kept as
 * `stamp + offset`, so the entries of earlier texts never match.
 */
const scratch = { previousSame: new Int32Array(256), listed: new Int32Array(256) };
const SHARED_MAX = 1 << 16;

function scratchArray(which: keyof typeof scratch, length: number): Int32Array {
  if (length > SHARED_MAX) return new Int32Array(length);
  const have = scratch[which];
  if (have.length >= length) return have;
  return (scratch[which] = new Int32Array(Math.min(SHARED_MAX, Math.max(length, have.length * 2))));
}

/** The answer for a text without a doubled word (shared: most texts have none). */
const NO_MATCHES: readonly RegExpExecArray[] = Object.freeze([]);

/** The matches of /(\p{Script=Han}{2,8})\1/gu, in order, found only where candidates allows one. */
export function doubledWords(text: string): readonly RegExpExecArray[] {
  if (text.length < 4) return NO_MATCHES;
  const starts = candidates(text);
  if (starts === undefined) return NO_MATCHES;
  let out: RegExpExecArray[] | undefined;
  // where the search goes on: after a match, or after an offset tried in vain
  let next = 0;
  for (const i of starts) {
    if (i < next) continue;
    DOUBLED_AT.lastIndex = i;
    const m = DOUBLED_AT.exec(text);
    if (m) (out ??= []).push(m);
    next = m ? i + m[0].length : i + 1;
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
  // (its walk over the characters is the costliest of the scans: each row name is walked once per run)
  rowNameScan: scanOfRowNames(doubledWordSlips),
});
