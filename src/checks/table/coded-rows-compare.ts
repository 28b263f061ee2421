import type { Cell, CodeLevel, Row, Table } from '../../model/document.js';
import { columnByName } from '../../model/table-access.js';
import { defineCheck, type CheckContext } from '../../engine/define-check.js';
import { COMPARISON_MESSAGES, compareAndReport, differenceSettles, type Relation } from './compare.js';
import { ExactSum } from './exact-sum.js';
import { participant, passTarget, relatedOf, targetOf } from './values.js';
import { oncePer } from '../../memo.js';
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
}

/** First row of each code (duplicates are reported by the structure rules). Do not modify the map. */
export function rowsByCode(table: Table, levels?: readonly CodeLevel[]): ReadonlyMap<string, Row> {
  if (levels !== undefined) return firstRowOfEachCode(table, levels);
  // several rules index the same tables by every code: built once per table
  return rowsByEveryCode(table);
}

const rowsByEveryCode = oncePer((table: Table): ReadonlyMap<string, Row> => firstRowOfEachCode(table));

function firstRowOfEachCode(table: Table, levels?: readonly CodeLevel[]): Map<string, Row> {
  const m = new Map<string, Row>();
  for (const r of table.rows) if (r.code && r.level && (!levels || levels.includes(r.level)) && !m.has(r.code)) m.set(r.code, r);
  return m;
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
    const { left, right, relation = 'eq', levels } = ctx.options;
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
    const lrows = rowsByCode(lt, levels);
    const rrows = rowsByCode(rt, levels);
    const codes = [...new Set([...lrows.keys(), ...rrows.keys()])].sort();
    for (const code of codes) {
      const l = lrows.get(code);
      const r = rrows.get(code);
      if (l && r) {
        // most codes agree on the printed values: those pass without participants
        if (relation !== 'le' && printedValuesSettle(relation, l.cells[lc.key], r.cells[rc.key])) ctx.pass(code, passTarget(ctx, lt, l, lc));
        else compareAndReport(ctx, code, participant(lt, l, lc), [participant(rt, r, rc)], relation);
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
