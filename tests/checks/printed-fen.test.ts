import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { makeAmount, UNIT_FACTOR, type Unit } from '../../src/model/amount.js';
import { Decimal } from '../../src/model/decimal.js';
import type { Cell, Column, Row, Table } from '../../src/model/document.js';
import { fenColumns, fenDifferenceSettles, fenOf, fenOfCell, MAX_TERMS } from '../../src/checks/table/printed-fen.js';
import { participant } from '../../src/checks/table/values.js';
import { compareVerdict } from '../support/compare-verdicts.js';
import { columnSumHoldsOnPrintedValues } from '../../src/checks/table/compare.js';

/** A printed cell: 1 to 20 digits (mostly at most 11), 0 to 4 decimals, often a value seen before; now and then blank or unreadable. */
function randomCell(rng: Rng, seen: Cell[]): Cell {
  if (seen.length > 0 && rng.chance(0.3)) return rng.pick(seen);
  const location = { file: 'f.txt', line: 1 };
  if (rng.chance(0.05)) return { column: 'c', raw: '', amount: null, location };
  if (rng.chance(0.03)) return { column: 'c', raw: 'x', amount: null, invalid: true, location };
  const digits = rng.chance(0.8) ? rng.int(1, 11) : rng.int(12, 20);
  let s = String(rng.int(0, 9));
  for (let i = 1; i < digits; i++) s += String(rng.int(0, 9));
  const scale = rng.chance(0.4) ? 0 : rng.int(1, Math.min(4, digits));
  const text = `${rng.chance(0.1) ? '-' : ''}${scale === 0 ? s : `${s.slice(0, digits - scale) || '0'}.${s.slice(digits - scale)}`}`;
  const cell = { column: 'c', raw: text, amount: makeAmount(text, new Decimal(text), scale, rng.pick<Unit>(['元', '元', '万元', '亿元'])), location };
  seen.push(cell);
  return cell;
}

const column = { key: 'c', name: 'c', path: ['c'] } as unknown as Column;
const table = { id: 'T3', kind: 'T3', title: 't', columns: [column], rows: [], location: { file: 'f.txt', line: 1 } } as unknown as Table;
const rowOf = (cell: Cell | undefined): Row => ({ name: 'r', isTotal: false, cells: cell ? { c: cell } : {}, location: { file: 'f.txt', line: 1 } }) as unknown as Row;

describe('printed amounts in 分', () => {
  it('are the exact value wherever taken, are taken when whole and small, decide sums as the plain test does, and settle only what compareAndReport passes', () => {
    const rng = new Rng(20261127);
    const wrong: string[] = [];
    let decidedByFen = 0;
    let heldByFen = 0;
    let geAbove = 0;
    for (let n = 0; n < 4000; n++) {
      const seen: Cell[] = [];
      const cells = Array.from({ length: rng.int(1, 7) }, () => (rng.chance(0.05) ? undefined : randomCell(rng, seen)));
      for (const cell of cells) {
        if (!cell?.amount) continue;
        const exact = cell.amount.value.times(UNIT_FACTOR[cell.amount.unit]).times(100);
        const fen = fenOf(cell.amount);
        const shouldTake = exact.isInteger() && exact.abs().lte(2 ** 43);
        if (Number.isNaN(fen) ? shouldTake : !exact.eq(fen)) wrong.push(`${cell.amount.raw} ${cell.amount.unit}: ${fen}`);
      }
      // a whole that is often the sum of its parts or near it (printed in the whole's unit)
      const [first, ...parts] = cells;
      let whole = first;
      if (rng.chance(0.6) && parts.every((c) => c?.invalid !== true)) {
        const unit = rng.pick<Unit>(['元', '万元']);
        const exactSum = parts.reduce((s, c) => (c?.amount ? s.plus(c.amount.value.times(UNIT_FACTOR[c.amount.unit])) : s), new Decimal(0)).dividedBy(UNIT_FACTOR[unit]);
        // or a little more or less than the sum
        const sum = rng.chance(0.6) ? exactSum : exactSum.plus(new Decimal(rng.chance(0.5) ? rng.int(-3, 3) : rng.int(-300, 500)).dividedBy(100));
        whole = { column: 'c', raw: sum.toFixed(), amount: makeAmount(sum.toFixed(), sum, sum.decimalPlaces(), unit), location: { file: 'f.txt', line: 1 } };
      }
      let difference = fenOfCell(whole);
      for (const c of parts) difference -= fenOfCell(c);
      const plain = columnSumHoldsOnPrintedValues(whole, parts.map(rowOf), column);
      if (!Number.isNaN(difference)) {
        decidedByFen++;
        if (difference === 0) heldByFen++;
        if ((difference === 0) !== plain) wrong.push(`${whole?.raw} = Σ ${parts.map((c) => c?.raw).join(' ')}: ${difference} vs ${plain}`);
        // what the fast tests settle, compareAndReport passes
        for (const relation of ['eq', 'ge'] as const) {
          if (!fenDifferenceSettles(relation, difference)) continue;
          if (relation === 'ge' && difference > 0) geAbove++;
          const verdict = compareVerdict(participant(table, rowOf(whole), column), parts.map((c) => participant(table, rowOf(c), column)), relation);
          if (verdict !== 'pass') wrong.push(`${relation}: ${whole?.raw} ${whole?.amount?.unit} vs Σ ${parts.map((c) => `${c?.raw} ${c?.amount?.unit}`).join(' ')}: ${verdict}`);
        }
      }
    }
    expect({ wrong, enoughDecided: decidedByFen > 1000 && heldByFen > 500 && geAbove > 300 }).toEqual({ wrong: [], enoughDecided: true });
  });
});

