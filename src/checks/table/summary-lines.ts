import type { Column, Row, Side, Table } from '../../model/document.js';
import { defineCheck, type CheckContext } from '../../engine/define-check.js';
import { COMPARISON_MESSAGES, columnSumHoldsOnPrintedValues, compareAndReport } from './compare.js';
import { participant, participantsInColumn, passTarget, relatedOf, targetOf } from './values.js';
import { lineKinds, type LineKind } from './line-kinds.js';
import { tablesOfKind } from '../../model/table-access.js';

interface Options {
  readonly table: string;
  readonly side: Side;
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
    const { side } = ctx.options;
    const tables = tablesOfKind(ctx.document, ctx.options.table);
    if (tables === undefined) {
      ctx.notApplicable(ctx.options.table, `table ${ctx.options.table} is absent`);
      return;
    }
    for (const table of tables) {
      // the sums of a side are the same in each of its columns: found once
      const sums = sumsOfSide(table, side);
      for (const column of table.columns) if (column.side === side) checkColumn(ctx, table, sums, column);
    }
  },
});

/** The sums of one side of a table: the lines that add up to a line, and the 总计 lines. */
interface SideSums {
  /** A numbered line and its sub-lines (一、财政拨款收入 = 1. + 2. + 3.). */
  readonly breakdowns: readonly LineSum[];
  /** Each 总计 line and what it adds up; empty when the side has none. */
  readonly totals: readonly LineSum[];
}

interface LineSum {
  readonly line: Row;
  readonly parts: readonly Row[];
}

function sumsOfSide(table: Table, side: Side): SideSums {
  const rows: Row[] = [];
  const kinds: LineKind[] = [];
  const kindOfRow = lineKinds(table);
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i]!;
    if (row.side !== side) continue;
    rows.push(row);
    // a line without a label counts as a plain line here
    const kind = kindOfRow[i]!;
    kinds.push(kind === 'unlabelled' ? 'plain' : kind);
  }
  const numbered = kinds.includes('top');
  // sub-line groups: a top line followed by sub lines
  const breakdowns: LineSum[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (kinds[i] !== 'top') continue;
    const subs: Row[] = [];
    for (let j = i + 1; j < rows.length && kinds[j] === 'sub'; j++) subs.push(rows[j]!);
    if (subs.length > 0) breakdowns.push({ line: rows[i]!, parts: subs });
  }
  // the first total adds up the lines above it; a later one (the MoF layout: 本年收入合计, 上年结转结余,
  // 收入总计) adds the total before it and the lines in between
  const totals: LineSum[] = [];
  let previous: Row | undefined;
  for (let t = 0, from = 0; t < rows.length; t++) {
    if (kinds[t] !== 'total') continue;
    const parts: Row[] = previous ? [previous] : [];
    for (let k = from; k < t; k++) {
      const kind = kinds[k];
      if (previous === undefined && numbered ? kind === 'top' : kind === 'plain' || kind === 'top') parts.push(rows[k]!);
    }
    totals.push({ line: rows[t]!, parts });
    previous = rows[t];
    from = t + 1;
  }
  return { breakdowns, totals };
}

function checkColumn(ctx: CheckContext<Options>, table: Table, { breakdowns, totals }: SideSums, column: Column): void {
  for (const { line, parts: subs } of breakdowns) {
    const instance = `${table.id}:${line.label}:${column.key}`;
    // a line that adds up is neither a missing breakdown nor a mismatch: it passes without participants
    if (columnSumHoldsOnPrintedValues(line.cells[column.key], subs, column)) {
      ctx.pass(instance, passTarget(ctx, table, line, column));
      continue;
    }
    const parent = participant(table, line, column);
    const parts = participantsInColumn(table, subs, column);
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
  if (totals.length === 0) {
    ctx.notAssessable(`${table.id}:${ctx.options.side}-total:${column.key}`, `${table.kind} has no 总计 line on the ${ctx.options.side} side`, { table });
    return;
  }
  for (const { line, parts } of totals) {
    if (parts.length === 0) continue;
    const instance = `${table.id}:${line.label}:${column.key}`;
    if (columnSumHoldsOnPrintedValues(line.cells[column.key], parts, column)) ctx.pass(instance, passTarget(ctx, table, line, column));
    else compareAndReport(ctx, instance, participant(table, line, column), participantsInColumn(table, parts, column));
  }
}
