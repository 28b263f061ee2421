import { basename, extname } from 'node:path';
import { csvParse } from '../csv-parse.js';
import { InputError } from '../errors.js';
import { makeSource } from '../model/construct.js';
import type { BudgetDocument, ParseIssue } from '../model/document.js';
import { assembleDocument } from './assemble.js';
import { decodeText } from './decode.js';
import type { LayoutLine } from './layout.js';
import { columnLetters } from './xlsx/formula.js';
import { gridLines, type GridRow } from './xlsx/grid.js';

/** Layout lines of one CSV file, the problems met, and the encoding it was read in. */
export interface CsvLines {
  readonly lines: LayoutLine[];
  readonly issues: ParseIssue[];
  readonly encoding: string;
}

/**
 * Reads one CSV file (one table) into layout lines. The encoding is detected as for text files
 * (UTF-8 with or without BOM, UTF-16 with BOM, else GB18030/GBK); fields are kept as text (no type
 * casting), so amounts are read exactly as written. Rows may have different lengths. The delimiter
 * is a comma, or a tab when the file has tabs and no commas. Cells are located by line and cell
 * reference ("C12"); a field spanning lines is located at its record's first line.
 */
export function readCsvLines(bytes: Uint8Array, file: string): CsvLines {
  const decoded = decodeText(bytes, file);
  const text = decoded.text.replace(/\r\n?/g, '\n');
  const delimiter = !text.includes(',') && text.includes('\t') ? '\t' : ',';
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = csvParse()(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, cast: false, info: true }) as unknown as typeof records;
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new InputError(`${file}${err.lines ? `: line ${err.lines}` : ''}: malformed CSV (${err.message.split('\n')[0]})`);
  }
  const rows: GridRow[] = [];
  let line = 1;
  for (const { record, info } of records) {
    const at = line;
    rows.push({
      cells: record.map((t, i) => ({ text: unwrapFormulaText(t), location: { file, line: at, cell: `${columnLetters(i + 1)}${at}` } })),
      location: { file, line: at, cell: `A${at}` },
    });
    line = info.lines + 1;
  }
  const issues: ParseIssue[] = [];
  const name = basename(file, extname(file));
  const lines = gridLines({ name, rows, origin: { file, line: 1, cell: 'A1' } }, issues);
  return { lines, issues, encoding: decoded.encoding };
}

/**
 * Budget systems write codes as ="01" so that spreadsheet programs keep the leading zero; the
 * field means the text between the quotes.
 */
function unwrapFormulaText(field: string): string {
  const m = /^="(.*)"$/s.exec(field.trim());
  return m ? m[1]!.replace(/""/g, '"') : field;
}

/** Parses a single CSV file as a document of one table. */
export function parseCsv(bytes: Uint8Array, file: string): BudgetDocument {
  const { lines, issues, encoding } = readCsvLines(bytes, file);
  return assembleDocument(lines, makeSource(file, 'csv', encoding, undefined), issues);
}
