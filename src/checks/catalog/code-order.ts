import { defineCheck } from '../../engine/define-check.js';
import { codedRows, MORE_IN_TABLE_MESSAGE, passInInstanceOrder, perTableReporter, rowLabel } from './coded-tables.js';

/**
 * Codes stand in ascending order: comparing codes as text puts every 类 before its 款 and every 款
 * before its 项, so each coded row's code must not sort before the one above it.
 */
export default defineCheck<Record<string, never>>({
  id: 'code-order',
  meta: {
    description: { zh: '科目按编码升序排列', en: 'Codes are listed in ascending order' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      outOfOrder: { zh: '科目 {code} 排在 {previous} 之后，应排在其前', en: 'code {code} stands after {previous} but sorts before it' },
      ...MORE_IN_TABLE_MESSAGE,
    },
  },
  run(ctx) {
    const coded = codedRows(ctx.document);
    if (coded.tables.length === 0) {
      ctx.notApplicable('codes', 'no table prints classification codes');
      return;
    }
    const passed = new Uint8Array(coded.instances.length);
    for (const { table, rows, offset } of coded.tables) {
      const out = perTableReporter(ctx, table);
      for (let i = 1; i < rows.length; i++) {
        const prev = rows[i - 1]!;
        const row = rows[i]!;
        if (row.code! >= prev.code!) {
          passed[offset + i] = 1;
          continue;
        }
        out.report({
          instance: coded.instances[offset + i]!,
          messageId: 'outOfOrder',
          data: { code: row.code!, previous: prev.code! },
          at: coded.targets[offset + i]!,
          related: [{ at: coded.targets[offset + i - 1]!, label: rowLabel(table, prev) }],
        });
      }
      out.finish();
    }
    passInInstanceOrder(ctx, coded, passed);
  },
});
