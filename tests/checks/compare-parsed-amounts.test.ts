import { describe, expect, it } from 'vitest';
import { compareVerdict, referenceVerdict } from '../support/compare-verdicts.js';
import { Rng } from '../../src/generate/random.js';
import { makeAmount, parseAmountText, toHalfWidth, UNIT_FACTOR, type Unit } from '../../src/model/amount.js';
import type { Cell, Column, Row, Table } from '../../src/model/document.js';
import { columnSumHoldsOnPrintedValues, type Relation } from '../../src/checks/table/compare.js';
import { participant, participantsInColumn, type Participant } from '../../src/checks/table/values.js';

/**
 * The exact fast paths of compareAndReport and columnSumHoldsOnPrintedValues (ExactSum, on the digit
 * words of the parsed Decimals) against the interval functions, on amounts as the parser reads them:
 * thousands separators, full-width digits, negatives in both spellings, leading zeros, up to thirteen
 * decimals and forty digits, blank cells, three units, and sums around ExactSum's term limit.
 */

const UNITS: Unit[] = ['元', '万元', '亿元'];

/** A printed amount text (or a blank one). */
function amountText(rng: Rng, base: string): string {
  if (rng.chance(0.3)) return base;
  if (rng.chance(0.05)) return rng.pick(['', '-', '—']);
  const intDigits = rng.chance(0.2) ? rng.int(20, 30) : rng.int(1, 12);
  let int = rng.chance(0.2) ? '0' : String(rng.int(1, 9));
  for (let i = 1; i < intDigits && int !== '0'; i++) int += String(rng.int(0, 9));
  if (rng.chance(0.2) && int.length > 3) int = Number.isSafeInteger(Number(int)) ? Number(int).toLocaleString('en-US') : int;
  const decimals = rng.chance(0.4) ? 0 : rng.int(1, 13);
  let dec = '';
  for (let i = 0; i < decimals; i++) dec += String(rng.int(0, 9));
  let text = decimals > 0 ? `${int}.${dec}` : int;
  if (rng.chance(0.1)) text = rng.chance(0.5) ? `-${text}` : `(${text})`;
  if (rng.chance(0.05)) text = text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  return text;
}

/** The text with its last digit changed: a value one unit of its last place away (1 元 … 10^−11 万元). */
function nearText(text: string): string {
  const t = toHalfWidth(text);
  const m = /[0-9](?=\)?$)/.exec(t);
  if (!m) return t;
  return `${t.slice(0, m.index)}${(Number(m[0]) + 1) % 10}${t.slice(m.index + 1)}`;
}

/** The same value printed in another unit (as plain digits). */
function convertedText(text: string, from: Unit, to: Unit): string {
  const parsed = parseAmountText(text);
  if (parsed.kind !== 'amount') return text;
  return parsed.value.times(UNIT_FACTOR[from]).div(UNIT_FACTOR[to]).toFixed();
}

/** The text with its sign flipped, so that a sum can cancel. */
function negatedText(text: string): string {
  const t = toHalfWidth(text);
  if (t === '' || t === '-' || t === '—') return text;
  if (t.startsWith('(')) return t.slice(1, -1);
  return t.startsWith('-') ? t.slice(1) : `-${t}`;
}

function cellOf(text: string, unit: Unit): Cell | undefined {
  const parsed = parseAmountText(text);
  if (parsed.kind === 'invalid') throw new Error(`unreadable test amount ${text}`);
  const amount = parsed.kind === 'amount' ? makeAmount(text, parsed.value, parsed.scale, unit) : null;
  return { column: 'c', raw: text, amount, location: { file: 'f.txt', line: 2 } } as unknown as Cell;
}

const column = { key: 'c', name: 'c', path: ['c'] } as unknown as Column;
const table = { id: 'T1', kind: 'T1', title: 't', columns: [column], rows: [], location: { file: 'f.txt', line: 1 } } as unknown as Table;

function rowOf(cell: Cell | undefined): Row {
  return { name: 'r', isTotal: false, cells: cell ? { c: cell } : {}, location: { file: 'f.txt', line: 2 } } as unknown as Row;
}

describe('compare fast paths on parsed amounts', () => {
  it('give the verdict of the interval functions for every relation, unit, sign, digit and term count', () => {
    const rng = new Rng(20261127);
    const wrong: string[] = [];
    const seen = { pass: 0, other: 0, long: 0 };
    for (let n = 0; n < 2500; n++) {
      const unit = rng.pick(UNITS);
      const base = amountText(rng, '1');
      // now and then a sum of about ExactSum's term limit (1 000 amounts), around it on either side
      const count = rng.chance(0.01) ? rng.int(996, 1003) : rng.int(1, 5);
      const texts: string[] = [];
      for (let i = 0; i < count; i++) texts.push(amountText(rng, base));
      const partUnits = texts.map(() => (rng.chance(0.8) ? unit : rng.pick(UNITS)));
      // the whole: often the parts' sum in the same unit (a part and its negation, or the first part alone)
      const first = texts[0]!;
      const wholeText = rng.chance(0.3) ? first : rng.chance(0.3) ? nearText(first) : rng.chance(0.2) ? negatedText(first) : amountText(rng, base);
      if (rng.chance(0.3) && texts.length > 1) {
        texts.push(negatedText(texts[1]!));
        partUnits.push(partUnits[1]!);
      }
      // the whole in another unit than its parts, of the same value: units must be weighed exactly
      const wholeUnit = rng.chance(0.15) ? rng.pick(UNITS) : partUnits[0]!;
      const wholeValue = wholeUnit === partUnits[0] ? wholeText : convertedText(wholeText, partUnits[0]!, wholeUnit);
      const rows = texts.map((t, i) => rowOf(cellOf(t, partUnits[i]!)));
      const wholeRow = rowOf(cellOf(wholeValue, wholeUnit));
      const whole = participant(table, wholeRow, column);
      const parts = participantsInColumn(table, rows, column);
      if (rows.length > 1000) seen.long++;
      const label = `${wholeValue} ${wholeUnit} vs ${texts.length} parts ${texts.slice(0, 4).map((t, i) => `${t} ${partUnits[i]}`).join(' + ')}`;
      for (const relation of ['eq', 'le', 'ge'] as const) {
        const got = compareVerdict(whole, parts, relation);
        const want = referenceVerdict(whole, parts, relation);
        if (want === 'pass') seen.pass++;
        else seen.other++;
        if (got !== want) wrong.push(`${relation} ${label}: ${got}, expected ${want}`);
      }
      const holds = columnSumHoldsOnPrintedValues(wholeRow.cells.c, rows, column);
      if (holds && referenceVerdict(whole, parts, 'eq') !== 'pass') wrong.push(`column sum ${label}: holds`);
    }
    expect({ wrong, enough: seen.pass > 1000 && seen.other > 1000 && seen.long > 10 }).toEqual({ wrong: [], enough: true });
  });
});
