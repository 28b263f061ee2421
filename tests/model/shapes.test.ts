import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { generateDocument, perturb, PERTURBATION_KINDS, renderXlsx, textToPdf } from '../../src/generate/index.js';
import type { BudgetDocument, Paragraph } from '../../src/model/document.js';
import type { SourceLocation } from '../../src/model/location.js';
import { objectList } from '../../src/model/lists.js';
import { parseBuffer, parseFile } from '../../src/parsers/index.js';

/**
 * Every model object of one kind has one hidden class, whichever parser built it and whichever of
 * its optional properties it has (src/model/construct.ts), and every list in the model is one kind
 * of array, empty or not (src/model/lists.ts): the checks that loop over them are compiled once.
 * Locations have the properties their input has (src/model/location.ts): one class per set of them.
 */
// V8's %HaveSameMap is syntax only once the flag is set, so it is compiled after: a constant of
// this test (nothing read from a file is ever compiled)
setFlagsFromString('--allow-natives-syntax');
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

/** The objects met per kind: one example per hidden class. */
class Census {
  private readonly classes = new Map<string, object[]>();

  note(kind: string, o: object): void {
    let seen = this.classes.get(kind);
    if (seen === undefined) this.classes.set(kind, (seen = []));
    if (!seen.some((s) => haveSameMap(s, o))) seen.push(o);
  }

  counts(): Record<string, number> {
    return Object.fromEntries([...this.classes].map(([kind, seen]) => [kind, seen.length]));
  }
}

function noteDocument(c: Census, doc: BudgetDocument): void {
  const loc = (l: SourceLocation): void => c.note(`location ${Object.keys(l).join()}`, l);
  /** An object with a location, and its location. */
  const located = (kind: string, o: { readonly location: SourceLocation }): void => {
    c.note(kind, o);
    loc(o.location);
  };
  const paragraph = (p: Paragraph): void => {
    located('paragraph', p);
    c.note('list', p.segments);
    for (const s of p.segments) located('segment', s);
  };
  c.note('document', doc);
  c.note('source', doc.source);
  c.note('metadata', doc.metadata);
  for (const list of [doc.tables, doc.paragraphs, doc.issues]) c.note('list', list);
  for (const i of doc.issues) located('issue', i);
  doc.paragraphs.forEach(paragraph);
  for (const t of doc.tables) {
    located('table', t);
    for (const list of [t.columns, t.rows, t.notes, t.parts]) c.note('list', list);
    for (const col of t.columns) {
      c.note('column', col);
      c.note('list', col.path);
    }
    for (const p of t.parts) located('part', p);
    t.notes.forEach(paragraph);
    for (const r of t.rows) {
      located('row', r);
      if (r.codeParts) c.note('list', r.codeParts);
      for (const cell of Object.values(r.cells)) {
        located('cell', cell);
        if (cell.amount) c.note('amount', cell.amount);
      }
    }
  }
}

describe('the document model', () => {
  it('has one hidden class per kind of object, and locations one per set of properties', async () => {
    const census = new Census();
    // generated documents with planted errors: invalid amounts, missing rows, all table kinds
    for (let seed = 1; seed <= 3; seed++) {
      const doc = generateDocument(seed);
      noteDocument(census, await parseBuffer(Buffer.from(doc.text), 'g.txt'));
      for (const kind of PERTURBATION_KINDS) noteDocument(census, await parseBuffer(Buffer.from(perturb(doc, kind, seed).text), 'p.txt'));
    }
    noteDocument(census, await parseFile('fixtures/seed/input.txt'));
    noteDocument(census, await parseFile('fixtures/csv/folder'));
    noteDocument(census, await parseFile('fixtures/csv/t3-gbk.csv'));
    noteDocument(census, await parseBuffer((await renderXlsx(generateDocument(7))).workbook, 'g.xlsx'));
    noteDocument(census, await parseBuffer(textToPdf(generateDocument(8).text), 'g.pdf'));
    const counts = census.counts();
    expect(counts).toEqual(Object.fromEntries(Object.keys(counts).map((kind) => [kind, 1])));
  });
});

describe('objectList', () => {
  it('is a new empty array each time, of the kind a pushed list of objects has (a literal [] is not)', () => {
    const pushed = objectList<object>();
    pushed.push({});
    const empty = objectList<object>();
    expect([haveSameMap(empty, pushed), haveSameMap(empty, [{}]), haveSameMap([], [{}]), empty === objectList()]).toEqual([true, true, false, false]);
  });
});
