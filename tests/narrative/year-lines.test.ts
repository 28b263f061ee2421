import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { mayBeYearLine, YEAR_LINES } from '../../src/narrative/link.js';

describe('mayBeYearLine', () => {
  it('holds for every name a year-line pattern matches, on random names', () => {
    const rng = new Rng(5);
    // the patterns' words and others, so that each pattern matches many names
    const words = ['上年', '本年', '年终', '年末', '度', '结转', '结余', '收入', '支出', '合计', '上', '本'];
    const wrong: string[] = [];
    let matched = 0;
    for (let n = 0; n < 30_000; n++) {
      let name = '';
      for (let i = rng.int(1, 3); i > 0; i--) name += rng.pick(words);
      const any = YEAR_LINES.some((p) => p.test(name));
      if (any) matched++;
      if (any && !mayBeYearLine(name)) wrong.push(name);
    }
    expect({ wrong, enough: matched > 200 }).toEqual({ wrong: [], enough: true });
  });
});
