import { InputError } from '../errors.js';
import type { BudgetDocument } from '../model/document.js';
import { assembleDocument } from './assemble.js';
import { decodeText } from './decode.js';
import type { LayoutCell, LayoutLine } from './layout.js';

/**
 * Most tab-separated fields on one line. The widest standard table has about twenty columns; a line
 * of a million tabs is not a table, and reading it as one would cost minutes and gigabytes, so the
 * file is refused with one line naming it and the line.
 */
export const MAX_FIELDS_PER_LINE = 1000;

const LINE_BREAK = /\r\n|\r|\n/;

/** Splits decoded text into layout lines: tab-separated fields become cells with their columns. */
export function textToLines(text: string, file: string): LayoutLine[] {
  // a plain string split is quicker, and enough when there is no carriage return
  const raws = text.includes('\r') ? text.split(LINE_BREAK) : text.split('\n');
  const lines: LayoutLine[] = [];
  for (let i = 0; i < raws.length; i++) lines.push(layoutLine(raws[i]!, file, i + 1));
  return lines;
}

function layoutLine(raw: string, file: string, line: number): LayoutLine {
  // more fields than the limit need at least as many tabs, so a shorter line cannot be too wide
  if (raw.length >= MAX_FIELDS_PER_LINE) checkWidth(raw, file, line);
  const cells: LayoutCell[] = [];
  let start = 0;
  for (let tab = raw.indexOf('\t'); tab >= 0; tab = raw.indexOf('\t', start)) {
    cells.push({ text: raw.slice(start, tab), location: { file, line, column: start + 1 } });
    start = tab + 1;
  }
  cells.push({ text: start === 0 ? raw : raw.slice(start), location: { file, line, column: start + 1 } });
  return { cells, location: { file, line, column: 1 }, tabular: cells.length > 1 };
}

function checkWidth(raw: string, file: string, line: number): void {
  let fields = 1;
  for (let at = raw.indexOf('\t'); at >= 0; at = raw.indexOf('\t', at + 1)) fields++;
  if (fields > MAX_FIELDS_PER_LINE) {
    throw new InputError(`${file}: line ${line} has ${fields} tab-separated fields; not a budget table line (a table has a few dozen columns; the limit is ${MAX_FIELDS_PER_LINE})`);
  }
}

/** Parses a plain-text budget document (tables as tab-separated lines). */
export function parseText(bytes: Uint8Array, file: string): BudgetDocument {
  const decoded = decodeText(bytes, file);
  return assembleDocument(textToLines(decoded.text, file), { file, format: 'text', encoding: decoded.encoding });
}
