import { formatDecimal } from '../../model/amount.js';
import { defineCheck } from '../../engine/define-check.js';
import type { Cell, Row } from '../../model/document.js';

/** Notes that declare a table empty: "本表为空表", "本部门无政府性基金预算…", "本单位不涉及…". */
export const EMPTY_NOTE = /空表|本(?:部门|单位)[^。；]{0,20}(?:无|没有|未安排|不涉及)/u;

/**
 * A note saying a table is empty must not stand under a table that has amounts (DOMAIN.md §6): one
 * of the two is wrong — the note was copied from last year's template, or amounts were typed in.
 */
export default defineCheck<Record<string, never>>({
  id: 'empty-table-note',
  meta: {
    description: { zh: '“本表为空表”的说明不能出现在有金额的表下', en: 'A note saying a table is empty stands only under an empty table' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      notEmpty: {
        zh: '{table}的说明称本表为空表，但表中有金额（如 {row} {column} {value}）',
        en: 'the note under {table} says the table is empty, but it has amounts (e.g. {row} {column} {value})',
      },
    },
  },
  run(ctx) {
    let notes = 0;
    for (const table of ctx.document.tables) {
      table.notes.forEach((note, i) => {
        if (!EMPTY_NOTE.test(note.text)) return;
        notes++;
        const instance = `${table.id}:note${i}`;
        const hit = firstAmount(table.rows);
        if (!hit) {
          ctx.pass(instance, { paragraph: note });
          return;
        }
        const { row, cell } = hit;
        ctx.report({
          instance,
          messageId: 'notEmpty',
          data: { table: table.kind === 'unknown' ? table.title : table.kind, row: row.code ?? row.label ?? row.name, column: cell.column, value: formatDecimal(cell.amount!.value, cell.amount!.scale) },
          at: { paragraph: note, offset: 0, length: note.text.length },
          related: [{ at: { table, row, cell, column: cell.column }, label: `${table.kind} ${row.code ?? row.label ?? row.name} / ${cell.column}`, value: formatDecimal(cell.amount!.value, cell.amount!.scale), unit: cell.amount!.unit }],
        });
      });
    }
    if (notes === 0) ctx.notApplicable('notes', 'no table carries a note saying it is empty');
  },
});

function firstAmount(rows: readonly Row[]): { row: Row; cell: Cell } | undefined {
  for (const row of rows) {
    for (const cell of Object.values(row.cells)) if (cell.amount && !cell.amount.value.isZero()) return { row, cell };
  }
  return undefined;
}
