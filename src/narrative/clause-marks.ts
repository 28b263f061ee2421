/**
 * Marks extractStatements looks for in the words around an amount, each behind a cheap test of
 * character codes: most clauses hold none of a mark's characters, and the regex (or the slice it
 * would run on) is then not needed. tests/narrative/clause-marks.test.ts compares each with the
 * plain regex on random text.
 */
import { charSet, holdsOneOf, inSet, JS_SPACES, removeIfAny, type CharSet } from '../char-sets.js';

/**
 * A pattern anchored at the end of a text ("…增加了"), with the characters its matches can end with and
 * the length of its longest match. V8 tries such a pattern at every position of the text; a match
 * can only start within `longest` code units of the end, so only those positions are tried.
 */
export interface EndPattern {
  /** The pattern as written (ending in "$", no "^", no lookbehind). */
  readonly pattern: RegExp;
  readonly last: CharSet;
  readonly longest: number;
  /** The pattern with the global flag, whose search starts at lastIndex. */
  readonly search: RegExp;
}

export function endPattern(pattern: RegExp, last: string, longest: number): EndPattern {
  return { pattern, last: charSet(last), longest, search: new RegExp(pattern.source, 'g') };
}

/** `p.pattern.exec(text)`, trying only the positions a match can start at. */
export function execAtEnd(p: EndPattern, text: string): RegExpExecArray | null {
  if (text.length === 0 || !inSet(p.last, text.charCodeAt(text.length - 1))) return null;
  p.search.lastIndex = Math.max(0, text.length - p.longest);
  const m = p.search.exec(text);
  p.search.lastIndex = 0;
  return m;
}

/** Whether every code unit of text[from, to) is in `set` (true for an empty range; `to` ≤ the text's length). */
export function onlyOf(text: string, from: number, to: number, set: CharSet): boolean {
  for (let i = from; i < to; i++) if (!inSet(set, text.charCodeAt(i))) return false;
  return true;
}

/** The characters a match of any of the patterns ends with. */
export function lastOfAny(patterns: readonly EndPattern[]): CharSet {
  const set = charSet('');
  for (const p of patterns) for (let i = 0; i < set.length; i++) set[i]! |= p.last[i]!;
  return set;
}

/**
 * Whether the last character of `text` that clean() keeps is in `last`: when it is not, no pattern
 * ending in those characters matches the cleaned text, and the text need not be cleaned for them.
 */
export function cleanEndsIn(text: string, last: CharSet): boolean {
  let i = text.length - 1;
  while (i >= 0 && inSet(SPACE_OR_QUOTE, text.charCodeAt(i))) i--;
  return i >= 0 && inSet(last, text.charCodeAt(i));
}

/** "上年", "同比", "比2022年": the amount is compared with last year. */
export const YOY_MARK = /上年|去年|上一年|同比|[比较与]\d{4}年/;
/** The characters of which every match of YOY_MARK holds one. */
const YOY_CHARS = charSet('上去同比较与');

/**
 * Whether the (cleaned) clause, or else text[from, to) (the words before the clause in its sentence),
 * holds a year-on-year mark.
 */
export function hasYoyMark(clause: string, text: string, from: number, to: number): boolean {
  if (holdsOneOf(clause, 0, clause.length, YOY_CHARS) && YOY_MARK.test(clause)) return true;
  return holdsOneOf(text, from, to, YOY_CHARS) && YOY_MARK.test(text.slice(from, to));
}

/** "50万元以上", "20万元（含）以下", "5万元/人": the words after an amount make it a limit or a rate. */
export const THRESHOLD_AFTER = /^([（(]含[）)])?(以上|以下|以内|及以上|及以下|左右|\/)/;
/** The characters a match of THRESHOLD_AFTER can start with. */
const THRESHOLD_AFTER_FIRST = charSet('（(以及左/');

/** Whether the words from `from` on (at most 6 characters) make the amount before them a limit. */
export function thresholdAfter(text: string, from: number): boolean {
  return inSet(THRESHOLD_AFTER_FIRST, text.charCodeAt(from)) && THRESHOLD_AFTER.test(text.slice(from, from + 6));
}

/** Spaces and double quotes clean() drops. */
export const SPACES_AND_QUOTES = /[\s“”"]/g;
/** The code units SPACES_AND_QUOTES matches. */
export const SPACE_OR_QUOTE = charSet(`${JS_SPACES}“”"`);

/** The text without spaces and double quotes. */
export function clean(s: string): string {
  return removeIfAny(s, SPACE_OR_QUOTE, SPACES_AND_QUOTES);
}

/** Spaces and every kind of quote (the list and subject readers drop them). */
export const SPACES_AND_ALL_QUOTES = /[\s“”"‘’「」『』]/g;
/** The code units SPACES_AND_ALL_QUOTES matches. */
export const SPACE_OR_ANY_QUOTE = charSet(`${JS_SPACES}“”"‘’「」『』`);
