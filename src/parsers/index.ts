import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { InputError } from '../errors.js';
import type { BudgetDocument } from '../model/document.js';
import { documentFolder, parseJoined } from './csv-folder.js';
import { parseCsv } from './csv.js';
import { parsePdf } from './pdf/index.js';
import { parseText } from './text.js';

/** A parser turns the bytes of one input into the document model (it may be asynchronous). */
export type Parser = (bytes: Uint8Array, file: string) => BudgetDocument | Promise<BudgetDocument>;

/** Extension → parser. Extensions not listed are read as text. */
export const PARSERS: Readonly<Record<string, Parser>> = {
  '.csv': parseCsv,
  '.md': parseText,
  '.pdf': parsePdf,
  '.text': parseText,
  '.tsv': parseText,
  '.txt': parseText,
  // exceljs is large: load it only when a workbook is read
  '.xlsx': async (bytes, file) => (await import('./xlsx/index.js')).parseXlsx(bytes, file),
};

/** Inputs larger than this are refused with a clear error instead of exhausting memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export function parserFor(file: string): Parser {
  return PARSERS[extname(file).toLowerCase()] ?? parseText;
}

/** Parses bytes already in memory; `file` names the input in locations and messages. */
export async function parseBuffer(bytes: Uint8Array, file: string): Promise<BudgetDocument> {
  if (bytes.length === 0) throw new InputError(`${file}: empty file`);
  if (bytes.length > MAX_INPUT_BYTES) throw new InputError(`${file}: ${bytes.length} bytes is over the ${MAX_INPUT_BYTES}-byte input limit`);
  return parserFor(file)(bytes, file);
}

/** Reads and parses one file. `displayName` (default: the path) is used in locations. */
export async function parseFile(path: string, displayName = path): Promise<BudgetDocument> {
  // a folder of CSV tables (and an optional narrative file) is one document
  if (documentFolder(path)) return parseJoined(path, displayName);
  let bytes: Uint8Array;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new InputError(`${displayName}: is a directory`);
    if (st.size > MAX_INPUT_BYTES) throw new InputError(`${displayName}: ${st.size} bytes is over the ${MAX_INPUT_BYTES}-byte input limit`);
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${displayName}: cannot read file${code === 'ENOENT' ? ' (no such file)' : code ? ` (${code})` : ''}`);
  }
  return parseBuffer(bytes, displayName);
}
