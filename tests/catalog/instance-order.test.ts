import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { ascendingOrder, childrenFirst } from '../../src/checks/catalog/instance-order.js';

/** Indices of `keys` sorted the plain way: code-unit order, equal keys in index order. */
function plainOrder(keys: readonly string[]): number[] {
  return keys.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
}

/** Random codes: often a classification tree printed in order (类, its 款, their 项), sometimes shuffled or repeated. */
function randomCodes(rng: Rng): string[] {
  const codes: string[] = [];
  const digits = (n: number): string => Array.from({ length: n }, () => String(rng.int(0, 2))).join('');
  for (let lei = 0, n = rng.int(0, 4); lei < n; lei++) {
    const l = `2${digits(2)}`;
    codes.push(l);
    for (let k = 0, m = rng.int(0, 3); k < m; k++) {
      const kuan = l + digits(2);
      codes.push(kuan);
      for (let x = 0, p = rng.int(0, 3); x < p; x++) codes.push(kuan + digits(2));
    }
  }
  if (rng.next() < 0.5) codes.sort();
  if (rng.next() < 0.2 && codes.length > 1) codes.push(codes[rng.int(0, codes.length - 1)]!);
  if (rng.next() < 0.2) codes.reverse();
  return codes;
}

describe('instance order', () => {
  it('childrenFirst gives a permutation, and ascendingOrder the plain sorted order, on random codes', () => {
    const rng = new Rng(11);
    for (let n = 0; n < 3000; n++) {
      const codes = randomCodes(rng);
      // keys "<code>:<name or line>" as the catalog rules build them, sometimes with a table id before
      const prefix = rng.next() < 0.3 ? `T${rng.int(1, 12)}:` : '';
      const keys = codes.map((c) => `${prefix}${c}:${rng.pick(['', '1', '12', '行政运行', 'a:b'])}`);
      const guess = new Int32Array(codes.length);
      expect(childrenFirst(codes, 0, codes.length, guess, 0)).toBe(codes.length);
      expect([...guess].sort((a, b) => a - b)).toEqual(codes.map((_, i) => i));
      expect([...ascendingOrder(keys, guess)], JSON.stringify(keys)).toEqual(plainOrder(keys));
    }
  });

  it('takes the guess for codes printed in ascending order', () => {
    const codes = ['201', '20113', '2011301', '2011399', '208', '20805', '2080501'];
    const keys = codes.map((c, i) => `T2:${c}:${86 + i}`);
    const guess = new Int32Array(codes.length);
    childrenFirst(codes, 0, codes.length, guess, 0);
    expect(ascendingOrder(keys, guess)).toBe(guess);
    expect([...guess].map((i) => codes[i])).toEqual(['2011301', '2011399', '20113', '201', '2080501', '20805', '208']);
  });

  it('orders segments (tables) each on their own', () => {
    const codes = ['201', '20101', '201', '20101'];
    const guess = new Int32Array(4);
    childrenFirst(codes, 0, 2, guess, 0);
    childrenFirst(codes, 2, 4, guess, 2);
    expect([...guess]).toEqual([1, 0, 3, 2]);
  });
});
