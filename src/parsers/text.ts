import type { BudgetDocument } from '../model/document.js';
import { assembleDocument } from './assemble.js';
import { decodeText } from './decode.js';
import type { LayoutCell, LayoutLine } from './layout.js';

/** Splits decoded text into layout lines: tab-separated fields become cells with their columns. */
export function textToLines(text: string, file: string): LayoutLine[] {
  const lines = text.split(/\r\n|\r|\n/);
  return lines.map((raw, i) => {
    const line = i + 1;
    const cells: LayoutCell[] = [];
    let offset = 0;
    for (const field of raw.split('\t')) {
      cells.push({ text: field, location: { file, line, column: offset + 1 } });
      offset += field.length + 1;
    }
    return { cells, location: { file, line, column: 1 }, tabular: raw.includes('\t') };
  });
}

/** Parses a plain-text budget document (tables as tab-separated lines). */
export function parseText(bytes: Uint8Array, file: string): BudgetDocument {
  const decoded = decodeText(bytes, file);
  return assembleDocument(textToLines(decoded.text, file), { file, format: 'text', encoding: decoded.encoding });
}
