/**
 * A small seeded pseudo-random generator (mulberry32): the same seed always gives the same document,
 * so a failing property-test case or a benchmark corpus can be regenerated from its seed alone.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [lo, hi] (inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** A whole number of 元 in [lo, hi] as a bigint (bounds are small enough to be exact as numbers). */
  yuan(lo: number, hi: number): bigint {
    return BigInt(this.int(lo, hi));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A new array with the items in random order. */
  shuffle<T>(items: readonly T[]): T[] {
    const a = [...items];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  }

  /** `k` distinct items in their original order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const chosen = new Set(this.shuffle(items.map((_, i) => i)).slice(0, Math.min(k, items.length)));
    return items.filter((_, i) => chosen.has(i));
  }

  /**
   * Splits `total` into `parts` non-negative bigints that add up to it exactly (each at least `min`
   * when the total allows it).
   */
  split(total: bigint, parts: number, min = 0n): bigint[] {
    if (parts <= 0) return [];
    if (parts === 1) return [total];
    const floor = total >= min * BigInt(parts) ? min : 0n;
    const rest = total - floor * BigInt(parts);
    const weights = Array.from({ length: parts }, () => BigInt(this.int(1, 1000)));
    const sum = weights.reduce((a, b) => a + b, 0n);
    const out = weights.map((w) => floor + (rest * w) / sum);
    const used = out.reduce((a, b) => a + b, 0n);
    out[this.int(0, parts - 1)]! += total - used;
    return out;
  }
}
