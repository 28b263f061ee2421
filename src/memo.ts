/**
 * Per-document caches, emptied when a document's check ends (`endOfDocument`, called by the engine).
 *
 * Why not one WeakMap for the whole run: V8's minor GC keeps the values of an old WeakMap alive even
 * when their young keys are garbage (only a full GC clears such entries). A cache keyed by documents,
 * tables or amounts that lived as long as the linter made every document's derived data, and the
 * model it points into, survive into the old generation: ≈ 2 MB promoted per scavenge, 80 % of what
 * survived the one before (--trace-gc-nvp over 1 200 documents), all of it copied twice and marked
 * again by the next full GC. Here each cache starts a new WeakMap for each document, so the finished
 * document's entries die young with it.
 */
let documentGeneration = 0;

/** Ends the caches of the document just checked: the next look-up starts a new one. */
export function endOfDocument(): void {
  documentGeneration++;
}

/** A WeakMap holding entries for the current document only (see above). */
export class DocumentCache<K extends object, V> {
  private map = new WeakMap<K, V>();
  private generation = documentGeneration;

  get(key: K): V | undefined {
    return this.current().get(key);
  }

  has(key: K): boolean {
    return this.current().has(key);
  }

  set(key: K, value: V): void {
    this.current().set(key, value);
  }

  private current(): WeakMap<K, V> {
    if (this.generation !== documentGeneration) {
      this.map = new WeakMap();
      this.generation = documentGeneration;
    }
    return this.map;
  }
}

/**
 * `compute` made to run once per key object while one document is checked: later calls with the
 * same object return the first result. Used where several rules ask for the same derived data of a
 * document, table or amount; the results go when the document's check ends (DocumentCache).
 */
export function oncePer<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new DocumentCache<K, V>();
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
