/**
 * The order in which a catalog rule records its passed instances. The engine appends an outcome whose
 * instance sorts after the previous one; an instance out of order makes it index every outcome by
 * instance and sort them at the end. The outcomes are the same either way (they are listed by
 * instance), so the rules record their passes in ascending instance order, found here once per
 * document without sorting in the usual case.
 */

/**
 * Appends the indices from..to-1 to `out` with every code after the codes that start with it
 * ("2011301", "2011399", "20113", "201", "208" …). For codes printed in ascending order (each 类 before
 * its 款, each 款 before its 项) that is the order of keys "<code>:…": ':' sorts after every digit, so
 * "2011301:" < "20113:" < "201:". Returns the new length of `out`.
 */
export function childrenFirst(codes: readonly string[], from: number, to: number, out: Int32Array, length: number): number {
  // the codes above the current one that it, or a later code, may still fall under
  const open: number[] = [];
  for (let i = from; i < to; i++) {
    const code = codes[i]!;
    while (open.length > 0 && !code.startsWith(codes[open[open.length - 1]!]!)) out[length++] = open.pop()!;
    open.push(i);
  }
  while (open.length > 0) out[length++] = open.pop()!;
  return length;
}

/**
 * The indices of `keys` in ascending code-unit order, equal keys in index order: `guess` when each of
 * its keys sorts strictly after the one before (one comparison per key), else a sort.
 */
export function ascendingOrder(keys: readonly string[], guess: Int32Array): Int32Array {
  for (let k = 1; k < guess.length; k++) if (!(keys[guess[k - 1]!]! < keys[guess[k]!]!)) return sortedIndices(keys);
  return guess;
}

function sortedIndices(keys: readonly string[]): Int32Array {
  const order = Array.from(keys, (_, i) => i);
  // Array.prototype.sort is stable: equal keys keep their index order
  order.sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  return Int32Array.from(order);
}
