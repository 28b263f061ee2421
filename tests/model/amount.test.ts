import { describe, expect, it } from 'vitest';
import { formatDecimal, parseAmountText } from '../../src/model/amount.js';

describe('parseAmountText', () => {
  const cases: Array<[string, string | 'blank' | 'invalid', number?]> = [
    ['30,150,443', '30150443', 0],
    ['1234.50', '1234.50', 2],
    ['２７．５', '27.5', 1],
    ['１，２３４', '1234', 0],
    ['-1,234', '-1234', 0],
    ['−12.30', '-12.30', 2],
    ['(1,234.00)', '-1234.00', 2],
    ['0', '0', 0],
    ['', 'blank'],
    ['  ', 'blank'],
    ['-', 'blank'],
    ['—', 'blank'],
    ['——', 'blank'],
    ['12,34', 'invalid'],
    ['30,15O,443', 'invalid'],
    ['1.2.3', 'invalid'],
    ['abc', 'invalid'],
    ['99999999999999999999999.99', '99999999999999999999999.99', 2],
  ];
  for (const [text, want, scale] of cases) {
    it(`reads ${JSON.stringify(text)}`, () => {
      const r = parseAmountText(text);
      if (want === 'blank' || want === 'invalid') {
        expect(r.kind).toBe(want);
        return;
      }
      expect(r.kind).toBe('amount');
      if (r.kind !== 'amount') return;
      expect(formatDecimal(r.value, r.scale)).toBe(want);
      expect(r.scale).toBe(scale);
    });
  }
});

describe('parseAmountText fast paths (plain and grouped digits)', () => {
  it('read random texts as the general path does (reached through a leading space)', async () => {
    const { Rng } = await import('../../src/generate/random.js');
    const rng = new Rng(17);
    const pieces = ['0', '1', '5', '9', ',', '.', '12', '345', ',678', '.05'];
    for (let n = 0; n < 5000; n++) {
      let text = '';
      for (let k = rng.int(1, 8); k > 0; k--) text += rng.pick(pieces);
      const fast = parseAmountText(text);
      const general = parseAmountText(` ${text}`);
      expect(fast.kind).toBe(general.kind);
      if (fast.kind === 'amount' && general.kind === 'amount') {
        expect(fast.value.equals(general.value)).toBe(true);
        expect(fast.value.toFixed()).toBe(general.value.toFixed());
        expect(fast.scale).toBe(general.scale);
      }
    }
  });
});
