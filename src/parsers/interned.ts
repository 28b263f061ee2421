import { memoByString, ownCopy } from '../memo.js';
import type { RowCode } from '../model/construct.js';
import { levelOf } from './row-parse.js';

/** The longest text sharedText shares (longer ones are returned as they are). */
export const SHARED_TEXT_MAX_LENGTH = 32;

/**
 * One shared copy of a short text kept in the model (a code, a code part, a row name or label, a
 * unit). Every document prints the same few thousand codes and names, and a short text cut from a
 * document is a copy of its own: without sharing, each row would keep its own copies, and the
 * garbage collector would copy them again with every parsed model it moves. Texts are immutable, so
 * a shared copy is indistinguishable from a fresh one.
 */
export const sharedText: (text: string) => string = memoByString((text) => text, SHARED_TEXT_MAX_LENGTH);

/** A row's code, its level and its printed parts, shared by every row that prints the code so. */
export type SharedCode = RowCode;

/** Codes already handed out, by code; bounded like memoByString's caches. */
const codes = new Map<string, SharedCode>();
const MAX_SHARED_CODES = 50_000;

/**
 * The shared code and parts for the first `count` printed code parts of `parts` (a scratch array):
 * the same code is printed in several tables of a document and in most documents, and one look-up
 * by the code finds both. A code split differently than the first time (as a malformed table may
 * print it) gets copies of its own. Codes and parts are read-only in the model.
 */
export function sharedCode(parts: readonly string[], count = parts.length): SharedCode {
  const layout = smallCodeLayout(parts, count);
  if (layout === 0) return sharedCodeByText(parts, count);
  const value = digitsValue(parts, count);
  let byValue = smallCodes[layout];
  if (byValue === undefined) smallCodes[layout] = byValue = new Map();
  let shared = byValue.get(value);
  if (shared === undefined) {
    if (smallCodeCount >= MAX_SHARED_CODES) {
      smallCodes.fill(undefined);
      smallCodeCount = 0;
      smallCodes[layout] = byValue = new Map();
    }
    shared = sharedCodeByText(parts, count);
    byValue.set(value, shared);
    smallCodeCount++;
  }
  return shared;
}

/**
 * Codes of at most seven digits in at most three parts (every code a budget table prints), by the
 * lengths of their parts (smallCodeLayout) and then by their digits read as one number: the parts
 * are found again without joining them into a string and hashing it, which cost more than the rest
 * of reading a coded row. The layout and the number together are the parts.
 */
const smallCodes: (Map<number, SharedCode> | undefined)[] = new Array<undefined>(8 ** 3).fill(undefined);
let smallCodeCount = 0;

/**
 * The lengths of the parts as the digits of an octal number (1–7 each, so that every split has its
 * own), or 0 when the parts are not such a code: more than three parts or seven digits, an empty
 * part, or a character other than an ASCII digit.
 */
function smallCodeLayout(parts: readonly string[], count: number): number {
  if (count > 3) return 0;
  let layout = 0;
  let digits = 0;
  for (let i = 0; i < count; i++) {
    const p = parts[i]!;
    digits += p.length;
    if (p.length === 0 || digits > 7) return 0;
    for (let k = 0; k < p.length; k++) {
      const c = p.charCodeAt(k);
      if (c < 0x30 || c > 0x39) return 0;
    }
    layout = layout * 8 + p.length;
  }
  return layout;
}

/** The digits of the parts, joined, as a number (below 10^7 for a small code). */
function digitsValue(parts: readonly string[], count: number): number {
  let value = 0;
  for (let i = 0; i < count; i++) {
    const p = parts[i]!;
    for (let k = 0; k < p.length; k++) value = value * 10 + (p.charCodeAt(k) - 0x30);
  }
  return value;
}

/** sharedCode by the joined code's text (any parts). */
function sharedCodeByText(parts: readonly string[], count: number): SharedCode {
  let code = parts[0]!;
  for (let i = 1; i < count; i++) code += parts[i]!;
  const known = codes.get(code);
  if (known !== undefined && sameParts(known.parts, parts, count)) return known;
  const own: SharedCode = { code: ownCopy(code), level: levelOf(code), parts: ownParts(parts, count) };
  if (known === undefined) {
    if (codes.size >= MAX_SHARED_CODES) codes.clear();
    codes.set(own.code, own);
  }
  return own;
}

/**
 * Copies of the parts detached from the document (a part too long for sharedText is copied too: a
 * cached slice would keep its document's text alive), in an array of exact length (an array grown
 * by push keeps room for 17) and packed like `parts` (map() gives a holey array when its caller runs
 * optimised and a packed one when not: two hidden classes for the code that reads the parts).
 */
function ownParts(parts: readonly string[], count: number): string[] {
  const own = parts.slice(0, count);
  for (let i = 0; i < own.length; i++) {
    const p = own[i]!;
    own[i] = p.length <= SHARED_TEXT_MAX_LENGTH ? sharedText(p) : ownCopy(p);
  }
  return own;
}

function sameParts(a: readonly string[], b: readonly string[], count: number): boolean {
  if (a.length !== count) return false;
  for (let i = 0; i < count; i++) if (a[i] !== b[i]) return false;
  return true;
}
