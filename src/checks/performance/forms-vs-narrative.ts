import { formatDecimal, makeAmount, type Unit } from '../../model/amount.js';
import type { Decimal } from '../../model/decimal.js';
import { defineCheck, type CheckContext, type RelatedTarget, type Target } from '../../engine/define-check.js';
import { addIntervals, compareIntervals, intervalOf, inUnit, lessOrEqual, type Interval } from '../../engine/interval.js';
import { yearTotal, type FundBlock } from './blocks.js';
import { formSubject, scanForms, type FormScan, type PerformanceForm } from './forms.js';
import { projectStatements, type ProjectsStatement } from './statements.js';
import { show } from '../table/values.js';
import { entryInterval, entryRelated } from './values.js';

type Options = Record<string, never>;

function formTarget(form: PerformanceForm): Target {
  return { location: { ...form.location, table: form.title, tableKind: 'unknown', row: formSubject(form) } };
}

function checkCount(ctx: CheckContext<Options>, s: ProjectsStatement, scan: FormScan): void {
  const count = s.count!;
  const instance = `statement-${s.index}/count`;
  const at: Target = { paragraph: s.paragraph, offset: count.offset, length: count.length };
  if (scan.unreadable.length > 0) {
    ctx.notAssessable(instance, `not every 绩效目标 form could be read (${scan.unreadable.join('; ')})`, at);
    return;
  }
  const forms = scan.forms.length;
  if (forms === count.value) {
    ctx.pass(instance, at);
    return;
  }
  const related: RelatedTarget[] = scan.forms.map((f) => ({ at: formTarget(f), label: `绩效目标表 ${formSubject(f)}` }));
  const data = { stated: count.value, forms };
  // the forms of some projects only may be published (重点项目); more forms than projects is an error
  if (forms < count.value) ctx.report({ instance, messageId: 'fewerForms', data, at, related, severity: 'info' });
  else ctx.report({ instance, messageId: 'moreForms', data, at, related });
}

/** The year's money of every form, or why it cannot be added up. */
function formTotals(scan: FormScan): { blocks: Array<{ form: PerformanceForm; block: FundBlock; unit: Unit }> } | { reason: string } {
  if (scan.unreadable.length > 0) return { reason: `not every 绩效目标 form could be read (${scan.unreadable.join('; ')})` };
  const blocks: Array<{ form: PerformanceForm; block: FundBlock; unit: Unit }> = [];
  for (const form of scan.forms) {
    const subject = `绩效目标表 ${formSubject(form)}`;
    if (form.problems.length > 0) return { reason: `${subject}: ${form.problems.join('; ')}` };
    const block = yearTotal(form);
    if (!block) return { reason: `${subject}: no fund total (年度资金总额 …) could be read` };
    if (typeof block.total.value !== 'object') return { reason: `${subject}: ${block.total.label.text} is ${block.total.value === 'blank' ? 'blank' : 'not a readable amount'}` };
    const unit = block.total.value.unit ?? form.unit;
    if (!unit) return { reason: `${subject}: the form does not print the unit of its amounts` };
    blocks.push({ form, block, unit });
  }
  return { blocks };
}

function checkAmount(ctx: CheckContext<Options>, s: ProjectsStatement, scan: FormScan): void {
  const stated = s.amount!;
  const instance = `statement-${s.index}/amount`;
  const at: Target = { paragraph: s.paragraph, offset: stated.offset, length: stated.length };
  if (s.count && scan.forms.length > s.count.value) {
    ctx.notAssessable(instance, `${scan.forms.length} forms are printed for ${s.count.value} projects: which of them the amount covers is not known`, at);
    return;
  }
  const totals = formTotals(scan);
  if ('reason' in totals) {
    ctx.notAssessable(instance, totals.reason, at);
    return;
  }
  const unit = stated.unit;
  const narrative: Interval = intervalOf(makeAmount(stated.raw, stated.value, stated.scale, unit));
  const sum = addIntervals(totals.blocks.map((b) => entryInterval(b.block.total, b.unit)));
  const sumShown = show(sum.value, unit, stated.scale);
  const related = totals.blocks.map((b) => entryRelated(b.form, b.block.total, b.unit));
  const forms = totals.blocks.length;
  const actual = formatDecimal(stated.value, stated.scale);
  // all forms of the projects stated are printed: the amount is their sum; else it bounds their sum
  const complete = s.count !== undefined && s.count.value === forms;
  if (!complete) {
    if (lessOrEqual(sum, narrative)) ctx.pass(instance, at);
    else {
      const difference = formatDecimal(stated.value.minus(inUnit(sum.value, unit)), stated.scale);
      ctx.report({ instance, messageId: 'amountExceeds', data: { forms, formsTotal: sumShown, actual, expected: sumShown, difference, unit }, at, related });
    }
    return;
  }
  let pass: boolean;
  let rounding = false;
  let expected: Decimal;
  if (sum.radius.isZero()) {
    // exact forms (元): the stated amount must be their sum rounded half-up to its decimals
    expected = inUnit(sum.value, unit).toDecimalPlaces(stated.scale);
    pass = expected.eq(stated.value);
  } else {
    const agreement = compareIntervals(narrative, sum);
    expected = inUnit(sum.value, unit);
    pass = agreement === 'equal';
    rounding = agreement === 'rounding';
  }
  if (pass) {
    ctx.pass(instance, at);
    return;
  }
  const scale = Math.max(stated.scale, expected.decimalPlaces());
  const data = { forms, formsTotal: sumShown, actual, expected: formatDecimal(expected, stated.scale), difference: formatDecimal(stated.value.minus(expected), scale), unit };
  if (rounding) ctx.report({ instance, messageId: 'rounding', data, at, related, severity: 'info' });
  else ctx.report({ instance, messageId: 'amountMismatch', data, at, related });
}

