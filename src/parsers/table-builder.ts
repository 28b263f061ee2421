import { parseAmountText, type Amount, type Unit } from '../model/amount.js';
import { makeCell, makeParagraph, makeParseIssue, makeRow, makeSegment, makeTable, makeTablePart } from '../model/construct.js';
import type { Cell, CodeScheme, Column, Paragraph, ParseIssue, Row, Side, Table, TableKind, TablePart } from '../model/document.js';
import { objectList } from '../model/lists.js';
import { atColumn, type SourceLocation } from '../model/location.js';
import { memoByString } from '../memo.js';
import { readHeader, type HeaderColumn, type HeaderReading } from './header.js';
import { cellLocation, CellWalker, type LayoutLine } from './layout.js';
import { codeText, isDataLine, isTotalLabel, splitCodeName, stripNumbering } from './row-parse.js';
import { SHARED_TEXT_MAX_LENGTH, sharedText, type SharedCode } from './interned.js';
import { printedCode, wholeCode } from './printed-code.js';
import { headerKeys, looseLineKey, sameHeader, sameTitle, type HeaderKeys } from './repeated-header.js';
import { firstVisibleCharCode, isBlankText, trimmed } from './spaces.js';
import { titleTableKind, unitDeclaration } from './table-titles.js';

/** A printed part of a table: its title line, unit, header lines and data lines. */
export interface RawPart {
  kind: TableKind;
  title: string;
  titleLocation: SourceLocation;
  unit?: Unit;
  header: LayoutLine[];
  data: LayoutLine[];
  notes: LayoutLine[];
}

export interface BuiltTables {
  tables: Table[];
  /** Lines that are not part of any table, in order. */
  textLines: LayoutLine[];
  issues: ParseIssue[];
}

const NOTE_LINE = /^(注[:：]|说明[:：]|备注[:：])|空表|无.{0,20}(预算|收支|支出|经费|安排)|没有.{0,20}(预算|收支|支出)|未安排/;
const SUBTITLE_LINE = /^[（(][^）)]{0,20}[）)]$|^编制(单位|部门)[:：]/;

// The loops over a document's lines and cells index their arrays: an array iterator costs an object
// per step until the function is optimised, and the first documents of a run are read unoptimised.

function isBlank(line: LayoutLine): boolean {
  const texts = line.texts;
  for (let i = 0; i < texts.length; i++) if (!isBlankText(texts[i]!)) return false;
  return true;
}

/** The text of the line's only non-blank cell, trimmed; undefined when it has none or several. */
function singleText(line: LayoutLine): string | undefined {
  let only: string | undefined;
  const texts = line.texts;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i]!;
    if (isBlankText(t)) continue;
    if (only !== undefined) return undefined;
    only = t;
  }
  return only === undefined ? undefined : trimmed(only);
}

function lineUnit(line: LayoutLine): Unit | undefined {
  const texts = line.texts;
  for (let i = 0; i < texts.length; i++) {
    const u = unitDeclaration(texts[i]!);
    if (u) return u;
  }
  return undefined;
}

/** A line that belongs to a table body: tabular with at least two columns. */
function isTableLine(line: LayoutLine): boolean {
  return line.tabular && line.texts.length >= 2;
}

/**
 * Splits layout lines into table parts and text lines, then merges parts printed over several pages
 * (same title repeated) into one table.
 */
export function buildTables(lines: readonly LayoutLine[], file: string): BuiltTables {
  const parts: RawPart[] = [];
  const textLines: LayoutLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const title = singleText(line);
    const kind: TableKind | undefined = title ? titleTableKind(title) : undefined;
    if (title && kind && startsTable(lines, i + 1)) {
      const part: RawPart = { kind, title, titleLocation: line.location, header: [], data: [], notes: [] };
      i = readPart(lines, i + 1, part);
      parts.push(part);
      continue;
    }
    textLines.push(line);
    i++;
  }
  const issues = objectList<ParseIssue>();
  const tables = mergeParts(parts, file, issues, new Map());
  return { tables, textLines, issues };
}

