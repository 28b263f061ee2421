import type { Amount, Unit } from './amount.js';
import type {
  BudgetDocument,
  Cell,
  CodeLevel,
  CodeScheme,
  Column,
  DocumentMetadata,
  DocumentSource,
  Paragraph,
  ParseIssue,
  Row,
  Side,
  Table,
  TableKind,
  TablePart,
  TextSegment,
} from './document.js';
import type { SourceLocation } from './location.js';

/**
 * One constructor per kind of model object, each one object literal with every property of its kind,
 * an absent optional one as undefined. V8 gives objects with other property sets (or orders) other
 * hidden classes, and the checks that loop over tables, rows and cells are compiled for the classes
 * they met first: a row without a level or a cell marked invalid met later throws that code away to
 * be compiled again, in every worker. Built here, every object of a kind has one class whatever
 * parser read it.
 *
 * The order is the one the parsers always used for the properties they set, so the model's JSON
 * (which leaves out undefined values) is unchanged. Nothing in the model tells an absent property
 * from an undefined one (`in`, Object.keys and spreads are not used on these objects).
 */

export function makeDocument(source: DocumentSource, metadata: DocumentMetadata, tables: readonly Table[], paragraphs: readonly Paragraph[], issues: readonly ParseIssue[]): BudgetDocument {
  return { source, metadata, tables, paragraphs, issues };
}

/** `encoding` before `files`: the order the CSV folder reader has always given them. */
export function makeSource(file: string, format: DocumentSource['format'], encoding: string | undefined, files: readonly string[] | undefined): DocumentSource {
  return { file, format, encoding, files };
}

export function makeMetadata(
  title: string | undefined,
  department: string | undefined,
  year: number | undefined,
  scope: DocumentMetadata['scope'],
  stage: DocumentMetadata['stage'],
): DocumentMetadata {
  return { title, department, year, scope, stage };
}

export function makeTable(
  id: string,
  kind: TableKind,
  title: string,
  unit: Unit | undefined,
  scheme: CodeScheme | undefined,
  columns: readonly Column[],
  rows: readonly Row[],
  notes: readonly Paragraph[],
  parts: readonly TablePart[],
  location: SourceLocation,
): Table {
  return { id, kind, title, unit, scheme, columns, rows, notes, parts, location };
}

/** `index` before `side`: the order the header reader has always given them. */
export function makeColumn(key: string, path: readonly string[], name: string, index: number, side: Side | undefined): Column {
  return { key, path, name, index, side };
}

/** The printed code of a coded row (absent on label rows). */
export interface RowCode {
  readonly code: string;
  readonly level: CodeLevel | undefined;
  readonly parts: readonly string[];
}

export function makeRow(
  code: RowCode | undefined,
  label: string | undefined,
  name: string,
  isTotal: boolean,
  side: Side | undefined,
  cells: Row['cells'],
  location: SourceLocation,
): Row {
  return { code: code?.code, level: code?.level, codeParts: code?.parts, label, name, isTotal, side, cells, location };
}

/** `invalid` is true or undefined (never false), as the parsers have always set it. */
export function makeCell(column: string, raw: string, amount: Amount | null, invalid: true | undefined, location: SourceLocation): Cell {
  return { column, raw, amount, invalid, location };
}

export function makeParagraph(text: string, kind: Paragraph['kind'], section: string | undefined, location: SourceLocation, segments: readonly TextSegment[]): Paragraph {
  return { text, kind, section, location, segments };
}

export function makeSegment(start: number, location: SourceLocation): TextSegment {
  return { start, location };
}

const NO_ROWS: readonly Row[] = Object.freeze([]);

/** A printed part of a table (every part has both fields: one object shape). */
export function makeTablePart(location: SourceLocation, repeatedHeader: readonly Row[] = NO_ROWS): TablePart {
  return { location, repeatedHeader };
}

export function makeParseIssue(
  ruleId: string,
  messageId: string,
  data: ParseIssue['data'],
  location: SourceLocation,
  table?: string,
  row?: string,
  field?: string,
): ParseIssue {
  return { ruleId, messageId, data, location, table, row, field };
}
