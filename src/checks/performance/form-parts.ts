import type { Unit } from '../../model/amount.js';
import { defineCheck, type CheckContext, type Report } from '../../engine/define-check.js';
import { addIntervals, compareIntervals, lessOrEqual } from '../../engine/interval.js';
import { blocksOf, type FundBlock } from './blocks.js';
import { formSubject, scanForms, type PerformanceForm } from './forms.js';
import { show } from '../table/values.js';
import { entryInterval, entryRelated, entryTarget, scaleOf } from './values.js';

type Options = Record<string, never>;

type Verdict = { readonly kind: 'pass' } | { readonly kind: 'finding'; readonly report: Omit<Report, 'instance'>; readonly rounding: boolean };

/**
 * Judges one block in one unit: a part larger than the total is always wrong; with 其他资金 among the
 * parts the breakdown is complete and the parts add up to the total; without it they add up to no more
 * than the total. Amounts in 元 are exact; in 万元 each carries ±½ of its last printed digit.
 */
function judge(form: PerformanceForm, block: FundBlock, unit: Unit, unitShown: string): Verdict {
  const total = entryInterval(block.total, unit);
  const intervals = block.parts.map((p) => entryInterval(p, unit));
  const over = block.parts.find((_, i) => !lessOrEqual(intervals[i]!, total));
  const sum = over ? undefined : addIntervals(intervals);
  const residual = block.parts.some((p) => p.label.residual);
  // most blocks add up: what a finding says is made only for one
  const agreement = sum && residual ? compareIntervals(total, sum) : undefined;
  if (agreement === 'equal' || (sum && !residual && lessOrEqual(sum, total))) return { kind: 'pass' };
  const scale = scaleOf([block.total, ...block.parts]);
  const base = { form: form.index, subject: formSubject(form), total: block.total.label.text, unit: unitShown };
  if (over) {
    const v = entryInterval(over, unit).value;
    return {
      kind: 'finding',
      rounding: false,
      report: {
        messageId: 'partExceedsTotal',
        data: { ...base, part: over.label.text, actual: show(v, unit, scale), expected: show(total.value, unit, scale), difference: show(v.minus(total.value), unit, scale) },
        at: entryTarget(form, over),
        related: [entryRelated(form, block.total, unitShown || undefined)],
      },
    };
  }
  const parts = block.parts.map((p) => p.label.text).join(' + ');
  const related = block.parts.map((p) => entryRelated(form, p, unitShown || undefined));
  if (agreement !== undefined) {
    return {
      kind: 'finding',
      rounding: agreement === 'rounding',
      report: {
        messageId: agreement === 'rounding' ? 'rounding' : 'partsMismatch',
        data: { ...base, parts, actual: show(total.value, unit, scale), expected: show(sum!.value, unit, scale), difference: show(total.value.minus(sum!.value), unit, scale) },
        at: entryTarget(form, block.total),
        related,
        ...(agreement === 'rounding' ? { severity: 'info' as const } : {}),
      },
    };
  }
  return {
    kind: 'finding',
    rounding: false,
    report: {
      messageId: 'partsExceedTotal',
      data: { ...base, parts, actual: show(sum!.value, unit, scale), expected: show(total.value, unit, scale), difference: show(sum!.value.minus(total.value), unit, scale) },
      at: entryTarget(form, block.total),
      related,
    },
  };
}

