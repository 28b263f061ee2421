import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import type { BudgetDocument, Table } from '../../src/model/document.js';
import { firstTableOf, tablesOfKind } from '../../src/model/table-access.js';
import { packedMap } from '../../src/model/lists.js';

const KINDS = ['T1', 'T2', 'T3', 'T5', 'unknown'];

describe('tablesOfKind, firstTableOf and packedMap', () => {
  it('give what filter, find and map give over doc.tables, for documents with repeated and absent kinds', () => {
    const rng = new Rng(20261127);
    const wrong: string[] = [];
    for (let n = 0; n < 500; n++) {
      const tables = Array.from({ length: rng.int(0, 8) }, (_, i) => ({ id: `t${i}`, kind: rng.pick(KINDS) }) as unknown as Table);
      const doc = { tables } as unknown as BudgetDocument;
      for (const kind of [...KINDS, 'T9']) {
        const all = tables.filter((t) => t.kind === kind);
        const indexed = tablesOfKind(doc, kind);
        if ((all.length === 0 ? indexed !== undefined : JSON.stringify(indexed) !== JSON.stringify(all)) || firstTableOf(doc, kind) !== tables.find((t) => t.kind === kind)) {
          wrong.push(`${tables.map((t) => t.kind).join(',')} ${kind}`);
        }
      }
      if (JSON.stringify(packedMap(tables, (t, i) => `${i}:${t.kind}`)) !== JSON.stringify(tables.map((t, i) => `${i}:${t.kind}`))) wrong.push(`map ${n}`);
    }
    expect(wrong).toEqual([]);
  });
});
