/**
 * Name comparison for classification names. Trivial differences (spaces, full/half-width brackets,
 * quotes) are not differences at all; 其它/其他-style variants are a lesser finding than a wrong name.
 */

import { memoByString } from '../memo.js';

/**
 * The catalog rules ask for the keys of the same few hundred names many times per document: the
 * key functions are memoised for names (a long text is computed each time).
 */
const memoised = (f: (s: string) => string): ((s: string) => string) => memoByString(f, 100);

/** Key under which trivially different spellings of a name are equal. */
export function nameKey(name: string): string {
  return isOwnKey(name) ? name : memoisedKey(name);
}

/** nameKey worked out: NFKC, without spaces and quotes, brackets made round. */
export function plainNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[“”"‘’'「」『』]/g, '')
    .replace(/[【〔［]/g, '(')
    .replace(/[】〕］]/g, ')');
}

const memoisedKey = memoised(plainNameKey);

/**
 * Whether a name is its own key, told by character code (no cache look-up, which would hash the
 * name): every character a CJK unified ideograph (U+4E00–U+9FFF, which NFKC keeps) or printable
 * ASCII other than a space or a quote. Most printed names ("行政运行") are.
 */
export function isOwnKey(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0x4e00 ? c > 0x9fff : c <= 0x20 || c > 0x7e || c === 0x22 || c === 0x27) return false;
  }
  return true;
}

/** Written-variant characters that are not the official spelling (其它 for 其他 …). */
const VARIANTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/其它/g, '其他'],
  [/帐/g, '账'],
];

/** Key under which names that differ only by a written variant (其它/其他) are equal. */
export const variantKey: (name: string) => string = memoised((name) => {
  let k = nameKey(name);
  for (const [re, to] of VARIANTS) k = k.replace(re, to);
  return k;
});

export type NameAgreement = 'same' | 'variant' | 'different';

/** How a printed name relates to a reference name. */
export function compareNames(printed: string, reference: string): NameAgreement {
  if (nameKey(printed) === nameKey(reference)) return 'same';
  if (variantKey(printed) === variantKey(reference)) return 'variant';
  return 'different';
}

/** A doubled word inside a name ("卫生健康支出支出"): the repeated part, or undefined. */
export function doubledWord(text: string): { word: string; index: number } | undefined {
  const m = /(\p{Script=Han}{2,8})\1/u.exec(text);
  return m ? { word: m[1]!, index: m.index } : undefined;
}

/** The name with its first doubled word written once ("卫生健康支出支出" → "卫生健康支出"). */
export const undoubled: (text: string) => string = memoised((text) => text.replace(/(\p{Script=Han}{2,8})\1/u, '$1'));
