import { describe, expect, it } from 'vitest';
import { compareVerdict, referenceVerdict } from '../support/compare-verdicts.js';
import { Rng } from '../../src/generate/random.js';
import { addIntervals, intervalOf } from '../../src/engine/interval.js';
import { makeAmount, type Unit } from '../../src/model/amount.js';
import { Decimal } from '../../src/model/decimal.js';
import type { Cell, Column, Row, Table } from '../../src/model/document.js';
import { columnSumHoldsOnPrintedValues, compareAndReport, differenceSettles, rowSumHoldsOnPrintedValues, type Relation } from '../../src/checks/table/compare.js';
import { ExactSum } from '../../src/checks/table/exact-sum.js';
import type { Participant } from '../../src/checks/table/values.js';

const table = { id: 'T1', kind: 'T1', title: 't', columns: [], rows: [], location: { file: 'f.txt', line: 1 } } as unknown as Table;
const column = { key: 'c', name: 'c', path: ['c'] } as unknown as Column;

/** A participant for a printed amount; long digit strings test the 40-digit working precision. */
function participant(text: string, unit: Unit): Participant {
  const scale = text.includes('.') ? text.split('.')[1]!.length : 0;
  const amount = makeAmount(text, new Decimal(text), scale, unit);
  const cell: Cell = { column: 'c', raw: text, amount, location: { file: 'f.txt', line: 2 } };
  const row = { name: 'r', isTotal: false, cells: { c: cell }, location: { file: 'f.txt', line: 2 } } as unknown as Row;
  return { table, row, column, cell, interval: intervalOf(amount), blank: false, label: text };
}

function amountText(next: () => number, base: string): string {
  const r = next();
  if (r < 0.4) return base; // often equal to another value
  const digits = 1 + Math.floor(next() * 45);
  let s = String(1 + Math.floor(next() * 9));
  for (let i = 1; i < digits; i++) s += String(Math.floor(next() * 10));
  if (next() < 0.5) s = `${s}.${String(Math.floor(next() * 100)).padStart(2, '0')}`;
  return next() < 0.1 ? `-${s}` : s;
}

