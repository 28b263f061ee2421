import type { CheckContext } from '../../engine/define-check.js';
import { compareIntervals, decimalsEqual, lessOrEqual, plusDecimal, printedYuan, sumOf, type Interval } from '../../engine/interval.js';
import { ZERO, type Decimal } from '../../model/decimal.js';
import type { Cell, Column, Row } from '../../model/document.js';
import { ExactSum } from './exact-sum.js';
import { isUnreadable, relatedOf, scaleFor, show, targetOf, unitOf, type Participant } from './values.js';

export type Relation = 'eq' | 'le' | 'ge';

/**
 * Compares a printed value (`actual`) with the value its parts imply (`expected` = Σ parts) and
 * reports the outcome of one rule instance: pass; an info note when only rounding separates them;
 * otherwise a mismatch carrying expected, actual and difference in the actual value's unit.
 */
export function compareAndReport(
  ctx: CheckContext<unknown>,
  instance: string,
  actual: Participant,
  parts: readonly Participant[],
  relation: Relation = 'eq',
  extra?: Readonly<Record<string, string>>,
): void {
  const unreadable = isUnreadable(actual) ? actual : firstUnreadable(parts);
  if (unreadable) {
    ctx.notAssessable(instance, `${unreadable.label} is not a readable amount`, targetOf(unreadable));
    return;
  }
  const at = targetOf(actual);
  // most identities hold on the printed values: tested exactly on the digit words where the amounts
  // allow it (no Decimal), else on Decimal sums; the radii are summed only when they do not hold
  const settled = holdsOnPrintedWords(relation, actual, parts);
  if (settled === true) {
    ctx.pass(instance, at);
    return;
  }
  const expectedValue = sumOf(parts, (p) => p.interval.value);
  if (settled === undefined && holdsOnPrintedValues(relation, actual.interval, expectedValue, parts)) {
    ctx.pass(instance, at);
    return;
  }
  const expected: Interval = { value: expectedValue, radius: sumOf(parts, (p) => p.interval.radius) };
  let verdict: 'pass' | 'belowParts' | 'exceeds' | 'rounding' | 'mismatch';
  if (relation === 'ge') {
    // actual ≥ Σ parts (e.g. T3 per code ≥ T5 + T6 + T7)
    verdict = lessOrEqual(expected, actual.interval) ? 'pass' : 'belowParts';
  } else if (relation === 'le') {
    // actual ≤ expected (e.g. 30217 公务接待费 ≤ 三公 公务接待费)
    verdict = lessOrEqual(actual.interval, expected) ? 'pass' : 'exceeds';
  } else {
    const agreement = compareIntervals(actual.interval, expected);
    verdict = agreement === 'equal' ? 'pass' : agreement === 'rounding' ? 'rounding' : 'mismatch';
  }
  if (verdict === 'pass') {
    ctx.pass(instance, at);
    return;
  }
  // messages and related values are built only for a finding (most instances pass)
  const unit = unitOf(actual);
  const scale = scaleFor(unit, [actual, ...parts]);
  const data = {
    ...extra,
    expected: show(expected.value, unit, scale),
    actual: show(actual.interval.value, unit, scale),
    difference: show(actual.interval.value.minus(expected.value), unit, scale),
    unit,
    subject: actual.label,
  };
  const related = parts.map(relatedOf);
  ctx.report({ instance, messageId: verdict, data, at, related, ...(verdict === 'rounding' ? { severity: 'info' as const } : {}) });
}

/** The first part that is not a readable amount, if any. */
function firstUnreadable(parts: readonly Participant[]): Participant | undefined {
  for (let i = 0; i < parts.length; i++) if (isUnreadable(parts[i]!)) return parts[i];
  return undefined;
}

/**
 * Whether the cell `whole` = Σ the cells of `rows` in `column` on the printed values, every cell
 * readable (a missing cell is blank): the first test of compareAndReport (relation eq), which then
 * passes. A check that sums many cells calls this before building a participant per cell; false
 * means "ask compareAndReport", never a finding by itself.
 */
export function columnSumHoldsOnPrintedValues(whole: Cell | undefined, rows: readonly Row[], column: Column): boolean {
  const key = column.key;
  for (let i = 0; i < rows.length; i++) partCells[i] = rows[i]!.cells[key];
  return partsSumTo(whole, rows.length);
}

/** As columnSumHoldsOnPrintedValues, for the cells of one row in `columns`. */
export function rowSumHoldsOnPrintedValues(whole: Cell | undefined, row: Row, columns: readonly Column[]): boolean {
  for (let i = 0; i < columns.length; i++) partCells[i] = row.cells[columns[i]!.key];
  return partsSumTo(whole, columns.length);
}

/**
 * The cells of the parts of the sum being tested (undefined: missing), gathered by the two functions
 * above into the first `count` slots; the array keeps its room from one sum to the next.
 */
const partCells: Array<Cell | undefined> = [];

