import { formatDecimal, type Unit } from '../../model/amount.js';
import { defineCheck, type CheckContext, type RelatedTarget, type Target } from '../../engine/define-check.js';
import { addIntervals, compareIntervals, inUnit } from '../../engine/interval.js';
import { tokenInterval } from '../../narrative/intervals.js';
import { projectPlans, type ProjectPlan } from '../../narrative/project-plans.js';
import { yearTotal } from '../performance/blocks.js';
import { formSubject, scanForms, type FundEntry, type PerformanceForm } from '../performance/forms.js';
import { entryInterval, entryRelated } from '../performance/values.js';

type Options = Record<string, never>;

/** "新建万里街道社区公共服务中心" and "万里街道社区公共服务中心新建工程" name one project: the words without these. */
const NAME_PREFIX = /^(新建|新增|续建|改建|扩建)/;
const NAME_SUFFIX = /(新建工程|工程|项目)?(专项)?(经费|资金)?$/;
const FINEST: readonly Unit[] = ['元', '万元', '亿元'];
/** Digits of 元 in one unit: a 万元 figure's 2 decimals are 元's −2. */
const DIGITS_BELOW: Readonly<Record<Unit, number>> = { 元: 0, 万元: 4, 亿元: 8 };
/** Shorter cores name too little to be found in a block's text by themselves. */
const MIN_CORE = 4;

