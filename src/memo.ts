/**
 * `compute` made to run once per key object: later calls with the same object return the first
 * result. The results live as long as their key (a WeakMap), so a per-document or per-table cache
 * goes with the document. Used where several rules ask for the same derived data.
 */
export function oncePer<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    // one look-up when there is a value (has() only tells an undefined result from a miss)
    const known = cache.get(key);
    if (known !== undefined || cache.has(key)) return known as V;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}

/**
 * A pure function of a short string, memoised in a bounded cache: strings longer than `maxLength`
 * are computed each time, and the cache is emptied when it reaches `maxEntries`. Keys (and results
 * equal to their key) are stored as copies: a name cut from a document is a slice that would
 * otherwise keep the whole document text alive for as long as the cache holds it. A result of
 * `undefined` is not remembered (it is computed again each time): return null for "no answer".
 */
export function memoByString<V>(compute: (s: string) => V, maxLength: number, maxEntries = 50_000): (s: string) => V {
  const cache = new Map<string, V>();
  return (s) => {
    if (s.length > maxLength) return compute(s);
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size >= maxEntries) cache.clear();
      v = compute(s);
      const key = ownCopy(s);
      if (v === (s as unknown)) v = key as V;
      cache.set(key, v);
    }
    return v;
  };
}

/**
 * A copy of `s` that does not share the memory of the string it was cut from. Concatenation makes a
 * rope; slicing the rope flattens it into a new string, and the result refers to that new string only.
 */
export function ownCopy(s: string): string {
  return (' ' + s).slice(1);
}
