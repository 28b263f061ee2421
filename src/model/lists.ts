/**
 * The model's lists (tables, rows, columns, notes, parts, issues…) are objectLists filled by push,
 * so that each is one kind of array whichever tier of the engine built it and whether it is empty or
 * not. V8 tells a packed array from a holey one, and an empty literal (an array for small integers)
 * from an array of objects, by their hidden classes: map() gives a packed array as the built-in and
 * a holey one when its caller runs optimised, `[]` and filter() give an array for small integers
 * while nothing is pushed (an optimised `[]` may not), and the code that loops over the lists met
 * every variant and was compiled again for each. Each list is pushed in a loop of its own: a shared
 * helper taking a callback would call it megamorphically wherever it is not inlined.
 */

/** An empty array that has held an object: its copies are arrays for objects from the start. */
const NO_OBJECTS: unknown[] = [{}];
NO_OBJECTS.length = 0;

/** A new empty array of the kind a pushed list of objects (or strings) is. */
export function objectList<T>(): T[] {
  return NO_OBJECTS.slice() as T[];
}

/**
 * items.map(fn) as an objectList built by push: an array that flows into other functions (participants,
 * rows, columns, keys) is then of one kind whoever built it (see above). Where a call site of its own
 * matters more (the parsers' hot loops), a loop of its own is better: `fn` is called megamorphically
 * wherever this is not inlined.
 */
export function packedMap<T, U>(items: readonly T[], fn: (item: T, index: number) => U): U[] {
  const out = objectList<U>();
  for (let i = 0; i < items.length; i++) out.push(fn(items[i]!, i));
  return out;
}