/** Whether `whole` = Σ the first `count` partCells on the printed values, every cell readable; clears those slots. */
function partsSumTo(whole: Cell | undefined, count: number): boolean {
  try {
    if (whole?.invalid === true) return false;
    // exactly on the digit words first (no Decimal per cell); Decimal sums for amounts out of its range
    const difference = exactSum;
    difference.reset();
    difference.add(whole?.amount, 1);
    for (let i = 0; i < count; i++) {
      const cell = partCells[i];
      if (cell === undefined) continue;
      if (cell.invalid === true) return false;
      difference.add(cell.amount, -1);
    }
    const sign = difference.sign();
    if (sign !== undefined) return sign === 0;
    let sum: Decimal | undefined;
    for (let i = 0; i < count; i++) {
      const cell = partCells[i];
      if (cell !== undefined) sum = plusPrinted(sum, cell);
    }
    return printedValueIs(whole, sum);
  } finally {
    // the cells belong to a document: not kept past the test
    for (let i = 0; i < count; i++) partCells[i] = undefined;
  }
}

/** The whole minus its parts, for partsSumTo (one sum at a time: checks run synchronously). */
const exactSum = new ExactSum();

/** Whether the printed value of `whole` (blank: zero) is `sum` (undefined: zero). */
function printedValueIs(whole: Cell | undefined, sum: Decimal | undefined): boolean {
  return decimalsEqual(printedYuan(whole?.amount), sum ?? ZERO);
}

/**
 * Whether `whole` relates to the printed sum of its parts as compareAndReport's first test decides
 * it, which then passes: `difference` holds whole − Σ parts (ExactSum), every cell readable. False
 * means "ask compareAndReport" (also for amounts ExactSum does not take), never a finding by itself.
 * Not for `le` (that test needs to know whether every part is exact).
 */
export function differenceSettles(relation: 'eq' | 'ge', whole: Cell | undefined, difference: ExactSum): boolean {
  const sign = difference.sign();
  if (sign === undefined) return false;
  if (relation === 'eq') return sign === 0;
  // an interval with a radius (a value in 万元 or 亿元) is not settled by its printed value
  const amount = whole?.amount;
  return sign >= 0 && (!amount || amount.unit === '元');
}

/**
 * holdsOnPrintedValues on exact sums of the printed digit words: undefined when an amount is out of
 * ExactSum's range (then Decimal decides). A participant that is not blank stands for its cell's amount.
 */
function holdsOnPrintedWords(relation: Relation, actual: Participant, parts: readonly Participant[]): boolean | undefined {
  const difference = exactSum;
  difference.reset();
  if (!actual.blank) difference.add(actual.cell?.amount, 1);
  for (let i = 0; i < parts.length; i++) if (!parts[i]!.blank) difference.add(parts[i]!.cell?.amount, -1);
  const sign = difference.sign();
  if (sign === undefined) return undefined;
  if (relation === 'eq') return sign === 0;
  if (relation === 'le') return sign <= 0 && allExact(parts);
  return sign >= 0 && actual.interval.radius.isZero();
}

/** sum + the cell's printed value in 元, as sumOf adds (zeros skipped; undefined for zero). */
function plusPrinted(sum: Decimal | undefined, cell: Cell): Decimal | undefined {
  const value = printedYuan(cell.amount);
  return value.isZero() ? sum : plusDecimal(sum, value);
}

/**
 * The relation on the printed values alone, when that settles it: equal values are equal intervals,
 * and a ≤ b holds under rounding too when b is exact (a's interval reaches below its value, and
 * rounding to the working precision keeps the order).
 */
function holdsOnPrintedValues(relation: Relation, actual: Interval, expectedValue: Decimal, parts: readonly Participant[]): boolean {
  if (relation === 'eq') return decimalsEqual(actual.value, expectedValue);
  if (relation === 'le') return allExact(parts) && actual.value.lte(expectedValue);
  return actual.radius.isZero() && expectedValue.lte(actual.value);
}

function allExact(parts: readonly Participant[]): boolean {
  for (let i = 0; i < parts.length; i++) if (!parts[i]!.interval.radius.isZero()) return false;
  return true;
}

/** The usual messages of comparison checks; checks spread these into their meta.messages. */
export const COMPARISON_MESSAGES = {
  mismatch: {
    zh: '{subject} 为 {actual}{unit}，应为 {expected}{unit}（差额 {difference}{unit}）',
    en: '{subject} is {actual} {unit} but should be {expected} {unit} (difference {difference} {unit})',
  },
  rounding: {
    zh: '{subject} 为 {actual}{unit}，按明细合计为 {expected}{unit}，差额 {difference}{unit} 可由四舍五入解释',
    en: '{subject} is {actual} {unit}; its items add up to {expected} {unit}; the difference {difference} {unit} is explained by rounding',
  },
  belowParts: {
    zh: '{subject} 为 {actual}{unit}，小于其组成部分之和 {expected}{unit}（差额 {difference}{unit}）',
    en: '{subject} is {actual} {unit}, less than its parts, which add up to {expected} {unit} (difference {difference} {unit})',
  },
  exceeds: {
    zh: '{subject} 为 {actual}{unit}，超过了上限 {expected}{unit}（超出 {difference}{unit}）',
    en: '{subject} is {actual} {unit}, more than its limit {expected} {unit} (by {difference} {unit})',
  },
} as const;
