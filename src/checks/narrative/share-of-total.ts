import { formatDecimal, type Unit } from '../../model/amount.js';
import { Decimal } from '../../model/decimal.js';
import { addIntervals, intervalOf, inUnit, type Interval } from '../../engine/interval.js';
import { defineCheck, type RelatedTarget, type Target } from '../../engine/define-check.js';
import { analyzeNarrative, MAX_UNLINKED_LISTED } from '../../narrative/analysis.js';
import { statementInterval } from '../../narrative/intervals.js';
import { judgeShare } from '../../narrative/share-ratio.js';
import { resolveWhole, wholeIndex, type ShareWhole } from '../../narrative/share-whole.js';
import { findShares, type ShareStatement } from '../../narrative/shares.js';
import { subjectLabel } from '../../narrative/subjects.js';
import { cellRelated, statementRelated, subjectText } from './targets.js';

/**
 * A share the narrative states ("基本支出3000.00万元，占财政拨款支出预算的67.4%", "…，占比32.6%") equals
 * its part ÷ its whole × 100, rounded half-up to the printed decimals (DOMAIN.md §5): the part is the
 * amount printed before "占", the whole the total the words name — as the narrative states it (the
 * total of the part's "其中" list, or its nearest statement before), else as the tables hold it.
 * Every figure counts with its rounding interval (narrative/share-ratio.ts); a truncated share is its
 * own finding; a share whose whole cannot be found is not assessable.
 */
export default defineCheck<Record<string, never>>({
  id: 'narrative-share',
  meta: {
    description: { zh: '说明中“占……的X%”与所述金额和总额相符（四舍五入）', en: 'A share the narrative states ("占…的X%") equals its amount over its total, rounded half-up' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      mismatch: {
        zh: '“{part}”{partValue}{partUnit}占“{whole}”{wholeValue}{wholeUnit}的比例为{computed}%，四舍五入应为{expected}%，说明中为{percent}%',
        en: '{part} ({partValue} {partUnit}) is {computed}% of {whole} ({wholeValue} {wholeUnit}), {expected}% rounded half-up, but the narrative says {percent}%',
      },
      truncated: {
        zh: '“{part}”{partValue}{partUnit}占“{whole}”{wholeValue}{wholeUnit}的比例为{computed}%，说明中的{percent}%是截尾所得，四舍五入应为{expected}%',
        en: '{part} ({partValue} {partUnit}) is {computed}% of {whole} ({wholeValue} {wholeUnit}): the narrative\'s {percent}% is truncated, not rounded; rounded half-up it is {expected}%',
      },
    },
  },
  run(ctx) {
    const a = analyzeNarrative(ctx.document);
    const shares = findShares(ctx.document, a.statements, a.mentions);
    if (shares.length === 0) {
      ctx.notApplicable('narrative', 'the narrative states no share of a total ("占…%")');
      return;
    }
    const index = wholeIndex(a.statements, a.breakdowns);
    const seen = new Map<string, number>();
    let unresolved = 0;
    let firstMore: Target | undefined;
    for (const share of shares) {
      const whole = resolveWhole(ctx.document, share, index);
      const partLabel = subjectText(share.part);
      const wholeLabel = wholeText(share, whole);
      const key = `${partLabel}÷${wholeLabel}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      const instance = `${key}#${n}`;
      const at = percentTarget(share);
      if (whole.kind === 'unresolved') {
        if (unresolved++ < MAX_UNLINKED_LISTED) ctx.notAssessable(instance, `${whole.reason}: ${share.part.sentence}`, at);
        else firstMore ??= at;
        continue;
      }
      const wholeInterval: Interval = whole.kind === 'narrative' ? statementInterval(whole.statement) : { value: whole.value.value, radius: wholeRadius(whole) };
      const printed = share.percent.value;
      const scale = share.percent.scale;
      const verdict = judgeShare(printed, scale, statementInterval(share.part), wholeInterval);
      if (!verdict) {
        ctx.notAssessable(instance, `the whole is zero: ${share.part.sentence}`, at);
        continue;
      }
      if (verdict.outcome === 'pass') {
        ctx.pass(instance, at);
        continue;
      }
      const expected = verdict.mid.toDecimalPlaces(scale, Decimal.ROUND_HALF_UP);
      const partUnit = share.part.token.unit as Unit;
      const [wholeValue, wholeUnit] = whole.kind === 'narrative' ? [formatDecimal(whole.statement.token.value, whole.statement.token.scale), whole.statement.token.unit] : [formatDecimal(inUnit(whole.value.value, partUnit)), partUnit];
      ctx.report({
        instance,
        messageId: verdict.outcome,
        at,
        data: {
          part: partLabel,
          partValue: formatDecimal(share.part.token.value, share.part.token.scale),
          partUnit,
          whole: wholeLabel,
          wholeValue,
          wholeUnit,
          wholeSource: whole.kind,
          percent: formatDecimal(printed, scale),
          computed: verdict.mid.toFixed(scale + 2, Decimal.ROUND_HALF_UP),
          unit: '%',
          expected: expected.toFixed(scale),
          actual: formatDecimal(printed, scale),
          difference: printed.minus(expected).toFixed(scale),
        },
        related: [statementRelated(share.part), ...wholeRelated(whole, partUnit)],
      });
    }
    if (firstMore) ctx.notAssessable('unresolved:more', `${unresolved - MAX_UNLINKED_LISTED} more shares name a whole that could not be found (the first ${MAX_UNLINKED_LISTED} are listed one by one)`, firstMore);
  },
});

/** The percentage's number (its line and column). */
function percentTarget(share: ShareStatement): Target {
  return { paragraph: share.paragraph, offset: share.percent.offset, length: share.percent.numberLength };
}

/** The whole for messages: the narrative statement's subject, the table subject's label, or the words printed. */
function wholeText(share: ShareStatement, whole: ShareWhole): string {
  if (whole.kind === 'narrative') return subjectText(whole.statement);
  if (whole.kind === 'table') return subjectLabel(whole.subject);
  return share.wholeWords || '(未写明)';
}

/** Table values in 元 are exact; the values of a table printed in 万元 (T9, MoF tables) carry their printed rounding. */
function wholeRadius(whole: ShareWhole & { kind: 'table' }): Decimal {
  return addIntervals(whole.value.cells.map((c) => intervalOf(c.cell?.amount))).radius;
}

function wholeRelated(whole: ShareWhole, unit: Unit): RelatedTarget[] {
  if (whole.kind === 'narrative') return [statementRelated(whole.statement)];
  if (whole.kind === 'table') return whole.value.cells.map((c) => cellRelated(c, unit));
  return [];
}
