import { describe, expect, it } from 'vitest';
import { decimalsEqual, plusDecimal } from '../../src/engine/interval.js';
import { Decimal } from '../../src/model/decimal.js';

const TEXTS = [
  '0', '-0', '0.00', '1', '1.0', '1.50', '1.5', '-1.5', '10000000', '9999999', '10000000.0000001', '123456789012345678901234567890.12',
  '123456789012345678901234567890.13', '0.0000001', '1e-7', '1e7', '-10000000', '2.5e20', '250000000000000000000', 'NaN', 'Infinity', '-Infinity',
];

describe('decimalsEqual', () => {
  it('decides as Decimal#eq for every pair, including zeros of both signs, NaN and infinities', () => {
    for (const a of TEXTS) {
      for (const b of TEXTS) expect(decimalsEqual(new Decimal(a), new Decimal(b)), `${a} = ${b}`).toBe(new Decimal(a).eq(new Decimal(b)));
    }
  });

  it('agrees with Decimal#eq on computed sums (normalised digits)', () => {
    const parts = ['0.1', '0.2', '1234.56', '-1234.56', '99999.99', '0.01'].map((t) => new Decimal(t));
    for (const x of parts) for (const y of parts) for (const z of parts) {
      const sum = x.plus(y);
      expect(decimalsEqual(sum, z)).toBe(sum.eq(z));
      expect(decimalsEqual(sum.minus(y), x)).toBe(true);
    }
  });
});

describe('plusDecimal', () => {
  it('gives what Decimal#plus gives, from zero and from a sum (beyond the 40-digit precision and for -0 too)', () => {
    const texts = [...TEXTS, '1234567890123456789012345678901234567890123', '-98765432109876543210987654321098765.4321', '12345678901234567890123456789012345'];
    for (const a of texts) {
      const x = new Decimal(a);
      expect(plusDecimal(undefined, x).toString(), a).toBe(new Decimal(0).plus(x).toString());
      for (const b of texts) expect(plusDecimal(new Decimal(b), x).toString(), `${b} + ${a}`).toBe(new Decimal(b).plus(x).toString());
    }
  });
});
