import { UNIT_FACTOR, type Unit } from '../model/amount.js';
import { Decimal, ZERO } from '../model/decimal.js';
import { lessOrEqual, radiusOf, type Interval } from '../engine/interval.js';
import { printedAtMost } from './printed-intervals.js';
import type { NumberToken } from './numbers.js';
import type { Statement } from './statements.js';

/**
 * The interval (in 元) a narrative money amount stands for: ±½·10^−d in its unit (0 for 元). A printed
 * zero ("0万元") means nothing budgeted and is exact.
 */
export function statementInterval(s: Statement): Interval {
  return tokenInterval(s.token);
}

/**
 * Each amount's interval, made once and kept in the token's slot: the narrative rules ask for the same
 * amounts' intervals many times (intervals and Decimals are immutable).
 */
export function tokenInterval(token: NumberToken): Interval {
  return (token.interval ??= moneyInterval(token));
}

function moneyInterval(token: NumberToken): Interval {
  const unit = token.unit as Unit;
  const radius = token.zero ? ZERO : radiusOf(token.scale, unit);
  return { value: token.value.times(UNIT_FACTOR[unit]), radius };
}

/** lessOrEqual on two statements' intervals: on exact integers when both are printed plainly in one unit. */
export function statementAtMost(a: Statement, b: Statement): boolean {
  return printedAtMost(a.token, b.token) ?? lessOrEqual(statementInterval(a), statementInterval(b));
}

/** Half a unit of the last printed decimal of a percentage ("41.3%" → 0.05). */
export function percentRadius(scale: number): Decimal {
  return new Decimal(5).times(new Decimal(10).pow(-(scale + 1)));
}
