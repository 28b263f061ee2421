import { formatDecimal, type Unit } from '../../model/amount.js';
import type { RelatedTarget, Target } from '../../engine/define-check.js';
import { inUnit } from '../../engine/interval.js';
import type { Decimal } from '../../model/decimal.js';
import { unitOfCell, type CellValue } from '../../expression/evaluate.js';

/** Where a cell's finding points. */
export function targetOf(c: CellValue): Target {
  return { table: c.table, row: c.row, column: c.column, ...(c.cell ? { cell: c.cell } : {}) };
}

/** Identity of a cell, to list each participating cell once. */
export function cellKey(c: CellValue): string {
  return `${c.table.id}\u0000${c.row.location.line ?? ''}\u0000${c.row.code ?? c.row.label ?? c.row.name}\u0000${c.column.key}`;
}

/** A participating cell with its printed value and unit. */
export function relatedOf(c: CellValue): RelatedTarget {
  const a = c.cell?.amount;
  return { at: targetOf(c), label: c.label, value: a ? formatDecimal(a.value, a.scale) : '(blank)', unit: unitOfCell(c) };
}

/** Decimals shown beyond the printed scale, for values divided by a constant (1/3 does not end). */
const EXTRA_DECIMALS = 6;

/** A 元 value printed in `unit` with at least `scale` decimals (and at most EXTRA_DECIMALS more). */
export function show(valueYuan: Decimal, unit: Unit, scale: number): string {
  const v = inUnit(valueYuan, unit);
  return formatDecimal(v.decimalPlaces() > scale + EXTRA_DECIMALS ? v.toDecimalPlaces(scale + EXTRA_DECIMALS) : v, scale);
}

/** The text of a span of the expression (for messages). */
export function sourceOf(text: string, span: { start: number; end: number }): string {
  return Array.from(text)
    .slice(span.start - 1, span.end - 1)
    .join('')
    .trim();
}

