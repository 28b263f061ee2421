import { defineCheck } from '../../engine/define-check.js';
import { COMPARISON_MESSAGES, compareAndReport, type Relation } from './compare.js';
import { describeRef, resolveRef, VALUE_REF_SCHEMA, type ValueRef } from './refs.js';
import { EMPTY_INTERVAL } from '../../engine/interval.js';
import type { Participant } from './values.js';

interface Options {
  readonly left: ValueRef;
  /** One value, or several that add up. */
  readonly right: readonly ValueRef[];
  /** eq: left = Σ right; le: left ≤ Σ right. */
  readonly relation?: Relation;
  /**
   * How an absent coded row counts: "zero" (an item not budgeted is not printed) or "missing" (the
   * identity is then not assessable). An absent line or total row always makes it not assessable,
   * and absent tables or columns make it not applicable.
   */
  readonly absentRow?: 'zero' | 'missing';
  /** A blank left value makes the identity not assessable (used where a blank is itself reported). */
  readonly blankLeftNotAssessable?: boolean;
}

/**
 * One identity between named values of the same or different tables, e.g. T1 收入总计 = T2 合计,
 * T8 合计 = T5 基本支出 合计, 30217 公务接待费 ≤ 三公 公务接待费, 30108 = 2080505 (DOMAIN.md §4).
 */
export default defineCheck<Options>({
  id: 'cell-compare',
  meta: {
    description: { zh: '表间或表内两个数值的恒等或不等关系', en: 'An identity (or bound) between values of the same or different tables' },
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['left', 'right'],
      properties: {
        left: VALUE_REF_SCHEMA,
        right: { type: 'array', minItems: 1, items: VALUE_REF_SCHEMA },
        relation: { enum: ['eq', 'le'] },
        absentRow: { enum: ['zero', 'missing'] },
        blankLeftNotAssessable: { type: 'boolean' },
      },
    },
    messages: COMPARISON_MESSAGES,
  },
  run(ctx) {
    const { left, right, relation = 'eq', absentRow = 'zero', blankLeftNotAssessable = false } = ctx.options;
    const instance = 'identity';
    const refs = [left, ...right];
    const resolved = refs.map((r) => resolveRef(ctx.document, r));
    const structural = resolved.find((r) => r.kind === 'no-table' || r.kind === 'no-column');
    if (structural) {
      ctx.notApplicable(instance, (structural as { reason: string }).reason);
      return;
    }
    const values = resolved.filter((r): r is Extract<typeof r, { kind: 'value' }> => r.kind === 'value').map((r) => r.participant);
    const absent = resolved.filter((r) => r.kind === 'no-row');
    if (absent.length === refs.length) {
      ctx.notApplicable(instance, 'none of the rows is present');
      return;
    }
    // a summary line or total that cannot be found (or not unambiguously) means a layout these
    // options do not describe: not assessable whatever absentRow says (an absent code is a zero)
    const absentLine = refs.find((r, i) => resolved[i]!.kind === 'no-row' && !('code' in r.row));
    if (absentLine) {
      ctx.notAssessable(instance, absent.map((a) => (a as { reason: string }).reason).join('; '));
      return;
    }
    if (absent.length > 0 && absentRow === 'missing') {
      ctx.notAssessable(instance, absent.map((a) => (a as { reason: string }).reason).join('; '));
      return;
    }
    const leftResolved = resolved[0]!;
    if (leftResolved.kind !== 'value') {
      // the left row is absent: compare the right side with zero, reporting at the first right value
      const zeroLeft: Participant = { ...values[0]!, interval: EMPTY_INTERVAL, blank: true, label: `${describeRef(left)} (absent)` };
      if (values.every((v) => v.interval.value.isZero())) ctx.pass(instance);
      else compareAndReport(ctx, instance, zeroLeft, values, relation);
      return;
    }
    const l = leftResolved.participant;
    if (blankLeftNotAssessable && l.blank && values.slice(1).some((v) => !v.blank)) {
      ctx.notAssessable(instance, `${l.label} is blank`);
      return;
    }
    compareAndReport(ctx, instance, l, values.slice(1), relation);
  },
});
