import type { Row, Table } from '../../model/document.js';
import { defineCheck, type CheckContext } from '../../engine/define-check.js';
import { COMPARISON_MESSAGES, columnSumHoldsOnPrintedValues, compareAndReport } from './compare.js';
import { participant, participantsInColumn, passTarget } from './values.js';
import { rowsInKeyOrder } from './instance-order.js';
import { fenColumns, fenDifferenceSettles } from './printed-fen.js';
import { childrenByParent } from './code-index.js';
import { compareStrings } from '../../model/location.js';
import { tablesOfKind } from '../../model/table-access.js';

interface Options {
  /** Table kinds to check (coded tables: T2, T3, T5–T8). */
  readonly tables: readonly string[];
}

/**
 * Hierarchy sums: in every amount column, Σ 项 of a 款 = the 款 row, Σ 款 of a 类 = the 类 row, and
 * Σ 类 = the 合计 row — for functional (类/款/项) and economic (类/款) codes alike (DOMAIN.md §4, the
 * 财政部 部门预算公开 table templates).
 */
export default defineCheck<Options>({
  id: 'hierarchy-sum',
  meta: {
    description: { zh: '科目层级合计：项之和等于款，款之和等于类，类之和等于合计', en: 'Hierarchy sums: items add up to their 款, 款 to their 类, 类 to the 合计 row' },
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['tables'],
      properties: { tables: { type: 'array', items: { type: 'string', pattern: '^T[1-9]$' } } },
    },
    messages: COMPARISON_MESSAGES,
  },
  run(ctx) {
    for (const kind of ctx.options.tables) {
      const tables = tablesOfKind(ctx.document, kind);
      if (tables === undefined) ctx.notApplicable(kind, `table ${kind} is absent`);
      else for (const table of tables) checkTable(ctx, table);
    }
  },
});

function checkTable(ctx: CheckContext<Options>, table: Table): void {
  let total = -1;
  for (let i = 0; i < table.rows.length; i++) {
    if (table.rows[i]!.isTotal) {
      total = i;
      break;
    }
  }
  const groups = childrenByParent(table);
  const columns = columnsByKey(table);
  // instances are `${table.id}:${key}:${column.key}`; checked in their code-unit order (sums by key
  // and ':', then columns by key), the engine appends them without sorting the rule's outcomes. Rows
  // of one code are neighbours in key order: the first with a level is the one grouped above.
  const { rows, indexes, prefixes } = rowsInKeyOrder(table);
  let lastCode: string | undefined;
  for (let k = 0; k < rows.length; k++) {
    const parent = rows[k]!;
    const code = parent.code;
    if (!code || !parent.level || code === lastCode) continue;
    lastCode = code;
    if (parent.level === '项') continue;
    const children = groups.get(code);
    if (children) checkSum(ctx, table, indexes[k]!, children, prefixes[k]!, columns);
  }
  // after every code: '合' comes after the digits
  const topLevel = groups.get('total');
  if (total >= 0 && topLevel) checkSum(ctx, table, total, topLevel, `${table.id}:合计:`, columns);
}

/** The positions in table.columns of its columns, in the order of their keys. */
function columnsByKey(table: Table): number[] {
  const columns = table.columns;
  const positions: number[] = [];
  for (let c = 0; c < columns.length; c++) positions.push(c);
  return positions.sort((a, b) => compareStrings(columns[a]!.key, columns[b]!.key));
}

/** The sums of `children` (row indexes) to the row `parent` in every column (positions, in instance order). */
function checkSum(ctx: CheckContext<Options>, table: Table, parent: number, children: readonly number[], instancePrefix: string, columns: readonly number[]): void {
  const fen = fenColumns(table);
  const parentRow = table.rows[parent]!;
  for (let c = 0; c < columns.length; c++) {
    const column = table.columns[columns[c]!]!;
    // most sums hold on the printed values, in whole 分 (NaN: not taken there, tested the plain way)
    const base = columns[c]! * table.rows.length;
    let difference = fen[base + parent]!;
    for (let i = 0; i < children.length; i++) difference -= fen[base + children[i]!]!;
    if (fenDifferenceSettles('eq', difference)) {
      ctx.pass(instancePrefix + column.key, passTarget(ctx, table, parentRow, column));
      continue;
    }
    const childRows: Row[] = [];
    for (let i = 0; i < children.length; i++) childRows.push(table.rows[children[i]!]!);
    if (columnSumHoldsOnPrintedValues(parentRow.cells[column.key], childRows, column)) ctx.pass(instancePrefix + column.key, passTarget(ctx, table, parentRow, column));
    else compareAndReport(ctx, instancePrefix + column.key, participant(table, parentRow, column), participantsInColumn(table, childRows, column));
  }
}
