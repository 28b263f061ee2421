import type { Cell, CodeLevel, Table } from '../../model/document.js';
import { columnByName } from '../../model/table-access.js';
import { defineCheck, type CheckContext } from '../../engine/define-check.js';
import { COMPARISON_MESSAGES, compareAndReport, differenceSettles, type Relation } from './compare.js';
import { ExactSum } from './exact-sum.js';
import { isUnreadable, participant, passTarget, relatedOf, targetOf } from './values.js';
import { resolveRef, VALUE_REF_SCHEMA, type ValueRef } from './refs.js';
import { codesOfBoth, rowIndexByCode } from './code-index.js';
import { fenColumns, fenDifferenceSettles } from './printed-fen.js';
import { firstTableOf } from '../../model/table-access.js';

interface Side {
  readonly table: string;
  readonly column: string;
}

interface Options {
  readonly left: Side;
  readonly right: Side;
  readonly relation?: Relation;
  readonly levels?: readonly CodeLevel[];
  /**
   * A value that, when it is not zero, is income left for next year (the MoF layout's T1 年终结转结余):
   * T2 then holds income that T3 does not spend, so each code is held to left ≥ right instead.
   */
  readonly carriedForward?: ValueRef;
}

/**
 * The same classification code in two tables carries the same amount, e.g. T2 合计 = T3 合计 for
 * every functional code (income and spending by function, DOMAIN.md §4). A code printed with an
 * amount in one table and absent from the other is reported too.
 */
export default defineCheck<Options>({
  id: 'coded-rows-compare',
  meta: {
    description: { zh: '两张表中同一科目编码的金额一致', en: 'The same code carries the same amount in two tables' },
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['left', 'right'],
      properties: {
        left: { type: 'object', additionalProperties: false, required: ['table', 'column'], properties: { table: { type: 'string' }, column: { type: 'string' } } },
        right: { type: 'object', additionalProperties: false, required: ['table', 'column'], properties: { table: { type: 'string' }, column: { type: 'string' } } },
        relation: { enum: ['eq', 'le', 'ge'] },
        levels: { type: 'array', items: { enum: ['类', '款', '项'] } },
        carriedForward: VALUE_REF_SCHEMA,
      },
    },
    messages: {
      ...COMPARISON_MESSAGES,
      missingCode: {
        zh: '{subject} 为 {actual}{unit}，但 {other} 中没有科目 {code}',
        en: '{subject} is {actual} {unit} but {other} has no row for code {code}',
      },
    },
  },
  run(ctx) {
    const { left, right, levels, carriedForward } = ctx.options;
    const relation = carriedForward !== undefined && carriesForward(ctx, carriedForward) ? 'ge' : (ctx.options.relation ?? 'eq');
    const lt = firstTableOf(ctx.document, left.table);
    const rt = firstTableOf(ctx.document, right.table);
    if (!lt || !rt) {
      ctx.notApplicable('codes', `table ${!lt ? left.table : right.table} is absent`);
      return;
    }
    const lc = columnByName(lt, left.column);
    const rc = columnByName(rt, right.column);
    if (!lc || !rc) {
      ctx.notApplicable('codes', `${!lc ? lt.kind : rt.kind} has no column "${!lc ? left.column : right.column}"`);
      return;
    }
    const lrows = rowIndexByCode(lt, levels);
    const rrows = rowIndexByCode(rt, levels);
    const codes = codesOfBoth(lrows, rrows);
    // the two columns' cells in 分 (fenColumns: column after column)
    const lfen = fenColumns(lt);
    const rfen = fenColumns(rt);
    const lbase = lt.columns.indexOf(lc) * lt.rows.length;
    const rbase = rt.columns.indexOf(rc) * rt.rows.length;
    for (const code of codes) {
      const li = lrows.get(code);
      const ri = rrows.get(code);
      const l = li === undefined ? undefined : lt.rows[li]!;
      const r = ri === undefined ? undefined : rt.rows[ri]!;
      if (l && r) {
        // most codes agree on the printed values: those pass without participants
        if (relation !== 'le' && (fenDifferenceSettles(relation, lfen[lbase + li!]! - rfen[rbase + ri!]!) || printedValuesSettle(relation, l.cells[lc.key], r.cells[rc.key]))) {
          ctx.pass(code, passTarget(ctx, lt, l, lc));
        } else compareAndReport(ctx, code, participant(lt, l, lc), [participant(rt, r, rc)], relation);
        continue;
      }
      const present = l ? participant(lt, l, lc) : participant(rt, r!, rc);
      if (present.blank || present.interval.value.isZero()) continue;
      if (relation === 'le' && !l) continue; // left absent = 0 ≤ right
      if (relation === 'ge' && !r) continue; // right absent = 0 ≤ left
      reportMissing(ctx, code, present, l ? rt : lt);
    }
  },
});

/** Whether the document prints `ref` with an amount other than zero. */
function carriesForward(ctx: CheckContext<Options>, ref: ValueRef): boolean {
  const p = resolveRef(ctx.document, ref).participant;
  return p !== undefined && !p.blank && !isUnreadable(p) && !p.interval.value.isZero();
}

/** Whether `left` relates to `right` as compareAndReport's first test decides it (then a pass); both readable. */
function printedValuesSettle(relation: 'eq' | 'ge', left: Cell | undefined, right: Cell | undefined): boolean {
  if (left?.invalid === true || right?.invalid === true) return false;
  const difference = printedDifference;
  difference.reset();
  difference.add(left?.amount, 1);
  difference.add(right?.amount, -1);
  return differenceSettles(relation, left, difference);
}

/** The left value minus the right one (one at a time: checks run synchronously). */
const printedDifference = new ExactSum();

function reportMissing(ctx: CheckContext<Options>, code: string, p: ReturnType<typeof participant>, other: Table): void {
  ctx.report({
    instance: code,
    messageId: 'missingCode',
    data: { subject: p.label, actual: p.cell?.amount?.raw ?? '', unit: p.cell?.amount?.unit ?? '', other: `${other.kind} ${other.title}`, code },
    at: targetOf(p),
    related: [relatedOf(p)],
  });
}
