import type { Row, Table } from '../../model/document.js';
import { toHalfWidth } from '../../model/amount.js';
import { oncePer } from '../../memo.js';

/**
 * How a line of a summary table (T1, T4) reads: a total, a numbered line (一、), a numbered sub-line
 * (1. or （一）), a plain line, or one without a label.
 */
export type LineKind = 'total' | 'top' | 'sub' | 'plain' | 'unlabelled';

const TOP = /^[一二三四五六七八九十]+[、.．]/;
const SUB = /^(\d{1,2}\s*[.、．]|[（(][一二三四五六七八九十\d]{1,3}[）)])/;

function lineKind(row: Row): LineKind {
  if (row.isTotal) return 'total';
  const label = toHalfWidth(row.label ?? row.name).trim();
  if (label === '') return 'unlabelled';
  if (TOP.test(label)) return 'top';
  if (SUB.test(label)) return 'sub';
  return 'plain';
}

/**
 * The kind of each row of `table`, in row order: read once per table for the summary-line sums and
 * the line matches, which read the same T1 and T4 lines several times each.
 */
export const lineKinds = oncePer((table: Table): readonly LineKind[] => {
  const kinds: LineKind[] = [];
  for (const row of table.rows) kinds.push(lineKind(row));
  return kinds;
});
