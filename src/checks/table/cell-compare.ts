import { defineCheck } from '../../engine/define-check.js';
import { COMPARISON_MESSAGES, compareAndReport, type Relation } from './compare.js';
import { describeRef, resolveRef, VALUE_REF_SCHEMA, type Resolved, type ValueRef } from './refs.js';
import { absentParticipant, type Participant } from './values.js';

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
    const doc = ctx.document;
    // the first reference without its table or column makes the identity not applicable
    const l = resolveRef(doc, left);
    if (l.kind === 'no-table' || l.kind === 'no-column') {
      ctx.notApplicable(instance, l.reason);
      return;
    }
    // loops rather than map/filter/find: one pass, and arrays of one elements kind (see participantsInColumn)
    const resolved: Resolved[] = [];
    for (let i = 0; i < right.length; i++) {
      const r = resolveRef(doc, right[i]!);
      if (r.kind === 'no-table' || r.kind === 'no-column') {
        ctx.notApplicable(instance, r.reason);
        return;
      }
      resolved.push(r);
    }
    const values: Participant[] = [];
    const absentReasons: string[] = [];
    // a summary line or total that cannot be found (or not unambiguously) means a layout these
    // options do not describe: not assessable whatever absentRow says (an absent code is a zero)
    let absentLine = false;
    if (l.participant === undefined) {
      absentReasons.push(l.reason);
      if (!('code' in left.row)) absentLine = true;
    }
    for (let i = 0; i < resolved.length; i++) {
      const r = resolved[i]!;
      if (r.participant !== undefined) values.push(r.participant);
      else {
        absentReasons.push(r.reason);
        if (!('code' in right[i]!.row)) absentLine = true;
      }
    }
    if (absentReasons.length === right.length + 1) {
      ctx.notApplicable(instance, 'none of the rows is present');
      return;
    }
    if (absentLine || (absentReasons.length > 0 && absentRow === 'missing')) {
      ctx.notAssessable(instance, absentReasons.join('; '));
      return;
    }
    const lp = l.participant;
    if (lp === undefined) {
      // the left row is absent: compare the right side with zero, reporting at the first right value
      if (values.every((v) => v.interval.value.isZero())) ctx.pass(instance);
      else compareAndReport(ctx, instance, absentParticipant(values[0]!, `${describeRef(left)} (absent)`), values, relation);
      return;
    }
    if (blankLeftNotAssessable && lp.blank && values.some((v) => !v.blank)) {
      ctx.notAssessable(instance, `${lp.label} is blank`);
      return;
    }
    compareAndReport(ctx, instance, lp, values, relation);
  },
});
