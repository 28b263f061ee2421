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
  const order: number[] = [];
  for (let i = 0; i < all.length; i++) {
    keys.push(rowKey(all[i]!));
    order.push(i);
  }
  // Array#sort is stable: rows of one key keep their order
  order.sort((a, b) => compareKeys(keys[a]!, keys[b]!));
  const rows = objectList<Row>();
  const prefixes = objectList<string>();
  const tablePrefix = `${table.id}:`;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    rows.push(all[i]!);
    prefixes.push(`${tablePrefix}${keys[i]!}:`);
  }
  return { rows, prefixes };
});