/** After a title: a unit line, a subtitle, or the table body must follow. */
function startsTable(lines: readonly LayoutLine[], from: number): boolean {
  for (let j = from; j < lines.length && j < from + 6; j++) {
    const l = lines[j]!;
    if (isBlank(l)) continue;
    if (lineUnit(l)) return true;
    if (isTableLine(l)) return true;
    const t = singleText(l);
    if (t && SUBTITLE_LINE.test(t)) continue;
    return false;
  }
  return false;
}

function readPart(lines: readonly LayoutLine[], from: number, part: RawPart): number {
  let j = from;
  let inBody = false;
  for (; j < lines.length; j++) {
    const l = lines[j]!;
    if (isBlank(l)) continue;
    if (!inBody) {
      const unit = lineUnit(l);
      if (unit) {
        part.unit = unit;
        continue;
      }
    }
    if (isTableLine(l)) {
      inBody = true;
      // header lines come before the first data line only: later lines need no classifying
      if (part.data.length === 0 && !isDataLine(l.texts)) part.header.push(l);
      else part.data.push(l);
      continue;
    }
    const t = singleText(l);
    if (!inBody && t && SUBTITLE_LINE.test(t)) continue;
    if (inBody && t && NOTE_LINE.test(t) && t.length < 80) {
      part.notes.push(l);
      continue;
    }
    break;
  }
  return j;
}

/**
 * What a cell text means in one unit: its amount, or why it has none. Amounts are never changed, so
 * every cell that prints the same text in the same unit shares one (the same amounts are printed in
 * several tables), and the text is parsed once per document and unit.
 */
type CellReading = Amount | 'blank' | 'invalid';

/** The cell readings of one document, by unit and then by cell text. */
type ReadingCache = Map<Unit, Map<string, CellReading>>;

/** The readings of one unit (created on first use). */
function readingsIn(cache: ReadingCache, unit: Unit): Map<string, CellReading> {
  let readings = cache.get(unit);
  if (readings === undefined) cache.set(unit, (readings = new Map()));
  return readings;
}

function mergeParts(parts: RawPart[], file: string, issues: ParseIssue[], readings: ReadingCache): Table[] {
  const counts = new Map<string, number>();
  const tables = objectList<Table>();
  for (const g of groupParts(parts)) {
    const kind = g[0]!.kind;
    const n = (counts.get(kind) ?? 0) + 1;
    counts.set(kind, n);
    const id = kind === 'unknown' ? `unknown-${n}` : n === 1 ? kind : `${kind}-${n}`;
    tables.push(assemble(g, id, file, issues, readings));
  }
  return tables;
}

/**
 * The parts in groups, one per table: a part goes on with the group before it when it is of the same
 * kind (and title, for an unknown kind), has lines, and the group is not complete (see below).
 * Exported for its test.
 */
export function groupParts(parts: readonly RawPart[]): RawPart[][] {
  const groups: RawPart[][] = [];
  // totals of the last group's first `folded` parts: a part's totals are read only when a part of the
  // same kind follows it (most tables are printed in one part, and a different kind starts a group
  // whatever the totals), and each part's once
  let groupHasTotal = false;
  let groupEndsWithTotal = false;
  let folded = 0;
  for (const p of parts) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    const mayContinue = prev !== undefined && prev.kind === p.kind && (p.kind !== 'unknown' || sameTitle(prev.title, p.title)) && (p.header.length > 0 || p.data.length > 0);
    if (mayContinue) {
      for (; folded < last!.length; folded++) {
        const part = last![folded]!;
        const totals = totalsOf(part);
        groupHasTotal ||= totals.has;
        // the group's last data line is this part's, unless it has none
        if (part.data.length > 0) groupEndsWithTotal = totals.ends;
      }
    }
    // A group with its total row is complete, unless the total came first (合计 at the top, as the
    // MoF layout prints it): then a part without a total of its own goes on with it.
    if (mayContinue && !(groupHasTotal && (groupEndsWithTotal || totalsOf(p).has))) {
      last!.push(p);
    } else {
      groups.push([p]);
      groupHasTotal = false;
      groupEndsWithTotal = false;
      folded = 0;
    }
  }
  return groups;
}

