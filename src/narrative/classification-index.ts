import type { BudgetDocument, CodeLevel, Row, Table } from '../model/document.js';
import { normalizeName, tablesOfKind } from '../model/table-access.js';
import { oncePer } from '../memo.js';

/** One functional classification code as the tables print it. */
export interface IndexedCode {
  readonly code: string;
  readonly level: CodeLevel;
  readonly name: string;
  /** Normalised name for comparison. */
  readonly key: string;
}

/** The functional codes of a document's tables, for resolving names the narrative mentions. */
export interface ClassificationIndex {
  byCode(code: string): IndexedCode | undefined;
  /** Codes of a level, optionally under a parent code (a 款 under its 类, a 项 under its 款). */
  list(level: CodeLevel, parent?: string): readonly IndexedCode[];
}

/** Tables whose rows carry functional codes, in the order their names are trusted. */
const FUNCTIONAL_KINDS = ['T3', 'T2', 'T5', 'T6', 'T7'] as const;

const LEVEL_OF_LENGTH: Readonly<Record<number, CodeLevel>> = { 3: '类', 5: '款', 7: '项' };

/**
 * Builds the index from T3, T2, T5, T6 and T7 (the first table that prints a code names it); unknown
 * tables with functional codes are used last.
 */
export const buildClassificationIndex: (doc: BudgetDocument) => ClassificationIndex = oncePer(build);

function addRows(map: Map<string, IndexedCode>, t: Table): void {
  for (const r of t.rows) addRow(map, r);
}

function build(doc: BudgetDocument): ClassificationIndex {
  const map = new Map<string, IndexedCode>();
  for (const k of FUNCTIONAL_KINDS) for (const t of tablesOfKind(doc, k) ?? []) addRows(map, t);
  for (const t of tablesOfKind(doc, 'unknown') ?? []) if (t.scheme === 'functional') addRows(map, t);
  const all = [...map.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  // lists by level and by (level, parent prefix), so a lookup costs no scan of every code; per level,
  // keyed by the parent code itself, so no key string is made per code or lookup
  const ofLevel: Record<CodeLevel, IndexedCode[]> = { 类: [], 款: [], 项: [] };
  const byParent: Record<CodeLevel, Map<string, IndexedCode[]>> = { 类: new Map(), 款: new Map(), 项: new Map() };
  const push = (lists: Map<string, IndexedCode[]>, parent: string, c: IndexedCode): void => {
    const l = lists.get(parent);
    if (l) l.push(c);
    else lists.set(parent, [c]);
  };
  for (const c of all) {
    ofLevel[c.level].push(c);
    if (c.code.length > 3) push(byParent[c.level], c.code.slice(0, 3), c);
    if (c.code.length > 5) push(byParent[c.level], c.code.slice(0, 5), c);
  }
  return {
    byCode: (code) => map.get(code),
    list: (level, parent) => (parent === undefined ? ofLevel[level] : (byParent[level].get(parent) ?? NO_CODES)),
  };
}

/** The list of a level or parent without codes (shared, never changed). */
const NO_CODES: readonly IndexedCode[] = Object.freeze([]);

function addRow(map: Map<string, IndexedCode>, r: Row): void {
  if (!r.code || map.has(r.code)) return;
  const level = r.level ?? LEVEL_OF_LENGTH[r.code.length];
  if (!level) return;
  map.set(r.code, { code: r.code, level, name: r.name, key: normalizeName(r.name) });
}
