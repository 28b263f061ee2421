/**
 * The rounding intervals of narrative amounts printed in one unit, as exact integers: a figure with
 * d decimals stands for [v − ½·10^−d, v + ½·10^−d) in its unit (a printed 0, and any 元 figure, is
 * exact), and with every figure counted in units of the smallest printed decimal the sums and
 * comparisons of narrative/intervals.ts need no Decimal. tests/narrative/printed-intervals.test.ts
 * compares them with the Decimal intervals on random figures.
 */
import type { NumberToken } from './numbers.js';
import { plainDigits } from './printed-rounding.js';

/**
 * An interval counted in units of 10^−scale of the figures' unit, with its width (twice its radius)
 * so that both are integers.
 */
export interface IntegerInterval {
  readonly value: bigint;
  readonly width: bigint;
}

/**
 * Longest figure read here (characters as printed, the point included). The outcome only turns where
 * a sum is near a figure of at most this length, whose digits then span about 20 + 18 places: within
 * the 40 significant digits of model/decimal, so the Decimal intervals are exact there too.
 */
const MAX_DIGITS = 20;

const POWERS: readonly bigint[] = Array.from({ length: 2 * MAX_DIGITS }, (_, i) => 10n ** BigInt(i));

/**
 * The figures' intervals counted in units of 10^−scale (scale: the most decimals among them), when
 * every figure is printed plainly (ASCII digits, no sign or separator) in the same money unit;
 * undefined otherwise.
 */
export function integerIntervals(tokens: readonly NumberToken[]): IntegerInterval[] | undefined {
  const unit = tokens[0]!.unit;
  if (unit === '%') return undefined;
  let scale = 0;
  for (const t of tokens) {
    if (t.unit !== unit || t.raw.length > MAX_DIGITS) return undefined;
    if (t.scale > scale) scale = t.scale;
  }
  const out: IntegerInterval[] = [];
  for (const t of tokens) {
    const digits = plainDigits(t.raw, t.scale);
    if (digits === undefined) return undefined;
    const shift = scale - t.scale;
    const value = shift === 0 ? BigInt(digits) : BigInt(digits) * POWERS[shift]!;
    // a printed 0 is exact, and so is an amount in 元; else the width is one unit of its last decimal
    out.push({ value, width: t.zero || unit === '元' ? 0n : POWERS[shift]! });
  }
  return out;
}

export function sumIntervals(items: readonly IntegerInterval[], from: number, to: number): IntegerInterval {
  let value = 0n;
  let width = 0n;
  for (let i = from; i < to; i++) {
    value += items[i]!.value;
    width += items[i]!.width;
  }
  return { value, width };
}

/** compareIntervals(a, b) === 'mismatch': the half-open intervals do not meet (equal values always agree). */
export function integersDisagree(a: IntegerInterval, b: IntegerInterval): boolean {
  const diff = a.value > b.value ? a.value - b.value : b.value - a.value;
  return diff !== 0n && 2n * diff >= a.width + b.width;
}

/** lessOrEqual(a, b): some value of a's interval is at most some value of b's. */
export function integersAtMost(a: IntegerInterval, b: IntegerInterval): boolean {
  const lo = 2n * a.value - a.width;
  const hi = 2n * b.value + b.width;
  return b.width === 0n ? lo <= hi : lo < hi;
}

/** lessOrEqual on two figures' intervals, when both are printed plainly in one unit; undefined otherwise. */
export function printedAtMost(a: NumberToken, b: NumberToken): boolean | undefined {
  const intervals = integerIntervals([a, b]);
  return intervals ? integersAtMost(intervals[0]!, intervals[1]!) : undefined;
}