/**
 * 绩效目标 in the narrative against the forms: "编报绩效目标的项目N个，涉及项目预算资金X万元" — N is the
 * number of 绩效目标 forms printed, X their 年度资金(申请)总额 added up, converted to X's unit and
 * rounded half-up to its decimals (forms in 万元: within the rounding of the summed figures). When
 * fewer forms are printed than projects stated (documents may publish the forms of some projects
 * only) the forms' money is only bounded by X. Source: the disclosure template's 其他相关情况说明
 * "绩效目标设置情况" and the forms it summarises.
 */
export default defineCheck<Options>({
  id: 'performance-forms-narrative',
  meta: {
    description: { zh: '说明中编报绩效目标的项目个数和涉及资金与所附绩效目标表一致', en: 'The number of projects with 绩效目标 and their money stated in the narrative agree with the printed forms' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      moreForms: {
        zh: '说明称编报绩效目标的项目 {stated} 个，但文件列示了 {forms} 张绩效目标表',
        en: 'The narrative states {stated} projects with 绩效目标, but the document prints 绩效目标 forms for {forms} projects',
      },
      fewerForms: {
        zh: '说明称编报绩效目标的项目 {stated} 个，文件只列示了 {forms} 张绩效目标表（可能只公开了部分项目的绩效目标表）',
        en: 'The narrative states {stated} projects with 绩效目标; the document prints the 绩效目标 forms of {forms} of them (perhaps of some projects only)',
      },
      amountMismatch: {
        zh: '说明称涉及项目预算资金 {actual}{unit}，而 {forms} 张绩效目标表的资金总额合计 {formsTotal}{unit}，应为 {expected}{unit}（差额 {difference}{unit}）',
        en: 'The narrative states {actual} {unit} for the projects with 绩效目标, but the totals of the 绩效目标 forms ({forms}) add up to {formsTotal} {unit}, i.e. {expected} {unit} (difference {difference} {unit})',
      },
      amountExceeds: {
        zh: '{forms} 张绩效目标表的资金总额合计 {formsTotal}{unit}，超过说明所称涉及项目预算资金 {actual}{unit}（差额 {difference}{unit}）',
        en: 'The totals of the printed 绩效目标 forms ({forms}) add up to {formsTotal} {unit}, more than the {actual} {unit} the narrative states for all its projects (difference {difference} {unit})',
      },
      rounding: {
        zh: '说明称涉及项目预算资金 {actual}{unit}，{forms} 张绩效目标表合计 {formsTotal}{unit}，差额 {difference}{unit} 可由四舍五入解释',
        en: 'The narrative states {actual} {unit}; the 绩效目标 forms ({forms}) add up to {formsTotal} {unit}; the difference {difference} {unit} is explained by rounding',
      },
    },
  },
  run(ctx) {
    const scan = scanForms(ctx.document);
    const statements = projectStatements(ctx.document, scan.formParagraphs);
    if (statements.length === 0) {
      ctx.notApplicable('statement', 'the narrative states no number or money of projects with 绩效目标');
      return;
    }
    for (const s of statements) {
      if (!scan.present) {
        // in ascending instance order ("…/amount" < "…/count"), which the engine records by appending
        if (s.amount) ctx.notApplicable(`statement-${s.index}/amount`, 'the document prints no 绩效目标 forms');
        if (s.count) ctx.notApplicable(`statement-${s.index}/count`, 'the document prints no 绩效目标 forms');
        continue;
      }
      if (s.count) checkCount(ctx, s, scan);
      if (s.amount) checkAmount(ctx, s, scan);
    }
  },
});