function isTotalLine(l: LayoutLine): boolean {
  const n = Math.min(l.texts.length, 4);
  for (let i = 0; i < n; i++) if (isTotalLabel(l.texts[i]!)) return true;
  return false;
}

/** Whether a part has a total row, and whether its last data line is one (data lines are never blank). */
function totalsOf(part: RawPart): { has: boolean; ends: boolean } {
  const data = part.data;
  const ends = data.length > 0 && isTotalLine(data[data.length - 1]!);
  return { has: ends || data.some(isTotalLine), ends };
}

const TWO_SIDED: ReadonlySet<TableKind> = new Set(['T1', 'T4']);
const FUNCTIONAL: ReadonlySet<TableKind> = new Set(['T2', 'T3', 'T5', 'T6', 'T7']);

function schemeOf(kind: TableKind, header: LayoutLine[], reading: HeaderReading): CodeScheme | undefined {
  if (kind === 'T8') return 'economic';
  if (FUNCTIONAL.has(kind)) return 'functional';
  let scheme = headerSchemes.get(reading);
  if (scheme === undefined) headerSchemes.set(reading, (scheme = headerScheme(header) ?? null));
  return scheme ?? undefined;
}

/**
 * headerScheme's answers by header reading: readHeader gives headers with the same texts one
 * reading, and the same texts join into the same string (null: no scheme).
 */
const headerSchemes = new WeakMap<HeaderReading, CodeScheme | null>();

/** The scheme a header names, in its texts joined (a name may be split over two cells). */
function headerScheme(header: LayoutLine[]): CodeScheme | undefined {
  let h = '';
  for (const l of header) for (const t of l.texts) h += t;
  if (/经济分类/.test(h)) return 'economic';
  if (/功能分类/.test(h)) return 'functional';
  return undefined;
}

/** A group's data lines, and the header lines each part printed again (skipped as data). */
interface Body {
  readonly data: LayoutLine[];
  /** By part: its lines that repeat the first part's header (unknown tables only). */
  readonly repeated: LayoutLine[][];
}

/**
 * The data lines of a group without repeats of its header: a continuation part's header rows are
 * repeats of the first part's, and any line equal to a header line is skipped too (headers repeated
 * inside a part).
 */
function bodyLines(group: readonly RawPart[]): Body {
  // A table of no standard kind may open each part with header lines of its own (a 绩效目标 form per
  // page, each naming its project): they are rows, all but the lines that repeat the first part's
  // header, which are kept by part, as are repeats inside a part (two forms of projects of the same
  // name print the same header, under a title of their own or not).
  // A repeat may differ slightly from the first printing (repeated-header.ts); a line with an amount
  // is never taken for one.
  const ownHeaders = group[0]!.kind === 'unknown';
  const headers = ownHeaders ? group[0]!.header : linesOf(group, 'header');
  // the first visible character is the key's first: most data lines are told apart without a key,
  // and the header keys are built only when a data line starts like a header line
  const headerStarts = headers.map(firstVisibleCode);
  let exactKeys: Set<string> | undefined;
  let looseKeys: Set<string> | undefined;
  const isRepeat = (l: LayoutLine): boolean => {
    if (headerStarts.includes(firstVisibleCode(l))) {
      exactKeys ??= new Set(headers.map(lineKey));
      if (exactKeys.has(lineKey(l))) return true;
    }
    if (!ownHeaders || headers.length === 0 || isDataLine(l.texts)) return false;
    looseKeys ??= new Set(headers.map(looseLineKey).filter((k) => k !== ''));
    return looseKeys.has(looseLineKey(l));
  };
  // the first part's header keys, made when a later part prints a header of its own
  let first: HeaderKeys | undefined;
  const data: LayoutLine[] = [];
  const repeated: LayoutLine[][] = [];
  for (let g = 0; g < group.length; g++) {
    const p = group[g]!;
    const own = ownHeaders && g > 0 ? p.header.length : 0;
    // the part's header as a whole repeats the first (rows merged or split differently)
    const whole = own > 0 && headers.length > 0 && sameHeader((first ??= headerKeys(headers)), headerKeys(p.header));
    const lines = own > 0 ? [...p.header, ...p.data] : p.data;
    const again: LayoutLine[] = [];
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      if ((i < own && whole) || isRepeat(l)) {
        if (ownHeaders) again.push(l);
        continue;
      }
      data.push(l);
    }
    repeated.push(again);
  }
  return { data, repeated };
}

