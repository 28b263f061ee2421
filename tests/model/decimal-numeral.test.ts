import { describe, expect, it } from 'vitest';
import { looksNumeric, numeralPoint } from '../../src/model/amount.js';
import { Decimal, decimalOfNumeral } from '../../src/model/decimal.js';
import { Rng } from '../../src/generate/random.js';

/** The fields decimal.js keeps (sign, exponent, digit words), as the fast constructor must set them. */
function inner(d: Decimal): unknown {
  const { s, e, d: words } = d as unknown as { s: number; e: number; d: number[] };
  return { s, e, words, keys: Object.keys(d) };
}

/** The texts (of many random ones) on which two readings differ: one assertion for all of them, not an expect each. */
function differences(texts: Iterable<string>, same: (text: string) => boolean): string[] {
  const out: string[] = [];
  for (const text of texts) if (!same(text)) out.push(text);
  return out;
}

const sameInner = (a: Decimal, b: Decimal): boolean => JSON.stringify(inner(a)) === JSON.stringify(inner(b));

describe('decimalOfNumeral (a plain numeral read by character code)', () => {
  const fixed = ['0', '0.005', '000.0120', '0.000000012345678', '00', '0.0', '0.00', '5', '0.5', '1200', '1234567', '12345678', '0.0000001', '0.00000001', '100.5', '726.41', '0009.9000', '99999999999999999999999.99', '10000000', '0.1234567'];
  it('gives what new Decimal(text) gives on chosen numerals', () => {
    for (const text of fixed) expect(inner(decimalOfNumeral(text, text.indexOf('.'))), text).toEqual(inner(new Decimal(text)));
  });

  it('gives what new Decimal(text) gives on random numerals', () => {
    const rng = new Rng(29);
    const digits = '0000123456789';
    const texts: string[] = [];
    for (let n = 0; n < 20000; n++) {
      let text = '';
      for (let k = rng.int(1, 24); k > 0; k--) text += digits[rng.int(0, digits.length - 1)];
      if (rng.int(0, 2) > 0) {
        let fraction = '';
        for (let k = rng.int(1, 12); k > 0; k--) fraction += digits[rng.int(0, digits.length - 1)];
        text += `.${fraction}`;
      }
      texts.push(text);
    }
    expect(
      differences(texts, (text) => {
        const fast = decimalOfNumeral(text, text.indexOf('.'));
        const plain = new Decimal(text);
        return sameInner(fast, plain) && fast.toFixed() === plain.toFixed();
      }),
    ).toEqual([]);
  });
});

describe('decimalOfNumeral with thousands separators', () => {
  it('gives what new Decimal gives for the numeral without its separators, on random grouped numerals', () => {
    const rng = new Rng(37);
    const digits = '0000123456789';
    const group = (): string => `${digits[rng.int(0, 12)]}${digits[rng.int(0, 12)]}${digits[rng.int(0, 12)]}`;
    const texts: string[] = [];
    for (let n = 0; n < 20000; n++) {
      let text = String(rng.int(0, 999));
      if (rng.chance(0.2)) text = '0'.repeat(rng.int(1, 3));
      for (let k = rng.int(1, 5); k > 0; k--) text += `,${group()}`;
      if (rng.chance(0.5)) text += `.${group().slice(0, rng.int(1, 3))}`;
      texts.push(text);
    }
    expect(differences(texts, (text) => sameInner(decimalOfNumeral(text, text.indexOf('.')), new Decimal(text.replace(/,/g, ''))))).toEqual([]);
  });
});

describe('numeralPoint (as /^\\d+(?:\\.\\d+)?$/ and /^\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?$/ test)', () => {
  it('tells plain and grouped numerals from other texts as the regular expressions do', () => {
    const rng = new Rng(31);
    const pieces = ['0', '7', '12', '345', ',345', ',000', '.', ',', ' ', '-', '５', 'e', ''];
    const texts: string[] = [];
    for (let n = 0; n < 30000; n++) {
      let text = '';
      for (let k = rng.int(0, 7); k > 0; k--) text += rng.pick(pieces);
      texts.push(text);
    }
    expect(
      differences(texts, (text) => {
        const point = numeralPoint(text);
        const numeral = /^\d+(?:\.\d+)?$/.test(text) || /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text);
        return point >= -1 === numeral && (!numeral || point === text.indexOf('.'));
      }),
    ).toEqual([]);
  });
});

describe('looksNumeric (texts that start with a Chinese character told apart first)', () => {
  it('answers as its regular expression on random texts', () => {
    const rng = new Rng(43);
    const pieces = ['合', '计', '一', '\u9fff', '\u4e00', '\u3000', ' ', '(', '（', '-', '−', '1', '５', ',', '.', ')', '）', 'a'];
    const texts: string[] = [];
    for (let n = 0; n < 20000; n++) {
      let text = '';
      for (let k = rng.int(0, 5); k > 0; k--) text += rng.pick(pieces);
      texts.push(text);
    }
    expect(differences(texts, (text) => looksNumeric(text) === /^[\s(（]*[+\-−]?[\d０-９][\d０-９,，.．\s]*[)）]?$/.test(text))).toEqual([]);
  });
});
