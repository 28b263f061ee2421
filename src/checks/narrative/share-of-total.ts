import { formatDecimal, type Unit } from '../../model/amount.js';
import { Decimal, ZERO } from '../../model/decimal.js';
import { addIntervals, intervalOf, inUnit, type Interval } from '../../engine/interval.js';
import { defineCheck, type RelatedTarget, type Target } from '../../engine/define-check.js';
import { analyzeNarrative, MAX_UNLINKED_LISTED } from '../../narrative/analysis.js';
import { statementInterval } from '../../narrative/intervals.js';
import type { Statement } from '../../narrative/statements.js';
import type { LinkedValue, LinkResult } from '../../narrative/link.js';
import { judgeShare, type ShareVerdict } from '../../narrative/share-ratio.js';
import { resolveWholes, wholeIndex, type ResolvedShare, type ShareWhole, type Unresolved } from '../../narrative/share-whole.js';
import { findShares, type ShareStatement } from '../../narrative/shares.js';
import { subjectLabel } from '../../narrative/subjects.js';
import { cellRelated, statementRelated, subjectText } from './targets.js';

/**
 * A share the narrative states ("基本支出3000.00万元，占财政拨款支出预算的67.4%", "…，占比32.6%") equals
 * its part ÷ its whole × 100, rounded half-up to the printed decimals (DOMAIN.md §5): the part is the
 * amount printed before "占", the whole the total the words name — as the narrative states it (the
 * total of the part's "其中" list, or its nearest statement before), else as the tables hold it.
 * A figure the tables hold is read as printed or as they hold it (figureReadings), any other with its
 * rounding interval (narrative/share-ratio.ts); a truncated share is its own finding; a share whose
 * whole cannot be found is not assessable.
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
    const linkOf = new Map(a.levels.map((l) => [l.statement.index, l.link]));
    const seen = new Map<string, number>();
    let unresolved = 0;
    let firstMore: Target | undefined;
    // the share before, with its wholes: a share naming none in the same sentence is of the same whole
    let previous: ResolvedShare | undefined;
    for (const share of shares) {
      const wholes = resolveWholes(ctx.document, share, index, a.statements, previous);
      previous = isWholes(wholes) ? { share, wholes } : undefined;
      const partLabel = subjectText(share.part);
      const wholeLabel = wholeText(share, isWholes(wholes) ? wholes[0] : undefined);
      const key = `${partLabel}÷${wholeLabel}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      const instance = `${key}#${n}`;
      const at = percentTarget(share);
      if (!isWholes(wholes)) {
        if (unresolved++ < MAX_UNLINKED_LISTED) ctx.notAssessable(instance, `${wholes.reason}: ${share.part.sentence}`, at);
        else firstMore ??= at;
        continue;
      }
      const printed = share.percent.value;
      const scale = share.percent.scale;
      const judged = judgeReadings(printed, scale, partReadings(share, linkOf.get(share.part.index)), wholes.map((whole) => ({ whole, readings: wholeReadings(whole, linkOf) })));
      if (!judged) {
        ctx.notAssessable(instance, `the whole is zero or smaller than the part: ${share.part.sentence}`, at);
        continue;
      }
      const { verdict, whole, part } = judged;
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
          // the part as the finding's ratio reads it: as printed, or as its table holds it (with a whole only the tables hold)
          partValue: part.source === 'table' ? formatDecimal(inUnit(part.interval.value, partUnit)) : formatDecimal(share.part.token.value, share.part.token.scale),
          partUnit,
          whole: wholeText(share, whole),
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

/**
 * A value a share may have been worked out from: a figure as printed, as its table holds it, or either
 * ('any': a figure no table holds, read over its rounding; the change before "占").
 */
interface Reading {
  readonly interval: Interval;
  readonly source: 'printed' | 'table' | 'any';
}

/**
 * The part's readings: its figure's (figureReadings) and the change printed just before "占" ("X万元，
 * 比上年增加Y万元，占…" may mean either).
 */
function partReadings(share: ShareStatement, link: LinkResult | undefined): Reading[] {
  const out = figureReadings(share.part, link);
  if (share.after) out.push({ interval: statementInterval(share.after), source: 'any' });
  return out;
}

