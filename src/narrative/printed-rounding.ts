/**
 * Whether a narrative amount is its table value rounded half-up, decided on the digits: most amounts
 * restate their value correctly, and this answers for them without the three Decimal operations
 * (convert, round, compare) of the plain way. tests/narrative/printed-rounding.test.ts compares it
 * with the plain way on random values.
 */
import type { Unit } from '../model/amount.js';
import type { Decimal } from '../model/decimal.js';

/** Powers of ten of the units (digits the point moves from 元). */
const UNIT_DIGITS: Readonly<Record<Unit, number>> = { 元: 0, 万元: 4, 亿元: 8 };

/** Longest table value (in printed digits) read here: far within the Decimal precision, so the plain way is exact too. */
const MAX_DIGITS = 30;

const ZERO_CODE = 0x30;
const NINE_CODE = 0x39;
const POINT_CODE = 0x2e;

/**
 * True when `printed` (a narrative amount: ASCII digits with `scale` decimals, no sign or separator)
 * is the table value `tableValue` (in 元, not negative) converted to `unit` and rounded half-up to
 * `scale` decimals; false when it is not; undefined when the inputs are outside that shape (the
 * caller then takes the plain way).
 */
export function roundsToPrinted(printed: string, scale: number, unit: Unit, tableValue: Decimal): boolean | undefined {
  if (tableValue.isNegative()) return undefined;
  return roundsToFixed(printed, scale, unit, tableValue.toFixed(), '元');
}

/**
 * roundsToPrinted for a table value given as a plain decimal string (ASCII digits, at most one point,
 * not negative) in `tableUnit`: the digits a table cell prints, read without making its Decimal.
 * Leading zeros and trailing decimal zeros do not change the answer (they shift the digits and the
 * rounding position alike, and a missing digit reads as 0).
 */
export function roundsToFixed(printed: string, scale: number, unit: Unit, table: string, tableUnit: Unit): boolean | undefined {
  const printedDigits = plainDigits(printed, scale);
  if (printedDigits === undefined) return undefined;
  // counted in 元, as the plain way reads it
  if (table.length + UNIT_DIGITS[tableUnit] > MAX_DIGITS) return undefined;
  const point = table.indexOf('.');
  const intLength = point < 0 ? table.length : point;
  // the table's digits without the point, and where the rounded value ends in them (in `unit` at `scale`)
  const digits = point < 0 ? table : table.slice(0, point) + table.slice(point + 1);
  const end = intLength + UNIT_DIGITS[tableUnit] - UNIT_DIGITS[unit] + scale;
  const kept = end <= 0 ? '0' : end <= digits.length ? digits.slice(0, end) : digits + '0'.repeat(end - digits.length);
  const roundsUp = end >= 0 && end < digits.length && digits.charCodeAt(end) >= ZERO_CODE + 5;
  const expected = withoutLeadingZeros(roundsUp ? incremented(kept) : kept);
  return withoutLeadingZeros(printedDigits) === expected;
}

/**
 * The digits of a figure printed plainly (ASCII digits, a point before exactly `scale` decimals and a
 * digit before it, no sign or separator), without its point; undefined when it is not so printed.
 */
export function plainDigits(printed: string, scale: number): string | undefined {
  const point = scale === 0 ? -1 : printed.length - scale - 1;
  if (printed.length === 0 || point === 0) return undefined;
  for (let i = 0; i < printed.length; i++) {
    const c = printed.charCodeAt(i);
    if (i === point ? c !== POINT_CODE : c < ZERO_CODE || c > NINE_CODE) return undefined;
  }
  return point < 0 ? printed : printed.slice(0, point) + printed.slice(point + 1);
}

function withoutLeadingZeros(digits: string): string {
  let i = 0;
  while (i < digits.length - 1 && digits.charCodeAt(i) === ZERO_CODE) i++;
  return i === 0 ? digits : digits.slice(i);
}

/** A digit string plus one. */
function incremented(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits.charCodeAt(i) === NINE_CODE) i--;
  const head = i < 0 ? '1' : digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1);
  return head + '0'.repeat(digits.length - 1 - i);
}
