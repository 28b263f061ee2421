/**
 * items.map(fn), as an array built by push. The array that Array.prototype.map returns once its
 * caller is optimised has holey elements, the one the unoptimised builtin returns packed ones: a
 * function that receives both meets two hidden classes and is deoptimised when the second appears.
 * Arrays that flow into other functions (participants, rows, columns, keys) are built here instead.
 */
export function packedMap<T, U>(items: readonly T[], fn: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) out.push(fn(items[i]!, i));
  return out;
}
