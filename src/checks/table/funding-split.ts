import type { Column, Row, Table } from '../../model/document.js';
import { columnByName } from '../../model/table-access.js';
import { defineCheck } from '../../engine/define-check.js';
import { decimalsEqual } from '../../engine/interval.js';
import { COMPARISON_MESSAGES, compareAndReport } from './compare.js';
import { participant, passTarget, relatedOf, targetOf, type Participant } from './values.js';
import { rowIndexByCode } from './code-index.js';
import { fenColumns, fenDifferenceSettles, MAX_TERMS } from './printed-fen.js';
import { compareKeys, rowsInKeyOrder } from './instance-order.js';
import { compareStrings } from '../../model/location.js';
import { firstTableOf } from '../../model/table-access.js';
import { packedMap } from '../../model/lists.js';

interface Options {
  /** The table of all spending (T3). */
  readonly total: string;
  /** The per-fund tables (T5, T6, T7). */
  readonly parts: readonly string[];
  /** The income table (T2) that tells whether a row is funded by 财政拨款 alone. */
  readonly income?: string;
  readonly columns: readonly string[];
}

/**
 * Spending by fund: for every code and column, T5 + T6 + T7 ≤ T3 (a unit with 事业收入 or other
 * income legitimately spends more than its 财政拨款), and = T3 where the income table shows the
 * row funded by 财政拨款收入 alone (T2 合计 = 财政拨款收入). DOMAIN.md §4 "T5 ≤ T3 per code".
 */
export default defineCheck<Options>({
  id: 'funding-split',
  meta: {
    description: {
      zh: '一般公共预算、政府性基金、国有资本经营支出表之和不超过支出总表，全部为财政拨款时相等',
      en: 'Per-fund spending tables add up to at most the spending table, exactly when all income is 财政拨款',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['total', 'parts', 'columns'],
      properties: {
        total: { type: 'string' },
        parts: { type: 'array', items: { type: 'string' } },
        income: { type: 'string' },
        columns: { type: 'array', items: { type: 'string' } },
      },
    },
    messages: {
      ...COMPARISON_MESSAGES,
      missingCode: {
        zh: '{subject} 为 {actual}{unit}，但 {other} 中没有科目 {code}',
        en: '{subject} is {actual} {unit} but {other} has no row for code {code}',
      },
    },
  },
  run(ctx) {
    const doc = ctx.document;
    const total = firstTableOf(doc, ctx.options.total);
    if (!total) {
      ctx.notApplicable('split', `table ${ctx.options.total} is absent`);
      return;
    }
    const parts: Table[] = [];
    for (const kind of ctx.options.parts) {
      const part = firstTableOf(doc, kind);
      if (part) parts.push(part);
    }
    if (parts.length === 0) {
      ctx.notApplicable('split', `none of ${ctx.options.parts.join(', ')} is present`);
      return;
    }
    const income = ctx.options.income ? firstTableOf(doc, ctx.options.income) : undefined;
    const fiscalOnly = fiscalOnlyTest(income);
    const totalRows = rowIndexByCode(total);
    const partRows = packedMap(parts, (t) => rowIndexByCode(t));
    const tTotal = total.rows.findIndex((r) => r.isTotal);
    const partTotals = tTotal >= 0 ? packedMap(parts, (t) => t.rows.findIndex((r) => r.isTotal)) : [];
    const columns = comparedColumns(ctx.options.columns, total, parts);
    const totalFen = fenColumns(total);
    const partFen = packedMap(parts, (t) => fenColumns(t));
    // rows are indexes into their table's rows (−1: absent)
    // `equal`: the row is funded by 财政拨款 alone (then T3 = the parts, else T3 ≥ the parts)
    // `keyPrefix`: `${key}:`, the instance without the column name
    const compare = (keyPrefix: string, { name, tc, pcs, totalBase, partBases }: ComparedColumn, t: number, prows: readonly number[], equal: boolean): void => {
      // the printed sum of the parts first, in 分: most instances pass without a participant per part
      // (a sum of more than MAX_TERMS terms is not exact in 分: tested the plain way)
      let difference = prows.length < MAX_TERMS ? totalFen[totalBase + t]! : Number.NaN;
      let present = 0;
      for (let i = 0; i < prows.length; i++) {
        const r = prows[i]!;
        if (r < 0 || pcs[i] === undefined) continue;
        present++;
        difference -= partFen[i]![partBases[i]! + r]!;
      }
      const trow = total.rows[t]!;
      if (present === 0) {
        if (!equal) return;
        const wholeAmount = trow.cells[tc.key]?.amount;
        if (!wholeAmount || wholeAmount.value.isZero()) return;
      }
      const instance = keyPrefix + name;
      if (fenDifferenceSettles(equal ? 'eq' : 'ge', difference)) {
        ctx.pass(instance, passTarget(ctx, total, trow, tc));
        return;
      }
      const ps: Participant[] = [];
      for (let i = 0; i < prows.length; i++) {
        const r = prows[i]!;
        const pc = pcs[i];
        if (r >= 0 && pc) ps.push(participant(parts[i]!, parts[i]!.rows[r]!, pc));
      }
      compareAndReport(ctx, instance, participant(total, trow, tc), ps, equal ? 'eq' : 'ge');
    };
    const reportMissing = (code: string, { name, pcs }: ComparedColumn): void => {
      partRows.forEach((m, i) => {
        const pc = pcs[i];
        const prow = m.get(code);
        if (!pc || prow === undefined) return;
        const p = participant(parts[i]!, parts[i]!.rows[prow]!, pc);
        if (p.blank || p.interval.value.isZero()) return;
        ctx.report({
          instance: `${code}:${name}`,
          messageId: 'missingCode',
          data: { subject: p.label, actual: p.cell?.amount?.raw ?? '', unit: p.cell?.amount?.unit ?? '', other: `${total.kind} ${total.title}`, code },
          at: targetOf(p),
          related: [relatedOf(p)],
        });
      });
    };
    // instances are `${key}:${column name}`: checked in their code-unit order (keys by key and ':',
    // then column names), so that the engine appends the outcomes without sorting them
    const keys = instanceKeys(tTotal >= 0, total, totalRows, partRows);
    // the part rows of the key being checked (filled for each key)
    const prows = packedMap(partRows, () => -1);
    for (const key of keys) {
      const trow = key === TOTAL_KEY ? undefined : totalRows.get(key);
      if (trow !== undefined) for (let i = 0; i < partRows.length; i++) prows[i] = partRows[i]!.get(key) ?? -1;
      // asked once per key, for all its columns
      const equal = key === TOTAL_KEY ? fiscalOnly(undefined) : trow !== undefined ? fiscalOnly(key) : false;
      const keyPrefix = `${key}:`;
      for (const column of columns) {
        if (key === TOTAL_KEY) compare(keyPrefix, column, tTotal, partTotals, equal);
        else if (trow !== undefined) compare(keyPrefix, column, trow, prows, equal);
        else reportMissing(key, column);
      }
    }
  },
});

