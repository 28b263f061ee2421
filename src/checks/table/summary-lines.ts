import type { Column, Row, Side, Table } from '../../model/document.js';
import { defineCheck, type CheckContext } from '../../engine/define-check.js';
import { COMPARISON_MESSAGES, compareAndReport } from './compare.js';
import { participant, participantsInColumn, relatedOf, targetOf } from './values.js';
import { toHalfWidth } from '../../model/amount.js';
import { tablesOfKind } from '../../model/table-access.js';

interface Options {
  readonly table: string;
  readonly side: Side;
}

const TOP = /^[一二三四五六七八九十]+[、.．]/;
const SUB = /^(\d{1,2}\s*[.、．]|[（(][一二三四五六七八九十\d]{1,3}[）)])/;

type LineKind = 'top' | 'sub' | 'plain' | 'total';

function lineKind(row: Row): LineKind {
  if (row.isTotal) return 'total';
  const label = toHalfWidth(row.label ?? row.name).trim();
  if (TOP.test(label)) return 'top';
  if (SUB.test(label)) return 'sub';
  return 'plain';
}

/**
 * Two-sided summary tables (T1, T4), one side: the 总计 line equals the sum of the numbered lines
 * (一、二、…; every line when they are not numbered), and a numbered line with sub-lines
 * (一、财政拨款收入 = 1. + 2. + 3.) equals their sum. A non-zero line whose sub-lines are all blank is a
 * missing breakdown.
 */
export default defineCheck<Options>({
  id: 'summary-lines',
  meta: {
    description: { zh: '收支总表：总计等于各项之和，分项等于其明细之和', en: 'Summary tables: the 总计 line equals its lines, a line equals its sub-lines' },
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['table', 'side'],
      properties: { table: { type: 'string', pattern: '^T[1-9]$' }, side: { enum: ['income', 'expense'] } },
    },
    messages: {
      ...COMPARISON_MESSAGES,
      missingBreakdown: {
        zh: '{subject} 为 {actual}{unit}，但其明细行（{lines}）均为空',
        en: '{subject} is {actual} {unit} but its breakdown lines ({lines}) are all blank',
      },
    },
  },
  run(ctx) {
    const tables = tablesOfKind(ctx.document, ctx.options.table);
    if (tables === undefined) {
      ctx.notApplicable(ctx.options.table, `table ${ctx.options.table} is absent`);
      return;
    }
    for (const table of tables) {
      const rows = table.rows.filter((r) => r.side === ctx.options.side);
      const lines: Lines = { rows, kinds: lineKinds(rows) };
      for (const column of table.columns.filter((c) => c.side === ctx.options.side)) checkSide(ctx, table, lines, column);
    }
  },
});

/** The rows of one side and the kind of each line (the same for every column). */
interface Lines {
  readonly rows: readonly Row[];
  readonly kinds: readonly LineKind[];
}

function lineKinds(rows: readonly Row[]): LineKind[] {
  // a loop rather than map(): see participantsInColumn
  const kinds: LineKind[] = [];
  for (let i = 0; i < rows.length; i++) kinds.push(lineKind(rows[i]!));
  return kinds;
}

function checkSide(ctx: CheckContext<Options>, table: Table, { rows, kinds }: Lines, column: Column): void {
  const numbered = kinds.includes('top');
  // sub-line groups: a top line followed by sub lines
  for (let i = 0; i < rows.length; i++) {
    if (kinds[i] !== 'top') continue;
    const subs: Row[] = [];
    for (let j = i + 1; j < rows.length && kinds[j] === 'sub'; j++) subs.push(rows[j]!);
    if (subs.length === 0) continue;
    const parent = participant(table, rows[i]!, column);
    const parts = participantsInColumn(table, subs, column);
    const instance = `${table.id}:${rows[i]!.label}:${column.key}`;
    if (!parent.blank && !parent.interval.value.isZero() && parts.every((p) => p.blank && !p.cell?.invalid)) {
      ctx.report({
        instance,
        messageId: 'missingBreakdown',
        data: { subject: parent.label, actual: parent.cell!.amount!.raw, unit: parent.cell!.amount!.unit, lines: subs.map((s) => s.label ?? s.name).join('、') },
        at: targetOf(parent),
        related: parts.map(relatedOf),
      });
      continue;
    }
    compareAndReport(ctx, instance, parent, parts);
  }
  const totalIndexes = kinds.flatMap((k, i) => (k === 'total' ? [i] : []));
  if (totalIndexes.length === 0) {
    ctx.notAssessable(`${table.id}:${ctx.options.side}-total:${column.key}`, `${table.kind} has no 总计 line on the ${ctx.options.side} side`, { table });
    return;
  }
  // the first total adds up the lines above it; a later one (the MoF layout: 本年收入合计, 上年结转结余,
  // 收入总计) adds the total before it and the lines in between
  let from = 0;
  let previous: Row | undefined;
  for (const t of totalIndexes) {
    const between = rows.slice(from, t).filter((_, k) => {
      const kind = kinds[from + k];
      return previous === undefined && numbered ? kind === 'top' : kind === 'plain' || kind === 'top';
    });
    const totalRow = rows[t]!;
    const parts = [...(previous ? [previous] : []), ...between];
    if (parts.length > 0) {
      compareAndReport(
        ctx,
        `${table.id}:${totalRow.label}:${column.key}`,
        participant(table, totalRow, column),
        participantsInColumn(table, parts, column),
      );
    }
    previous = totalRow;
    from = t + 1;
  }
}
