import type { Column, Side, Table } from '../../model/document.js';
import { columnByName } from '../../model/table-access.js';
import { defineCheck, type CheckContext } from '../../engine/define-check.js';
import { COMPARISON_MESSAGES, compareAndReport, rowSumHoldsOnPrintedValues } from './compare.js';
import { participant, participantsInRow, passTarget } from './values.js';
import { rowsInKeyOrder } from './instance-order.js';
import { fenColumns, fenDifferenceSettles, MAX_TERMS } from './printed-fen.js';
import { tablesOfKind } from '../../model/table-access.js';
import { packedMap } from '../../model/lists.js';

interface Options {
  readonly table: string;
  readonly side?: Side;
  /** The column holding the row total. */
  readonly total: string;
  /** The columns that add up to it, or "rest" for every other amount column of the side. */
  readonly parts: readonly string[] | 'rest';
  /** When true, a table without these columns (another template) is not applicable rather than not assessable. */
  readonly optional?: boolean;
}

/**
 * Row equations: within each row, the total column equals the sum of its part columns
 * (T2 合计 = Σ income sources; T3/T5–T7 合计 = 基本支出 + 项目支出; T8 合计 = 人员经费 + 公用经费;
 * T4 支出 合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算; T9 三公合计 = 出国 + 接待 + 公务用车小计 …).
 */
export default defineCheck<Options>({
  id: 'row-equation',
  meta: {
    description: { zh: '行内等式：合计列等于各组成列之和', en: 'Row equations: the total column equals the sum of its part columns' },
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['table', 'total', 'parts'],
      properties: {
        table: { type: 'string', pattern: '^T[1-9]$' },
        side: { enum: ['income', 'expense'] },
        total: { type: 'string', minLength: 1 },
        parts: { oneOf: [{ const: 'rest' }, { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } }] },
        optional: { type: 'boolean' },
      },
    },
    messages: COMPARISON_MESSAGES,
  },
  run(ctx) {
    const tables = tablesOfKind(ctx.document, ctx.options.table);
    if (tables === undefined) ctx.notApplicable(ctx.options.table, `table ${ctx.options.table} is absent`);
    else for (const table of tables) checkTable(ctx, table);
  },
});

function checkTable(ctx: CheckContext<Options>, table: Table): void {
  const { side, total, parts, optional } = ctx.options;
  const totalCol = columnByName(table, total, side);
  if (!totalCol) {
    ctx.notApplicable(tableInstance(table, total), `${table.kind} has no column "${total}"`);
    return;
  }
  let partCols: Column[];
  if (parts === 'rest') {
    partCols = table.columns.filter((c) => c !== totalCol && (side === undefined || c.side === side) && !isWithin(c, totalCol));
  } else {
    const found = packedMap(parts, (p) => columnByName(table, p, side));
    const missing = parts.filter((_, i) => !found[i]);
    if (missing.length > 0) {
      if (optional) ctx.notApplicable(tableInstance(table, total), `${table.kind} has no column ${missing.join(', ')}`);
      else ctx.notAssessable(tableInstance(table, total), `${table.kind} has no column ${missing.join(', ')}`, { table });
      return;
    }
    partCols = found as Column[];
  }
  if (partCols.length === 0) return;
  // checked in the code-unit order of the instances `${table.id}:${key}:${totalCol.key}`, so that the
  // engine appends the outcomes without sorting them (rows of one key keep their order)
  const { rows, indexes, prefixes } = rowsInKeyOrder(table);
  // most rows add up on the printed values, in whole 分 (NaN: not taken there, tested the plain way);
  // the bases are where each column starts in fenColumns
  const fen = fenColumns(table);
  const rowCount = table.rows.length;
  const totalBase = table.columns.indexOf(totalCol) * rowCount;
  const partBases = partCols.length < MAX_TERMS ? packedMap(partCols, (c) => table.columns.indexOf(c) * rowCount) : [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (side !== undefined && row.side !== side) continue;
    const instance = prefixes[i]! + totalCol.key;
    const r = indexes[i]!;
    let difference = partBases.length === 0 ? Number.NaN : fen[totalBase + r]!;
    for (let p = 0; p < partBases.length; p++) difference -= fen[partBases[p]! + r]!;
    if (fenDifferenceSettles('eq', difference) || rowSumHoldsOnPrintedValues(row.cells[totalCol.key], row, partCols)) ctx.pass(instance, passTarget(ctx, table, row, totalCol));
    else compareAndReport(ctx, instance, participant(table, row, totalCol), participantsInRow(table, row, partCols));
  }
}

/** A sub-column of the total's own group (e.g. 小计 under 公务用车) is not a separate part. */
function isWithin(c: Column, total: Column): boolean {
  return c.path.length > total.path.length && total.path.every((p, i) => c.path[i] === p);
}

/** The instance of a table whose columns do not allow the equation (built only then). */
function tableInstance(table: Table, total: string): string {
  return `${table.id}:${total}`;
}