/** The instance key of the 合计 rows (codes are digits). */
const TOTAL_KEY = '合计';

interface ComparedColumn {
  readonly name: string;
  /** The column in the total table and in each part table (if it has it). */
  readonly tc: Column;
  readonly pcs: ReadonlyArray<Column | undefined>;
  /** Where each of these columns starts in its table's fenColumns (−1: the part table has no such column). */
  readonly totalBase: number;
  readonly partBases: readonly number[];
}

/** The option's columns that the total table has, ordered by name (a repeated name keeps its place). */
function comparedColumns(names: readonly string[], total: Table, parts: readonly Table[]): ComparedColumn[] {
  const columns: ComparedColumn[] = [];
  for (const name of names) {
    const tc = columnByName(total, name);
    if (!tc) continue;
    const pcs = packedMap(parts, (t) => columnByName(t, name));
    const partBases = packedMap(pcs, (pc, i) => (pc === undefined ? -1 : parts[i]!.columns.indexOf(pc) * parts[i]!.rows.length));
    columns.push({ name, tc, pcs, totalBase: total.columns.indexOf(tc) * total.rows.length, partBases });
  }
  return columns.sort((a, b) => compareStrings(a.name, b.name));
}

/**
 * 合计 (when the total table has a total row), the total table's codes and the codes only part tables
 * have, in instance order. The total table's codes come in key order from rowsInKeyOrder (shared
 * with the row and hierarchy sums of the same table); the keys are sorted only when a part table
 * has a code of its own.
 */
function instanceKeys(hasTotal: boolean, total: Table, totalRows: ReadonlyMap<string, number>, partRows: ReadonlyArray<ReadonlyMap<string, number>>): string[] {
  const keys: string[] = [];
  // rows of one code are neighbours in key order; the map holds the first of them with a level
  const { rows, indexes } = rowsInKeyOrder(total);
  for (let i = 0; i < rows.length; i++) {
    const code = rows[i]!.code;
    if (code !== undefined && totalRows.get(code) === indexes[i]) keys.push(code);
  }
  let own = false;
  for (const m of partRows) {
    for (const code of m.keys()) {
      if (totalRows.has(code) || keys.includes(code)) continue;
      keys.push(code);
      own = true;
    }
  }
  if (own) keys.sort(compareKeys);
  // after every code: '合' comes after the digits
  if (hasTotal) keys.push(TOTAL_KEY);
  return keys;
}

/** Whether the income table shows a code (or the whole table) funded by 财政拨款收入 alone. */
function fiscalOnlyTest(income: Table | undefined): (code?: string) => boolean {
  if (!income) return () => false;
  const totalCol = columnByName(income, '合计');
  const fiscalCol = columnByName(income, '财政拨款收入') ?? columnByName(income, '财政拨款');
  if (!totalCol || !fiscalCol) return () => false;
  const rows = rowIndexByCode(income);
  const totalRow = income.rows.find((r) => r.isTotal);
  const isFiscalOnly = (row: Row | undefined): boolean => {
    if (!row) return false;
    const t = row.cells[totalCol.key]?.amount;
    const f = row.cells[fiscalCol.key]?.amount;
    return t !== undefined && t !== null && f !== undefined && f !== null && decimalsEqual(t.value, f.value);
  };
  return (code) => {
    const index = code ? rows.get(code) : undefined;
    return isFiscalOnly(code ? (index === undefined ? undefined : income.rows[index]) : totalRow);
  };
}

