import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { randomFigure } from '../support/narrative-figures.js';
import { Decimal } from '../../src/model/decimal.js';
import { addIntervals, compareIntervals, lessOrEqual } from '../../src/engine/interval.js';
import { findNumbers, type NumberToken } from '../../src/narrative/numbers.js';
import { statementInterval } from '../../src/narrative/intervals.js';
import { integerIntervals, integersAtMost, integersDisagree, sumIntervals } from '../../src/narrative/printed-intervals.js';
import type { Statement } from '../../src/narrative/statements.js';

/** A plain figure of up to 15 digits (beyond the integer path's 12, which must leave it to the Decimals). */
function longFigure(rng: Rng, unit: string): string {
  let digits = String(rng.int(1, 9));
  for (let i = rng.int(0, 11); i > 0; i--) digits += String(rng.int(0, 9));
  let frac = '';
  for (let i = rng.int(0, 3); i > 0; i--) frac += String(rng.int(0, 9));
  return `${digits}${frac ? `.${frac}` : ''}${unit}`;
}

describe('integer intervals of printed figures decide as the Decimal intervals', () => {
  it('on random totals, parts and stated sums', () => {
    expect(disagreements(41, randomFigure)).toEqual({ wrong: [], enough: true });
  });
  it('on long figures, near and beyond the digits the integer path reads', () => {
    expect(disagreements(42, longFigure)).toEqual({ wrong: [], enough: true });
  });
});

/** The cases where the integer intervals decide otherwise than the Decimal ones, and whether enough were decided. */
function disagreements(seed: number, figure: (rng: Rng, unit: string) => string): { wrong: string[]; enough: boolean } {
    const rng = new Rng(seed);
    const wrong: string[] = [];
    let decided = 0;
    let agreed = 0;
    for (let n = 0; n < 4_000; n++) {
      const unit = rng.pick(['元', '万元', '亿元']);
      const count = rng.int(2, 6);
      const partsText = Array.from({ length: count - 1 }, () => figure(rng, unit)).join('，');
      // the total: the parts' sum rounded to some decimals and moved by a few of its last digits, so
      // that both outcomes occur, and right at the rounding bounds
      const parts = findNumbers(partsText);
      if (parts.length !== count - 1) continue;
      const decimals = rng.int(0, 3);
      const sum = parts.reduce((a, t) => a.plus(t.value), new Decimal(0));
      const total = sum.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).plus(new Decimal(rng.int(-2, 2)).times(new Decimal(10).pow(-decimals)));
      const text = `${total.toFixed(decimals)}${unit}，${partsText}`;
      const tokens: NumberToken[] = findNumbers(text);
      if (tokens.length !== count) continue;
      const fast = integerIntervals(tokens);
      if (!fast) continue;
      decided++;
      const plain = tokens.map((token) => statementInterval({ token } as Statement));
      for (let k = 1; k < count; k++) {
        const plainSum = addIntervals(plain.slice(1, k + 1));
        const fastSum = sumIntervals(fast, 1, k + 1);
        const same =
          integersDisagree(fast[0]!, fastSum) === (compareIntervals(plain[0]!, plainSum) === 'mismatch') &&
          integersAtMost(fastSum, fast[0]!) === lessOrEqual(plainSum, plain[0]!) &&
          integersAtMost(fast[0]!, fastSum) === lessOrEqual(plain[0]!, plainSum);
        if (!same) wrong.push(JSON.stringify([text, k]));
        if (k === count - 1 && !integersDisagree(fast[0]!, fastSum)) agreed++;
      }
    }
    return { wrong, enough: decided > 1_000 && agreed > 300 };
}

describe('integer intervals at the bound of their exactness', () => {
  it('decide as the Decimal intervals on 2 000 figures of up to 12 digits, and leave 2 001 to the Decimals', () => {
    const rng = new Rng(2000);
    const digits = (n: number): string => String(rng.int(1, 9)) + Array.from({ length: n - 1 }, () => String(rng.int(0, 9))).join('');
    const wrong: string[] = [];
    for (let n = 0; n < 12; n++) {
      // parts of 12 digits (their sum far beyond any 12-digit total) or of 7 (a sum a total can restate)
      const long = n % 2 === 0;
      const parts = Array.from({ length: 1999 }, () => (long ? `${digits(10)}.${digits(2)}` : `${digits(5)}.${digits(2)}`));
      const sum = parts.reduce((a, p) => a.plus(new Decimal(p)), new Decimal(0));
      const total = long ? `${digits(10)}.${digits(2)}` : sum.plus(new Decimal(rng.int(-2, 2)).times(new Decimal('0.01'))).toFixed(2);
      const tokens = findNumbers([total, ...parts].map((f) => `${f}亿元`).join('，'));
      const fast = integerIntervals(tokens);
      if (tokens.length !== 2000 || !fast) {
        wrong.push(`case ${n}: not read (${tokens.length} figures)`);
        continue;
      }
      const plain = tokens.map((token) => statementInterval({ token } as Statement));
      const plainSum = addIntervals(plain.slice(1));
      const fastSum = sumIntervals(fast, 1, fast.length);
      const same =
        integersDisagree(fast[0]!, fastSum) === (compareIntervals(plain[0]!, plainSum) === 'mismatch') &&
        integersAtMost(fastSum, fast[0]!) === lessOrEqual(plainSum, plain[0]!) &&
        integersAtMost(fast[0]!, fastSum) === lessOrEqual(plain[0]!, plainSum);
      if (!same) wrong.push(`case ${n}: decided otherwise`);
    }
    const tooMany = integerIntervals(findNumbers(Array.from({ length: 2001 }, () => '1.5亿元').join('，')));
    expect({ wrong, tooMany }).toEqual({ wrong: [], tooMany: undefined });
  });
});
