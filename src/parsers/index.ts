import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError } from '../errors.js';
import type { BudgetDocument } from '../model/document.js';
import { documentFolder, parseJoined } from './csv-folder.js';
import { parseCsv } from './csv.js';
import { MAX_TEXT_INPUT_BYTES, sizeLimitMessage } from './decode.js';
import { parseText } from './text.js';

/** A parser turns the bytes of one input into the document model (it may be asynchronous). */
export type Parser = (bytes: Uint8Array, file: string) => BudgetDocument | Promise<BudgetDocument>;

/** Extension → parser. Extensions not listed are read as text. */
export const PARSERS: Readonly<Record<string, Parser>> = {
  '.csv': parseCsv,
  '.md': parseText,
  // the PDF reader (≈ 60 KB of code to compile) loads with the first PDF, not at every start
  '.pdf': async (bytes, file) => (await import('./pdf/index.js')).parsePdf(bytes, file),
  '.text': parseText,
  '.tsv': parseText,
  '.txt': parseText,
  // exceljs is large: load it only when a workbook is read
  '.xlsx': async (bytes, file) => (await import('./xlsx/index.js')).parseXlsx(bytes, file),
};

export { MAX_TEXT_INPUT_BYTES } from './decode.js';

/**
 * Size limits (README "What it reads"): PDF and XLSX files up to 64 MiB; every other input is read as
 * text or CSV and limited to MAX_TEXT_INPUT_BYTES (4 MiB; real text disclosures are under 2 MB).
 * A larger file is refused before it is read, with one line naming it (exit 2).
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Extensions read as binary documents (PDF, XLSX); these get MAX_INPUT_BYTES. */
const BINARY_DOCUMENTS = new Set(['.pdf', '.xlsx']);

/** The size limit of an input, and what kind of input it is for the message. */
export function inputLimit(file: string): { readonly bytes: number; readonly what: string } {
  return BINARY_DOCUMENTS.has(extname(file).toLowerCase()) ? { bytes: MAX_INPUT_BYTES, what: 'PDF and XLSX files' } : { bytes: MAX_TEXT_INPUT_BYTES, what: 'text and CSV files' };
}

function checkSize(path: string, display: string, size: number): void {
  const limit = inputLimit(path);
  if (size > limit.bytes) throw new InputError(sizeLimitMessage(display, size, limit.bytes, limit.what));
}

export function parserFor(file: string): Parser {
  return PARSERS[extname(file).toLowerCase()] ?? parseText;
}

/** Parses bytes already in memory; `file` names the input in locations and messages. */
export async function parseBuffer(bytes: Uint8Array, file: string): Promise<BudgetDocument> {
  if (bytes.length === 0) throw new InputError(`${file}: empty file`);
  checkSize(file, file, bytes.length);
  return parserFor(file)(bytes, file);
}

/**
 * Reads and parses one file. `displayName` (default: the path) is used in locations. The file is
 * read synchronously, in one call: a document is read whole before parsing anyway, and for the
 * 15–40 KB of a text disclosure the promise-based stat + open + read + close took ~0.5 ms against
 * ~0.1 ms (measured on the batch machine; BENCHMARKS.md).
 */
export async function parseFile(path: string, displayName = path): Promise<BudgetDocument> {
  let bytes: Uint8Array | undefined;
  try {
    const st = statSync(path);
    if (st.isDirectory()) {
      if (!documentFolder(path)) throw new InputError(`${displayName}: is a directory`);
    } else {
      checkSize(path, displayName, st.size);
      bytes = readFileSync(path);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${displayName}: cannot read file${code === 'ENOENT' ? ' (no such file)' : code ? ` (${code})` : ''}`);
  }
  // no bytes: a folder of CSV tables (and an optional narrative file), which is one document
  return bytes ? parseBuffer(bytes, displayName) : parseJoined(path, displayName);
}
