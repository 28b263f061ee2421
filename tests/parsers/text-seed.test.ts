import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDecimal } from '../../src/model/amount.js';
import { parseBuffer } from '../../src/parsers/index.js';

const SEED = 'fixtures/seed/input.txt';

describe('text parser on the seed document', async () => {
  const text = readFileSync(SEED, 'utf8');
  const doc = await parseBuffer(readFileSync(SEED), SEED);

  it('reads the metadata from the cover', () => {
    expect(doc.metadata).toMatchObject({ department: '上海市青浦区经济委员会', year: 2023, scope: '部门预算' });
  });

  it('finds the nine standard tables with their units', () => {
    expect(doc.tables.filter((t) => t.kind !== 'unknown').map((t) => [t.kind, t.unit])).toEqual([
      ['T1', '元'], ['T2', '元'], ['T3', '元'], ['T4', '元'], ['T5', '元'], ['T6', '元'], ['T7', '元'], ['T8', '元'], ['T9', '万元'],
    ]);
  });

  it('merges the 支出预算总表 printed over three pages into one table with 29 coded rows and its 合计 row', () => {
    const t3 = doc.tables.find((t) => t.kind === 'T3')!;
    expect(t3.parts).toHaveLength(3);
    const coded = t3.rows.filter((r) => r.code);
    expect(coded).toHaveLength(29);
    expect(t3.rows[t3.rows.length - 1]!.isTotal).toBe(true);
    const lines = t3.rows.map((r) => r.location.line!);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });

  it('gives every coded row the level its code length implies', () => {
    for (const t of doc.tables) {
      for (const r of t.rows.filter((x) => x.code)) {
        expect(r.level).toBe({ 3: '类', 5: '款', 7: '项' }[r.code!.length as 3 | 5 | 7]);
      }
    }
  });

  it('round-trips every amount exactly as printed', () => {
    const lines = text.split('\n');
    let count = 0;
    for (const t of doc.tables.filter((x) => x.kind !== 'unknown')) {
      for (const r of t.rows) {
        for (const c of Object.values(r.cells)) {
          if (!c.amount) continue;
          count++;
          const printed = c.raw.trim().replace(/,/g, '');
          expect(formatDecimal(c.amount.value, c.amount.scale)).toBe(printed);
          expect(lines[c.location.line! - 1]!.slice(c.location.column! - 1)).toContain(c.raw.trim());
        }
      }
    }
    // every amount printed in the nine tables (lines 120–389), counted independently of the parser
    const printed = lines.slice(119, 389).flatMap((l) => (l.includes('\t') ? l.split('\t') : []));
    expect(count).toBe(printed.filter((c) => /^(-?\d{1,3}(,\d{3})+|\d+\.\d+|\d{4,})$/.test(c.trim())).length);
  });

  it('keeps narrative paragraphs with their line numbers', () => {
    const p = doc.paragraphs.find((x) => x.text.startsWith('2023年，本部门收入预算28113.57万元'))!;
    expect(p.location.line).toBe(78);
    expect(p.kind).toBe('paragraph');
  });

  it('keeps both sides of the two-sided tables addressable', () => {
    const t1 = doc.tables.find((t) => t.kind === 'T1')!;
    expect(t1.rows.filter((r) => r.side === 'income').map((r) => r.label)).toContain('一、财政拨款收入');
    expect(t1.rows.filter((r) => r.side === 'expense' && r.isTotal).map((r) => r.label)).toEqual(['支出总计']);
  });
});
