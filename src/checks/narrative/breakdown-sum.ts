import { formatDecimal, type Unit } from '../../model/amount.js';
import type { Decimal } from '../../model/decimal.js';
import { addIntervals, compareIntervals, inUnit, lessOrEqual, type Interval } from '../../engine/interval.js';
import { defineCheck, type CheckContext } from '../../engine/define-check.js';
import { analyzeNarrative, textKey } from '../../narrative/analysis.js';
import type { Breakdown } from '../../narrative/breakdowns.js';
import { statementInterval } from '../../narrative/intervals.js';
import { subjectKey } from '../../narrative/subjects.js';
import { numberTarget, statementRelated, subjectText } from './targets.js';
import { packedMap } from '../../model/lists.js';
import type { NumberToken } from '../../narrative/numbers.js';
import { integerIntervals, integersAtMost, integersDisagree, sumIntervals } from '../../narrative/printed-intervals.js';

type Ctx = CheckContext<Record<string, never>>;

/**
 * "X万元，其中 A、B、C" breakdowns add up under the rounding-aware interval semantics of the rule
 * engine (DOMAIN.md §5; each printed figure stands for its half-open rounding interval, a sum for the
 * summed one, a printed 0 for an exact zero): a 类 or 款 and its listed 款 or 项 (when the text lists
 * every child the tables have), 三公 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费, 公务用车
 * = 购置费 + 运行维护费, 政府采购 = 货物 + 工程 + 服务, and any list introduced by "其中" / "包括": when
 * it is complete (closed by a stated 合计 / 共计, or by "其余…") its parts add up to the total and to
 * the stated 合计; otherwise it may name only some parts, which then add up to at most the total.
 */
export default defineCheck<Record<string, never>>({
  id: 'narrative-breakdown',
  meta: {
    description: { zh: '说明中“其中”各项之和等于总额', en: 'Narrative breakdowns add up to their totals' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      sum: {
        zh: '说明中“{subject}”为{total}{unit}，其中各项（{items}项）合计{sum}{unit}，相差{difference}{unit}，超出四舍五入误差',
        en: 'The narrative gives {subject} as {total} {unit} but its {items} listed parts add up to {sum} {unit}: a difference of {difference} {unit}, more than rounding explains',
      },
      statedSum: {
        zh: '说明中“{subject}”所列{items}项之和为{sum}{unit}，文中合计为{stated}{unit}，相差{difference}{unit}，超出四舍五入误差',
        en: 'The {items} parts listed under {subject} add up to {sum} {unit}, but the narrative states their sum as {stated} {unit}: a difference of {difference} {unit}, more than rounding explains',
      },
      statedTotal: {
        zh: '说明中“{subject}”为{total}{unit}，其所列各项的合计却为{stated}{unit}，相差{difference}{unit}，超出四舍五入误差',
        en: 'The narrative gives {subject} as {total} {unit}, but the sum it states for the parts listed under it is {stated} {unit}: a difference of {difference} {unit}, more than rounding explains',
      },
      partsExceed: {
        zh: '说明中“{subject}”为{total}{unit}，其中所列{items}项之和{sum}{unit}已超过总额{difference}{unit}',
        en: 'The narrative gives {subject} as {total} {unit}, but the {items} parts it lists under it already add up to {sum} {unit}, {difference} {unit} more',
      },
    },
  },
  run(ctx) {
    const { breakdowns } = analyzeNarrative(ctx.document);
    if (breakdowns.length === 0) ctx.notApplicable('narrative', 'the narrative lists no breakdowns');
    const seen = new Map<string, number>();
    for (const b of breakdowns) {
      const key = b.parent.subject ? subjectKey(b.parent.subject) : textKey(b.parent);
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      check(ctx, `${key}#${n}`, b);
    }
  },
});

function check(ctx: Ctx, instance: string, b: Breakdown): void {
  const { parent, parts, stated } = b;
  // most breakdowns add up, which their printed figures decide; a finding is worded the plain way
  if (passesOnPrintedFigures(b)) {
    ctx.pass(instance, numberTarget(parent));
    return;
  }
  const total = statementInterval(parent);
  const sum = addIntervals(packedMap(parts, statementInterval));
  const unit = parent.token.unit as Unit;
  let scale = Math.max(parent.token.scale, stated?.token.scale ?? 0);
  for (const c of parts) scale = Math.max(scale, c.token.scale);
  const show = (v: Decimal): string => formatDecimal(inUnit(v, unit), scale);
  // message parts, built only for a finding (most breakdowns pass)
  const base = (): { subject: string; unit: Unit } => ({ subject: subjectText(parent), unit });
  const partsRelated = (): ReturnType<typeof statementRelated>[] => parts.map((c) => statementRelated(c));
  let failed = false;
  if (stated) {
    // the list's own 合计 against its parts, then against the total it breaks down
    const s = statementInterval(stated);
    const partsOff = disagree(s, sum);
    if (partsOff) {
      failed = true;
      ctx.report({ instance, messageId: 'statedSum', at: numberTarget(stated), data: { ...base(), stated: show(s.value), items: parts.length, sum: show(sum.value), difference: show(s.value.minus(sum.value)) }, related: partsRelated() });
    }
    // a 合计 that disagrees with both the parts and the total they agree on is one slip, reported once
    if (disagree(total, s) && !(partsOff && !disagree(total, sum))) {
      failed = true;
      ctx.report({ instance, messageId: 'statedTotal', at: numberTarget(parent), data: { ...base(), total: show(total.value), stated: show(s.value), difference: show(total.value.minus(s.value)) }, related: [statementRelated(stated, '合计')] });
    }
  } else if (b.exhaustive) {
    if (disagree(total, sum)) {
      failed = true;
      ctx.report({ instance, messageId: 'sum', at: numberTarget(parent), data: { ...base(), total: formatDecimal(parent.token.value, parent.token.scale), items: parts.length, sum: show(sum.value), difference: show(total.value.minus(sum.value)) }, related: partsRelated() });
    }
  } else if (!lessOrEqual(sum, total)) {
    failed = true;
    ctx.report({ instance, messageId: 'partsExceed', at: numberTarget(parent), data: { ...base(), total: show(total.value), items: parts.length, sum: show(sum.value), difference: show(sum.value.minus(total.value)) }, related: partsRelated() });
  }
  if (!failed) ctx.pass(instance, numberTarget(parent));
}

/**
 * Whether the breakdown passes, decided with exact integers when its figures are printed plainly in
 * one unit (the checks below on the same intervals); false otherwise, and then the plain way decides.
 */
export function passesOnPrintedFigures(b: Breakdown): boolean {
  const tokens: NumberToken[] = [b.parent.token];
  for (const p of b.parts) tokens.push(p.token);
  if (b.stated) tokens.push(b.stated.token);
  const intervals = integerIntervals(tokens);
  if (!intervals) return false;
  const total = intervals[0]!;
  const sum = sumIntervals(intervals, 1, 1 + b.parts.length);
  if (b.stated) {
    const stated = intervals[intervals.length - 1]!;
    return !integersDisagree(stated, sum) && !integersDisagree(total, stated);
  }
  return b.exhaustive ? !integersDisagree(total, sum) : integersAtMost(sum, total);
}

function disagree(a: Interval, b: Interval): boolean {
  return compareIntervals(a, b) === 'mismatch';
}
