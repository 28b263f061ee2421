/**
 * Where something is in the source document. Text inputs fill line/column; PDF inputs fill page and
 * line (the line on that page); spreadsheet inputs fill sheet and cell. All numbers are 1-based and
 * columns count UTF-16 code units (JavaScript string indices + 1).
 */
export interface SourceLocation {
  /** The input file as given on the command line, with `/` separators. */
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly page?: number;
  readonly sheet?: string;
  readonly cell?: string;
}

/**
 * Locations are built by these functions rather than by literals and spreads where they are needed:
 * V8 gives every spread (`{ ...loc, column }`) a hidden class of its own, so the locations of one
 * document came in several classes and the code reading them was compiled for each. Each kind of
 * input has one shape, its properties in this order: text files file/line/column, PDF pages
 * file/page/line/column, spreadsheet cells file/sheet/cell and CSV cells file/line/cell (each written
 * in one place in its reader), the latter two with a column appended where a row starts at a column.
 * Only the properties a location has are set: diagnostics copy them, and their keys are part of
 * reports and of the batch workers' packed results (src/batch/transport.ts).
 */
export function textLocation(file: string, line: number, column: number): SourceLocation {
  return { file, line, column };
}

export function pageLocation(file: string, page: number, line: number, column: number): SourceLocation {
  return { file, page, line, column };
}

/**
 * `{ ...loc, column }`: the same properties in the same order, for a location of one of the shapes
 * above (any other is spread).
 */
export function atColumn(loc: SourceLocation, column: number): SourceLocation {
  const { file, page, sheet, line, cell } = loc;
  if (loc.endLine !== undefined || loc.endColumn !== undefined) return { ...loc, column };
  if (cell === undefined) {
    if (line === undefined || sheet !== undefined) return { ...loc, column };
    return page === undefined ? textLocation(file, line, column) : pageLocation(file, page, line, column);
  }
  if (page !== undefined || (sheet === undefined) === (line === undefined)) return { ...loc, column };
  return sheet !== undefined ? { file, sheet, cell, column } : { file, line, cell, column };
}

/** `{ ...loc, column, endColumn }` (as atColumn; a paragraph's text is on text or PDF lines). */
export function atColumns(loc: SourceLocation, column: number, endColumn: number): SourceLocation {
  const { file, page, line } = loc;
  if (line === undefined || loc.sheet !== undefined || loc.cell !== undefined || loc.endLine !== undefined || loc.endColumn !== undefined) return { ...loc, column, endColumn };
  return page === undefined ? { file, line, column, endColumn } : { file, page, line, column, endColumn };
}

/** Orders locations by file, page, sheet, line, column, cell. */
export function compareLocations(a: SourceLocation, b: SourceLocation): number {
  return (
    compareStrings(a.file, b.file) ||
    (a.page ?? 0) - (b.page ?? 0) ||
    compareStrings(a.sheet ?? '', b.sheet ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    cmpCell(a.cell ?? '', b.cell ?? '')
  );
}

/** Code-unit order of two strings (the order of `<`), as a comparator. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Spreadsheet references compare by row then column ("B2" < "A10"). */
function cmpCell(a: string, b: string): number {
  const pa = /^([A-Z]+)(\d+)$/.exec(a);
  const pb = /^([A-Z]+)(\d+)$/.exec(b);
  if (!pa || !pb) return compareStrings(a, b);
  return Number(pa[2]) - Number(pb[2]) || pa[1]!.length - pb[1]!.length || compareStrings(pa[1]!, pb[1]!);
}

/** Human-readable position: "line 12:5", "page 3 line 14", "Sheet1!C12". */
export function formatPosition(loc: SourceLocation): string {
  if (loc.sheet !== undefined) return `${loc.sheet}!${loc.cell ?? ''}`;
  const parts: string[] = [];
  if (loc.page !== undefined) parts.push(`page ${loc.page}`);
  if (loc.line !== undefined) parts.push(`line ${loc.line}${loc.column !== undefined ? `:${loc.column}` : ''}`);
  return parts.join(' ');
}
