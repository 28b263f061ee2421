import { charSet, inSet } from '../../char-sets.js';
import { formatDecimal, UNIT_FACTOR, type Unit } from '../../model/amount.js';
import { Decimal, ZERO } from '../../model/decimal.js';
import { compareIntervals, inUnit, type Interval } from '../../engine/interval.js';
import { defineCheck, type CheckContext, type Target } from '../../engine/define-check.js';
import { analyzeNarrative, MAX_UNLINKED_LISTED } from '../../narrative/analysis.js';
import { percentRadius, statementAtMost, statementInterval } from '../../narrative/intervals.js';
import type { Direction, Statement } from '../../narrative/statements.js';
import { numberTarget, statementRelated, subjectText } from './targets.js';

type Ctx = CheckContext<Record<string, never>>;

/** Most findings reported on one amount's year-on-year statements (its instance fails either way). */
export const MAX_FINDINGS_PER_AMOUNT = 5;

const DIRECTION_WORD: Readonly<Record<Direction | 'flat', { zh: string; en: string }>> = {
  up: { zh: '增加', en: 'an increase' },
  down: { zh: '减少', en: 'a decrease' },
  flat: { zh: '持平', en: 'no change' },
};

/**
 * Year-on-year statements (DOMAIN.md §5) agree with their own numbers: the directions said
 * (增加/减少/增长/下降/持平, last year's amount where given) agree with each other and with the sign of
 * the number; an increase is not larger than this year's amount (last year would be negative); a
 * stated last-year amount differs from this year's by the stated change; and a percentage equals
 * change ÷ base, the base being last year's amount where given, else this year − change.
 */
export default defineCheck<Record<string, never>>({
  id: 'narrative-year-on-year',
  meta: {
    description: { zh: '同比增减的方向、金额和百分比与本年、上年数一致', en: 'Year-on-year directions, amounts and percentages agree with this and last year\'s amounts' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      direction: {
        zh: '“{subject}”的同比表述自相矛盾：{first}，又称{second}',
        en: 'The year-on-year statement on {subject} contradicts itself: {first}, then {second}',
      },
      negative: {
        zh: '“{subject}”称{word}{change}{unit}，负数与“{word}”方向相反',
        en: 'The narrative says {subject} changed by {change} {unit} described as {wordEn}: the sign contradicts the word',
      },
      baseNegative: {
        zh: '“{subject}”本年{current}{unit}，却称比上年增加{change}{unit}，推算上年为{base}{unit}（负数）',
        en: '{subject} is {current} {unit} this year but said to have increased by {change} {unit}: last year would be {base} {unit}, below zero',
      },
      changeAmount: {
        zh: '“{subject}”本年{current}{unit}、上年{previous}{unit}，差额为{actual}{unit}，说明称变动{change}{unit}',
        en: '{subject} is {current} {unit} this year and {previous} {unit} last year, a change of {actual} {unit}, but the narrative says {change} {unit}',
      },
      percent: {
        zh: '“{subject}”同比变动{percent}{unit}与金额不符：变动{change}{amountUnit}、基数{base}{amountUnit}，应为{expected}{unit}',
        en: 'The year-on-year percentage of {subject}, {percent}{unit}, does not match the amounts: a change of {change} {amountUnit} on a base of {base} {amountUnit} is {expected}{unit}',
      },
    },
  },
  run(ctx) {
    const { statements } = analyzeNarrative(ctx.document);
    const byLevel = new Map<number, Statement[]>();
    // restatements that say "持平", by the amount they restate: what they say is said of it
    const flatRestatements = new Map<number, Statement[]>();
    for (const s of statements) {
      const owner = s.role === 'level' ? (s.flatAt !== undefined ? s.restates : undefined) : s.levelIndex;
      if (owner === undefined) continue;
      const into = s.role === 'level' ? flatRestatements : byLevel;
      const list = into.get(owner) ?? [];
      list.push(s);
      into.set(owner, list);
    }
    let any = false;
    const seen = new Map<string, number>();
    for (const level of statements) {
      // a restatement has no statements of its own (they belong to the amount it restates)
      if (level.role !== 'level' || level.restates !== undefined) continue;
      const related = byLevel.get(level.index) ?? NO_STATEMENTS;
      const restated = flatRestatements.get(level.index) ?? NO_STATEMENTS;
      if (related.length === 0 && level.flatAt === undefined && restated.length === 0) continue;
      any = true;
      const key = level.subject ? subjectText(level) : `${level.clause.trim()}${level.token.raw}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      checkLevel(ctx, `${key}#${n}`, level, related, restated, level.subject ? key : undefined);
    }
    let orphans = 0;
    let firstMore: Target | undefined;
    for (const s of statements) {
      if (s.role !== 'level' && s.levelIndex === undefined) {
        any = true;
        if (orphans++ < MAX_UNLINKED_LISTED) ctx.notAssessable(`orphan:${s.clause.trim()}${s.token.raw}`, `no amount this year-on-year figure belongs to: ${s.sentence}`, numberTarget(s));
        else firstMore ??= numberTarget(s);
      }
    }
    if (firstMore) ctx.notAssessable('orphan:more', `${orphans - MAX_UNLINKED_LISTED} more year-on-year figures belong to no amount (the first ${MAX_UNLINKED_LISTED} are listed one by one)`, firstMore);
    if (!any) ctx.notApplicable('narrative', 'the narrative makes no year-on-year statements');
  },
});

