import type { BudgetDocument, Table } from '../model/document.js';
import { oncePer } from '../memo.js';

/**
 * A document's tables by kind, in document order: built once per document for the ~45 table and
 * cross-table rules that look a kind up, instead of a find() or filter() over doc.tables (and a
 * closure) per rule. The arrays are built by push, so every one of them has the same (packed)
 * elements kind.
 */
const tablesByKind = oncePer((doc: BudgetDocument): ReadonlyMap<string, readonly Table[]> => {
  const byKind = new Map<string, Table[]>();
  for (const table of doc.tables) {
    const same = byKind.get(table.kind);
    if (same === undefined) byKind.set(table.kind, [table]);
    else same.push(table);
  }
  return byKind;
});

/**
 * The document's tables of `kind` ("T3"; or "unknown"), in document order; undefined when it has
 * none (not an empty array, whose elements kind would differ from the others').
 */
export function tablesOfKind(doc: BudgetDocument, kind: string): readonly Table[] | undefined {
  return tablesByKind(doc).get(kind);
}

/** The document's first table of `kind`, as doc.tables.find would give it. */
export function firstTableOf(doc: BudgetDocument, kind: string): Table | undefined {
  return tablesByKind(doc).get(kind)?.[0];
}
