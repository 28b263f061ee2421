import type { SourceLocation } from '../model/location.js';

/**
 * The format-neutral input of the table builder: a document as a sequence of lines, each a list of
 * cells in column order. Text files give one cell per tab-separated field; PDF and spreadsheet
 * readers give one cell per column position (blank cells included, as "").
 */
export interface LayoutCell {
  readonly text: string;
  readonly location: SourceLocation;
}

export interface LayoutLine {
  readonly cells: readonly LayoutCell[];
  readonly location: SourceLocation;
  /** True when the line came from a tabular source (tabs, PDF columns, spreadsheet row). */
  readonly tabular: boolean;
  /** A hard break (page or sheet boundary) before this line; paragraphs are not joined across it. */
  readonly breakBefore?: boolean;
  /**
   * The reader saw the line before wrap into this one (a PDF line that runs to the right margin,
   * followed by one that is not indented): they are one paragraph even when the line before ends
   * with sentence punctuation.
   */
  readonly continues?: boolean;
}

/**
 * A layout line, with all its properties (an unset flag undefined) in one order whichever reader
 * made it: the table builder and the paragraph reader are compiled once for one hidden class, not
 * again for each combination of flags and for each line copied by a spread.
 */
export function layoutLine(cells: readonly LayoutCell[], location: SourceLocation, tabular: boolean, breakBefore?: boolean, continues?: boolean): LayoutLine {
  return { cells, location, tabular, breakBefore, continues };
}

export function lineText(line: LayoutLine): string {
  return line.cells.map((c) => c.text).join(' ').trim();
}

export function nonEmptyCells(line: LayoutLine): LayoutCell[] {
  return line.cells.filter((c) => c.text.trim() !== '');
}
