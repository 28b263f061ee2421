import type { Row, Table } from '../../model/document.js';
import { defineCheck, type CheckContext } from '../../engine/define-check.js';
import { COMPARISON_MESSAGES, columnSumHoldsOnPrintedValues, compareAndReport } from './compare.js';
import { participant, participantsInColumn, passTarget } from './values.js';
import { compareKeys } from './instance-order.js';
import { compareStrings } from '../../model/location.js';
import { tablesOfKind } from '../../model/table-access.js';

interface Options {
  /** Table kinds to check (coded tables: T2, T3, T5–T8). */
  readonly tables: readonly string[];
}

/**
 * Groups coded rows under the rows they add up to: each row under its nearest present ancestor
 * (so an item whose 款 row is missing still counts toward its 类), top-level rows under 'total'.
 * Linear in the number of rows.
 */
export function childrenByParent(coded: readonly Row[]): Map<string, Row[]> {
  const codes = new Set(coded.map((r) => r.code!));
  const groups = new Map<string, Row[]>();
  for (const r of coded) {
    const c = r.code!;
    let parent = 'total';
    for (let len = c.length - 2; len >= 3; len -= 2) {
      if (codes.has(c.slice(0, len))) {
        parent = c.slice(0, len);
        break;
      }
    }
    let g = groups.get(parent);
    if (!g) groups.set(parent, (g = []));
    g.push(r);
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
  const seen = new Set<string>();
  const coded = table.rows.filter((r) => {
    if (!r.code || !r.level || seen.has(r.code)) return false;
    seen.add(r.code);
    return true;
  });
  const total = table.rows.find((r) => r.isTotal);
  const groups = childrenByParent(coded);
  const sums: Sum[] = [];
  for (const parent of coded) {
    if (parent.level === '项') continue;
    const children = groups.get(parent.code!);
    if (children) sums.push({ parent, children, key: parent.code! });
  }
  const topLevel = groups.get('total');
  if (total && topLevel) sums.push({ parent: total, children: topLevel, key: '合计' });
  // instances are `${table.id}:${key}:${column.key}`; checked in their code-unit order (sums by key
  // and ':', then columns by key), the engine appends them without sorting the rule's outcomes
  sums.sort((a, b) => compareKeys(a.key, b.key));
  const columns = [...table.columns].sort((a, b) => compareStrings(a.key, b.key));
  for (const { parent, children, key } of sums) {
    const instancePrefix = `${table.id}:${key}:`;
    for (const column of columns) {
      // most sums hold: those pass without a participant per row
      if (columnSumHoldsOnPrintedValues(parent.cells[column.key], children, column)) ctx.pass(instancePrefix + column.key, passTarget(ctx, table, parent, column));
      else compareAndReport(ctx, instancePrefix + column.key, participant(table, parent, column), participantsInColumn(table, children, column));
    }
  }
}

/** A row and the rows that add up to it; instances are the table id, the key and the column key. */
interface Sum {
  readonly parent: Row;
  readonly children: readonly Row[];
  readonly key: string;
}
