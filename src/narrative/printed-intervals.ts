/**
 * The rounding intervals of narrative amounts printed in one unit, as exact integers: a figure with
 * d decimals stands for [v − ½·10^−d, v + ½·10^−d) in its unit (a printed 0, and any 元 figure, is
 * exact), and with every figure counted in halves of the smallest printed decimal the sums and
 * comparisons of narrative/intervals.ts need no Decimal. tests/narrative/printed-intervals.test.ts
 * compares them with the Decimal intervals on random figures.
 */
import type { NumberToken } from './numbers.js';
import { plainDigits } from './printed-rounding.js';

/** An interval counted in halves of 10^−scale of the figures' unit. */
export interface IntegerInterval {
  readonly value: bigint;
  readonly radius: bigint;
}

/** Longest figure read here (digits), so a sum of many stays far within any Decimal precision as well. */
const MAX_DIGITS = 20;

const POWERS: readonly bigint[] = Array.from({ length: 2 * MAX_DIGITS }, (_, i) => 10n ** BigInt(i));

/**
 * The figures' intervals counted in halves of 10^−scale (scale: the most decimals among them), when
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
    const value = BigInt(digits) * POWERS[scale - t.scale]! * 2n;
    // a printed 0 is exact, and so is an amount in 元
    out.push({ value, radius: value === 0n || unit === '元' ? 0n : POWERS[scale - t.scale]! });
  }
  return out;
}

export function sumIntervals(items: readonly IntegerInterval[], from: number, to: number): IntegerInterval {
  let value = 0n;
  let radius = 0n;
  for (let i = from; i < to; i++) {
    value += items[i]!.value;
    radius += items[i]!.radius;
  }
  return { value, radius };
}

/** compareIntervals(a, b) === 'mismatch': the half-open intervals do not meet (equal values always agree). */
export function integersDisagree(a: IntegerInterval, b: IntegerInterval): boolean {
  const diff = a.value > b.value ? a.value - b.value : b.value - a.value;
  return diff !== 0n && diff >= a.radius + b.radius;
}

/** lessOrEqual(a, b): some value of a's interval is at most some value of b's. */
export function integersAtMost(a: IntegerInterval, b: IntegerInterval): boolean {
  const lo = a.value - a.radius;
  const hi = b.value + b.radius;
  return b.radius === 0n ? lo <= hi : lo < hi;
}

/** lessOrEqual on two figures' intervals, when both are printed plainly in one unit; undefined otherwise. */
export function printedAtMost(a: NumberToken, b: NumberToken): boolean | undefined {
  const intervals = integerIntervals([a, b]);
  return intervals ? integersAtMost(intervals[0]!, intervals[1]!) : undefined;
}
