import { UNIT_FACTOR, type Unit } from '../model/amount.js';
import { Decimal } from '../model/decimal.js';

/**
 * Shortcuts for the two unit conversions linking does per amount; each gives the Decimal the plain
 * operation gives (tests/narrative/unit-math.test.ts compares them on random values).
 */

/**
 * `value × 1`: the product only rounds a value to the Decimal precision, so a value within it (any
 * printed amount) is returned as it is.
 */
export function timesOne(value: Decimal): Decimal {
  return value.sd() <= Decimal.precision ? value : value.times(UNIT_FACTOR['元']);
}

/** 1 / UNIT_FACTOR, exact (1, 10^-4, 10^-8). */
const INVERSE_FACTOR: Readonly<Record<Unit, Decimal>> = { 元: new Decimal(1), 万元: new Decimal('1e-4'), 亿元: new Decimal('1e-8') };

/**
 * `value ÷ UNIT_FACTOR[unit]` (an amount in 元 expressed in `unit`) as a product with the exact
 * inverse: both are the exact result correctly rounded, and multiplying is cheaper than dividing.
 */
export function inUnitOf(value: Decimal, unit: Unit): Decimal {
  return value.times(INVERSE_FACTOR[unit]);
}
