import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { Decimal } from '../../src/model/decimal.js';
import { findNumbers } from '../../src/narrative/numbers.js';

/** Digits of both widths, separators, points of both widths, minus signs, units and their neighbours. */
const ALPHABET = [...'0123456789０１２３４５６７８９,,.．-－−万亿元%％人吨 a年，', '\u3000'];

/** The number of a token read the plain way: full-width converted, separators dropped, from its printed form. */
function plainValue(raw: string): { value: Decimal; scale: number } {
  const ascii = raw.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace('．', '.');
  const negative = /^[-－−]/.test(ascii);
  const [int, frac = ''] = ascii.replace(/^[-－−]/, '').replaceAll(',', '').split('.');
  const value = new Decimal(frac ? `${int}.${frac}` : int!);
  return { value: negative ? value.negated() : value, scale: frac.length };
}

describe('findNumbers reads a plain number from one slice of the text', () => {
  it('gives the raw text, value and decimals the plain reading gives, on random text', () => {
    const rng = new Rng(21);
    let tokens = 0;
    // one assertion over all the tokens (an expect per token costs more than the test itself)
    const wrong: string[] = [];
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      for (let i = rng.int(1, 16); i > 0; i--) text += rng.pick(ALPHABET);
      for (const t of findNumbers(text)) {
        tokens++;
        const plain = plainValue(t.raw);
        const same =
          t.raw === text.slice(t.offset, t.offset + t.numberLength) &&
          t.value.eq(plain.value) &&
          t.value.isNegative() === plain.value.isNegative() &&
          t.negative === plain.value.isNegative() &&
          t.zero === plain.value.isZero() &&
          t.value.toString() === plain.value.toString() &&
          t.scale === plain.scale;
        if (!same) wrong.push(JSON.stringify([text, t.offset, t.raw, t.value.toString(), t.scale]));
      }
    }
    expect(wrong).toEqual([]);
    expect(tokens).toBeGreaterThan(5000);
  });
});
