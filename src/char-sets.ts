/**
 * Sets of UTF-16 code units for scans by character code: the parsers, the narrative analysis and the
 * structure rules test characters without a regular expression or a one-character string each.
 * tests/narrative/clause-marks.test.ts and tests/parsers/spaces.test.ts compare them with the patterns
 * they stand for on every code unit.
 */

/**
 * A set of UTF-16 code units, one bit each (8 KB, so the lookups of a walk over Chinese text stay in
 * the processor's nearest cache, unlike a byte per code unit). The walks test character codes, so
 * they allocate no one-character string per character looked at.
 */
export type CharSet = Uint32Array;

export function charSet(chars: string): CharSet {
  const set = new Uint32Array(0x10000 >>> 5);
  for (let i = 0; i < chars.length; i++) {
    const c = chars.charCodeAt(i);
    set[c >>> 5]! |= 1 << (c & 31);
  }
  return set;
}

/** Whether code unit `c` is in the set (false for NaN, the code "past the end" of a text). */
export function inSet(set: CharSet, c: number): boolean {
  return ((set[c >>> 5]! >>> (c & 31)) & 1) === 1;
}

/** The code units \s matches in a JavaScript regular expression (U+3000 among them). */
export const JS_SPACES = ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/** JS_SPACES as a set (built once: the parser, the narrative and the structure rules share it). */
export const JS_SPACE_SET: CharSet = charSet(JS_SPACES);

/** Runs of spaces, as \s matches them (U+3000 among them). */
const SPACE_RUNS = /\s+/g;
/** One space, as \s matches it. */
const SPACE = /\s/;

/**
 * Whether `text` holds a space (\s). The regex engine runs the search in native code from the first
 * document on, where a loop over the characters runs in the interpreter until it is compiled; once
 * compiled, both take about as long.
 */
export function holdsSpace(text: string): boolean {
  return SPACE.test(text);
}

/** `text` without its spaces (\s); most texts have none and are returned as they are (no copy). */
export function withoutSpaces(text: string): string {
  return holdsSpace(text) ? text.replace(SPACE_RUNS, '') : text;
}

/**
 * `text` with the matches of `pattern` (a global regex) removed, when it holds one of `set`'s code
 * units (the code units `pattern` matches); most texts hold none and are returned as they are.
 */
export function removeIfAny(text: string, set: CharSet, pattern: RegExp): string {
  return holdsOneOf(text, 0, text.length, set) ? text.replace(pattern, '') : text;
}

/** Whether a code unit of text[from, to) is in `set`. */
export function holdsOneOf(text: string, from: number, to: number, set: CharSet): boolean {
  for (let i = from; i < to; i++) if (inSet(set, text.charCodeAt(i))) return true;
  return false;
}
