import { UNIT_FACTOR, type Unit } from '../model/amount.js';
import { Decimal, ZERO } from '../model/decimal.js';
import { compareIntervals, radiusOf } from '../engine/interval.js';
import { printedValue, type LinkedValue } from './link.js';
import { inUnitOf } from './unit-math.js';
import { roundsToFixed, roundsToPrinted } from './printed-rounding.js';
import type { NumberToken } from './numbers.js';

/**
 * How a narrative amount relates to the table value it restates. 'zero': a bare "0万元" (no decimals)
 * against a table value that is not zero but rounds to it (0.36万元).
 */
export type RestatementOutcome = 'pass' | 'truncated' | 'mismatch' | 'exceeds' | 'zero';

export interface RestatementComparison {
  readonly outcome: RestatementOutcome;
  /** The table value in the narrative's unit, exact. */
  readonly tableValue: Decimal;
  /** The table value rounded half-up to the narrative's decimals: what the text should say. */
  readonly expected: Decimal;
  /** The table value cut off at the narrative's decimals. */
  readonly truncated: Decimal;
  /** Narrative − expected, in the narrative's unit. */
  readonly difference: Decimal;
}

/**
 * Compares a narrative amount (value printed with `scale` decimals in `unit`) with a table value
 * (DOMAIN.md §5): equal to the table value converted and rounded half-up (四舍五入) → pass; equal to
 * the truncated value instead → 'truncated'; otherwise 'mismatch'. When the table itself is rounded
 * more coarsely than the text (a 万元 table with fewer decimals), the two printed values are compared
 * as intervals instead.
 */
export function compareRestatement(value: Decimal, scale: number, unit: Unit, table: LinkedValue): RestatementComparison {
  return restatement(value, scale, unit, table);
}

/**
 * compareRestatement of a narrative amount (compareAtMost when `atMost`). Most amounts are the table
 * value rounded half-up, which roundsToFixed tells from the digits of a one-cell link's printed cell
 * (roundsToPrinted from a sum's value): they pass either way (an amount equal to the rounded value is
 * not above it), and their Decimal (and the cell's value in 元) is then not read.
 * tests/narrative/compare-token.test.ts compares it with the plain functions.
 */
export function compareToken(token: NumberToken, table: LinkedValue, atMost: boolean): RestatementComparison {
  const unit = token.unit as Unit;
  if (!atMost && token.zero && token.scale === 0) return restatement(token.value, 0, unit, table);
  // a cell's printed digits decide without its Decimal (made and printed back to digits otherwise)
  const printed = printedValue(table);
  const rounds = printed !== undefined ? roundsToFixed(token.raw, token.scale, unit, printed, table.unit) : roundsToPrinted(token.raw, token.scale, unit, table.value);
  if (rounds === true) return new Comparison('pass', token, token.scale, unit, table);
  return atMost ? compareAtMost(token.value, token.scale, unit, table) : restatement(token.value, token.scale, unit, table);
}

function restatement(value: Decimal, scale: number, unit: Unit, table: LinkedValue): Comparison {
  const tableValue = inUnitOf(table.value, unit);
  const expected = tableValue.toDecimalPlaces(scale, Decimal.ROUND_HALF_UP);
  const amount = { value };
  if (value.eq(expected)) {
    // a bare "0" says there is nothing, as in a breakdown (README): not a figure rounded down to 0
    const nothing = scale === 0 && unit !== '元' && value.isZero() && !tableValue.isZero();
    return new Comparison(nothing ? 'zero' : 'pass', amount, scale, unit, table, tableValue, expected);
  }
  if (tableCoarser(scale, unit, table)) {
    const agree = compareIntervals({ value: value.times(UNIT_FACTOR[unit]), radius: radiusOf(scale, unit) }, { value: table.value, radius: tableRadius(table) });
    if (agree !== 'mismatch') return new Comparison('pass', amount, scale, unit, table, tableValue, expected);
  }
  const c = new Comparison('mismatch', amount, scale, unit, table, tableValue, expected);
  return value.eq(c.truncated) ? c.withOutcome('truncated') : c;
}

/**
 * A comparison whose values are only computed when asked for: most amounts pass (decided on their
 * digits), and only a finding's message or the explanation reads them.
 */
class Comparison implements RestatementComparison {
  private truncatedValue: Decimal | undefined = undefined;
  constructor(
    readonly outcome: RestatementOutcome,
    /** The narrative amount (a token reads its Decimal when first asked for). */
    private readonly amount: { readonly value: Decimal },
    private readonly scale: number,
    private readonly unit: Unit,
    private readonly table: LinkedValue,
    private tableValueInUnit: Decimal | undefined = undefined,
    private expectedValue: Decimal | undefined = undefined,
  ) {}
  get tableValue(): Decimal {
    return (this.tableValueInUnit ??= inUnitOf(this.table.value, this.unit));
  }
  get expected(): Decimal {
    return (this.expectedValue ??= this.tableValue.toDecimalPlaces(this.scale, Decimal.ROUND_HALF_UP));
  }
  get truncated(): Decimal {
    return (this.truncatedValue ??= this.tableValue.toDecimalPlaces(this.scale, Decimal.ROUND_DOWN));
  }
  get difference(): Decimal {
    return this.amount.value.minus(this.expected);
  }
  withOutcome(outcome: RestatementOutcome): Comparison {
    return new Comparison(outcome, this.amount, this.scale, this.unit, this.table, this.tableValueInUnit, this.expectedValue);
  }
}

/**
 * How far (in 元) the exact value may be from the table value: 元 cells are exact; each 万元 cell
 * carries ±½ of its last printed digit, so a sum of several carries the sum of theirs.
 */
function tableRadius(table: LinkedValue): Decimal {
  return table.unit === '元' ? ZERO : radiusOf(table.scale, table.unit).times(Math.max(1, table.cells.length));
}

/**
 * True when the table's own rounding is coarser than the narrative's printed precision: a 万元 table
 * with fewer decimals, or a sum of several 万元 cells (2688.18 + 507.12 may stand for 3195.31).
 */
function tableCoarser(scale: number, unit: Unit, table: LinkedValue): boolean {
  if (table.unit === '元') return false;
  return tableRadius(table).gt(radiusOf(scale, unit));
}

/**
 * For amounts that are a part of a table value rather than a restatement of it (绩效目标 project money
 * covers the projects with targets, often fewer than all of T3 项目支出): pass when the narrative value
 * is at most the table value rounded half-up to its decimals, else 'exceeds'.
 */
export function compareAtMost(value: Decimal, scale: number, unit: Unit, table: LinkedValue): RestatementComparison {
  const c = restatement(value, scale, unit, table);
  return c.withOutcome(value.lte(c.expected) ? 'pass' : 'exceeds');
}