/** The header (or note) lines of all parts, in order (a loop: flatMap is slow for a few short arrays). */
function linesOf(group: readonly RawPart[], which: 'header' | 'notes'): LayoutLine[] {
  const out: LayoutLine[] = [];
  for (let i = 0; i < group.length; i++) {
    const lines = group[i]![which];
    for (let k = 0; k < lines.length; k++) out.push(lines[k]!);
  }
  return out;
}

/** A line's texts as one string, for comparing lines. */
function lineKey(line: LayoutLine): string {
  return line.texts.join('\t').trim();
}

/** The code of lineKey(line)'s first character, without building the key (-1 for a blank line). */
function firstVisibleCode(line: LayoutLine): number {
  const texts = line.texts;
  for (let i = 0; i < texts.length; i++) {
    const code = firstVisibleCharCode(texts[i]!);
    if (code >= 0) return code;
  }
  return -1;
}

function widestLine(lines: readonly LayoutLine[], width: number): number {
  for (let i = 0; i < lines.length; i++) if (lines[i]!.texts.length > width) width = lines[i]!.texts.length;
  return width;
}

function assemble(group: RawPart[], id: string, file: string, issues: ParseIssue[], readings: ReadingCache): Table {
  const first = group[0]!;
  const kind = first.kind;
  const header = first.header;
  const { data, repeated } = bodyLines(group);
  const width = widestLine(data, widestLine(header, 0));
  const twoSided = TWO_SIDED.has(kind) || (kind === 'unknown' && isTwoSidedHeader(header));
  const headerTexts = objectList<readonly string[]>();
  for (let i = 0; i < header.length; i++) headerTexts.push(header[i]!.texts);
  const reading = readHeader(headerTexts, width, twoSided);
  const { classified, columns: headerColumns } = reading;
  const columns = kind === 'unknown' && header.length === 0 ? objectList<Column>() : headerColumns;
  const unit = group.find((p) => p.unit)?.unit;
  const tableName = first.title;
  const scheme = schemeOf(kind, header, reading);
  if (!unit && kind !== 'unknown') {
    issues.push(makeParseIssue('parse/missing-unit', 'missingUnit', { table: tableName }, first.titleLocation, tableName));
  }
  const rows = objectList<Row>();
  const cellUnit = unit ?? '元';
  const context: RowContext = { columns, unit: cellUnit, table: tableName, kind, issues, readings: readingsIn(readings, cellUnit), cells: new CellWalker() };
  if (twoSided) {
    const sides = sideLayouts(classified, columns);
    for (let i = 0; i < data.length; i++) twoSidedRows(data[i]!, sides, context, rows);
  } else {
    const layout = oneSidedLayoutOf(classified);
    for (let i = 0; i < data.length; i++) rows.push(oneSidedRow(data[i]!, layout, context));
  }
  if (kind !== 'unknown' && kind !== 'T9' && data.length > 0 && !rows.some((r) => r.isTotal)) {
    const last = data[data.length - 1]!;
    issues.push(makeParseIssue('parse/missing-total-row', 'missingTotalRow', { table: tableName }, last.location, tableName));
  }
  // A table with no data line: only a title, or a header without even its 合计 row. The 三公 table's
  // one row has no label, so a row with no amount (nothing budgeted) is no line at all: its header is
  // the table as printed.
  if (kind !== 'unknown' && data.length === 0 && !(kind === 'T9' && header.length > 0)) {
    const messageId = header.length > 0 ? 'noDataRows' : 'emptyTableBody';
    issues.push(makeParseIssue('parse/empty-table-body', messageId, { table: tableName }, first.titleLocation, tableName));
  }
  const notes = objectList<Paragraph>();
  for (const l of linesOf(group, 'notes')) notes.push(noteParagraph(l));
  const parts = objectList<TablePart>();
  for (let g = 0; g < group.length; g++) {
    const again = repeated[g]!;
    let header: Row[] | undefined;
    // rows of a one-sided layout, whose text cells report nothing (the table's kind is unknown)
    if (again.length > 0 && !twoSided) {
      const layout = oneSidedLayoutOf(classified);
      header = again.map((l) => oneSidedRow(l, layout, context));
    }
    parts.push(makeTablePart(group[g]!.titleLocation, header));
  }
  return makeTable(id, kind, first.title, unit, scheme, columns, rows, notes, parts, first.titleLocation);
}

