import { memoByString, ownCopy } from '../memo.js';
import type { RowCode } from '../model/construct.js';
import { levelOf } from './row-parse.js';

/** The longest text sharedText shares (longer ones are returned as they are). */
const SHARED_TEXT_MAX_LENGTH = 32;

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