/** The year-on-year statements of an amount without any (shared, never changed). */
const NO_STATEMENTS: readonly Statement[] = Object.freeze([]);

/**
 * `restated`: restatements of the level that say "持平". `subject`: the level's subject text when
 * already made (it is made for a finding only otherwise).
 */
function checkLevel(ctx: Ctx, instance: string, level: Statement, related: readonly Statement[], restated: readonly Statement[], subject: string | undefined): void {
  const changes = related.filter((s) => s.role === 'change');
  const percents = related.filter((s) => s.role === 'percent');
  const previous = related.find((s) => s.role === 'previous');
  const unit = level.token.unit as Unit;
  let failed = 0;
  // `unit` in the data is the unit of the values the finding compares (the reporters print expected /
  // actual / difference with it): the amount's unit, or "%" for a percentage.
  const fail = (at: Target, messageId: string, data: Record<string, string | number>, others: readonly Statement[]): void => {
    // hundreds of contradicting figures on one amount are one problem: the first few say enough
    if (failed++ >= MAX_FINDINGS_PER_AMOUNT) return;
    subject ??= subjectText(level);
    ctx.report({ instance, messageId, at, data: { subject, unit, ...data }, related: [statementRelated(level), ...others.map((o) => statementRelated(o))] });
  };

  // 1. the sign of each figure against its own word
  // the changes, then the percentages (most amounts have no percentage: the changes themselves)
  const figures = percents.length === 0 ? changes : [...changes, ...percents];
  for (const c of figures) {
    if (failed >= MAX_FINDINGS_PER_AMOUNT) return;
    if (c.token.negative) {
      const w = DIRECTION_WORD[c.direction!];
      // a negative percentage is in %, a negative amount in its own unit
      fail(numberTarget(c), 'negative', { word: w.zh, wordEn: w.en, change: formatDecimal(c.token.value, c.token.scale), unit: c.token.unit }, []);
    }
  }
  // 2. the directions said agree with each other (and with last year's amount where given)
  // what each says, worded (and located) only for a finding
  const said: Said[] = [];
  // A zero change says 持平; a percentage printed as zero ("增长0.0%") is a change too small to show
  // at its decimals, which may go either way: it agrees with any direction (and step 5 still holds
  // its size to the amounts).
  // each figure's base, read once (the directions, the change and each percentage ask for it)
  const bases = new Map<Statement, Base>();
  const baseOf = (x: Statement): Base => {
    let base = bases.get(x);
    if (base === undefined) bases.set(x, (base = baseBefore(x.paragraph.text, x.token.offset)));
    return base;
  };
  for (const c of figures) said.push({ dir: c.token.zero ? (c.role === 'percent' ? 'any' : 'flat') : c.direction!, s: c, previous: false, flatOf: undefined, base: baseOf(c) });
  const flat = (of: Statement): Said => ({ dir: 'flat', s: undefined, previous: false, flatOf: of, base: baseBefore(of.paragraph.text, of.flatAt!) });
  if (level.flatAt !== undefined) said.push(flat(level));
  for (const r of restated) said.push(flat(r));
  // "上年预算为X万元，与上年预算持平": a 持平 after last year's amount, said where that amount stands
  if (previous?.flatAt !== undefined) said.push(flat(previous));
  const previousBase = previous ? baseOf(previous) : undefined;
  if (previous) {
    // Amounts whose rounding intervals overlap ("654万元" then "654.32万元", or both "15.00") may
    // have grown, shrunk or stayed the same: any direction said agrees with them (a stated change or
    // percentage is still held to them below, by its size).
    const cmp = compareIntervals(statementInterval(level), statementInterval(previous));
    const dir: Said['dir'] = cmp !== 'mismatch' ? 'any' : level.token.value.times(UNIT_FACTOR[unit]).gt(statementInterval(previous).value) ? 'up' : 'down';
    said.push({ dir, s: previous, previous: true, flatOf: undefined, base: previousBase! });
  }
  // Directions are held to each other on one base only: "比上年预算增加5万元" and "比2022年预算执行数持平"
  // may both be true (last year's budget and what was spent of it differ).
  for (const base of BASES) {
    const definite = said.filter((x): x is DefiniteSaid => x.dir !== 'any' && x.base === base);
    const i = definite.findIndex((x) => x.dir !== definite[0]!.dir);
    if (i > 0) {
      // both figures that disagree, each where it stands (a "持平" of the amount's own sentence is the amount's)
      // (once each: a 持平 after last year's amount is said where that amount stands)
      const others = [saidStatement(definite[0]!), saidStatement(definite[i]!)].filter((o, j, all): o is Statement => o !== undefined && o !== level && all.indexOf(o) === j);
      fail(saidAt(definite[i]!), 'direction', { first: saidText(definite[0]!), second: saidText(definite[i]!) }, others);
      break;
    }
  }
  const change = changes[0];
  // last year's amount, for the change and the percentages of its own base
  const previousFor = (x: Statement): Statement | undefined => (previous && baseOf(x) === previousBase ? previous : undefined);
  // this year's interval, made when a check needs it (intervals are kept on the token)
  const current = (): Interval => statementInterval(level);
  const scale = Math.max(level.token.scale, change?.token.scale ?? 0, previous?.token.scale ?? 0);
  const show = (v: Decimal): string => formatDecimal(inUnit(v, unit), scale);
  // a figure in the amount's unit: as printed (without separators) when the units agree, else converted
  const printedIn = (s: Statement): string => (s.token.unit === unit ? formatDecimal(s.token.value, s.token.scale) : show(statementInterval(s).value));
  // 3. an increase cannot exceed this year's amount
  if (change && change.direction === 'up' && !change.token.negative && !statementAtMost(change, level)) {
    fail(numberTarget(change), 'baseNegative', { current: printedIn(level), change: printedIn(change), base: show(current().value.minus(statementInterval(change).value)) }, [change]);
  }
  // 4. this year − last year = the stated change
  // (each change against last year's amount of its own base)
  for (const c of changes) {
    const last = previousFor(c);
    if (!last || c.token.negative) continue;
    const actual = { value: current().value.minus(statementInterval(last).value).abs(), radius: current().radius.plus(statementInterval(last).radius) };
    if (compareIntervals(actual, statementInterval(c)) === 'mismatch') {
      fail(numberTarget(c), 'changeAmount', { current: printedIn(level), previous: printedIn(last), actual: show(actual.value), change: printedIn(c) }, [last, c]);
    }
  }
  // 5. the percentage equals change ÷ base
  for (const p of percents) {
    if (failed >= MAX_FINDINGS_PER_AMOUNT) return;
    // the change of the percentage's own base; a percentage whose direction contradicts it is already reported above
    const pChange = changes.find((c) => baseOf(c) === baseOf(p));
    if (pChange && pChange.direction !== p.direction) continue;
    const printed = p.token.value.abs();
    const h = percentRadius(p.token.scale);
    // most percentages are the amounts' own, rounded: the ratio of the printed amounts is within
    // their range, so one division decides them (the range's corners are four)
    const m = percentMid(current(), pChange, previousFor(p), p.direction!);
    if (m && printed.minus(h).lte(m.mid) && printed.plus(h).gte(m.mid)) continue;
    const r = percentRange(current(), pChange, previousFor(p), p.direction!);
    if (!r) continue;
    if (printed.plus(h).gte(r.min) && printed.minus(h).lte(r.max)) continue;
    // the percentages (percent, expected, actual, difference) are in "%"; change and base in the amount's unit
    const d = Math.max(p.token.scale, 1);
    const expected = r.mid.toDecimalPlaces(d, Decimal.ROUND_HALF_UP);
    fail(
      numberTarget(p),
      'percent',
      {
        unit: '%',
        percent: formatDecimal(p.token.value, p.token.scale),
        expected: expected.toFixed(d),
        actual: formatDecimal(printed, p.token.scale),
        difference: printed.minus(expected).toFixed(d),
        change: show(r.change),
        base: show(r.base),
        amountUnit: unit,
      },
      [...(pChange ? [pChange] : []), ...(previousFor(p) ? [previous!] : [])],
    );
  }
  if (failed > 0) return;
  // A lone "持平" or a lone decrease says nothing the text can be held to without last year's amount.
  const checked = BASES.some((base) => said.filter((x) => x.base === base).length > 1) || (change?.direction === 'up' && !change.token.negative) || percents.length > 0 || changes.some((c) => c.token.negative);
  if (checked) ctx.pass(instance, numberTarget(level));
  else if (previous) ctx.notAssessable(instance, `last year's amount is given but no change against it: ${level.sentence}`, numberTarget(level));
  else ctx.notAssessable(instance, `last year's amount is not given: ${level.sentence}`, numberTarget(level));
}