/** A note printed with a table ("注：…") as a paragraph of its own, located at its first text. */
function noteParagraph(l: LayoutLine): Paragraph {
  const text = l.texts.map((t) => t.trim()).filter(Boolean).join(' ');
  const first = l.texts.findIndex((t) => t.trim());
  const segments = [makeSegment(0, first >= 0 ? cellLocation(l, first) : l.location)];
  return makeParagraph(text, 'paragraph', undefined, l.location, segments);
}

function isTwoSidedHeader(header: LayoutLine[]): boolean {
  const top = header[0] ? header[0].texts.filter((t) => t.trim()) : [];
  return top.some((t) => /收入/.test(t)) && top.some((t) => /支出/.test(t));
}

/** The text of cell `index` ("" past the line's end). */
function cellText(line: LayoutLine, index: number): string {
  return index < line.texts.length ? line.texts[index]! : '';
}

/** Where cell `index` is; a cell past the line's end is placed at its last cell's column. */
function cellPlace(line: LayoutLine, index: number, cells: CellWalker): SourceLocation {
  if (index < line.texts.length) return cells.location(index);
  return atColumn(line.location, cellLocation(line, line.texts.length - 1).column ?? 1);
}

/** What every row of one table is built with. */
interface RowContext {
  readonly columns: readonly Column[];
  /** The table's unit (元 when it declares none). */
  readonly unit: Unit;
  readonly table: string;
  readonly kind: TableKind;
  readonly issues: ParseIssue[];
  /** The readings of the table's unit. */
  readonly readings: Map<string, CellReading>;
  /** The locations of the cells of the line being read. */
  readonly cells: CellWalker;
}

/** A non-empty cell text read as an amount in the unit of `readings`, once per document and unit. */
function readCell(text: string, readings: Map<string, CellReading>, unit: Unit): CellReading {
  let reading = readings.get(text);
  if (reading === undefined) {
    const parsed = parseAmountText(text);
    reading = parsed.kind === 'amount' ? { raw: trimmed(text), value: parsed.value, scale: parsed.scale, unit } : parsed.kind;
    readings.set(text, reading);
  }
  return reading;
}

function makeCells(line: LayoutLine, columns: readonly Column[], context: RowContext, rowName: string, reportInvalid: boolean): Record<string, Cell> {
  const cells: Record<string, Cell> = {};
  const { readings } = context;
  context.cells.start(line);
  // the last text read and its reading: a row often prints one amount in two columns side by side
  // (a total and its only source), and comparing two short texts costs less than hashing one
  let lastText = '';
  let lastReading: CellReading = 'blank';
  for (let i = 0; i < columns.length; i++) {
    const col = columns[i]!;
    const text = cellText(line, col.index);
    const location = cellPlace(line, col.index, context.cells);
    // an empty field (half the cells of a table) is blank without reading it
    let reading: CellReading = 'blank';
    if (text !== '') {
      reading = text === lastText ? lastReading : readCell(text, readings, context.unit);
      lastText = text;
      lastReading = reading;
    }
    let cell: Cell;
    if (reading === 'blank') {
      cell = makeCell(col.key, text, null, undefined, location);
    } else if (reading !== 'invalid') {
      // the amount's copy of the text when they are equal: a short slice of the document is a copy
      // of its own, and the row would keep one per cell
      cell = makeCell(col.key, reading.raw.length === text.length ? reading.raw : text, reading, undefined, location);
    } else {
      if (reportInvalid) {
        const { table, issues } = context;
        issues.push(makeParseIssue('parse/invalid-amount', 'invalidAmount', { text: text.trim(), table, row: rowName, column: col.key }, location, table, rowName, col.key));
      }
      cell = makeCell(col.key, text, null, true, location);
    }
    // defined, not assigned: a header printed as "__proto__" must stay a column like any other
    if (col.key === '__proto__') Object.defineProperty(cells, col.key, { value: cell, enumerable: true, writable: true, configurable: true });
    else cells[col.key] = cell;
  }
  return cells;
}

