import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { UNIT_FACTOR, type Unit } from '../../src/model/amount.js';
import { Decimal } from '../../src/model/decimal.js';
import { inUnitOf, timesOne } from '../../src/narrative/unit-math.js';

/** A random decimal string: up to 50 digits (past the 40-digit precision), a point anywhere, a sign. */
function randomDecimal(rng: Rng): string {
  let digits = '';
  const length = rng.int(1, rng.next() < 0.1 ? 50 : 16);
  for (let i = 0; i < length; i++) digits += String(rng.int(0, 9));
  const point = rng.int(0, length);
  const text = point === length ? digits : `${digits.slice(0, point) || '0'}.${digits.slice(point)}`;
  return rng.next() < 0.2 ? `-${text}` : text;
}

/** Everything that tells two Decimals apart: sign, exponent, digit words, and the printed forms. */
function shape(d: Decimal): unknown {
  const raw = d as unknown as { s: number; e: number; d: number[] };
  return [raw.s, raw.e, [...raw.d], d.toString(), d.toFixed()];
}

describe('unit shortcuts give the plain operation\'s Decimal', () => {
  it('on random values', () => {
    const rng = new Rng(5);
    for (let n = 0; n < 20_000; n++) {
      const v = new Decimal(randomDecimal(rng));
      expect(shape(timesOne(v)), v.toString()).toEqual(shape(v.times(UNIT_FACTOR['元'])));
      for (const unit of ['元', '万元', '亿元'] as Unit[]) expect(shape(inUnitOf(v, unit)), `${v} ${unit}`).toEqual(shape(v.dividedBy(UNIT_FACTOR[unit])));
    }
  });
});
