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

/** A table printing a code, with the code's first row there. */
export interface CodePlace {
  readonly table: Table;
  readonly row: Row;
}

/** The functional codes of a document's tables, for resolving names the narrative mentions. */
export interface ClassificationIndex {
  byCode(code: string): IndexedCode | undefined;
  /** Codes of a level, optionally under a parent code (a 款 under its 类, a 项 under its 款). */
  list(level: CodeLevel, parent?: string): readonly IndexedCode[];
  /**
   * The tables printing a code (whatever its level), each with the code's first row there: by kind
   * in FUNCTIONAL_KINDS order, then the unknown functional tables; each kind's in document order.
   * The narrative links a code's amount to them (one index of codes for naming and linking).
   */
  placesOf(code: string): readonly CodePlace[];
}

/** Tables whose rows carry functional codes, in the order their names are trusted. */
const FUNCTIONAL_KINDS = ['T3', 'T2', 'T5', 'T6', 'T7'] as const;

const LEVEL_OF_LENGTH: Readonly<Record<number, CodeLevel>> = { 3: '类', 5: '款', 7: '项' };

/**
 * Builds the index from T3, T2, T5, T6 and T7 (the first table that prints a code names it); unknown
 * tables with functional codes are used last.
 */
export const buildClassificationIndex: (doc: BudgetDocument) => ClassificationIndex = oncePer(build);

/** What the index knows of a code: its name (from the first row giving it a level) and where it is printed. */
interface CodeEntry {
  indexed: IndexedCode | undefined;
  readonly places: CodePlace[];
}

function addRows(entries: Map<string, CodeEntry>, t: Table): void {
  for (const r of t.rows) {
    const code = r.code;
    if (!code) continue;
    const entry = entries.get(code);
    if (entry === undefined) {
      entries.set(code, { indexed: indexedOf(r, code), places: [{ table: t, row: r }] });
      continue;
    }
    if (entry.places[entry.places.length - 1]!.table !== t) entry.places.push({ table: t, row: r });
    entry.indexed ??= indexedOf(r, code);
  }
}

function build(doc: BudgetDocument): ClassificationIndex {
  const entries = new Map<string, CodeEntry>();
  for (const k of FUNCTIONAL_KINDS) for (const t of tablesOfKind(doc, k) ?? []) addRows(entries, t);
  for (const t of tablesOfKind(doc, 'unknown') ?? []) if (t.scheme === 'functional') addRows(entries, t);
  const all: IndexedCode[] = [];
  let sorted = true;
  for (const e of entries.values()) {
    if (!e.indexed) continue;
    if (all.length > 0 && all[all.length - 1]!.code > e.indexed.code) sorted = false;
    all.push(e.indexed);
  }
  // the tables list codes in order (a 类, its 款, their 项): a sort is rarely needed (codes are unique)
  if (!sorted) all.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  // lists by level and by (level, parent prefix), so a lookup costs no scan of every code; per level,
  // keyed by the parent code itself, so no key string is made per code or lookup
  const ofLevel: Record<CodeLevel, IndexedCode[]> = { 类: [], 款: [], 项: [] };
  const byParent: Record<CodeLevel, Map<string, IndexedCode[]>> = { 类: new Map(), 款: new Map(), 项: new Map() };
  for (const c of all) ofLevel[c.level].push(c);
  for (const level of LEVELS) {
    groupByParent(ofLevel[level], 3, byParent[level]);
    groupByParent(ofLevel[level], 5, byParent[level]);
  }
  return {
    byCode: (code) => entries.get(code)?.indexed,
    list: (level, parent) => (parent === undefined ? ofLevel[level] : (byParent[level].get(parent) ?? NO_CODES)),
    placesOf: (code) => entries.get(code)?.places ?? NO_PLACES,
  };
}

const LEVELS: readonly CodeLevel[] = ['类', '款', '项'];

/**
 * Adds the codes longer than `length` to the list of their first `length` digits, in order. The codes
 * are sorted, so those of one parent come together: the parent's key is cut and looked up once.
 */
function groupByParent(codes: readonly IndexedCode[], length: number, lists: Map<string, IndexedCode[]>): void {
  let list: IndexedCode[] | undefined;
  let parent = '';
  for (const c of codes) {
    if (c.code.length <= length) continue;
    if (list === undefined || !c.code.startsWith(parent)) {
      parent = c.code.slice(0, length);
      list = lists.get(parent);
      if (list === undefined) lists.set(parent, (list = []));
    }
    list.push(c);
  }
}

/** The list of a level or parent without codes (shared, never changed). */
const NO_CODES: readonly IndexedCode[] = Object.freeze([]);
const NO_PLACES: readonly CodePlace[] = Object.freeze([]);

/** The indexed code a row gives, when its level is known (printed, or by the code's length). */
function indexedOf(r: Row, code: string): IndexedCode | undefined {
  const level = r.level ?? LEVEL_OF_LENGTH[code.length];
  return level ? new TableCode(code, level, r.name) : undefined;
}

/**
 * A code with the name its table prints; the normalised name is made when first compared (only the
 * codes a mentioned name is looked up among are: a fraction of a document's codes).
 */
class TableCode implements IndexedCode {
  private normalised: string | undefined = undefined;
  constructor(
    readonly code: string,
    readonly level: CodeLevel,
    readonly name: string,
  ) {}
  get key(): string {
    return (this.normalised ??= normalizeName(this.name));
  }
}
