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
function shape(d: Decimal): string {
  const raw = d as unknown as { s: number; e: number; d: number[] };
  return JSON.stringify([raw.s, raw.e, raw.d, d.toString(), d.toFixed()]);
}

describe('unit shortcuts give the plain operation\'s Decimal', () => {
  it('on random values', () => {
    const rng = new Rng(5);
    // one assertion over all cases (80 000 expect calls cost more than the arithmetic)
    const wrong: string[] = [];
    let compared = 0;
    const compare = (label: string, fast: Decimal, plain: Decimal): void => {
      compared++;
      if (shape(fast) !== shape(plain)) wrong.push(`${label}: ${shape(fast)}, expected ${shape(plain)}`);
    };
    for (let n = 0; n < 20_000; n++) {
      const v = new Decimal(randomDecimal(rng));
      compare(`${v} ×1`, timesOne(v), v.times(UNIT_FACTOR['元']));
      for (const unit of ['元', '万元', '亿元'] as Unit[]) compare(`${v} in ${unit}`, inUnitOf(v, unit), v.dividedBy(UNIT_FACTOR[unit]));
    }
    expect(compared).toBe(80_000);
    expect(wrong).toEqual([]);
  });
});
