import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import type { BudgetDocument, CodeLevel, Row, Side, Table } from '../../src/model/document.js';
import { resolveRef } from '../../src/checks/table/refs.js';
import { endOfDocument } from '../../src/memo.js';
import { childrenByParent, codesOfBoth } from '../../src/checks/table/code-index.js';

/** The grouping as first written: each code's prefixes cut and looked up, longest first. */
function plainChildrenByParent(rows: readonly Row[]): Map<string, number[]> {
  const first = new Map<string, number>();
  rows.forEach((r, i) => {
    if (r.code && r.level && !first.has(r.code)) first.set(r.code, i);
  });
  const groups = new Map<string, number[]>();
  for (const [c, i] of first) {
    let parent = 'total';
    for (let len = c.length - 2; len >= 3; len -= 2) {
      if (first.has(c.slice(0, len))) {
        parent = c.slice(0, len);
        break;
      }
    }
    groups.set(parent, [...(groups.get(parent) ?? []), i]);
  }
  return groups;
}

const LEVELS: Record<number, CodeLevel> = { 3: '类', 5: '款', 7: '项' };

describe('childrenByParent', () => {
  it('groups the rows as the plain search does, for codes in template order, shuffled, missing or repeated', () => {
    const rng = new Rng(20261127);
    const wrong: string[] = [];
    for (let n = 0; n < 2000; n++) {
      // a template-ordered tree of codes, then disorder: swaps, dropped and repeated rows, codes of other lengths
      const codes: string[] = [];
      for (let a = rng.int(1, 3); a > 0; a--) {
        const lei = String(rng.int(201, 203));
        codes.push(lei);
        for (let b = rng.int(0, 3); b > 0; b--) {
          const kuan = lei + String(rng.int(1, 3)).padStart(2, '0');
          codes.push(kuan);
          for (let c = rng.int(0, 3); c > 0; c--) codes.push(kuan + String(rng.int(1, 3)).padStart(2, '0'));
        }
      }
      for (let k = rng.int(0, 3); k > 0 && codes.length > 1; k--) {
        const i = rng.int(0, codes.length - 1);
        const j = rng.int(0, codes.length - 1);
        [codes[i], codes[j]] = [codes[j]!, codes[i]!];
      }
      if (rng.chance(0.3) && codes.length > 0) codes.splice(rng.int(0, codes.length - 1), 1);
      if (rng.chance(0.2)) codes.push(String(rng.int(2010, 2039)));
      const rows = codes.map((code) => ({ code, level: rng.chance(0.05) ? undefined : LEVELS[code.length], name: code, isTotal: false, cells: {} }) as unknown as Row);
      const got = childrenByParent({ rows } as unknown as Table);
      const want = plainChildrenByParent(rows);
      if (JSON.stringify([...got]) !== JSON.stringify([...want])) wrong.push(codes.join(' '));
    }
    expect(wrong).toEqual([]);
  });
});

describe('codesOfBoth', () => {
  it('lists the codes of either map as the sorted union does, in order or not', () => {
    const rng = new Rng(20261128);
    const wrong: string[] = [];
    for (let n = 0; n < 2000; n++) {
      const pool = Array.from({ length: rng.int(1, 12) }, () => String(rng.int(201, 230)) + (rng.chance(0.5) ? String(rng.int(1, 12)).padStart(2, '0') : ''));
      const inOrder = rng.chance(0.6);
      const mapOf = (): Map<string, number> => {
        const codes = pool.filter(() => rng.chance(0.7));
        if (inOrder) codes.sort();
        return new Map(codes.map((c, i) => [c, i]));
      };
      const left = mapOf();
      const right = mapOf();
      const want = [...new Set([...left.keys(), ...right.keys()])].sort();
      if (JSON.stringify(codesOfBoth(left, right)) !== JSON.stringify(want)) wrong.push(`${[...left.keys()]} | ${[...right.keys()]}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('value references by code', () => {
  it('resolve to the first row of the code on the side asked, as a scan of the rows does', () => {
    const rng = new Rng(20261129);
    // a 合计 column for no side and one for each side
    const columns = [undefined, 'income', 'expense'].map((side, index) => ({ key: `c${index}`, name: '合计', path: ['合计'], index, ...(side ? { side } : {}) }));
    const wrong: string[] = [];
    for (let n = 0; n < 1500; n++) {
      const rows = Array.from({ length: rng.int(0, 10) }, (_, i) => ({
        ...(rng.chance(0.8) ? { code: String(rng.int(301, 304)) + (rng.chance(0.5) ? '0' + String(rng.int(1, 3)) : '') } : {}),
        ...(rng.chance(0.4) ? { side: rng.pick<Side>(['income', 'expense']) } : {}),
        name: `r${i}`,
        isTotal: false,
        cells: {},
        location: { file: 'f.txt', line: i + 1 },
      })) as unknown as Row[];
      const document = { tables: [{ id: 'T8', kind: 'T8', title: 't', columns, rows }] } as unknown as BudgetDocument;
      for (let q = 0; q < 4; q++) {
        const code = String(rng.int(301, 304)) + (rng.chance(0.5) ? '0' + String(rng.int(1, 3)) : '');
        const side = rng.chance(0.5) ? undefined : rng.pick<Side>(['income', 'expense']);
        const want = rows.find((r) => r.code === code && (side === undefined || r.side === side));
        const got = resolveRef(document, { table: 'T8', row: { code }, column: '合计', ...(side ? { side } : {}) }).participant?.row;
        if (got !== want) wrong.push(`${rows.map((r) => `${r.code}/${r.side}`).join(' ')}: ${code} ${side}`);
      }
      endOfDocument();
    }
    expect(wrong).toEqual([]);
  });
});