/** What a comparison is made with: last year's budget, or what was spent of it (预算执行数). */
type Base = 'budget' | 'executed';
const BASES: readonly Base[] = ['budget', 'executed'];
const SENTENCE_END = charSet('。；;！!？?');
const ZHI = '执'.charCodeAt(0);
const XING = '行'.charCodeAt(0);

/**
 * The base of a figure or 持平 at `offset`: 'executed' when its sentence says 执行 before it
 * ("比2022年预算执行数增长"). Read backwards to the sentence's start: linear in the sentence.
 */
function baseBefore(text: string, offset: number): Base {
  for (let i = offset - 1; i > 0; i--) {
    const c = text.charCodeAt(i);
    if (inSet(SENTENCE_END, c)) break;
    if (c === XING && text.charCodeAt(i - 1) === ZHI) return 'executed';
  }
  return 'budget';
}

/** A direction the text states: by a change or percentage, by "持平" (no statement), or by last year's amount. */
interface Said {
  /** 'any': last year's amount, when its rounding interval and this year's overlap; a percentage printed as zero. */
  readonly dir: Direction | 'flat' | 'any';
  readonly s: Statement | undefined;
  readonly previous: boolean;
  /** For "持平": the statement (the amount, a restatement of it, or last year's amount) whose sentence says it. */
  readonly flatOf: Statement | undefined;
  readonly base: Base;
}

