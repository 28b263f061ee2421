import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { normalizeName } from '../../src/model/table-access.js';
import { stripNumbering } from '../../src/parsers/row-parse.js';
import { NamedRows } from '../../src/checks/table/named-rows.js';

interface Line {
  readonly name: string;
  readonly label?: string;
  readonly isTotal: boolean;
}

/** The look-up as first written: every line's name normalised again for every name looked up. */
function plainFindByName(rows: readonly Line[], label: string): Line | undefined {
  const want = normalizeName(stripNumbering(label));
  if (want === '') return undefined;
  const exact = rows.find((r) => normalizeName(r.name) === want) ?? rows.find((r) => normalizeName(stripNumbering(r.label ?? '')) === want);
  if (exact) return exact;
  const near = rows.filter((r) => {
    const n = normalizeName(r.name);
    return !r.isTotal && n.length >= 2 && (n.startsWith(want) || want.startsWith(n));
  });
  return near.length === 1 ? near[0] : undefined;
}

describe('NamedRows', () => {
  it('finds the line the plain look-up finds, for random lines and names asked several times', () => {
    const rng = new Rng(20261127);
    const words = ['一般公共预算', '一般公共预算资金', '政府性基金', '政府性基金预算', '财政拨款收入', '财政拨款', '事业收入', '合计', '收入总计', ' ', '（三公）', '支出', '', '卫生健康支出'];
    const numbering = ['', '', '一、', '二、', '1.', '2．', '（一）', '(二)', '１．'];
    const phrase = (): string => `${rng.pick(numbering)}${Array.from({ length: rng.int(1, 2) }, () => rng.pick(words)).join('')}`;
    const wrong: string[] = [];
    for (let n = 0; n < 1500; n++) {
      const rows: Line[] = Array.from({ length: rng.int(0, 8) }, () => {
        const label = rng.chance(0.6) ? phrase() : undefined;
        return { name: rng.chance(0.5) && label !== undefined ? stripNumbering(label) : phrase(), ...(label !== undefined ? { label } : {}), isTotal: rng.chance(0.15) };
      });
      const named = new NamedRows(rows);
      for (let q = rng.int(1, 6); q > 0; q--) {
        const label = rng.chance(0.4) && rows.length > 0 ? (rng.chance(0.5) ? rng.pick(rows).name : (rng.pick(rows).label ?? '')) : phrase();
        if (named.find(label) !== plainFindByName(rows, label)) wrong.push(`${JSON.stringify(rows)} ${label}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
