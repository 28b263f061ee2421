import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { compareKeys, rowsInKeyOrder } from '../../src/checks/table/instance-order.js';
import { rowKey, type Row, type Table } from '../../src/model/document.js';

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

describe('rowsInKeyOrder', () => {
  it('orders rows as a stable sort by `${rowKey}:` does, with their indexes in table.rows and their instance prefixes', () => {
    const rng = new Rng(7);
    const codes = ['201', '20101', '2010101', '2010102', '20102', '2010201', '205', '20502', '2050201', '301', '30101', '30102', '302'];
    const labels = ['合计', '总计', '一、收入', '', 'a'];
    const wrong: string[] = [];
    for (let n = 0; n < 2000; n++) {
      // mostly in template order (a code before the codes it starts), sometimes shuffled or with repeats and labels
      let picked = codes.filter(() => rng.chance(0.7));
      if (rng.chance(0.2)) picked = picked.sort(() => (rng.chance(0.5) ? -1 : 1));
      if (rng.chance(0.2) && picked.length > 0) picked.splice(rng.int(0, picked.length), 0, rng.pick(picked));
      const rows = picked.map((code) => ({ code, name: `n${code}`, isTotal: false }) as unknown as Row);
      if (rng.chance(0.5)) rows.splice(rng.int(0, rows.length), 0, { label: rng.pick(labels), name: 'x', isTotal: true } as unknown as Row);
      if (rng.chance(0.2)) rows.push({ name: rng.pick(labels), isTotal: false } as unknown as Row);
      const table = { id: `T${n}`, rows } as unknown as Table;
      const plain = rows
        .map((row, i) => ({ row, i, prefix: `${table.id}:${rowKey(row)}:` }))
        .sort((a, b) => (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : a.i - b.i));
      const got = rowsInKeyOrder(table);
      const same = got.rows.length === plain.length && got.indexes.length === plain.length && plain.every((p, k) => got.rows[k] === p.row && got.indexes[k] === p.i && got.prefixes[k] === p.prefix);
      if (!same) wrong.push(`${rows.map(rowKey).join(',')}: ${got.rows.map(rowKey).join(',')}`);
    }
    expect(wrong).toEqual([]);
  });
});