/** A direction the text states for certain. */
type DefiniteSaid = Said & { readonly dir: Direction | 'flat' };

function saidText(x: DefiniteSaid): string {
  if (!x.s) return '持平';
  const t = x.s.token;
  return x.previous ? `上年${t.raw}${t.unit}（${DIRECTION_WORD[x.dir].zh}）` : `${x.s.clause.trim().slice(-2)}${t.raw}${t.unit}`;
}

/** The statement whose figure or sentence says it. */
function saidStatement(x: Said): Statement | undefined {
  return x.s ?? x.flatOf;
}

function saidAt(x: Said): Target {
  return x.s ? numberTarget(x.s) : { paragraph: x.flatOf!.paragraph, offset: x.flatOf!.flatAt!, length: 2 };
}

/**
 * change ÷ base × 100 on the printed amounts (the middle of their rounding intervals), with the change
 * and the base: last year's amount where given, else this year − the change. Undefined without either,
 * or when the base is not positive. It lies within percentRange's range (the range of the same ratio
 * over the intervals, which hold their middles).
 */
function percentMid(current: Interval, change: Statement | undefined, previous: Statement | undefined, dir: Direction): { mid: Decimal; change: Decimal; base: Decimal } | undefined {
  let base: Decimal;
  let delta: Decimal;
  if (previous) {
    const pv = statementInterval(previous);
    base = pv.value;
    delta = current.value.minus(pv.value).abs();
  } else if (change) {
    const cv = statementInterval(change);
    base = current.value.plus(cv.value.abs().times(dir === 'up' ? -1 : 1));
    delta = cv.value.abs();
  } else {
    return undefined;
  }
  return base.gt(0) ? { mid: delta.dividedBy(base).times(100), change: delta, base } : undefined;
}

