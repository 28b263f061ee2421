import { describe, expect, it } from 'vitest';
import { createLocator, locate } from '../../src/engine/locate.js';
import { generateDocument } from '../../src/generate/index.js';
import { parseTextDoc } from '../support/lint.js';

describe('createLocator', () => {
  it('locates table targets as locate() does, sharing one location per cell, row and field', async () => {
    const doc = await parseTextDoc(generateDocument(7).text);
    const located = createLocator();
    let targets = 0;
    for (const table of doc.tables) {
      for (const row of table.rows) {
        for (const column of table.columns) {
          const cell = row.cells[column.key];
          for (const t of [{ table, row, column }, { table, row, column: column.key }, ...(cell ? [{ table, row, column, cell }, { table, cell }] : []), { table, row }, { table }]) {
            expect(located(t)).toEqual(locate(t));
            targets++;
          }
        }
      }
    }
    expect(targets).toBeGreaterThan(100);
    const table = doc.tables[0]!;
    const row = table.rows[0]!;
    const column = table.columns[0]!;
    expect(located({ table, row, column })).toBe(located({ table, row, column: column.key }));
    // the same cell without its row is another location (no row)
    const cell = row.cells[column.key]!;
    expect(located({ table, cell })).not.toHaveProperty('row');
    expect(located({ table, row, cell })).toHaveProperty('row');
  });

  it('locates paragraphs and bare locations', async () => {
    const doc = await parseTextDoc('标题\n\n第一段文字。\n');
    const located = createLocator();
    const p = doc.paragraphs[1]!;
    expect(located({ paragraph: p, offset: 2, length: 1 })).toEqual(locate({ paragraph: p, offset: 2, length: 1 }));
    const location = { file: 'fixture.txt', line: 1 };
    expect(located({ location })).toBe(location);
  });
});
