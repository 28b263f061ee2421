import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { compareKeys } from '../../src/checks/table/instance-order.js';

describe('table instance order', () => {
  it('compareKeys orders keys as their instance prefixes `${key}:` compare', () => {
    const rng = new Rng(42);
    const alphabet = ['1', '2', '0', '9', ':', ';', '/', '合', '计', 'a'];
    const key = (): string => Array.from({ length: rng.int(0, 6) }, () => rng.pick(alphabet)).join('');
    // one assertion over all cases (20 000 expect calls cost more than the comparisons)
    const wrong: string[] = [];
    for (let i = 0; i < 20000; i++) {
      const a = key();
      const b = rng.chance(0.3) ? a + key() : key();
      const plain = `${a}:` < `${b}:` ? -1 : `${a}:` > `${b}:` ? 1 : 0;
      const got = Math.sign(compareKeys(a, b));
      if (got !== plain) wrong.push(`${JSON.stringify(a)} vs ${JSON.stringify(b)}: ${got}, expected ${plain}`);
    }
    expect(wrong).toEqual([]);
  });
});