/**
 * The range of change ÷ base × 100 over the rounding intervals of the amounts: the ratio is
 * monotonic in each amount, so its extremes are at the corners. With last year's amount given, that
 * ratio is signed ((this − last) ÷ last): where this year's interval holds last year's amount ("5.1"
 * for 5.05–5.15 against 5.12) its corners straddle zero, and the size of the change may be anything
 * from 0 to the larger corner (the size itself is not monotonic there).
 */
function percentRange(current: Interval, change: Statement | undefined, previous: Statement | undefined, dir: Direction): { min: Decimal; max: Decimal; mid: Decimal; change: Decimal; base: Decimal } | undefined {
  const m = percentMid(current, change, previous, dir);
  if (!m) return undefined;
  const xs = [current.value.minus(current.radius), current.value.plus(current.radius)];
  let f: (x: Decimal, y: Decimal) => Decimal | undefined;
  let ys: Decimal[];
  if (previous) {
    const pv = statementInterval(previous);
    ys = [pv.value.minus(pv.radius), pv.value.plus(pv.radius)];
    f = (x, y) => (y.gt(0) ? x.minus(y).dividedBy(y).times(100) : undefined);
  } else {
    const cv = statementInterval(change!);
    const sign = dir === 'up' ? -1 : 1;
    ys = [cv.value.abs().minus(cv.radius), cv.value.abs().plus(cv.radius)];
    f = (x, y) => {
      const b = x.plus(y.times(sign));
      return b.gt(0) ? y.dividedBy(b).times(100) : undefined;
    };
  }
  const corners: Decimal[] = [];
  for (const x of xs) {
    for (const y of ys) {
      const v = f(x, y.lt(0) ? ZERO : y);
      if (v === undefined) return undefined;
      corners.push(v);
    }
  }
  const { mid, change: delta, base } = m;
  let min = Decimal.min(...corners);
  let max = Decimal.max(...corners);
  if (previous) {
    // the signed corners, as sizes: 0 when they straddle zero
    const [lo, hi] = [min, max];
    min = lo.lte(0) && hi.gte(0) ? ZERO : Decimal.min(lo.abs(), hi.abs());
    max = Decimal.max(lo.abs(), hi.abs());
  }
  return { min, max, mid, change: delta, base };
}
