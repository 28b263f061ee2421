import { defineCheck } from '../../engine/define-check.js';
import type { Row } from '../../model/document.js';
import { codedTables, MAX_RELATED, MORE_IN_TABLE_MESSAGE, perTableReporter, rowLabel } from './coded-tables.js';

/** A code printed twice in one table (a row typed twice, or a page printed twice). */
export default defineCheck<Record<string, never>>({
  id: 'duplicate-code',
  meta: {
    description: { zh: '同一表内科目编码不重复', en: 'A code appears once per table' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      duplicate: { zh: '科目 {code} 在本表中出现 {count} 次', en: 'code {code} appears {count} times in this table' },
      ...MORE_IN_TABLE_MESSAGE,
    },
  },
  run(ctx) {
    const tables = codedTables(ctx.document);
    if (tables.length === 0) {
      ctx.notApplicable('codes', 'no table prints classification codes');
      return;
    }
    for (const { table, rows } of tables) {
      const seen = new Map<string, Row[]>();
      for (const r of rows) {
        const list = seen.get(r.code!);
        if (list) list.push(r);
        else seen.set(r.code!, [r]);
      }
      const out = perTableReporter(ctx, table);
      for (const [code, list] of seen) {
        const instance = `${table.id}:${code}`;
        if (list.length === 1) {
          ctx.pass(instance, { table, row: list[0]! });
          continue;
        }
        out.report({
          instance,
          messageId: 'duplicate',
          data: { code, count: list.length },
          at: { table, row: list[1]! },
          // the other places, at most MAX_RELATED of them (the count is in the message)
          related: [list[0]!, ...list.slice(2, MAX_RELATED + 1)].map((r) => ({ at: { table, row: r }, label: rowLabel(table, r) })),
        });
      }
      out.finish();
    }
  },
});
