import { memoByString } from '../memo.js';

/**
 * One shared copy of a short text kept in the model (a code, a code part, a row name or label, a
 * unit). Every document prints the same few thousand codes and names, and a short text cut from a
 * document is a copy of its own: without sharing, each row would keep its own copies, and the
 * garbage collector would copy them again with every parsed model it moves. Texts are immutable, so
 * a shared copy is indistinguishable from a fresh one.
 */
export const sharedText: (text: string) => string = memoByString((text) => text, 32);

/**
 * A copy of `text` that does not share the memory of the string it was cut from (as memoByString
 * stores its keys): concatenation makes a rope, and slicing the rope flattens it into a new string.
 */
export function detachedText(text: string): string {
  return (' ' + text).slice(1);
}

/** Code parts already handed out, by the code they spell; bounded like memoByString's caches. */
const partsByCode = new Map<string, readonly string[]>();
const MAX_SHARED_CODES = 50_000;

/**
 * One shared array for the code parts of a code (`parts`: shared texts, in a scratch array): the
 * same code is printed in several tables of a document and in most documents. A code split
 * differently than the first time (as a malformed table may print it) gets an array of its own.
 * Code parts are read-only in the model.
 */
export function sharedCodeParts(code: string, parts: readonly string[]): readonly string[] {
  const known = partsByCode.get(code);
  if (known !== undefined && sameParts(known, parts)) return known;
  // a copy of exact length: an array grown by push keeps room for 17
  const own = parts.slice();
  if (known === undefined) {
    if (partsByCode.size >= MAX_SHARED_CODES) partsByCode.clear();
    partsByCode.set(sharedText(code), own);
  }
  return own;
}

function sameParts(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
