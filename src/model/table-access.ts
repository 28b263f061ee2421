import type { BudgetDocument, Cell, Column, Row, Side, Table, TableKind } from './document.js';
import { memoByString, oncePer, ownCopy } from '../memo.js';
import { objectList, packedMap } from './lists.js';

/**
 * Normalises a printed name for comparison: no whitespace, full-width brackets and quotes removed
 * around 三公, half-width parentheses as full-width.
 */
export function normalizeName(s: string): string {
  // most names (and every amount the parser asks about) have nothing to change: a scan for the
  // characters normalisation touches is cheaper than hashing the string for the cache
  return NEEDS_NORMALIZING.test(s) ? normalizeCached(s) : s;
}
/** Any character normalizeUncached removes or replaces. */
const NEEDS_NORMALIZING = /[\s\u3000()“”"「」]/;

/** Names and column headers are short; a long text is normalised each time. */
const normalizeCached = memoByString(normalizeUncached, 100);

function normalizeUncached(s: string): string {
  return s
    .replace(/[\s\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[“”"「」]/g, '');
}

/**
 * A document's tables by kind, in document order: built once per document for the ~45 table and
 * cross-table rules that look a kind up, instead of a find() or filter() over doc.tables (and a
 * closure) per rule, and for the narrative's links. The arrays are built by push, so every one of them has the same (packed)
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

/**
 * The amount column whose own header is `name` (normalised), optionally on one side. `name` may list
 * alternatives separated by "|" ("运行维护费|运行费"); a header's year prefix is ignored.
 */
export function columnByName(table: Table, name: string, side?: Side): Column | undefined {
  const byName = answersFor(table)[side ?? 'any'];
  let index = byName.get(name);
  if (index === undefined) {
    const column = findColumn(table, name, side);
    index = column === undefined ? NO_COLUMN : table.columns.indexOf(column);
    // a name may be cut from the document's text: the run-long map keeps a copy of its own
    if (byName.size < MAX_NAMES_PER_HEADERS) byName.set(ownCopy(name), index);
  }
  return index === NO_COLUMN ? undefined : table.columns[index];
}

/** columnByName's answer for a name that no column has. */
const NO_COLUMN = -1;

/** columnByName's answers by side (any: no side asked) and name, as indexes into the table's columns. */
type ColumnAnswers = Record<Side | 'any', Map<string, number>>;

/**
 * The answers of each table, found once per table: the answers of the first table seen with the
 * same headers (most documents print the template's headers), whose columns the rules and the
 * narrative linker would otherwise look up again, by the same few names, in every document.
 */
const answersFor = oncePer((table: Table): ColumnAnswers => {
  const columns = table.columns;
  const firstKey = columns.length === 0 ? '' : columns[0]!.key;
  let known = knownHeaders.get(firstKey);
  if (known !== undefined) for (let i = 0; i < known.length; i++) if (sameHeaders(known[i]!.columns, columns)) return known[i]!.answers;
  if (known === undefined) {
    if (knownHeaders.size >= MAX_FIRST_KEYS) knownHeaders.clear();
    knownHeaders.set(ownCopy(firstKey), (known = []));
  }
  if (known.length >= MAX_HEADERS_PER_FIRST_KEY) known.shift();
  const answers: ColumnAnswers = { any: new Map(), income: new Map(), expense: new Map() };
  known.push({ columns: packedMap(columns, headerFields), answers });
  return answers;
});

/** What findColumn reads of a column, copied (a header is cut from the document's text). */
interface HeaderFields {
  readonly key: string;
  readonly name: string;
  readonly side: Side | undefined;
  readonly path: readonly string[];
}

function headerFields(c: Column): HeaderFields {
  return { key: ownCopy(c.key), name: ownCopy(c.name), side: c.side, path: packedMap(c.path, ownCopy) };
}

/** Whether the columns have the headers seen before, field by field. */
function sameHeaders(known: readonly HeaderFields[], columns: readonly Column[]): boolean {
  if (known.length !== columns.length) return false;
  for (let i = 0; i < known.length; i++) {
    const k = known[i]!;
    const c = columns[i]!;
    if (k.key !== c.key || k.name !== c.name || k.side !== c.side || k.path.length !== c.path.length) return false;
    for (let j = 0; j < k.path.length; j++) if (k.path[j] !== c.path[j]) return false;
  }
  return true;
}

/** Headers seen in the run and their answers, by the first column's key (bounded: emptied or dropped when full). */
const knownHeaders = new Map<string, Array<{ readonly columns: readonly HeaderFields[]; readonly answers: ColumnAnswers }>>();
const MAX_FIRST_KEYS = 1_000;
const MAX_HEADERS_PER_FIRST_KEY = 8;
const MAX_NAMES_PER_HEADERS = 500;

function findColumn(table: Table, name: string, side?: Side): Column | undefined {
  const headers = headersOf(table);
  for (const alt of name.split('|')) {
    const c = columnByOneName(headers, alt, side);
    if (c) return c;
  }
  return undefined;
}

/** A column with its header normalised for columnByOneName's comparisons. */
interface NormalisedHeader {
  readonly column: Column;
  readonly name: string;
  readonly path: readonly string[];
  /** `name` without its year prefix. */
  readonly withoutYear: string;
}

/** Each table's headers normalised once (a table is asked for many names). */
const headersOf = oncePer((table: Table): readonly NormalisedHeader[] => {
  const headers = objectList<NormalisedHeader>();
  for (const column of table.columns) {
    const name = normalizeName(column.name);
    headers.push({ column, name, path: packedMap(column.path, normalizeName), withoutYear: withoutYear(name) });
  }
  return headers;
});

/** A header without its year prefix: "2023年机关运行经费预算数" → "机关运行经费预算数". */
function withoutYear(s: string): string {
  return s.replace(/^20\d{2}年(度)?/, '');
}

function columnByOneName(headers: readonly NormalisedHeader[], name: string, side?: Side): Column | undefined {
  const want = normalizeName(name);
  const sameSide = side === undefined ? headers : headers.filter((h) => h.column.side === side);
  return (
    sameSide.find((h) => h.column.key === name) ??
    sameSide.find((h) => h.name === want) ??
    sameSide.find((h) => h.path.includes(want)) ??
    // "机关运行经费 预算数" answers to "机关运行经费"
    sameSide.find((h) => h.withoutYear.startsWith(want))
  )?.column;
}

// The row list is an objectList, pushed in a loop: filter() gives an array for small integers when
// nothing passes, another hidden class for the rules that loop over the rows (see lists.ts).
export function rowsOf(table: Table, side?: Side): Row[] {
  const rows = objectList<Row>();
  for (const r of table.rows) if (side === undefined || r.side === side) rows.push(r);
  return rows;
}

export function rowByCode(table: Table, code: string): Row | undefined {
  return table.rows.find((r) => r.code === code);
}

/** The 合计 row (or 收入总计 / 支出总计 on a side). */
export function totalRow(table: Table, side?: Side): Row | undefined {
  // the grand total: the last total line (the MoF layout prints 本年收入合计, 上年结转结余, 收入总计)
  return table.rows.findLast((r) => r.isTotal && (side === undefined || r.side === side));
}

export function cellOf(row: Row, column: Column | undefined): Cell | undefined {
  return column ? row.cells[column.key] : undefined;
}