/** The columns a one-sided table's rows are read from, found once per table. */
interface OneSidedLayout {
  /** 类/款/项 code part columns, in order. */
  readonly partCols: readonly HeaderColumn[];
  readonly codeCol: HeaderColumn | undefined;
  readonly nameCol: HeaderColumn | undefined;
  /** Every column that is not an amount, in order. */
  readonly leadingCols: readonly HeaderColumn[];
}

/**
 * The layout of a header's columns, once per header reading (readHeader gives equal headers one).
 * The readings are kept across documents, so a plain WeakMap keyed by them does not keep a
 * document's data alive (the per-document caches of memo.ts are for keys that are).
 */
function oneSidedLayoutOf(classified: readonly HeaderColumn[]): OneSidedLayout {
  let layout = oneSidedLayouts.get(classified);
  if (layout === undefined) oneSidedLayouts.set(classified, (layout = oneSidedLayout(classified)));
  return layout;
}

const oneSidedLayouts = new WeakMap<readonly HeaderColumn[], OneSidedLayout>();

function oneSidedLayout(classified: readonly HeaderColumn[]): OneSidedLayout {
  return {
    partCols: classified.filter((c) => c.role === 'code-class' || c.role === 'code-kuan' || c.role === 'code-xiang'),
    codeCol: classified.find((c) => c.role === 'code'),
    nameCol: classified.find((c) => c.role === 'name' || c.role === 'label'),
    leadingCols: classified.filter((c) => c.role !== 'amount'),
  };
}

function oneSidedRow(line: LayoutLine, layout: OneSidedLayout, context: RowContext): Row {
  const { partCols, codeCol, nameCol } = layout;
  // codes and their parts, names and labels are kept as shared copies (sharedCode, sharedText)
  let shared: SharedCode | undefined;
  if (partCols.length > 0) {
    shared = printedCode(line, partCols);
  } else if (codeCol) {
    const text = codeText(cellText(line, codeCol.index));
    if (text) shared = wholeCode(text);
  }
  let name = nameCol ? trimmed(cellText(line, nameCol.index)) : '';
  if (!shared && name) {
    const split = splitCodeName(name);
    if (split.code) {
      shared = wholeCode(split.code);
      name = split.name;
    }
  }
  const kind = context.kind;
  if (shared !== undefined) {
    // a coded row is never a total row and has no label
    const cells = makeCells(line, context.columns, context, shared.code, kind !== 'unknown');
    return makeRow(shared, undefined, codedRowName(shared, name || (kind === 'T9' ? '预算数' : '')), false, undefined, cells, line.location);
  }
  const leading = leadingTexts(line, layout.leadingCols);
  const isTotal = leading.total !== undefined;
  const rowName = isTotal ? leading.total! : name;
  const label = isTotal ? leading.total : name || leading.first;
  const cells = makeCells(line, context.columns, context, rowName, kind !== 'unknown');
  const rowItemName = sharedText(isTotal ? leading.total! : name || (kind === 'T9' ? '预算数' : ''));
  return makeRow(undefined, label === undefined ? undefined : sharedText(label), rowItemName, isTotal, undefined, cells, line.location);
}

/**
 * The name a coded row shows, as a shared copy (sharedText). A code is printed with the same name in
 * every table and nearly every document: the name last shown with the code is compared with this
 * one, which costs less than finding the text among all shared texts by its hash.
 */
