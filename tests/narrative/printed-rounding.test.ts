import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { parseAmountText, UNIT_FACTOR, type Unit } from '../../src/model/amount.js';
import { Decimal } from '../../src/model/decimal.js';
import { printedValue, type LinkedValue } from '../../src/narrative/link.js';
import { roundsToFixed, roundsToPrinted } from '../../src/narrative/printed-rounding.js';

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

/** A cell text: plain digits, grouped by thousands, with trailing decimal zeros, signed, full-width or spaced now and then. */
function randomCellText(rng: Rng): string {
  const numeral = randomNumeral(rng, rng.next() < 0.05 ? 36 : 12);
  const form = rng.next();
  if (form < 0.3) {
    const [int, frac] = numeral.split('.');
    const grouped = int!.replace(/\B(?=(\d{3})+$)/g, ',');
    return frac === undefined ? grouped : `${grouped}.${frac}`;
  }
  if (form < 0.4) return `${numeral}${numeral.includes('.') ? '0' : '.00'}`;
  if (form < 0.45) return `-${numeral}`;
  if (form < 0.5) return `(${numeral})`;
  if (form < 0.55) return numeral.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  if (form < 0.6) return ` ${numeral} `;
  return numeral;
}

describe('a one-cell link decides on the cell\'s printed digits as on its Decimal', () => {
  it('printedValue and roundsToFixed against the Decimal comparison on the value in 元, on random cell texts', () => {
    const rng = new Rng(1127);
    const units: Unit[] = ['元', '万元', '亿元'];
    const wrong: string[] = [];
    let decided = 0;
    let passed = 0;
    for (let n = 0; n < 15_000; n++) {
      const text = randomCellText(rng);
      const parsed = parseAmountText(text);
      if (parsed.kind !== 'amount') continue;
      const tableUnit = rng.pick(units);
      const amount = { raw: text.trim(), value: parsed.value, scale: parsed.scale, unit: tableUnit };
      const inYuan = parsed.value.times(UNIT_FACTOR[tableUnit]);
      const linked = { cells: [{ cell: { amount } }], value: inYuan, unit: tableUnit, scale: parsed.scale } as unknown as LinkedValue;
      const unit = rng.pick(units);
      const scale = rng.int(0, 4);
      const expected = inYuan.dividedBy(UNIT_FACTOR[unit]).toDecimalPlaces(scale, Decimal.ROUND_HALF_UP);
      const figure = rng.next() < 0.6 ? expected : expected.plus(new Decimal(rng.int(-2, 2)).times(new Decimal(10).pow(-scale)));
      const printed = figure.toFixed(scale);
      const digits = printedValue(linked);
      if (digits === undefined) continue;
      const fast = roundsToFixed(printed, scale, unit, digits, tableUnit);
      // the plain way itself, not roundsToPrinted (which reads the digits by roundsToFixed too); a
      // negative cell is never a pass on its digits (roundsToPrinted leaves it to the Decimals)
      const plain = !inYuan.isNegative() && new Decimal(printed).eq(expected);
      if (fast === undefined) continue;
      decided++;
      if (fast) passed++;
      if (fast !== plain) wrong.push(JSON.stringify([text, tableUnit, printed, unit, fast, plain]));
    }
    expect({ wrong, enough: decided > 8_000 && passed > 4_000 }).toEqual({ wrong: [], enough: true });
  });
});
