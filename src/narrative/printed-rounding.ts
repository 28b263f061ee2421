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

/** Longest table value (in characters, counted in 元) read here: far within the Decimal precision, so the plain way is exact too. */
const MAX_DIGITS = 30;

/** Most digits of a figure or rounded table value compared here: below 2^53, so exact as a number. */
const MAX_EXACT_DIGITS = 15;

const ZERO_CODE = 0x30;
const NINE_CODE = 0x39;
const POINT_CODE = 0x2e;
const COMMA_CODE = 0x2c;

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
 * roundsToPrinted for a table value given as text in `tableUnit`: ASCII digits, thousands commas
 * (skipped) and at most one point, as a table cell prints it (undefined for any other text). The
 * digits are read in place, as integers: no string is made. Leading zeros and trailing decimal zeros
 * do not change the answer.
 */
export function roundsToFixed(printed: string, scale: number, unit: Unit, table: string, tableUnit: Unit): boolean | undefined {
  const figure = plainFigure(printed, scale);
  if (figure < 0 || table.length + UNIT_DIGITS[tableUnit] > MAX_DIGITS) return undefined;
  let intDigits = 0;
  let digits = 0;
  let point = false;
  for (let i = 0; i < table.length; i++) {
    const c = table.charCodeAt(i);
    if (c >= ZERO_CODE && c <= NINE_CODE) {
      digits++;
      if (!point) intDigits++;
    } else if (c === POINT_CODE && !point) point = true;
    else if (c !== COMMA_CODE) return undefined;
  }
  if (digits === 0) return undefined;
  // the rounded value (in `unit` at `scale`) is the table's first `end` digits, rounded by the next one
  const end = intDigits + UNIT_DIGITS[tableUnit] - UNIT_DIGITS[unit] + scale;
  if (end > MAX_EXACT_DIGITS) return undefined;
  let kept = 0;
  let next = 0;
  let k = 0;
  for (let i = 0; i < table.length && k <= end; i++) {
    const c = table.charCodeAt(i);
    if (c < ZERO_CODE || c > NINE_CODE) continue;
    if (k < end) kept = kept * 10 + (c - ZERO_CODE);
    else next = c - ZERO_CODE;
    k++;
  }
  // fewer digits than the rounded value has: the missing ones are zeros
  if (k < end) kept *= 10 ** (end - k);
  return figure === kept + (next >= 5 ? 1 : 0);
}

/**
 * The digits of a figure printed plainly (ASCII digits, a point before exactly `scale` decimals and a
 * digit before it, no sign or separator), without its point, as an integer; −1 when it is not so
 * printed or has more than MAX_EXACT_DIGITS digits.
 */
export function plainFigure(printed: string, scale: number): number {
  const point = scale === 0 ? -1 : printed.length - scale - 1;
  if (printed.length === 0 || point === 0 || printed.length - (point < 0 ? 0 : 1) > MAX_EXACT_DIGITS) return -1;
  let value = 0;
  for (let i = 0; i < printed.length; i++) {
    const c = printed.charCodeAt(i);
    if (i === point) {
      if (c !== POINT_CODE) return -1;
    } else if (c < ZERO_CODE || c > NINE_CODE) return -1;
    else value = value * 10 + (c - ZERO_CODE);
  }
  return value;
}
