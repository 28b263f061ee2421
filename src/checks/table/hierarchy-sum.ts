import type { Row, Table } from '../../model/document.js';
import { defineCheck, type CheckContext } from '../../engine/define-check.js';
import { COMPARISON_MESSAGES, compareAndReport } from './compare.js';
import { participant } from './values.js';

interface Options {
  /** Table kinds to check (coded tables: T2, T3, T5–T8). */
  readonly tables: readonly string[];
}

/** The rows a parent adds up: direct children, plus orphans whose own parent row is missing. */
export function childrenOf(parent: Row | 'total', coded: readonly Row[]): Row[] {
  const codes = new Set(coded.map((r) => r.code!));
  if (parent === 'total') {
    return coded.filter((r) => r.code!.length === 3 || (r.code!.length > 3 && !codes.has(r.code!.slice(0, 3)) && !hasCodedAncestor(r.code!, codes, 3)));
  }
  const p = parent.code!;
  return coded.filter((r) => {
    const c = r.code!;
    if (c.length <= p.length || !c.startsWith(p)) return false;
    if (c.length === p.length + 2) return true;
    // an item whose intermediate row is missing still belongs to this parent
    return !hasCodedAncestor(c, codes, p.length + 2);
  });
}

/** Whether some ancestor of `code` of length ≥ minLen (and shorter than code) is present. */
function hasCodedAncestor(code: string, codes: ReadonlySet<string>, minLen: number): boolean {
  for (let len = code.length - 2; len >= minLen; len -= 2) if (codes.has(code.slice(0, len))) return true;
  return false;
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
      const tables = ctx.document.tables.filter((t) => t.kind === kind);
      if (tables.length === 0) ctx.notApplicable(kind, `table ${kind} is absent`);
      for (const table of tables) checkTable(ctx, table);
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
  const parents: Array<Row | 'total'> = [...coded.filter((r) => r.level !== '项'), ...(total ? ['total' as const] : [])];
  for (const column of table.columns) {
    for (const parent of parents) {
      const children = childrenOf(parent, coded);
      if (children.length === 0) continue;
      const parentRow = parent === 'total' ? total! : parent;
      const instance = `${table.id}:${parent === 'total' ? '合计' : parent.code}:${column.key}`;
      compareAndReport(
        ctx,
        instance,
        participant(table, parentRow, column),
        children.map((c) => participant(table, c, column)),
      );
    }
  }
}
