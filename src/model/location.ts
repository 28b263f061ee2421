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

export function locationKey(loc: SourceLocation): string {
  return [loc.file, loc.page ?? 0, loc.sheet ?? '', loc.line ?? 0, loc.column ?? 0, loc.cell ?? ''].join('\u0000');
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
