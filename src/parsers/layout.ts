import { objectList } from '../model/lists.js';
import { textLocation, type SourceLocation } from '../model/location.js';

/**
 * The format-neutral input of the table builder: a document as a sequence of lines, each a list of
 * cells in column order. Text files give one cell per tab-separated field; PDF and spreadsheet
 * readers give one cell per column position (blank cells included, as "").
 */
export interface LayoutCell {
  readonly text: string;
  readonly location: SourceLocation;
}

/**
 * A line's cells are kept as two parallel facts: the texts, which every step of the table builder
 * reads, and where each cell starts, which only the cells that end up in the model need. A text
 * file's fields start where the fields before them end (one tab apart), so its lines keep no
 * locations: of the thousand fields of a document, a few hundred become model cells, and a location
 * object and a cell object for each of the others were made only to be thrown away.
 */
export interface LayoutLine {
  /** The cells' texts in column order; a line has at least one. */
  readonly texts: readonly string[];
  /** Where each cell starts (PDF and spreadsheet lines); undefined for a text file's line (cellLocation). */
  readonly locations: readonly SourceLocation[] | undefined;
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
 * A layout line of cells with locations of their own (PDF, spreadsheets), with all its properties
 * (an unset flag undefined) in one order whichever reader made it: the table builder and the
 * paragraph reader are compiled once for one hidden class, not again for each combination of flags.
 */
export function layoutLine(cells: readonly LayoutCell[], location: SourceLocation, tabular: boolean, breakBefore?: boolean, continues?: boolean): LayoutLine {
  const texts = objectList<string>();
  const locations = objectList<SourceLocation>();
  for (const c of cells) {
    texts.push(c.text);
    locations.push(c.location);
  }
  return { texts, locations, location, tabular, breakBefore, continues };
}

/** A line of a text file: its tab-separated fields, the first at `location` (column 1). */
export function textLayoutLine(texts: readonly string[], location: SourceLocation, tabular: boolean): LayoutLine {
  return { texts, locations: undefined, location, tabular, breakBefore: undefined, continues: undefined };
}

/** The same cells with other flags. */
export function relaidLine(line: LayoutLine, tabular: boolean, breakBefore: boolean | undefined, continues: boolean | undefined): LayoutLine {
  return { texts: line.texts, locations: line.locations, location: line.location, tabular, breakBefore, continues };
}

/**
 * Where cell `index` of the line starts. A text line's cell starts one column after the end of the
 * cell before it; its first cell is where the line is (the same object). Costs a pass over the cells
 * before it: a caller that walks a line's cells in order uses a CellWalker.
 */
export function cellLocation(line: LayoutLine, index: number): SourceLocation {
  if (line.locations !== undefined) return line.locations[index]!;
  if (index === 0) return line.location;
  let column = 1;
  for (let i = 0; i < index; i++) column += line.texts[i]!.length + 1;
  return textLocation(line.location.file, line.location.line!, column);
}

/**
 * The locations of one line's cells asked in increasing order of index (a row's columns): a text
 * line's column is found from the cell asked before rather than from the line's start, so that a
 * wide line costs a pass over its cells, not one per cell. `start` begins each line.
 */
export class CellWalker {
  private line: LayoutLine | undefined;
  private index = 0;
  private column = 1;

  start(line: LayoutLine): void {
    this.line = line;
    this.index = 0;
    this.column = 1;
  }

  /** cellLocation(line, index) of the line started, for an index below its cell count. */
  location(index: number): SourceLocation {
    const line = this.line!;
    if (line.locations !== undefined) return line.locations[index]!;
    if (index === 0) return line.location;
    if (index < this.index) {
      this.index = 0;
      this.column = 1;
    }
    const texts = line.texts;
    let column = this.column;
    for (let i = this.index; i < index; i++) column += texts[i]!.length + 1;
    this.index = index;
    this.column = column;
    return textLocation(line.location.file, line.location.line!, column);
  }
}