function core(name: string): string {
  return name.replace(/[\s\u3000“”"]/g, '').replace(NAME_PREFIX, '').replace(NAME_SUFFIX, '');
}

const PREFIXES = ['新建', '新增', '续建', '改建', '扩建'];
/**
 * Forms looked through one by one for a name inside another (a document has a few dozen at most): a
 * hostile one with thousands of forms and plans is matched on equal names only, so it stays linear.
 */
const MAX_FORMS_SCANNED = 200;

/** A form with a project name, and that name's core and 新建/续建… prefix, worked out once per document. */
interface NamedForm {
  readonly form: PerformanceForm;
  readonly core: string;
  readonly prefix: string | undefined;
}

function prefixOf(name: string): string | undefined {
  return NAME_PREFIX.exec(name.replace(/[\s\u3000“”"]/g, ''))?.[1];
}

function namedForms(forms: readonly PerformanceForm[]): NamedForm[] {
  return forms.filter((f) => f.project !== undefined).map((form) => ({ form, core: core(form.project!), prefix: prefixOf(form.project!) }));
}

/** The one form of `list`, if there is exactly one. */
function onlyOne(list: readonly NamedForm[]): PerformanceForm | undefined {
  return list.length === 1 ? list[0]!.form : undefined;
}

/**
 * The 绩效目标 form of a plan's project, never chosen by its amount. A block whose heading names its
 * project: the form of that name (their cores equal, else one form's core within the name's or the
 * name's within it), never one whose 新建/续建… prefix differs (two projects). A block that names none
 * ("项目经费情况说明"): the one form whose name its text holds ("续建X" in its words is not the form
 * "新建X"), else the only form of a document with one plan.
 */
function formOf(plan: ProjectPlan, forms: readonly PerformanceForm[], named: readonly NamedForm[], byCore: ReadonlyMap<string, readonly NamedForm[]>, plans: number): PerformanceForm | undefined {
  const scan = named.length <= MAX_FORMS_SCANNED;
  if (plan.name !== undefined) {
    const prefix = prefixOf(plan.name);
    const agrees = (f: NamedForm): boolean => prefix === undefined || f.prefix === undefined || f.prefix === prefix;
    // another project's form is not this one's, however its name turns up in the block's words
    const name = core(plan.name);
    const same = (byCore.get(name) ?? []).filter(agrees);
    if (same.length > 0 || !scan) return onlyOne(same);
    return onlyOne(named.filter((f) => agrees(f) && Math.min(f.core.length, name.length) >= MIN_CORE && (name.includes(f.core) || f.core.includes(name))));
  }
  if (!scan) return undefined;
  const text = plan.blockText.replace(/[\s\u3000]/g, '');
  const held = named.filter((f) => f.core.length >= MIN_CORE && text.includes(f.core) && !PREFIXES.some((p) => f.prefix !== undefined && p !== f.prefix && text.includes(p + f.core)));
  if (held.length > 0) return onlyOne(held);
  return forms.length === 1 && plans === 1 ? forms[0] : undefined;
}

/** The form's 年度资金总额 line and the unit of its amount, or why there is none. */
function yearMoney(form: PerformanceForm): { readonly entry: FundEntry; readonly unit: Unit } | string {
  const block = yearTotal(form);
  if (!block) return 'no readable fund total (年度资金总额 …)';
  // the parts are the year's money: a form's only total over the project's years (项目资金总额,
  // 中期资金总额) is no measure of them
  if (block.home === 'project') return `no total for the year (年度资金总额 …), only the project's (${block.total.label.text})`;
  const value = block.total.value;
  const unit = typeof value === 'object' ? (value.unit ?? form.unit) : undefined;
  return unit ? { entry: block.total, unit } : 'no readable fund total (年度资金总额 …)';
}

/** What the plans of one document are matched against: its forms, read once. */
interface FormIndex {
  readonly forms: readonly PerformanceForm[];
  readonly named: readonly NamedForm[];
  readonly byCore: ReadonlyMap<string, readonly NamedForm[]>;
  readonly unreadable: readonly string[];
}

function formIndex(forms: readonly PerformanceForm[], unreadable: readonly string[]): FormIndex {
  const named = namedForms(forms);
  const byCore = new Map<string, NamedForm[]>();
  for (const f of named) {
    const list = byCore.get(f.core);
    if (list) list.push(f);
    else byCore.set(f.core, [f]);
  }
  return { forms, named, byCore, unreadable };
}

function checkPlan(ctx: CheckContext<Options>, plan: ProjectPlan, index: FormIndex, plans: number): void {
  const { forms, unreadable } = index;
  const first = plan.parts[0]!;
  const last = plan.parts[plan.parts.length - 1]!;
  const at: Target = { paragraph: plan.paragraph, offset: first.offset, length: last.offset + last.length - first.offset };
  const instance = `plan-${plan.index}`;
  const form = formOf(plan, forms, index.named, index.byCore, plans);
  if (!form) {
    const why = unreadable.length > 0 ? `not every 绩效目标 form could be read (${unreadable.join('; ')})` : forms.length === 0 ? 'the document prints no 绩效目标 form' : 'which 绩效目标 form is this project\'s is not known (no form name matches the block)';
    ctx.notAssessable(instance, why, at);
    return;
  }
  const year = yearMoney(form);
  if (typeof year === 'string') {
    ctx.notAssessable(instance, `绩效目标表 ${formSubject(form)}: ${year}`, at);
    return;
  }
  const { entry, unit } = year;
  const total = entryInterval(entry, unit);
  const sum = addIntervals(plan.parts.map(tokenInterval));
  if (compareIntervals(sum, total) !== 'mismatch') {
    ctx.pass(instance, at);
    return;
  }
  // shown in the finest unit a part is printed in, with the most decimals any part has in it
  const shownUnit = FINEST.find((u) => plan.parts.some((t) => t.unit === u))!;
  const scale = Math.max(0, ...plan.parts.map((t) => t.scale - DIGITS_BELOW[t.unit as Unit] + DIGITS_BELOW[shownUnit]));
  const show = (v: typeof sum.value): string => formatDecimal(inUnit(v, shownUnit).toDecimalPlaces(scale), scale);
  const related: RelatedTarget[] = [entryRelated(form, entry, unit)];
  ctx.report({
    instance,
    messageId: plan.kind,
    at,
    data: { project: formSubject(form), parts: plan.parts.length, sum: show(sum.value), total: show(total.value), unit: shownUnit, difference: show(sum.value.minus(total.value)) },
    related,
  });
}

/**
 * A project's 年度预算安排 stated in parts — the four quarters' 用款计划, or what it 包括 — adds up to the
 * year's money on the project's 绩效目标 form (年度资金总额), within the rounding of the printed figures.
 */
export default defineCheck<Options>({
  id: 'narrative-project-plan',
  meta: {
    description: { zh: '项目年度预算安排所列各部分之和等于绩效目标表的年度资金总额', en: 'The parts of a project\'s 年度预算安排 add up to the year money on its 绩效目标 form' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      quarters: {
        zh: '项目“{project}”四个季度用款计划之和为{sum}{unit}，绩效目标表年度资金总额为{total}{unit}，相差{difference}{unit}',
        en: 'The four quarters\' 用款计划 of {project} add up to {sum} {unit}; its 绩效目标 form gives the year {total} {unit}: a difference of {difference} {unit}',
      },
      includes: {
        zh: '项目“{project}”年度预算安排所列{parts}项之和为{sum}{unit}，绩效目标表年度资金总额为{total}{unit}，相差{difference}{unit}',
        en: 'The {parts} parts of {project}\'s 年度预算安排 add up to {sum} {unit}; its 绩效目标 form gives the year {total} {unit}: a difference of {difference} {unit}',
      },
    },
  },
  run(ctx) {
    const plans = projectPlans(ctx.document);
    if (plans.length === 0) {
      ctx.notApplicable('plans', 'no 年度预算安排 states a project\'s money in parts only');
      return;
    }
    const scan = scanForms(ctx.document);
    const index = formIndex(scan.forms, scan.unreadable);
    for (const plan of plans) checkPlan(ctx, plan, index, plans.length);
  },
});
