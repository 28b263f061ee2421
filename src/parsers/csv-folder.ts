import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { makeSource } from '../model/construct.js';
import type { BudgetDocument, DocumentSource, ParseIssue } from '../model/document.js';
import { assembleDocument } from './assemble.js';
import { readCsvLines } from './csv.js';
import { decodeText } from './decode.js';
import type { LayoutLine } from './layout.js';
import { textToLines } from './text.js';
import { placeCellIssues } from './xlsx/grid.js';

const NARRATIVE_EXTENSIONS = new Set(['.txt', '.md', '.text']);
const OTHER_DOCUMENTS = new Set(['.pdf', '.tsv']);

/**
 * The files of a folder that is one document: its CSV tables (sorted by name) or its workbook, and
 * its narrative, if any.
 */
export interface DocumentFolder {
  readonly csvFiles: readonly string[];
  readonly workbook?: string;
  readonly narrative?: string;
}

/**
 * A folder without sub-folders is ONE document when it directly holds
 * - at least one .csv file, no workbook, and at most one narrative (.txt / .md) file; its CSV files
 *   are its tables, read in file name order; or
 * - exactly one .xlsx workbook, no CSV file, and exactly one narrative file;
 * and no other document (PDF, TSV). The narrative comes first in the document, as the 编制说明 comes
 * before the tables. Returns undefined for any other folder (or a path that is not a folder): its
 * files are then documents of their own.
 */
export function documentFolder(dir: string): DocumentFolder | undefined {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) return undefined;
    names = readdirSync(dir).sort();
  } catch {
    return undefined;
  }
  const kinds = names.map((n) => {
    try {
      const st = statSync(join(dir, n));
      return st.isFile() ? 'file' : st.isDirectory() ? 'dir' : 'other';
    } catch {
      return 'other';
    }
  });
  // a document folder is flat: a folder with sub-folders is a collection of documents
  if (kinds.includes('dir')) return undefined;
  const files = names.filter((_, i) => kinds[i] === 'file');
  const csvFiles = files.filter((n) => extname(n).toLowerCase() === '.csv').map((n) => join(dir, n));
  const narratives = files.filter((n) => NARRATIVE_EXTENSIONS.has(extname(n).toLowerCase()));
  const workbooks = files.filter((n) => extname(n).toLowerCase() === '.xlsx').map((n) => join(dir, n));
  const others = files.filter((n) => OTHER_DOCUMENTS.has(extname(n).toLowerCase()));
  if (narratives.length > 1 || others.length > 0) return undefined;
  const narrative = narratives[0] ? { narrative: join(dir, narratives[0]) } : {};
  if (csvFiles.length > 0 && workbooks.length === 0) return { csvFiles, ...narrative };
  if (csvFiles.length === 0 && workbooks.length === 1 && narratives.length === 1) return { csvFiles, workbook: workbooks[0]!, ...narrative };
  return undefined;
}

/** The path shown for a file inside a folder input: the folder's display path, '/', the file name. */
function inside(displayDir: string, path: string, dir: string): string {
  let end = displayDir.length;
  while (end > 0 && displayDir[end - 1] === '/') end--;
  return `${displayDir.slice(0, end)}/${path.slice(dir.length).replace(/^[\\/]+/, '').split('\\').join('/')}`;
}

async function readInput(path: string, display: string): Promise<Uint8Array> {
  // read synchronously, as single files are (parsers/index.ts): node:fs/promises costs a cold start ≈ 1.5 ms to load
  const [{ inputLimit }, { sizeLimitMessage }] = await Promise.all([import('./index.js'), import('./decode.js')]);
  const limit = inputLimit(path);
  try {
    const st = statSync(path);
    // refused before reading, with the same limits as single files (4 MiB for CSV and text)
    if (st.size > limit.bytes) throw new InputError(sizeLimitMessage(display, st.size, limit.bytes, limit.what));
    const bytes = readFileSync(path);
    if (bytes.length === 0) throw new InputError(`${display}: empty file`);
    return bytes;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${display}: cannot read file${code === 'ENOENT' ? ' (no such file)' : code ? ` (${code})` : ''}`);
  }
}

/** Narrative lines of a text or Markdown file, located in that file. */
async function narrativeLines(path: string, display: string): Promise<LayoutLine[]> {
  const bytes = await readInput(path, display);
  return textToLines(decodeText(bytes, display).text, display);
}

interface TableLines {
  lines: LayoutLine[];
  issues: ParseIssue[];
  source: DocumentSource;
  /** Display paths of the files read (a folder's CSV files). */
  files?: string[];
  /** The folder's own narrative file, if any. */
  narrative?: { path: string; display: string };
}

async function workbookLines(path: string, display: string): Promise<{ lines: LayoutLine[]; issues: ParseIssue[] }> {
  const bytes = await readInput(path, display);
  // exceljs is large: load it only when a workbook is read
  const { readWorkbookLines } = await import('./xlsx/index.js');
  return readWorkbookLines(bytes, display);
}

async function tableLines(path: string, display: string): Promise<TableLines> {
  const folder = documentFolder(path);
  if (folder?.workbook) {
    const shown = inside(display, folder.workbook, path);
    const read = await workbookLines(folder.workbook, shown);
    return { ...read, source: { file: display, format: 'xlsx' }, files: [shown], ...(folder.narrative ? { narrative: { path: folder.narrative, display: inside(display, folder.narrative, path) } } : {}) };
  }
  if (folder) {
    const lines: LayoutLine[] = [];
    const issues: ParseIssue[] = [];
    const encodings = new Set<string>();
    const files: string[] = [];
    for (const f of folder.csvFiles) {
      const shown = inside(display, f, path);
      files.push(shown);
      const read = readCsvLines(await readInput(f, shown), shown);
      lines.push(...read.lines);
      issues.push(...read.issues);
      encodings.add(read.encoding);
    }
    return {
      lines,
      issues,
      source: { file: display, format: 'csv', encoding: [...encodings].join(',') },
      files,
      ...(folder.narrative ? { narrative: { path: folder.narrative, display: inside(display, folder.narrative, path) } } : {}),
    };
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return { ...(await workbookLines(path, display)), source: { file: display, format: 'xlsx' } };
  if (ext === '.csv') {
    const read = readCsvLines(await readInput(path, display), display);
    return { lines: read.lines, issues: read.issues, source: { file: display, format: 'csv', encoding: read.encoding } };
  }
  throw new UsageError(`${display}: --narrative joins a narrative to an .xlsx workbook, a .csv file or a folder of CSV files`);
}

/**
 * Reads a document folder (see documentFolder), or a workbook / CSV file / CSV folder together with a narrative file, as ONE
 * document: the narrative's lines come first (located in the narrative file), then the tables
 * (located by sheet and cell, or CSV file and line). A folder with its own narrative file cannot be
 * given a second one.
 */
export async function parseJoined(path: string, display: string, narrative?: { path: string; display: string }): Promise<BudgetDocument> {
  const read = await tableLines(path, display);
  if (narrative && read.narrative) {
    throw new UsageError(`${display}: the folder already holds a narrative (${read.narrative.display}); --narrative cannot add another`);
  }
  const text = narrative ?? read.narrative;
  const lines = text ? [...(await narrativeLines(text.path, text.display)), ...read.lines] : read.lines;
  // every file the document was read from, so that findings may point into any of them
  const files = [...(read.files ?? []), ...(text ? [text.display] : [])].filter((f) => f !== read.source.file);
  const source = makeSource(read.source.file, read.source.format, read.source.encoding, files.length > 0 ? files : undefined);
  return placeCellIssues(assembleDocument(lines, source, read.issues));
}