function codedRowName(code: SharedCode, name: string): string {
  // a longer name is not shared: a copy kept here would be one more copy, or keep its document alive
  if (name.length > SHARED_TEXT_MAX_LENGTH) return name;
  const last = lastNames.get(code);
  if (last === name) return last;
  const shared = sharedText(name);
  if (lastNames.size >= MAX_LAST_NAMES) lastNames.clear();
  lastNames.set(code, shared);
  return shared;
}

/** The name each shared code was last shown with; bounded as the shared codes are. */
const lastNames = new Map<SharedCode, string>();
const MAX_LAST_NAMES = 50_000;

/** The first total label and the first non-blank text among a row's leading cells (trimmed), when it has them. */
function leadingTexts(line: LayoutLine, leadingCols: readonly HeaderColumn[]): { total: string | undefined; first: string | undefined } {
  let total: string | undefined;
  let first: string | undefined;
  for (let i = 0; i < leadingCols.length; i++) {
    const t = trimmed(cellText(line, leadingCols[i]!.index));
    if (first === undefined && t !== '') first = t;
    if (isTotalLabel(t)) {
      total = t;
      break;
    }
  }
  return { total, first };
}

/** One side of a two-sided table: its label column and amount columns, found once per table. */
interface SideLayout {
  readonly side: Side;
  readonly labelCol: HeaderColumn | undefined;
  readonly columns: readonly Column[];
}

/** The income side, then the expense side; a side with neither label nor amounts is left out. */
function sideLayouts(classified: readonly HeaderColumn[], columns: readonly Column[]): SideLayout[] {
  const sides: SideLayout[] = [];
  for (const side of ['income', 'expense'] as Side[]) {
    const labelCol = classified.find((c) => (c.role === 'label' || c.role === 'name') && c.side === side);
    const sideCols = columns.filter((c) => c.side === side);
    if (labelCol || sideCols.length > 0) sides.push({ side, labelCol, columns: sideCols });
  }
  return sides;
}

/** A summary-table label as the model keeps it: shared, with its item name and whether it is a total. */
interface SummaryLabel {
  readonly label: string;
  readonly itemName: string;
  readonly isTotal: boolean;
}

/**
 * A label's SummaryLabel, remembered per label: the item name is a total's label without spaces,
 * another label without its numbering (shared). The same few dozen labels open every summary table
 * of every document, and the name costs a few regular-expression replaces; one look-up finds the
 * shared label and its name.
 */
const summaryLabel = memoByString((label: string): SummaryLabel => {
  const isTotal = isTotalLabel(label);
  return { label: sharedText(label), itemName: sharedText(isTotal ? label.replace(/\s+/g, '') : stripNumbering(label)), isTotal };
}, SHARED_TEXT_MAX_LENGTH);

/** Whether any of the columns has text on the line. */
function hasAnyText(line: LayoutLine, columns: readonly Column[]): boolean {
  for (let i = 0; i < columns.length; i++) if (!isBlankText(cellText(line, columns[i]!.index))) return true;
  return false;
}

/** Appends the rows of one two-sided line (one per side that has a label or an amount) to `rows`. */
function twoSidedRows(line: LayoutLine, sides: readonly SideLayout[], context: RowContext, rows: Row[]): void {
  for (let i = 0; i < sides.length; i++) {
    const { side, labelCol, columns } = sides[i]!;
    const label = labelCol ? trimmed(cellText(line, labelCol.index)) : '';
    if (!label && !hasAnyText(line, columns)) continue;
    const cells = makeCells(line, columns, context, label, true);
    context.cells.start(line);
    const column = (labelCol ? cellPlace(line, labelCol.index, context.cells) : line.location).column ?? 1;
    // the line's own location when the label starts the line (locations are never changed)
    const location = line.location.column === column ? line.location : atColumn(line.location, column);
    const { label: sharedLabel, itemName, isTotal } = summaryLabel(label);
    rows.push(makeRow(undefined, sharedLabel, itemName, isTotal, side, cells, location));
  }
}
