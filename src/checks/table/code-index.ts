import type { CodeLevel, Table } from '../../model/document.js';
import { oncePer } from '../../memo.js';

/**
 * The first row of each code with a level (duplicates are reported by the structure rules), as its
 * index in table.rows, by code in document order; `levels`: only rows of these levels. Rows are
 * given by index so that the checks can read their cells from fenColumns. Do not modify the map.
 */
export function rowIndexByCode(table: Table, levels?: readonly CodeLevel[]): ReadonlyMap<string, number> {
  if (levels !== undefined) return firstRowOfEachCode(table, levels);
  // the hierarchy sums and the cross-table rules index the same tables by every code: built once per table
  return firstRowOfEveryCode(table);
}

const firstRowOfEveryCode = oncePer((table: Table): ReadonlyMap<string, number> => firstRowOfEachCode(table));

function firstRowOfEachCode(table: Table, levels?: readonly CodeLevel[]): Map<string, number> {
  const m = new Map<string, number>();
  const rows = table.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.code && r.level && (!levels || levels.includes(r.level)) && !m.has(r.code)) m.set(r.code, i);
  }
  return m;
}