/** A whole's readings: a narrative statement's figure's (figureReadings), a table value's. */
function wholeReadings(whole: ShareWhole, linkOf: ReadonlyMap<number, LinkResult>): Reading[] {
  return whole.kind === 'narrative' ? figureReadings(whole.statement, linkOf.get(whole.statement.index)) : [{ interval: linkedInterval(whole.value), source: 'table' }];
}

/**
 * The values a share may have been worked out from for a printed figure. Where its table holds it (not
 * as a bound: a project's and 绩效目标 money), the printed figure itself and the table's value — a writer
 * has one or the other, and a share of the table's value is right even where the printed amount is not
 * (narrative/amount-matches-table reports that) — but no other value within the printed rounding
 * ("816万元" of 8,163,376 元 is 816 or 816.3376, never 815.5). Else the figure's rounding interval.
 */
function figureReadings(s: Statement, link: LinkResult | undefined): Reading[] {
  const printed = statementInterval(s);
  if (link?.kind !== 'linked' || BOUNDED.has(s.subject?.kind ?? '')) return [{ interval: printed, source: 'any' }];
  return [
    { interval: { value: printed.value, radius: ZERO }, source: 'printed' },
    { interval: linkedInterval(link.value), source: 'table' },
  ];
}

/** A share's verdict with the whole and the part's reading it was reached on. */
interface Judged {
  readonly verdict: ShareVerdict;
  readonly whole: ShareWhole;
  readonly part: Reading;
}

/**
 * The share judged on every reading of its part and whole — printed figures with printed figures, table
 * values with table values (a writer who has the tables' values has the part's too) — a pass when one
 * fits, else the verdict on the first readings (as printed, the most likely whole) with that whole;
 * undefined when every whole may be zero or is smaller than the part. A whole smaller than the part is
 * no whole of it (an amount whose words end like the whole's: "项目支出" for "占支出的"), so it neither
 * passes nor names a finding.
 */
function judgeReadings(printed: Decimal, scale: number, parts: readonly Reading[], wholes: ReadonlyArray<{ readonly whole: ShareWhole; readonly readings: readonly Reading[] }>): Judged | undefined {
  let first: Judged | undefined;
  for (const { whole, readings } of wholes) {
    for (const w of readings) {
      for (const part of parts) {
        if ((part.source === 'printed' && w.source === 'table') || (part.source === 'table' && w.source === 'printed')) continue;
        if (part.interval.value.minus(part.interval.radius).gt(w.interval.value.plus(w.interval.radius))) continue;
        const verdict = judgeShare(printed, scale, part.interval, w.interval);
        if (!verdict) continue;
        if (verdict.outcome === 'pass') return { verdict, whole, part };
        first ??= { verdict, whole, part };
      }
    }
  }
  return first;
}

/** The percentage's number (its line and column). */
function percentTarget(share: ShareStatement): Target {
  return { paragraph: share.paragraph, offset: share.percent.offset, length: share.percent.numberLength };
}

/** The whole for messages: the narrative statement's subject, the table subject's label, or the words printed. */
function wholeText(share: ShareStatement, whole: ShareWhole | undefined): string {
  if (whole?.kind === 'narrative') return subjectText(whole.statement);
  if (whole?.kind === 'table') return subjectLabel(whole.subject);
  return share.wholeWords || '(未写明)';
}

function isWholes(w: readonly ShareWhole[] | Unresolved): w is readonly ShareWhole[] {
  return Array.isArray(w);
}

/** Subjects whose table link is a bound (narrative/amount-matches-table compares them as parts). */
const BOUNDED: ReadonlySet<string> = new Set(['project', 'performance-projects']);

/**
 * A table value's interval: its cells' rounding (none for 元, the printed rounding for a table in 万元:
 * T9, MoF tables), and at least that of 万元 with two decimals, the figures a writer works a share out from.
 */
function linkedInterval(value: LinkedValue): Interval {
  return { value: value.value, radius: Decimal.max(addIntervals(value.cells.map((c) => intervalOf(c.cell?.amount))).radius, WRITER_RADIUS) };
}

/** ±0.005万元 in 元. */
const WRITER_RADIUS = new Decimal(50);

function wholeRelated(whole: ShareWhole, unit: Unit): RelatedTarget[] {
  if (whole.kind === 'narrative') return [statementRelated(whole.statement)];
  if (whole.kind === 'table') return whole.value.cells.map((c) => cellRelated(c, unit));
  return [];
}
