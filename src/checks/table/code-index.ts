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

/** The first row of each code, of any level or none, as its index in table.rows (for the value references). */
export const firstRowOfAnyCode = oncePer((table: Table): ReadonlyMap<string, number> => {
  const m = new Map<string, number>();
  const rows = table.rows;
  for (let i = 0; i < rows.length; i++) {
    const code = rows[i]!.code;
    if (code !== undefined && !m.has(code)) m.set(code, i);
  }
  return m;
});

function firstRowOfEachCode(table: Table, levels?: readonly CodeLevel[]): Map<string, number> {
  const m = new Map<string, number>();
  const rows = table.rows;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.code && r.level && (!levels || levels.includes(r.level)) && !m.has(r.code)) m.set(r.code, i);
  }
  return m;
}

/**
 * Groups coded rows under the rows they add up to: each row under its nearest present ancestor
 * (so an item whose 款 row is missing still counts toward its 类), top-level rows under 'total'.
 * Rows are given by their index in table.rows; only the first row of each code with a level takes
 * part, in document order. Linear in the number of rows.
 */
export function childrenByParent(table: Table): Map<string, number[]> {
  const firstOfCode = rowIndexByCode(table);
  const groups = new Map<string, number[]>();
  // the codes before this one that it extends, longest last: in the templates' order (each 类
  // before its 款, each 款 before its 项) the last of them is the code two digits shorter, the
  // nearest ancestor, found without cutting the code's prefixes and looking each up
  const enclosing: string[] = [];
  for (const [c, i] of firstOfCode) {
    while (enclosing.length > 0 && !c.startsWith(enclosing[enclosing.length - 1]!)) enclosing.pop();
    const last = enclosing.length > 0 ? enclosing[enclosing.length - 1]! : undefined;
    let parent = 'total';
    if (last !== undefined && last.length === c.length - 2 && last.length >= 3) parent = last;
    else {
      for (let len = c.length - 2; len >= 3; len -= 2) {
        const prefix = c.slice(0, len);
        if (firstOfCode.has(prefix)) {
          parent = prefix;
          break;
        }
      }
    }
    enclosing.push(c);
    const g = groups.get(parent);
    if (g === undefined) groups.set(parent, [i]);
    else g.push(i);
  }
  return groups;
}

/**
 * The codes of either table in code-unit order: the left table's, then the right one's it lacks,
 * sorted only when out of order (tables list their codes in the templates' order, which is that
 * order: each code before the longer codes it starts).
 */
export function codesOfBoth(left: ReadonlyMap<string, number>, right: ReadonlyMap<string, number>): string[] {
  const codes: string[] = [];
  for (const code of left.keys()) codes.push(code);
  for (const code of right.keys()) if (!left.has(code)) codes.push(code);
  for (let i = 1; i < codes.length; i++) if (codes[i - 1]! > codes[i]!) return codes.sort();
  return codes;
}
