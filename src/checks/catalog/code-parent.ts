import { defineCheck } from '../../engine/define-check.js';
import type { Row } from '../../model/document.js';
import { codedTables, MORE_IN_TABLE_MESSAGE, perTableReporter, rowInstances, rowLabel } from './coded-tables.js';

/**
 * A 款 stands under its 类 and a 项 under its 款 (DOMAIN.md §3): the nearest 类 row above a 款 row is
 * the 类 its code starts with, and the nearest 款 row above a 项 row is its 款. Tables that print no
 * parent rows at all (flat lists) are not judged.
 */
export default defineCheck<Record<string, never>>({
  id: 'code-parent',
  meta: {
    description: { zh: '款列于所属类之下，项列于所属款之下', en: 'A 款 stands under its 类, a 项 under its 款' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      notUnder: {
        zh: '{level} {code} 应列于{parentLevel} {parent} 之下，实际位于 {under} 之下',
        en: '{level} {code} belongs under {parentLevel} {parent} but stands under {under}',
      },
      ...MORE_IN_TABLE_MESSAGE,
    },
  },
  run(ctx) {
    const tables = codedTables(ctx.document);
    if (tables.length === 0) {
      ctx.notApplicable('codes', 'no table prints classification codes');
      return;
    }
    for (const coded of tables) {
      const { table, rows } = coded;
      const wellFormed = rows.filter((r) => r.level !== undefined);
      if (!wellFormed.some((r) => r.level !== '项') || wellFormed.every((r) => r.level === '类')) {
        ctx.notApplicable(table.id, 'the table prints no parent rows');
        continue;
      }
      // a level the table never prints (a list of 款 and 项 without 类 rows) is not a parent to look for
      const hasLei = wellFormed.some((r) => r.level === '类');
      const hasKuan = wellFormed.some((r) => r.level === '款');
      let lei: Row | undefined;
      let kuan: Row | undefined;
      const out = perTableReporter(ctx, table);
      const instances = rowInstances(coded);
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        if (row.level === undefined) continue; // not well formed
        const code = row.code!;
        const instance = instances[i]!;
        if (row.level === '类') {
          lei = row;
          kuan = undefined;
          continue;
        }
        const parentRow = row.level === '款' ? lei : kuan;
        const parentLength = Math.min(row.level === '款' ? 3 : 5, code.length);
        if (row.level === '款') kuan = row;
        if (!(row.level === '款' ? hasLei : hasKuan)) {
          ctx.notApplicable(instance, `the table prints no ${row.level === '款' ? '类' : '款'} rows`);
          continue;
        }
        // the parent's code is the row code's first digits (compared without slicing them off)
        if (parentRow?.code?.length === parentLength && code.startsWith(parentRow.code)) {
          ctx.pass(instance, { table, row });
          continue;
        }
        const parent = code.slice(0, parentLength);
        out.report({
          instance,
          messageId: 'notUnder',
          data: { code, level: row.level!, parent, parentLevel: row.level === '款' ? '类' : '款', under: parentRow?.code ?? '-' },
          at: { table, row },
          ...(parentRow ? { related: [{ at: { table, row: parentRow }, label: rowLabel(table, parentRow) }] } : {}),
        });
      }
      out.finish();
    }
  },
});