function checkBlock(ctx: CheckContext<Options>, form: PerformanceForm, block: FundBlock): void {
  const instance = `form-${form.index}/${block.total.label.text}`;
  const at = entryTarget(form, block.total);
  const subject = (): string => `绩效目标表 ${formSubject(form)}`;
  if (form.problems.length > 0 || block.problems.length > 0) {
    ctx.notAssessable(instance, `${subject()}: ${[...form.problems, ...block.problems].join('; ')}`, at);
    return;
  }
  const unreadable = [block.total, ...block.parts].find((e) => typeof e.value !== 'object' && (e === block.total || e.value === 'unreadable'));
  if (unreadable) {
    ctx.notAssessable(instance, `${subject()}: ${unreadable.label.text} is ${unreadable.value === 'blank' ? 'blank' : 'not a readable amount'}`, at);
    return;
  }
  if (block.parts.length === 0) {
    ctx.notApplicable(instance, `${subject()}: no 其中 lines under ${block.total.label.text}`);
    return;
  }
  let verdict: Verdict;
  if (form.unit) verdict = judge(form, block, form.unit, form.unit);
  else {
    // no unit printed: exact (元) and rounded (万元) readings must agree, or nothing can be said
    const strict = judge(form, block, '元', '');
    const lenient = judge(form, block, '万元', '');
    if (strict.kind === 'pass') verdict = strict;
    else if (lenient.kind === 'finding' && !lenient.rounding) verdict = strict;
    else {
      ctx.notAssessable(instance, `${subject()}: the form prints no unit, and the difference is within rounding if its amounts are in 万元`, at);
      return;
    }
  }
  if (verdict.kind === 'pass') ctx.pass(instance, at);
  else ctx.report({ instance, ...verdict.report });
}

/**
 * 绩效目标表 (项目支出绩效目标申报表/填报表): the 其中 lines under a fund total are parts of it —
 * 年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金, 项目资金总额 = 财政资金 + 其他资金
 * (财政部《中央部门预算绩效目标管理办法》财预〔2015〕88号 附 项目支出绩效目标申报表; the Shanghai
 * 财政项目支出绩效目标填报表). A part larger than its total is always an error; without 其他资金 the
 * parts need only add up to no more than the total.
 */
export default defineCheck<Options>({
  id: 'performance-form-parts',
  meta: {
    description: { zh: '绩效目标表中“其中”各项资金之和等于（或不超过）资金总额', en: 'The 其中 lines of a 绩效目标 form add up to (or stay within) its fund total' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      partExceedsTotal: {
        zh: '绩效目标表 {subject}：{part} {actual}{unit} 大于 {total} {expected}{unit}（超出 {difference}{unit}）',
        en: '绩效目标 form {subject}: {part} is {actual} {unit}, more than {total} {expected} {unit} (by {difference} {unit})',
      },
      partsMismatch: {
        zh: '绩效目标表 {subject}：{total} 为 {actual}{unit}，而 {parts} 合计 {expected}{unit}（差额 {difference}{unit}）',
        en: '绩效目标 form {subject}: {total} is {actual} {unit}, but {parts} add up to {expected} {unit} (difference {difference} {unit})',
      },
      partsExceedTotal: {
        zh: '绩效目标表 {subject}：{parts} 合计 {actual}{unit}，大于 {total} {expected}{unit}（超出 {difference}{unit}）',
        en: '绩效目标 form {subject}: {parts} add up to {actual} {unit}, more than {total} {expected} {unit} (by {difference} {unit})',
      },
      rounding: {
        zh: '绩效目标表 {subject}：{total} 为 {actual}{unit}，{parts} 合计 {expected}{unit}，差额 {difference}{unit} 可由四舍五入解释',
        en: '绩效目标 form {subject}: {total} is {actual} {unit}; {parts} add up to {expected} {unit}; the difference {difference} {unit} is explained by rounding',
      },
    },
  },
  run(ctx) {
    const scan = scanForms(ctx.document);
    if (!scan.present) {
      ctx.notApplicable('forms', 'the document prints no 绩效目标 forms');
      return;
    }
    scan.unreadable.forEach((reason, i) => ctx.notAssessable(`region-${i + 1}`, reason));
    for (const form of scan.forms) {
      const blocks = blocksOf(form);
      if (blocks.length === 0) {
        const at = { location: { ...form.location, table: form.title, tableKind: 'unknown', row: formSubject(form) } };
        ctx.notAssessable(`form-${form.index}`, `绩效目标表 ${formSubject(form)}: no fund total (年度资金总额 …) could be read`, at);
        continue;
      }
      for (const block of blocks) checkBlock(ctx, form, block);
    }
  },
});
