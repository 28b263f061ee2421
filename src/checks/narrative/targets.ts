import { formatDecimal, UNIT_FACTOR, type Unit } from '../../model/amount.js';
import type { Decimal } from '../../model/decimal.js';
import type { RelatedTarget, Target } from '../../engine/define-check.js';
import type { CellRef } from '../../narrative/link.js';
import type { Statement } from '../../narrative/statements.js';
import { subjectLabel } from '../../narrative/subjects.js';

/** The exact number of a statement in its paragraph (line and column of its first character). */
export function numberTarget(s: Statement): Target {
  return { paragraph: s.paragraph, offset: s.token.offset, length: s.token.numberLength };
}

/** A table cell as a related value, printed in the narrative's unit. */
export function cellRelated(c: CellRef, unit: Unit): RelatedTarget {
  return {
    at: { table: c.table, row: c.row, column: c.column, ...(c.cell ? { cell: c.cell } : {}) },
    label: c.label,
    value: formatDecimal(c.value.dividedBy(UNIT_FACTOR[unit])),
    unit,
  };
}

/** Another narrative number as a related value. */
export function statementRelated(s: Statement, label?: string): RelatedTarget {
  return {
    at: numberTarget(s),
    label: label ?? (s.subject ? subjectLabel(s.subject) : s.clause.trim() || s.token.raw),
    value: formatDecimal(s.token.value, s.token.scale),
    unit: s.token.unit,
  };
}

/** The statement's subject for messages: its label, else the words before it without a list number ("2. "). */
export function subjectText(s: Statement): string {
  return s.subject ? subjectLabel(s.subject) : s.clause.trim().replace(/^(\d{1,2}[.、．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)\s*/, '');
}

/** Prints a value with at least `scale` decimals. */
export function show(v: Decimal, scale: number): string {
  return formatDecimal(v, scale);
}
