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
 * ("1234", "726.41", "0.50"), and thousands separators in the integer digits ("405,458,656", the
 * caller has checked their places); `point` is the index of the point, or -1.
 * The same value, exponent, sign and digit words as `new Decimal(text)` (without the separators)
 * gives, without its string parsing (a regular expression, a replace, a search and a number
 * conversion per seven digits), which costs about a microsecond per amount: every amount cell of
 * every table is read so. The digits are gathered by character code into decimal.js's words
 * (integers below 10^7, exact), as its own parser does with its slices.
 */
export function decimalOfNumeral(text: string, point: number): Decimal {
  const end = point < 0 ? text.length : point;
  // the first significant digit, and the zeros before it
  let first = 0;
  let zerosBefore = 0;
  for (; first < text.length; first++) {
    const c = text.charCodeAt(first);
    if (!isZeroOrMark(c)) break;
    if (c === ZERO_CODE) zerosBefore++;
  }
  const x = new Decimal(0);
  if (first === text.length) return x;
  // separators stand at their places (one before each group of three digits), so the integer digits
  // are counted without reading them: a separator four places before the end of the integer digits
  // means groups, one per four characters after the first group of one to three digits
  const intDigits = end >= 5 && text.charCodeAt(end - 4) === COMMA ? end - ((end - 1) >> 2) : end;
  let last = text.length - 1;
  // trailing zeros are not kept (a significant digit ends the walk before the text's start)
  while (isZeroOrMark(text.charCodeAt(last))) last--;
  // decimal.js's exponent: the power of ten of the first significant digit (every digit before it is a zero)
  const exponent = intDigits - zerosBefore - 1;
  // the first word holds the digits down to the units of a power of 10^7, the others seven each,
  // the last padded with zeros (as decimal.js stores them)
  let wordSize = (exponent + 1) % WORD_DIGITS;
  if (exponent < 0) wordSize += WORD_DIGITS;
  if (wordSize === 0) wordSize = WORD_DIGITS;
  let count = 0;
  let word = 0;
  let inWord = 0;
  for (let k = first; k <= last; k++) {
    const c = text.charCodeAt(k);
    if (c === POINT || c === COMMA) continue;
    word = word * 10 + (c - ZERO_CODE);
    if (++inWord === wordSize) {
      scratchWords[count++] = word;
      word = 0;
      inWord = 0;
      wordSize = WORD_DIGITS;
    }
  }
  if (inWord > 0) {
    for (; inWord < wordSize; inWord++) word *= 10;
    scratchWords[count++] = word;
  }
  const mutable = x as unknown as { e: number; d: number[] };
  mutable.e = exponent;
  // a copy of exactly its words: an array grown by push keeps room for 17, and every amount of a
  // parsed model keeps its digit array for as long as the model lives
  mutable.d = scratchWords.slice(0, count);
  return x;
}

/** The words of the numeral being read (small integers only, so that its copies are arrays of them as decimal.js's own are). */
const scratchWords: number[] = [];

const ZERO_CODE = 0x30;
const POINT = 0x2e;
const COMMA = 0x2c;

/** A zero, point or thousands separator: what stands around a numeral's significant digits. */
function isZeroOrMark(c: number): boolean {
  return c === ZERO_CODE || c === POINT || c === COMMA;
}
