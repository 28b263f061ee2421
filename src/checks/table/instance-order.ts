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
