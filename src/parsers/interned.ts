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
  let digits = 0;
  let lengths = 0;
  let value = 0;
  for (let i = 0; i < count; i++) {
    const p = parts[i]!;
    const partValue = digitsValueOf(p);
    if (partValue < 0) return sharedCodeByText(parts, count);
    digits += p.length;
    lengths = lengths * 8 + p.length;
    value = value * tenToThe(p.length) + partValue;
  }
  return sharedCodeByLayout(parts, count, smallCodeLayoutOf(count, digits, lengths), value);
}

/**
 * sharedCode of parts of ASCII digits, given what a reader that has just scanned them knows:
 * smallCodeLayoutOf their count, digits and lengths, and `value`, their digits read as one number.
 */
export function sharedCodeByLayout(parts: readonly string[], count: number, layout: number, value: number): SharedCode {
  if (layout === 0) return sharedCodeByText(parts, count);
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
 * lengths of their parts (smallCodeLayoutOf) and then by their digits read as one number: the parts
 * are found again without joining them into a string and hashing it, which cost more than the rest
 * of reading a coded row. The layout and the number together are the parts.
 */
const smallCodes: (Map<number, SharedCode> | undefined)[] = new Array<undefined>(8 ** 3).fill(undefined);
let smallCodeCount = 0;

/**
 * The layout of `count` non-empty parts of ASCII digits, `digits` in all, whose lengths are the
 * octal digits of `lengths` (1–7 each when the code is small, so that every split has its own); 0
 * when they are not a small code: more than three parts or seven digits.
 */
export function smallCodeLayoutOf(count: number, digits: number, lengths: number): number {
  return count <= 3 && digits <= 7 ? lengths : 0;
}

/**
 * 10^n for the lengths of a small code's parts, as a small integer (the value of a small code is
 * one, and a look-up by it stays an integer one); 0 for a longer part, whose code is not small.
 */
export function tenToThe(n: number): number {
  return n < TEN_POWERS.length ? TEN_POWERS[n]! : 0;
}

const TEN_POWERS = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000];

/**
 * The value of a text of ASCII digits, or -1 when it has another character (or none). Exact below
 * 2^53; a longer code is not looked up by its value (smallCodeLayoutOf).
 */
export function digitsValueOf(text: string): number {
  if (text.length === 0) return -1;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
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
