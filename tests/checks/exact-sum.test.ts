import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { makeAmount, UNIT_FACTOR, type Amount, type Unit } from '../../src/model/amount.js';
import { Decimal } from '../../src/model/decimal.js';
import { ExactSum } from '../../src/checks/table/exact-sum.js';

/** A printed amount: 1 to 40 digits, 0 to 9 decimals, often a value seen before (sums that cancel). */
function randomAmount(rng: Rng, seen: Amount[]): Amount {
  if (seen.length > 0 && rng.chance(0.3)) return rng.pick(seen);
  const digits = rng.int(1, 40);
  let s = String(rng.int(0, 9));
  for (let i = 1; i < digits; i++) s += String(rng.int(0, 9));
  const scale = rng.chance(0.5) ? 0 : rng.int(1, Math.min(9, digits));
  const text = `${rng.chance(0.2) ? '-' : ''}${scale === 0 ? s : `${s.slice(0, digits - scale) || '0'}.${s.slice(digits - scale)}`}`;
  const amount = makeAmount(text, new Decimal(text), scale, rng.pick<Unit>(['元', '元', '万元', '亿元']));
  seen.push(amount);
  return amount;
}

describe('ExactSum', () => {
  it('gives the sign of the Decimal sum wherever it takes every amount, and takes short ones', () => {
    const rng = new Rng(20261127);
    const sum = new ExactSum();
    const wrong: string[] = [];
    let taken = 0;
    let short = 0;
    for (let n = 0; n < 5000; n++) {
      const seen: Amount[] = [];
      const terms = Array.from({ length: rng.int(1, 6) }, () => ({ amount: randomAmount(rng, seen), sign: rng.chance(0.5) ? (1 as const) : (-1 as const) }));
      // a whole minus its parts that often cancel
      if (rng.chance(0.4)) terms.push(...terms.map((t) => ({ amount: t.amount, sign: (-t.sign) as 1 | -1 })));
      sum.reset();
      let plain = new Decimal(0);
      for (const { amount, sign } of terms) {
        sum.add(amount, sign);
        plain = plain.plus(amount.value.times(UNIT_FACTOR[amount.unit]).times(sign));
      }
      const got = sum.sign();
      // amounts of at most 7 decimals in 元 and below 10^28 元 are always taken
      const inRange = terms.every(({ amount }) => {
        const yuan = amount.value.times(UNIT_FACTOR[amount.unit]);
        return yuan.abs().lt('1e28') && yuan.decimalPlaces() <= 7;
      });
      if (inRange) short++;
      if (got !== undefined) taken++;
      if ((got !== undefined && got !== plain.comparedTo(0)) || (inRange && got === undefined)) {
        wrong.push(`${terms.map((t) => `${t.sign < 0 ? '−' : '+'}${t.amount.raw} ${t.amount.unit}`).join(' ')}: ${got}, expected ${plain.comparedTo(0)}`);
      }
    }
    expect({ wrong, enoughTaken: taken > 1000 && short > 1000 }).toEqual({ wrong: [], enoughTaken: true });
  });
});
