import type { Amount, Unit } from '../../model/amount.js';
import type { Cell, Table } from '../../model/document.js';
import { oncePer } from '../../memo.js';

/**
 * Printed amounts as whole numbers of 分 (0.01 元) in plain JavaScript numbers, for the sums that
 * several rules test on the same cells (a coded table's cells are summed by the hierarchy sums, the
 * row equations, …): each cell is read once per document instead of once per sum, and a sum is
 * then a few additions of numbers. Only amounts that are whole in 分 and at most FEN_LIMIT (2^43,
 * ≈ 880 亿元) are taken, in sums of at most MAX_TERMS terms (the callers keep to it: fenColumns
 * does not take a table of MAX_TERMS rows or more, the row equations and the funding splits do not
 * test a sum of more terms here): every partial sum stays an integer of magnitude at most 2^53, so
 * the additions are exact, and a sum is zero exactly when the Decimal sum of the printed values is.
 * Anything else is NaN, and NaN makes the fast test fail: the caller then tests the sum the plain
 * way (compare.ts), which also handles blank and unreadable cells.
 */

/** Largest amount taken, in 分 (2^43): MAX_TERMS of them add up to at most 2^53. */
const FEN_LIMIT = 2 ** 43;
/** The most terms a sum tested here may have (1 024 · 2^43 = 2^53, still exact). */
export const MAX_TERMS = 1_024;

/** 10^p for p in 0..22, all exact in a double. */
const POWERS_OF_TEN: readonly number[] = Array.from({ length: 23 }, (_, p) => 10 ** p);
/** 10^p for p in 0..6 as small integers (an array of small integers: the remainder by one is integer arithmetic). */
const SMALL_POWERS_OF_TEN: readonly number[] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/** The exponent of 10 of one 分 in a unit: 1 元 = 10^2 分 (compared, not looked up: a keyed load by a unit name is slower). */
function fenDigits(unit: Unit): number {
  return unit === '元' ? 2 : unit === '万元' ? 6 : 10;
}

/**
 * The cell's printed value in 分: 0 for a missing or blank cell, NaN for an unreadable cell or an
 * amount this module does not take.
 */
export function fenOfCell(cell: Cell | undefined): number {
  if (cell === undefined) return 0;
  if (cell.invalid === true) return Number.NaN;
  return cell.amount === null ? 0 : fenOf(cell.amount);
}

/**
 * The amount in 分, exactly, or NaN. decimal.js keeps |value| as words below 10^7, word i standing for
 * d[i] · 10^(7·(⌊e/7⌋ − i)) (see ExactSum).
 */
export function fenOf(amount: Amount): number {
  const { d, e, s } = amount.value;
  if (!d) return Number.NaN;
  const shift = fenDigits(amount.unit) + 7 * Math.floor(e / 7);
  let fen = 0;
  for (let i = 0; i < d.length; i++) {
    const word = d[i]!;
    if (word === 0) continue;
    const p = shift - 7 * i;
    let term: number;
    if (p >= 0) {
      if (p >= POWERS_OF_TEN.length) return Number.NaN;
      term = word * POWERS_OF_TEN[p]!;
    } else {
      // a fraction of a 分 is not taken; a word that divides evenly gives an exact quotient
      if (p < -6) return Number.NaN;
      const divisor = SMALL_POWERS_OF_TEN[-p]!;
      if (word % divisor !== 0) return Number.NaN;
      term = word / divisor;
    }
    // a product above 2^53 may be rounded, but stays above the limit
    fen += term;
    if (fen > FEN_LIMIT) return Number.NaN;
  }
  return s < 0 ? -fen : fen;
}

/**
 * A table's cells in 分 (fenOfCell), column after column in the order of table.columns: the cell of
 * column c and row r is at c · rows + r. Every value is NaN when the table has too many rows for its
 * sums to be exact here.
 */
export const fenColumns = oncePer((table: Table): Float64Array => {
  const { rows, columns } = table;
  const values = new Float64Array(rows.length * columns.length);
  if (rows.length >= MAX_TERMS) return values.fill(Number.NaN);
  for (let c = 0; c < columns.length; c++) {
    const key = columns[c]!.key;
    const base = c * rows.length;
    for (let r = 0; r < rows.length; r++) values[base + r] = fenOfCell(rows[r]!.cells[key]);
  }
  return values;
});

/**
 * Whether a whole relates to its parts as compareAndReport decides it, which then passes, from
 * `difference` = whole − Σ parts in 分 (NaN: not taken; every cell readable otherwise). For `ge`
 * (whole ≥ Σ parts under rounding) a difference ≥ 0 passes whatever the units: lessOrEqual compares
 * the lowest value of the parts' interval, at most their printed sum, with the highest of the
 * whole's, at least its printed value (strictly above when the whole has a radius, as the half-open
 * intervals require); amounts taken here are short enough for every Decimal operation of that test
 * to be exact.
 */
export function fenDifferenceSettles(relation: 'eq' | 'ge', difference: number): boolean {
  return relation === 'eq' ? difference === 0 : difference >= 0;
}
