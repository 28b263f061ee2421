import { defineCheck, type CheckContext } from '../../engine/define-check.js';
import type { BudgetDocument } from '../../model/document.js';
import { COMPARISON_MESSAGES, compareAndReport, type Relation } from './compare.js';
import { describeRef, hasMark, LAYOUT_MARK_SCHEMA, resolveRef, VALUE_REF_SCHEMA, type LayoutMark, type Resolved, type ValueRef } from './refs.js';
import { absentParticipant, type Participant } from './values.js';

/** One way of writing the identity: a value and the values that add up to it. */
interface Form {
  readonly left: ValueRef;
  /** One value, or several that add up. */
  readonly right: readonly ValueRef[];
  /** eq: left = Σ right; le: left ≤ Σ right. */
  readonly relation?: Relation;
}

interface Options extends Form {
  /**
   * How an absent coded row counts: "zero" (an item not budgeted is not printed) or "missing" (the
   * identity is then not assessable). An absent line or total row always makes it not assessable,
   * and absent tables or columns make it not applicable.
   */
  readonly absentRow?: 'zero' | 'missing';
  /** A blank left value makes the identity not assessable (used where a blank is itself reported). */
  readonly blankLeftNotAssessable?: boolean;
  /**
   * The same identity in another table layout (the Ministry of Finance layout's 本年收入 / 上年结转 lines),
   * each with the line that marks that layout: the first whose mark the document prints is compared
   * instead of left/right (its absent lines make it not assessable, as theirs would); a document
   * printing none of the marks is compared by left/right as without these.
   */
  readonly layouts?: readonly LayoutForm[];
}

interface LayoutForm extends Form {
  readonly when: LayoutMark;
}

const FORM_PROPERTIES = {
  left: VALUE_REF_SCHEMA,
  right: { type: 'array', minItems: 1, items: VALUE_REF_SCHEMA },
  relation: { enum: ['eq', 'le'] },
} as const;

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
        ...FORM_PROPERTIES,
        absentRow: { enum: ['zero', 'missing'] },
        blankLeftNotAssessable: { type: 'boolean' },
        layouts: {
          type: 'array',
          minItems: 1,
          items: { type: 'object', additionalProperties: false, required: ['when', 'left', 'right'], properties: { when: LAYOUT_MARK_SCHEMA, ...FORM_PROPERTIES } },
        },
      },
    },
    messages: COMPARISON_MESSAGES,
  },
  run(ctx) {
    const doc = ctx.document;
    const form = formOf(doc, ctx.options);
    const { left, right } = form;
    // the first reference without its table or column makes the identity not applicable
    const l = resolveRef(doc, left);
    if (l.kind === 'no-table' || l.kind === 'no-column') {
      ctx.notApplicable(INSTANCE, l.reason);
      return;
    }
    // loops rather than map/filter/find: one pass, and arrays of one elements kind (see participantsInColumn)
    const resolved: Resolved[] = [];
    for (let i = 0; i < right.length; i++) {
      const r = resolveRef(doc, right[i]!);
      if (r.kind === 'no-table' || r.kind === 'no-column') {
        ctx.notApplicable(INSTANCE, r.reason);
        return;
      }
      resolved.push(r);
    }
    compareForm(ctx, form, l, resolved);
  },
});

/** The form describing the document's layout: the first layout whose mark it prints, else the options' own. */
function formOf(doc: BudgetDocument, options: Options): Form {
  const { layouts } = options;
  if (layouts !== undefined) for (let i = 0; i < layouts.length; i++) if (hasMark(doc, layouts[i]!.when)) return layouts[i]!;
  return options;
}

const INSTANCE = 'identity';

function isCodeRef(ref: ValueRef): boolean {
  return 'code' in ref.row;
}

/** Compares one form whose tables and columns are present (`l`: its left value, `resolved`: its right ones). */
function compareForm(ctx: CheckContext<Options>, form: Form, l: Resolved, resolved: readonly Resolved[]): void {
  const { left, right } = form;
  const relation = form.relation ?? ctx.options.relation ?? 'eq';
  const { absentRow = 'zero', blankLeftNotAssessable = false } = ctx.options;
  const values: Participant[] = [];
  const absentReasons: string[] = [];
  // a summary line or total that cannot be found (or not unambiguously) means a layout these
  // options do not describe: not assessable whatever absentRow says (an absent code is a zero)
  let absentLine = false;
  if (l.participant === undefined) {
    absentReasons.push(l.reason);
    if (!isCodeRef(left)) absentLine = true;
  }
  for (let i = 0; i < resolved.length; i++) {
    const r = resolved[i]!;
    if (r.participant !== undefined) values.push(r.participant);
    else {
      absentReasons.push(r.reason);
      if (!isCodeRef(right[i]!)) absentLine = true;
    }
  }
  if (absentReasons.length === right.length + 1) {
    ctx.notApplicable(INSTANCE, 'none of the rows is present');
    return;
  }
  if (absentLine || (absentReasons.length > 0 && absentRow === 'missing')) {
    ctx.notAssessable(INSTANCE, absentReasons.join('; '));
    return;
  }
  const lp = l.participant;
  if (lp === undefined) {
    // the left row is absent: compare the right side with zero, reporting at the first right value
    if (values.every((v) => v.interval.value.isZero())) ctx.pass(INSTANCE);
    else compareAndReport(ctx, INSTANCE, absentParticipant(values[0]!, `${describeRef(left)} (absent)`), values, relation);
    return;
  }
  if (blankLeftNotAssessable && lp.blank && values.some((v) => !v.blank)) {
    ctx.notAssessable(INSTANCE, `${lp.label} is blank`);
    return;
  }
  compareAndReport(ctx, INSTANCE, lp, values, relation);
}
