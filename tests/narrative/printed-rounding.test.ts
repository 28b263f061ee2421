import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { UNIT_FACTOR, type Unit } from '../../src/model/amount.js';
import { Decimal } from '../../src/model/decimal.js';
import { roundsToPrinted } from '../../src/narrative/printed-rounding.js';

/** Random digits: up to `max`, a point anywhere (or none), leading zeros now and then. */
function randomNumeral(rng: Rng, max: number): string {
  let digits = '';
  const length = rng.int(1, max);
  for (let i = 0; i < length; i++) digits += String(rng.int(0, 9));
  const point = rng.int(0, length);
  return point === length ? digits : `${digits.slice(0, point) || '0'}.${digits.slice(point)}`;
}

describe('roundsToPrinted decides as the plain Decimal comparison', () => {
  it('on random table values, units, decimals and printed amounts', () => {
    const rng = new Rng(77);
    const units: Unit[] = ['元', '万元', '亿元'];
    // one assertion over all the cases (an expect per case costs more than the test itself)
    const wrong: string[] = [];
    let decided = 0;
    let passed = 0;
    for (let n = 0; n < 15_000; n++) {
      const tableText = randomNumeral(rng, rng.next() < 0.05 ? 40 : 14);
      const table = new Decimal(rng.next() < 0.1 ? `-${tableText}` : tableText);
      const unit = rng.pick(units);
      const scale = rng.int(0, 4);
      const expected = table.dividedBy(UNIT_FACTOR[unit]).toDecimalPlaces(scale, Decimal.ROUND_HALF_UP);
      // the right figure half of the time (a pass), else a figure near it or any figure
      const choice = rng.next();
      const value = choice < 0.5 ? expected : choice < 0.8 ? expected.plus(new Decimal(rng.int(-3, 3)).times(new Decimal(10).pow(-scale))) : new Decimal(randomNumeral(rng, 10));
      const printed = rng.next() < 0.05 && !value.isNegative() ? `0${value.toFixed(scale)}` : value.toFixed(scale);
      const plain = new Decimal(printed).eq(expected);
      const fast = roundsToPrinted(printed, scale, unit, table);
      if (fast === undefined) continue;
      decided++;
      if (fast) passed++;
      if (fast !== plain) wrong.push(JSON.stringify([printed, scale, unit, table.toFixed(), fast, plain]));
    }
    expect({ wrong, enough: decided > 10_000 && passed > 5_000 }).toEqual({ wrong: [], enough: true });
  });
});
