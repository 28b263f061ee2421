/**
 * The rounding intervals of narrative amounts printed in one unit, as exact integers: a figure with
 * d decimals stands for [v − ½·10^−d, v + ½·10^−d) in its unit (a printed 0, and any 元 figure, is
 * exact), and with every figure counted in units of the smallest printed decimal the sums and
 * comparisons of narrative/intervals.ts need no Decimal. tests/narrative/printed-intervals.test.ts
 * compares them with the Decimal intervals on random figures.
 */
import type { NumberToken } from './numbers.js';
import { plainFigure } from './printed-rounding.js';

/**
 * An interval counted in units of 10^−scale of the figures' unit, with its width (twice its radius)
 * so that both are integers. JavaScript numbers, exact here: see MAX_DIGITS.
 */
export interface IntegerInterval {
  readonly value: number;
  readonly width: number;
}

/**
 * Most digits of a figure counted in the smallest printed decimal, and most figures read together.
 * A nonzero figure's width is at most its value, so every sum, difference and double of them stays
 * below 4 × MAX_FIGURES × 10^MAX_DIGITS = 8·10^15 < 2^53: exact in a number. The outcome only turns
 * where a sum is near a figure of at most 12 digits, well within the 40 significant digits of
 * model/decimal, so the Decimal intervals are exact there too. Longer figures take the Decimal way.
 */
const MAX_DIGITS = 12;
const MAX_FIGURES = 2000;

const POWERS: readonly number[] = Array.from({ length: MAX_DIGITS + 1 }, (_, i) => 10 ** i);

/**
 * The figures' intervals counted in units of 10^−scale (scale: the most decimals among them), when
 * every figure is printed plainly (ASCII digits, no sign or separator) in the same money unit and
 * fits MAX_DIGITS; undefined otherwise.
 */
export function integerIntervals(tokens: readonly NumberToken[]): IntegerInterval[] | undefined {
  const unit = tokens[0]!.unit;
  if (unit === '%' || tokens.length > MAX_FIGURES) return undefined;
  let scale = 0;
  for (const t of tokens) {
    if (t.unit !== unit) return undefined;
    if (t.scale > scale) scale = t.scale;
  }
  const out: IntegerInterval[] = [];
  for (const t of tokens) {
    const shift = scale - t.scale;
    // the printed digits (the point dropped) and the zeros the shift appends
    if (t.raw.length + shift > MAX_DIGITS + (t.scale > 0 ? 1 : 0)) return undefined;
    const digits = plainFigure(t.raw, t.scale);
    if (digits < 0) return undefined;
    const value = digits * POWERS[shift]!;
    // a printed 0 is exact, and so is an amount in 元; else the width is one unit of its last decimal
    out.push({ value, width: t.zero || unit === '元' ? 0 : POWERS[shift]! });
  }
  return out;
}

export function sumIntervals(items: readonly IntegerInterval[], from: number, to: number): IntegerInterval {
  let value = 0;
  let width = 0;
  for (let i = from; i < to; i++) {
    value += items[i]!.value;
    width += items[i]!.width;
  }
  return { value, width };
}

/** compareIntervals(a, b) === 'mismatch': the half-open intervals do not meet (equal values always agree). */
export function integersDisagree(a: IntegerInterval, b: IntegerInterval): boolean {
  const diff = a.value > b.value ? a.value - b.value : b.value - a.value;
  return diff !== 0 && 2 * diff >= a.width + b.width;
}

/** lessOrEqual(a, b): some value of a's interval is at most some value of b's. */
export function integersAtMost(a: IntegerInterval, b: IntegerInterval): boolean {
  const lo = 2 * a.value - a.width;
  const hi = 2 * b.value + b.width;
  return b.width === 0 ? lo <= hi : lo < hi;
}

/** lessOrEqual on two figures' intervals, when both are printed plainly in one unit; undefined otherwise. */
export function printedAtMost(a: NumberToken, b: NumberToken): boolean | undefined {
  const intervals = integerIntervals([a, b]);
  return intervals ? integersAtMost(intervals[0]!, intervals[1]!) : undefined;
}
