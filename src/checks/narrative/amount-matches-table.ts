import type { Unit } from '../../model/amount.js';
import { defineCheck, type Target } from '../../engine/define-check.js';
import { analyzeNarrative, MAX_UNLINKED_LISTED } from '../../narrative/analysis.js';
import { cellRelated, numberTarget, show, subjectText } from './targets.js';

/**
 * Every amount the narrative restates equals the table value converted to the narrative's unit and
 * rounded half-up (四舍五入) to the printed decimals (DOMAIN.md §5). A truncated figure is a distinct
 * finding; amounts whose subject cannot be linked are not assessable (never guessed).
 */
export default defineCheck<Record<string, never>>({
  id: 'narrative-amount',
  meta: {
    description: { zh: '说明中的金额与表中数值（按单位换算并四舍五入）一致', en: 'Narrative amounts equal the table values, converted and rounded half-up' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      mismatch: {
        zh: '说明中“{subject}”为{narrative}{unit}，表中为{tableValue}{unit}（{table}），四舍五入应为{expected}{unit}，相差{difference}{unit}',
        en: 'The narrative gives {subject} as {narrative} {unit}; the table has {tableValue} {unit} ({table}), which rounds to {expected} {unit}: a difference of {difference} {unit}',
      },
      exceeds: {
        zh: '说明中“{subject}”为{narrative}{unit}，超过了表中{tableValue}{unit}（{table}）',
        en: 'The narrative gives {subject} as {narrative} {unit}, more than the table value {tableValue} {unit} ({table}) it is part of',
      },
      zero: {
        zh: '说明中“{subject}”为0{unit}，但表中为{tableValue}{unit}（{table}），不是零',
        en: 'The narrative gives {subject} as 0 {unit}, but the table has {tableValue} {unit} ({table}): not nothing, only less than half a {unit}',
      },
      truncated: {
        zh: '说明中“{subject}”为{narrative}{unit}，是表中{tableValue}{unit}（{table}）直接截尾所得，四舍五入应为{expected}{unit}',
        en: 'The narrative gives {subject} as {narrative} {unit}: the table value {tableValue} {unit} ({table}) truncated, not rounded; rounded half-up it is {expected} {unit}',
      },
    },
  },
  run(ctx) {
    const { levels } = analyzeNarrative(ctx.document);
    if (levels.length === 0) ctx.notApplicable('narrative', 'the narrative states no amounts');
    let unlinked = 0;
    let firstMore: Target | undefined;
    for (const l of levels) {
      const s = l.statement;
      const at = numberTarget(s);
      if (l.link.kind === 'internal') continue;
      if (l.link.kind === 'unlinked') {
        // listed one by one up to a bound; the rest of a flood of them are one instance
        if (unlinked++ < MAX_UNLINKED_LISTED) ctx.notAssessable(l.instance, `${l.link.reason}: ${s.sentence}`, at);
        else firstMore ??= at;
        continue;
      }
      const c = l.comparison!;
      if (c.outcome === 'pass') {
        ctx.pass(l.instance, at);
        continue;
      }
      const unit = s.token.unit as Unit;
      const scale = s.token.scale;
      ctx.report({
        instance: l.instance,
        messageId: c.outcome,
        // "0万元" for 0.36万元 is that value rounded, yet reads as nothing: worth a look, not an error
        ...(c.outcome === 'zero' ? { severity: 'warning' as const } : {}),
        at,
        data: {
          subject: subjectText(s),
          narrative: show(s.token.value, scale),
          unit,
          tableValue: show(c.tableValue, 0),
          expected: show(c.expected, scale),
          truncated: show(c.truncated, scale),
          difference: show(c.difference, scale),
          table: l.link.value.cells.map((x) => x.label).join(' + '),
        },
        related: l.link.value.cells.map((x) => cellRelated(x, unit)),
      });
    }
    if (firstMore) ctx.notAssessable('unlinked:more', `${unlinked - MAX_UNLINKED_LISTED} more amounts could not be linked to a table value (the first ${MAX_UNLINKED_LISTED} are listed one by one)`, firstMore);
  },
});