describe('compareAndReport', () => {
  it('gives the verdict of the interval functions for every relation, unit and digit count', () => {
    const rng = new Rng(20240607);
    const next = (): number => rng.next();
    const units: Unit[] = ['元', '万元', '亿元'];
    const wrong: string[] = [];
    for (let n = 0; n < 3000; n++) {
      const unit = units[Math.floor(next() * units.length)]!;
      const first = amountText(next, '1');
      const partCount = 1 + Math.floor(next() * 3);
      const parts = Array.from({ length: partCount }, () => participant(amountText(next, first), next() < 0.8 ? unit : units[Math.floor(next() * 3)]!));
      // the actual value is often the exact sum of the parts
      const sum = parts.reduce((s, p) => s.plus(new Decimal(p.cell!.amount!.raw)), new Decimal(0));
      const actual = participant(next() < 0.5 ? sum.toFixed() : amountText(next, first), unit);
      for (const relation of ['eq', 'le', 'ge'] as const) {
        const got = compareVerdict(actual, parts, relation);
        const want = referenceVerdict(actual, parts, relation);
        if (got !== want) wrong.push(`${relation} ${actual.label} vs ${parts.map((p) => p.label).join(' + ')} (${unit}): ${got}, expected ${want}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('columnSumHoldsOnPrintedValues and rowSumHoldsOnPrintedValues', () => {
  it('hold only where compareAndReport passes (eq), for blank, unreadable and mixed-unit cells', () => {
    const rng = new Rng(20261127);
    const next = (): number => rng.next();
    const units: Unit[] = ['元', '万元', '亿元'];
    let holds = 0;
    const wrong: string[] = [];
    for (let n = 0; n < 3000; n++) {
      const unit = rng.pick(units);
      const first = amountText(next, '1');
      const parts = Array.from({ length: rng.int(1, 4) }, () => participant(amountText(next, first), rng.chance(0.8) ? unit : rng.pick(units)));
      // blank and unreadable cells
      const cells = parts.map((p) => {
        if (rng.chance(0.1)) return undefined;
        if (rng.chance(0.05)) return { ...p.cell!, amount: undefined, invalid: true } as unknown as Cell;
        return p.cell!;
      });
      const sum = parts.reduce((s, p) => s.plus(new Decimal(p.cell!.amount!.raw)), new Decimal(0));
      const printed = participant(rng.chance(0.6) ? sum.toFixed() : amountText(next, first), unit);
      // and an unreadable whole now and then
      const whole = rng.chance(0.03) ? { ...printed, cell: { ...printed.cell!, amount: undefined, invalid: true } as unknown as Cell } : printed;
      const plainParts = cells.map((cell) => ({ table, row: parts[0]!.row, column, cell, interval: intervalOf(cell?.amount), blank: !cell?.amount, label: 'p' }) as Participant);
      // the same cells as one column of several rows, and as several columns of one row
      const rows = cells.map((cell) => ({ name: 'r', isTotal: false, cells: cell ? { c: cell } : {} }) as unknown as Row);
      const columns = cells.map((_, i) => ({ key: `c${i}`, name: `c${i}`, path: [`c${i}`] }) as unknown as Column);
      const row = { name: 'r', isTotal: false, cells: Object.fromEntries(cells.flatMap((cell, i) => (cell ? [[`c${i}`, cell]] : []))) } as unknown as Row;
      const inColumn = columnSumHoldsOnPrintedValues(whole.cell, rows, column);
      const inRow = rowSumHoldsOnPrintedValues(whole.cell, row, columns);
      const passes = compareVerdict(whole, plainParts, 'eq') === 'pass';
      // where the printed values agree on readable cells, the fast path sees it
      const printedAgree = passes && cells.every((c) => !c?.invalid) && addIntervals(plainParts.map((p) => p.interval)).value.eq(whole.interval.value);
      if (inColumn) holds++;
      if (inColumn !== inRow || (inColumn && !passes) || (printedAgree && !inColumn)) wrong.push(`${whole.label} vs ${parts.map((p) => p.label).join(' + ')}: ${inColumn} ${inRow} ${passes}`);
    }
    expect({ wrong, enoughHold: holds > 300 }).toEqual({ wrong: [], enoughHold: true });
  });
});

describe('differenceSettles', () => {
  it('holds only where compareAndReport passes (eq, ge), and wherever the printed values settle it in ExactSum range', () => {
    const rng = new Rng(20261128);
    const next = (): number => rng.next();
    const units: Unit[] = ['元', '万元', '亿元'];
    const counts = { eq: 0, ge: 0 };
    const wrong: string[] = [];
    const difference = new ExactSum();
    for (let n = 0; n < 3000; n++) {
      const unit = rng.pick(units);
      const first = amountText(next, '1');
      const parts = Array.from({ length: rng.int(1, 4) }, () => participant(amountText(next, first), rng.chance(0.8) ? unit : rng.pick(units)));
      // blank parts, and a blank whole now and then
      const cells = parts.map((p) => (rng.chance(0.1) ? undefined : p.cell!));
      const sum = parts.reduce((s, p) => s.plus(new Decimal(p.cell!.amount!.raw)), new Decimal(0));
      const printed = participant(rng.chance(0.5) ? sum.toFixed() : amountText(next, first), unit);
      const whole = rng.chance(0.05) ? { ...printed, cell: undefined, interval: intervalOf(undefined), blank: true } : printed;
      const plainParts = cells.map((cell) => ({ table, row: parts[0]!.row, column, cell, interval: intervalOf(cell?.amount), blank: !cell?.amount, label: 'p' }) as Participant);
      difference.reset();
      difference.add(whole.cell?.amount, 1);
      for (const cell of cells) difference.add(cell?.amount, -1);
      const expected = addIntervals(plainParts.map((p) => p.interval));
      for (const relation of ['eq', 'ge'] as const) {
        const holds = differenceSettles(relation, whole.cell, difference);
        const passes = compareVerdict(whole, plainParts, relation) === 'pass';
        // the printed values settle eq when equal, ge when the whole is exact and not below the sum
        const settled = relation === 'eq' ? expected.value.eq(whole.interval.value) : whole.interval.radius.isZero() && expected.value.lte(whole.interval.value);
        if (holds) counts[relation]++;
        if ((holds && !passes) || (difference.sign() !== undefined && holds !== settled)) wrong.push(`${relation} ${whole.label} vs ${parts.map((p) => p.label).join(' + ')}: ${holds} ${passes}`);
      }
    }
    expect({ wrong, enoughHold: counts.eq > 300 && counts.ge > 150 }).toEqual({ wrong: [], enoughHold: true });
  });
});
