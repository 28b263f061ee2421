import { rowKey, type Row, type Table } from '../../model/document.js';
import { objectList } from '../../model/lists.js';
import { oncePer } from '../../memo.js';

/**
 * Table checks name instances `${prefix}${key}:${rest}` (a code or line label, then a column). The
 * engine appends a rule's outcomes as recorded while their instances come in code-unit order and
 * sorts them otherwise, which costs string comparisons of long instances; so checks visit keys in
 * the order of `${key}:`. The order only saves work: the engine sorts whatever comes out of order.
 */

/** The order of `${a}:` and `${b}:` without building them (a key that is a prefix of the other is followed by ':'). */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  if (b.startsWith(a)) return ':' <= b[a.length]! ? -1 : 1;
  if (a.startsWith(b)) return a[b.length]! < ':' ? -1 : 1;
  return a < b ? -1 : 1;
}

/** A table's rows in the order of their keys (rowKey), and the instance prefix `${table.id}:${key}:` of each. */
export interface RowsInKeyOrder {
  readonly rows: readonly Row[];
  /** The index in table.rows of each row of `rows`. */
  readonly indexes: readonly number[];
  readonly prefixes: readonly string[];
}

/**
 * The rows of `table` in the order of `${rowKey(row)}:` (rows of one key in document order), with
 * their instance prefixes: built once per table for the rules that name instances by row (row
 * equations and hierarchy sums visit the same tables), instead of a sort and a prefix per rule.
 */
export const rowsInKeyOrder = oncePer((table: Table): RowsInKeyOrder => {
  const all = table.rows;
  const keys: string[] = [];
  const byRow: string[] = [];
  const tablePrefix = `${table.id}:`;
  for (let i = 0; i < all.length; i++) {
    const key = rowKey(all[i]!);
    keys.push(key);
    // the prefixes share `${table.id}:`, so they compare as `${key}:` do
    byRow.push(`${tablePrefix}${key}:`);
  }
  const order = childrenFirst(keys);
  if (!inOrder(order, byRow)) order.sort((a, b) => (byRow[a]! < byRow[b]! ? -1 : byRow[a]! > byRow[b]! ? 1 : a - b));
  const rows = objectList<Row>();
  const prefixes = objectList<string>();
  for (let k = 0; k < order.length; k++) {
    rows.push(all[order[k]!]!);
    prefixes.push(byRow[order[k]!]!);
  }
  return { rows, indexes: order, prefixes };
});

/**
 * The rows (indexes) with every row after the rows whose keys extend its key: the order of the keys
 * when the table lists codes as the templates do, each 类 before its 款 and each 款 before its 项, in
 * ascending order (`${key}:` sorts a code after the longer codes it starts, ':' being above the
 * digits). One pass, where a sort makes several comparisons per row; inOrder tells whether it holds.
 */
function childrenFirst(keys: readonly string[]): number[] {
  const order: number[] = [];
  const open: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    while (open.length > 0 && !key.startsWith(keys[open[open.length - 1]!]!)) order.push(open.pop()!);
    open.push(i);
  }
  while (open.length > 0) order.push(open.pop()!);
  return order;
}

/** Whether `order` lists the rows by prefix, rows of one prefix in document order. */
function inOrder(order: readonly number[], byRow: readonly string[]): boolean {
  for (let k = 1; k < order.length; k++) {
    const a = byRow[order[k - 1]!]!;
    const b = byRow[order[k]!]!;
    if (a > b || (a === b && order[k - 1]! > order[k]!)) return false;
  }
  return true;
}
