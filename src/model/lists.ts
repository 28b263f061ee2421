/**
 * The model's lists (tables, rows, columns, notes, parts, issues…) are all built here, so that each
 * is one kind of array whichever tier of the engine built it and whether it is empty or not. V8 tells
 * a packed array from a holey one, and an empty literal (an array for small integers) from an array
 * of objects, by their hidden classes: map() gives a packed array as the built-in and a holey one when
 * its caller runs optimised, `[]` stays an array for small integers until an object is pushed (or
 * not, in optimised code that has seen objects pushed), and the code that loops over the lists meets
 * every variant and is compiled again for each.
 */

const PLACEHOLDER = {};

/** A new empty array of the kind a pushed list of objects (or strings) is. */
export function objectList<T>(): T[] {
  const list = [PLACEHOLDER] as unknown as T[];
  list.length = 0;
  return list;
}

/** `items.map(f)`, as an objectList. */
export function packedMap<T, U>(items: readonly T[], f: (item: T, index: number) => U): U[] {
  const out = objectList<U>();
  for (let i = 0; i < items.length; i++) out.push(f(items[i]!, i));
  return out;
}

/** `items.filter(keep)`, as an objectList (an empty filter() result is an array for small integers). */
export function packedFilter<T>(items: readonly T[], keep: (item: T) => boolean): T[] {
  const out = objectList<T>();
  for (let i = 0; i < items.length; i++) if (keep(items[i]!)) out.push(items[i]!);
  return out;
}
