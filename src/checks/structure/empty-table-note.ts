import { formatDecimal } from '../../model/amount.js';
import { defineCheck } from '../../engine/define-check.js';
import type { Cell, Row } from '../../model/document.js';
import { firstTableOf } from '../../model/table-access.js';
import { charSet, inSet } from '../../char-sets.js';

/** Notes that declare a table empty: "本表为空表", "本部门无政府性基金预算…", "本单位不涉及…". */
export const EMPTY_NOTE = /空表|本(?:部门|单位)[^。；]{0,20}(?:无|没有|未安排|不涉及)/u;

/** Fund budgets whose absence the text may state, and the table that shows them. */
const FUNDS = [
  { fund: '政府性基金预算', kind: 'T6', says: saysNone('政府性基金预算') },
  { fund: '国有资本经营预算', kind: 'T7', says: saysNone('国有资本经营预算') },
] as const;

/** "本部门无政府性基金预算": the text says the department has none of a fund (made once per fund). */
function saysNone(fund: string): RegExp {
  return new RegExp(`本(?:部门|单位)[^。；]{0,12}(?:无|没有|未安排)${fund}`, 'u');
}

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
      textSaysNone: {
        zh: '说明称本部门无{fund}，但{table}中有金额（如 {row} {column} {value}）',
        en: 'the text says there is no {fund}, but {table} has amounts (e.g. {row} {column} {value})',
      },
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
    // the narrative may say the same thing: "本部门无政府性基金预算…" while T6 has amounts
    ctx.document.paragraphs.forEach((p, i) => {
      if (p.kind !== 'paragraph') return;
      for (const { fund, kind, says } of FUNDS) {
        // a match names the fund after 无, 没有 or 未安排: a paragraph without that is not searched
        const m = statesNone(p.text, fund) ? says.exec(p.text) : null;
        if (!m) continue;
        const table = firstTableOf(ctx.document, kind);
        if (!table) continue;
        notes++;
        const instance = `p${i}:${kind}`;
        const at = { paragraph: p, offset: m.index, length: m[0].length };
        const hit = firstAmount(table.rows);
        if (!hit) {
          ctx.pass(instance, at);
          continue;
        }
        const { row, cell } = hit;
        const value = formatDecimal(cell.amount!.value, cell.amount!.scale);
        ctx.report({
          instance,
          messageId: 'textSaysNone',
          data: { fund, table: kind, row: row.code ?? row.label ?? row.name, column: cell.column, value },
          at,
          related: [{ at: { table, row, cell, column: cell.column }, label: `${kind} ${row.code ?? row.label ?? row.name} / ${cell.column}`, value, unit: cell.amount!.unit }],
        });
      }
    });
    if (notes === 0) ctx.notApplicable('notes', 'no note or sentence says a table is empty');
  },
});

/** The last characters of 无, 没有 and 未安排, the words saysNone puts right before the fund. */
const NONE_ENDS = charSet('无有排');

/**
 * Whether `fund` follows one of NONE_ENDS somewhere in `text` (what saysNone's pattern needs): most
 * paragraphs naming a fund state its amount ("政府性基金预算拨款支出预算0万元"), not its absence.
 */
export function statesNone(text: string, fund: string): boolean {
  for (let i = text.indexOf(fund); i >= 0; i = text.indexOf(fund, i + 1)) if (i > 0 && inSet(NONE_ENDS, text.charCodeAt(i - 1))) return true;
  return false;
}

function firstAmount(rows: readonly Row[]): { row: Row; cell: Cell } | undefined {
  for (const row of rows) {
    for (const cell of Object.values(row.cells)) if (cell.amount && !cell.amount.value.isZero()) return { row, cell };
  }
  return undefined;
}
