import type { Column, Row, Table } from '../../model/document.js';
import { defineCheck, type CheckContext } from '../../engine/define-check.js';
import { COMPARISON_MESSAGES, columnSumHoldsOnPrintedValues, compareAndReport } from './compare.js';
import { participant, participantsInColumn, passTarget } from './values.js';
import { rowsInKeyOrder } from './instance-order.js';
import { rowsByCode } from './coded-rows-compare.js';
import { compareStrings } from '../../model/location.js';
import { tablesOfKind } from '../../model/table-access.js';

interface Options {
  /** Table kinds to check (coded tables: T2, T3, T5–T8). */
  readonly tables: readonly string[];
}

/**
 * Groups coded rows under the rows they add up to: each row under its nearest present ancestor
 * (so an item whose 款 row is missing still counts toward its 类), top-level rows under 'total'.
 * `firstRows`: the first row of each code, in document order. Linear in the number of rows.
 */
function childrenByParent(firstRows: ReadonlyMap<string, Row>): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const r of firstRows.values()) {
    const c = r.code!;
    let parent = 'total';
    for (let len = c.length - 2; len >= 3; len -= 2) {
      const prefix = c.slice(0, len);
      if (firstRows.has(prefix)) {
        parent = prefix;
        break;
      }
    }
    const g = groups.get(parent);
    if (g === undefined) groups.set(parent, [r]);
    else g.push(r);
  }
  return groups;
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
  let total: Row | undefined;
  for (const r of table.rows) {
    if (r.isTotal) {
      total = r;
      break;
    }
  }
  // the first row of each code with a level (shared with the cross-table rules on the same tables)
  const groups = childrenByParent(rowsByCode(table));
  const columns = [...table.columns].sort((a, b) => compareStrings(a.key, b.key));
  // instances are `${table.id}:${key}:${column.key}`; checked in their code-unit order (sums by key
  // and ':', then columns by key), the engine appends them without sorting the rule's outcomes. Rows
  // of one code are neighbours in key order: the first with a level is the one grouped above.
  const { rows, prefixes } = rowsInKeyOrder(table);
  let lastCode: string | undefined;
  for (let i = 0; i < rows.length; i++) {
    const parent = rows[i]!;
    const code = parent.code;
    if (!code || !parent.level || code === lastCode) continue;
    lastCode = code;
    if (parent.level === '项') continue;
    const children = groups.get(code);
    if (children) checkSum(ctx, table, parent, children, prefixes[i]!, columns);
  }
  // after every code: '合' comes after the digits
  const topLevel = groups.get('total');
  if (total && topLevel) checkSum(ctx, table, total, topLevel, `${table.id}:合计:`, columns);
}

function checkSum(ctx: CheckContext<Options>, table: Table, parent: Row, children: readonly Row[], instancePrefix: string, columns: readonly Column[]): void {
  for (const column of columns) {
    // most sums hold: those pass without a participant per row
    if (columnSumHoldsOnPrintedValues(parent.cells[column.key], children, column)) ctx.pass(instancePrefix + column.key, passTarget(ctx, table, parent, column));
    else compareAndReport(ctx, instancePrefix + column.key, participant(table, parent, column), participantsInColumn(table, children, column));
  }
}
