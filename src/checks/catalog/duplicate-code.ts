import { defineCheck } from '../../engine/define-check.js';
import type { Row } from '../../model/document.js';
import { codedRows, MAX_RELATED, MORE_IN_TABLE_MESSAGE, perTableReporter, rowLabel } from './coded-tables.js';

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
    const coded = codedRows(ctx.document);
    if (coded.tables.length === 0) {
      ctx.notApplicable('codes', 'no table prints classification codes');
      return;
    }
    for (const { table, rows, offset } of coded.tables) {
      if (inStrictOrder(rows)) {
        // codes in strictly ascending order (the usual table) are all different: no map needed
        const prefix = `${table.id}:`;
        for (let i = 0; i < rows.length; i++) ctx.pass(prefix + rows[i]!.code!, coded.targets[offset + i]);
        continue;
      }
      // first row of each code in printed order; a list only for codes printed again (few or none)
      const first = new Map<string, Row>();
      const again = new Map<string, Row[]>();
      for (const r of rows) {
        const firstRow = first.get(r.code!);
        if (!firstRow) first.set(r.code!, r);
        else {
          const list = again.get(r.code!);
          if (list) list.push(r);
          else again.set(r.code!, [firstRow, r]);
        }
      }
      const out = perTableReporter(ctx, table);
      for (const [code, row] of first) {
        const instance = `${table.id}:${code}`;
        const list = again.get(code);
        if (!list) {
          ctx.pass(instance, { table, row });
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

/** Whether each row's code sorts after the previous row's (then no code repeats). */
function inStrictOrder(rows: readonly Row[]): boolean {
  for (let i = 1; i < rows.length; i++) if (!(rows[i]!.code! > rows[i - 1]!.code!)) return false;
  return true;
}
