import { defineCheck } from '../../engine/define-check.js';
import type { Row } from '../../model/document.js';
import { codedRows, MORE_IN_TABLE_MESSAGE, passInInstanceOrder, perTableReporter, rowLabel } from './coded-tables.js';

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
    const coded = codedRows(ctx.document);
    if (coded.tables.length === 0) {
      ctx.notApplicable('codes', 'no table prints classification codes');
      return;
    }
    const passed = new Uint8Array(coded.instances.length);
    for (const { table, rows, offset } of coded.tables) {
      // the levels of the well-formed rows (a row without a level is not judged)
      let hasLei = false;
      let hasKuan = false;
      let hasXiang = false;
      for (const r of rows) {
        if (r.level === '类') hasLei = true;
        else if (r.level === '款') hasKuan = true;
        else if (r.level === '项') hasXiang = true;
      }
      // no level that could be a parent, or 类 rows only
      if (!(hasLei || hasKuan) || (!hasKuan && !hasXiang)) {
        ctx.notApplicable(table.id, 'the table prints no parent rows');
        continue;
      }
      // a level the table never prints (a list of 款 and 项 without 类 rows) is not a parent to look for
      let lei: Row | undefined;
      let kuan: Row | undefined;
      let leiAt = -1;
      let kuanAt = -1;
      const out = perTableReporter(ctx, table);
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        if (row.level === undefined) continue; // not well formed
        const code = row.code!;
        if (row.level === '类') {
          lei = row;
          leiAt = offset + i;
          kuan = undefined;
          continue;
        }
        const parentRow = row.level === '款' ? lei : kuan;
        const parentAt = row.level === '款' ? leiAt : kuanAt;
        const parentLength = Math.min(row.level === '款' ? 3 : 5, code.length);
        if (row.level === '款') {
          kuan = row;
          kuanAt = offset + i;
        }
        if (!(row.level === '款' ? hasLei : hasKuan)) {
          ctx.notApplicable(coded.instances[offset + i]!, `the table prints no ${row.level === '款' ? '类' : '款'} rows`);
          continue;
        }
        // the parent's code is the row code's first digits (compared without slicing them off)
        if (parentRow?.code?.length === parentLength && code.startsWith(parentRow.code)) {
          passed[offset + i] = 1;
          continue;
        }
        const parent = code.slice(0, parentLength);
        out.report({
          instance: coded.instances[offset + i]!,
          messageId: 'notUnder',
          data: { code, level: row.level!, parent, parentLevel: row.level === '款' ? '类' : '款', under: parentRow?.code ?? '-' },
          at: coded.targets[offset + i]!,
          ...(parentRow ? { related: [{ at: coded.targets[parentAt]!, label: rowLabel(table, parentRow) }] } : {}),
        });
      }
      out.finish();
    }
    passInInstanceOrder(ctx, coded, passed);
  },
});
