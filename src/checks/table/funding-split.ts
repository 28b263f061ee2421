import type { Column, Row, Table } from '../../model/document.js';
import { columnByName } from '../../model/table-access.js';
import { defineCheck } from '../../engine/define-check.js';
import { decimalsEqual } from '../../engine/interval.js';
import { COMPARISON_MESSAGES, compareAndReport, differenceSettles } from './compare.js';
import { ExactSum } from './exact-sum.js';
import { participant, passTarget, relatedOf, targetOf, type Participant } from './values.js';
import { rowsByCode } from './coded-rows-compare.js';
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
    const totalRows = rowsByCode(total);
    const partRows = packedMap(parts, (t) => rowsByCode(t));
    const tTotal = total.rows.find((r) => r.isTotal);
    const partTotals = tTotal ? packedMap(parts, (t) => t.rows.find((r) => r.isTotal)) : [];
    const columns = comparedColumns(ctx.options.columns, total, parts);
    // `equal`: the row is funded by 财政拨款 alone (then T3 = the parts, else T3 ≥ the parts)
    // `keyPrefix`: `${key}:`, the instance without the column name
    const compare = (keyPrefix: string, { name, tc, pcs }: ComparedColumn, trow: Row, prows: ReadonlyArray<Row | undefined>, equal: boolean): void => {
      // the printed sum of the parts first: most instances pass without a participant per part
      const wholeCell = trow.cells[tc.key];
      const difference = printedDifference;
      difference.reset();
      difference.add(wholeCell?.amount, 1);
      let present = 0;
      let readable = wholeCell?.invalid !== true;
      for (let i = 0; i < prows.length; i++) {
        const r = prows[i];
        const pc = pcs[i];
        if (!r || !pc) continue;
        present++;
        const cell = r.cells[pc.key];
        if (cell === undefined) continue;
        if (cell.invalid === true) readable = false;
        else difference.add(cell.amount, -1);
      }
      if (present === 0 && !equal) return;
      if (present === 0 && (!wholeCell?.amount || wholeCell.amount.value.isZero())) return;
      const instance = keyPrefix + name;
      if (readable && differenceSettles(equal ? 'eq' : 'ge', wholeCell, difference)) {
        ctx.pass(instance, passTarget(ctx, total, trow, tc));
        return;
      }
      const ps: Participant[] = [];
      for (let i = 0; i < prows.length; i++) {
        const r = prows[i];
        const pc = pcs[i];
        if (r && pc) ps.push(participant(parts[i]!, r, pc));
      }
      compareAndReport(ctx, instance, participant(total, trow, tc), ps, equal ? 'eq' : 'ge');
    };
    const reportMissing = (code: string, { name, pcs }: ComparedColumn): void => {
      partRows.forEach((m, i) => {
        const pc = pcs[i];
        const prow = m.get(code);
        if (!pc || !prow) return;
        const p = participant(parts[i]!, prow, pc);
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
    const keys = instanceKeys(tTotal !== undefined, total, totalRows, partRows);
    for (const key of keys) {
      const trow = key === TOTAL_KEY ? undefined : totalRows.get(key);
      const prows = trow ? packedMap(partRows, (m) => m.get(key)) : undefined;
      // asked once per key, for all its columns
      const equal = key === TOTAL_KEY ? fiscalOnly(undefined) : trow ? fiscalOnly(key) : false;
      const keyPrefix = `${key}:`;
      for (const column of columns) {
        if (key === TOTAL_KEY) compare(keyPrefix, column, tTotal!, partTotals, equal);
        else if (trow) compare(keyPrefix, column, trow, prows!, equal);
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
}

/** The option's columns that the total table has, ordered by name (a repeated name keeps its place). */
function comparedColumns(names: readonly string[], total: Table, parts: readonly Table[]): ComparedColumn[] {
  const columns: ComparedColumn[] = [];
  for (const name of names) {
    const tc = columnByName(total, name);
    if (tc) columns.push({ name, tc, pcs: packedMap(parts, (t) => columnByName(t, name)) });
  }
  return columns.sort((a, b) => compareStrings(a.name, b.name));
}

/**
 * 合计 (when the total table has a total row), the total table's codes and the codes only part tables
 * have, in instance order. The total table's codes come in key order from rowsInKeyOrder (shared
 * with the row and hierarchy sums of the same table); the keys are sorted only when a part table
 * has a code of its own.
 */
function instanceKeys(hasTotal: boolean, total: Table, totalRows: ReadonlyMap<string, Row>, partRows: ReadonlyArray<ReadonlyMap<string, Row>>): string[] {
  const keys: string[] = [];
  // rows of one code are neighbours in key order; the map holds the first of them with a level
  const { rows } = rowsInKeyOrder(total);
  for (let i = 0; i < rows.length; i++) {
    const code = rows[i]!.code;
    if (code !== undefined && totalRows.get(code) === rows[i]) keys.push(code);
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
  const rows = rowsByCode(income);
  const totalRow = income.rows.find((r) => r.isTotal);
  const isFiscalOnly = (row: Row | undefined): boolean => {
    if (!row) return false;
    const t = row.cells[totalCol.key]?.amount;
    const f = row.cells[fiscalCol.key]?.amount;
    return t !== undefined && t !== null && f !== undefined && f !== null && decimalsEqual(t.value, f.value);
  };
  return (code) => isFiscalOnly(code ? rows.get(code) : totalRow);
}

/** The 合计 minus its parts of one instance (one at a time: checks run synchronously). */
const printedDifference = new ExactSum();