describe('printed amounts in 分 at the edges of what is taken', () => {
  it('take exactly the amounts whole in 分 up to 2^43 in every unit, and no table of MAX_TERMS rows or more', () => {
    // around 2^43 分 = 87 960 930 222.08 元 in each unit, fractions of a 分, zeros, negatives, long numerals
    const texts: Array<[string, Unit]> = [
      ['87960930222.08', '元'], ['87960930222.09', '元'], ['-87960930222.08', '元'], ['-87960930222.09', '元'], ['87960930222.07', '元'],
      ['8796093.022208', '万元'], ['8796093.022209', '万元'], ['-8796093.022208', '万元'], ['8796093.0222', '万元'], ['8796094', '万元'],
      ['879.6093022208', '亿元'], ['879.6093022209', '亿元'], ['-879.6093022208', '亿元'], ['880', '亿元'], ['879', '亿元'],
      ['0.001', '元'], ['0.01', '元'], ['-0.01', '元'], ['0.000001', '万元'], ['0.0000001', '万元'], ['0.0000000001', '亿元'], ['0.00000000001', '亿元'],
      ['0', '元'], ['-0', '亿元'], ['0.000', '万元'], ['10000000', '元'], ['1234567.1234567', '万元'], ['12345678901234567890', '元'], ['99999999999999999999999.99', '亿元'],
    ];
    const wrong: string[] = [];
    for (const [text, unit] of texts) {
      const exact = new Decimal(text).times(UNIT_FACTOR[unit]).times(100);
      const shouldTake = exact.isInteger() && exact.abs().lte(2 ** 43);
      const fen = fenOf(makeAmount(text, new Decimal(text), text.includes('.') ? text.length - text.indexOf('.') - 1 : 0, unit));
      if (Number.isNaN(fen) ? shouldTake : !exact.eq(fen)) wrong.push(`${text} ${unit}: ${fen}`);
    }
    // a table of MAX_TERMS − 1 rows is taken (its sums have at most MAX_TERMS terms), one more row is not
    const amount = makeAmount('87960930222.08', new Decimal('87960930222.08'), 2, '元');
    const tableOf = (rows: number): Table => ({ ...table, rows: Array.from({ length: rows }, () => rowOf({ column: 'c', raw: amount.raw, amount, location: { file: 'f.txt', line: 1 } })) }) as unknown as Table;
    const taken = fenColumns(tableOf(MAX_TERMS - 1));
    const notTaken = fenColumns(tableOf(MAX_TERMS));
    if (!taken.every((v) => v === 2 ** 43)) wrong.push(`${MAX_TERMS - 1} rows not taken`);
    if (!notTaken.every((v) => Number.isNaN(v))) wrong.push(`${MAX_TERMS} rows taken`);
    expect(wrong).toEqual([]);
  });
});
