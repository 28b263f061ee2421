import { Decimal as DecimalJs } from 'decimal.js';

/**
 * The one decimal constructor for money. A clone, so global configuration elsewhere cannot change it;
 * 40 significant digits cover national totals in 元 with 分 many times over.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);

/** Decimal digits per word of decimal.js's digit array (its LOG_BASE). */
const WORD_DIGITS = 7;

/**
 * The Decimal of a plain numeral: ASCII digits with at most one point, a digit on each side of it
 * ("1234", "726.41", "0.50"); `point` is the index of the point, or -1. The same value, exponent,
 * sign and digit words as `new Decimal(text)` gives, without its string parsing (a regular expression,
 * a replace, a search and a number conversion per seven digits), which costs about a microsecond per
 * amount: every amount cell of every table is read so. The digits are gathered by character code
 * into decimal.js's words (integers below 10^7, exact), as its own parser does with its slices.
 */
export function decimalOfNumeral(text: string, point: number): Decimal {
  // the first and last significant digits, by index in the text
  let first = 0;
  let last = text.length - 1;
  while (first <= last && isZeroOrPoint(text.charCodeAt(first))) first++;
  const x = new Decimal(0);
  if (first > last) return x;
  while (isZeroOrPoint(text.charCodeAt(last))) last--;
  // decimal.js's exponent: the power of ten of the first significant digit
  const intDigits = point < 0 ? text.length : point;
  const exponent = intDigits - (point >= 0 && first > point ? first - 1 : first) - 1;
  // the first word holds the digits down to the units of a power of 10^7, the others seven each,
  // the last padded with zeros (as decimal.js stores them)
  let wordSize = (exponent + 1) % WORD_DIGITS;
  if (exponent < 0) wordSize += WORD_DIGITS;
  if (wordSize === 0) wordSize = WORD_DIGITS;
  const words: number[] = [];
  let word = 0;
  let inWord = 0;
  for (let k = first; k <= last; k++) {
    if (k === point) continue;
    word = word * 10 + (text.charCodeAt(k) - 0x30);
    if (++inWord === wordSize) {
      words.push(word);
      word = 0;
      inWord = 0;
      wordSize = WORD_DIGITS;
    }
  }
  if (inWord > 0) {
    for (; inWord < wordSize; inWord++) word *= 10;
    words.push(word);
  }
  const mutable = x as unknown as { e: number; d: number[] };
  mutable.e = exponent;
  mutable.d = words;
  return x;
}

function isZeroOrPoint(c: number): boolean {
  return c === 0x30 || c === 0x2e;
}
