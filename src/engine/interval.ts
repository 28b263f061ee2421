import { UNIT_FACTOR, type Amount, type Unit } from '../model/amount.js';
import { Decimal, ZERO } from '../model/decimal.js';
import { DocumentCache } from '../memo.js';

/**
 * Rounding-aware comparison (the idea of XBRL Calculations 1.1): a value printed with d decimals in
 * 万元 or 亿元 stands for the values that round half-up to it, [v − ½·10^−d, v + ½·10^−d) for a
 * positive v (see compareIntervals for the ends); a sum of such values has the summed interval;
 * two sides agree when their intervals intersect. Amounts in 元 are exact: 元 integers and 元 with 分
 * carry no display rounding, so their sums must match to the last digit.
 */
export interface Interval {
  /** Midpoint (the printed value), in 元. */
  readonly value: Decimal;
  /** Half-width, in 元. */
  readonly radius: Decimal;
}

export const EMPTY_INTERVAL: Interval = { value: ZERO, radius: ZERO };

export function radiusOf(scale: number, unit: Unit): Decimal {
  if (unit === '元') return ZERO;
  // by unit and scale (a handful of pairs): no key string per call
  const byScale = radii[unit];
  let r = byScale[scale];
  if (r === undefined) {
    r = new Decimal(5).times(new Decimal(10).pow(-(scale + 1))).times(UNIT_FACTOR[unit]);
    byScale[scale] = r;
  }
  return r;
}

const radii: Record<Exclude<Unit, '元'>, Decimal[]> = { 万元: [], 亿元: [] };

// per document (memo.ts): in one WeakMap for the whole run, the intervals of a finished document's
// amounts would survive minor GCs into the old generation
const intervalCache = new DocumentCache<Amount, Interval>();

/**
 * The interval (in 元) an amount stands for; a blank cell is an exact zero. An amount in 元 is its
 * own exact value (building that pair is cheaper than a cache lookup); the others are converted
 * once per amount.
 */
export function intervalOf(amount: Amount | null | undefined): Interval {
  if (!amount) return EMPTY_INTERVAL;
  if (amount.unit === '元') return { value: amount.value, radius: ZERO };
  let i = intervalCache.get(amount);
  if (!i) {
    i = { value: amount.value.times(UNIT_FACTOR[amount.unit]), radius: radiusOf(amount.scale, amount.unit) };
    intervalCache.set(amount, i);
  }
  return i;
}

/** intervalOf(amount).value without building the pair for an amount in 元. */
export function printedYuan(amount: Amount | null | undefined): Decimal {
  if (!amount) return ZERO;
  return amount.unit === '元' ? amount.value : intervalOf(amount).value;
}

export function addIntervals(items: readonly Interval[]): Interval {
  return { value: sumOf(items, (i) => i.value), radius: sumOf(items, (i) => i.radius) };
}

/** Σ decimalOf(item) over the items, zeros skipped (the sum every identity is checked with). */
export function sumOf<T>(items: readonly T[], decimalOf: (item: T) => Decimal): Decimal {
  let sum: Decimal | undefined;
  for (const item of items) {
    const d = decimalOf(item);
    if (!d.isZero()) sum = plusDecimal(sum, d);
  }
  return sum ?? ZERO;
}

/**
 * sum + addend as Decimal#plus computes it, an undefined sum standing for zero. Zero plus a value is
 * that value rounded to the working precision; a non-zero value too short to be rounded is returned
 * itself (Decimals are immutable), without the copy plus() makes.
 */
export function plusDecimal(sum: Decimal | undefined, addend: Decimal): Decimal {
  if (sum !== undefined) return sum.plus(addend);
  return isShortNonZero(addend) ? addend : ZERO.plus(addend);
}

/** Finite, non-zero, at most 35 significant digits (5 words of 7) and an exponent within range. */
function isShortNonZero(x: Decimal): boolean {
  const d = x.d;
  return d !== null && d !== undefined && d.length <= 5 && d[0] !== 0 && x.e <= Decimal.maxE && x.e >= Decimal.minE;
}

export type Agreement = 'equal' | 'rounding' | 'mismatch';

/**
 * Equal values; different values whose intervals intersect (rounding); or a real mismatch.
 * Half-up rounding makes each interval half-open, [v − r, v + r), so two intervals meet only when
 * the difference is strictly less than the summed radii: 3.60 and 3.61 cannot both round the same
 * value, while 3.61 against 1.80 + 1.80 can. An exact value meets an interval at its end nearer zero
 * too (the lower end of a positive figure's, the upper end of a negative one's).
 */
export function compareIntervals(a: Interval, b: Interval): Agreement {
  const d = a.value.minus(b.value);
  if (d.isZero()) return 'equal';
  const diff = d.abs();
  const radii = a.radius.plus(b.radius);
  if (diff.lt(radii)) return 'rounding';
  // An exact value (radius 0) at the end of the other's interval nearer zero is in it: half-up
  // rounding (ROUND_HALF_UP) takes a tie away from zero, so 118.375 rounds to 118.38 while 118.385
  // does not, and −118.375 rounds to −118.38 while −118.385 does not.
  if (diff.eq(radii) && (a.radius.isZero() !== b.radius.isZero())) {
    const [exact, rounded] = a.radius.isZero() ? [a.value, b.value] : [b.value, a.value];
    if (exact.abs().lt(rounded.abs())) return 'rounding';
  }
  return 'mismatch';
}

/** a ≤ b under rounding: some value of a's interval is ≤ some value of b's (intervals half-open). */
export function lessOrEqual(a: Interval, b: Interval): boolean {
  const lo = a.value.minus(a.radius);
  const hi = b.value.plus(b.radius);
  return b.radius.isZero() ? lo.lte(hi) : lo.lt(hi);
}

/**
 * a = b, as a.eq(b) decides it, without the copy of b that Decimal#eq (cmp) makes on every call:
 * finite values compare their sign, exponent and digit words (decimal.js keeps them normalised, and
 * documents d, e and s as read-only properties); NaN and ±Infinity are left to the library.
 */
export function decimalsEqual(a: Decimal, b: Decimal): boolean {
  const ad = a.d;
  const bd = b.d;
  if (!ad || !bd) return a.eq(b);
  // zero of either sign equals only zero
  if (!ad[0] || !bd[0]) return !ad[0] && !bd[0];
  if (a.s !== b.s || a.e !== b.e || ad.length !== bd.length) return false;
  for (let i = 0; i < ad.length; i++) if (ad[i] !== bd[i]) return false;
  return true;
}

/** Expresses a 元 value in `unit` for messages. */
export function inUnit(value: Decimal, unit: Unit): Decimal {
  return value.dividedBy(UNIT_FACTOR[unit]);
}
