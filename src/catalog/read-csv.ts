import { readFileSync } from 'node:fs';
import { csvParse } from '../csv-parse.js';
import { ConfigError } from '../errors.js';
import { decodeText } from '../parsers/decode.js';
import { levelOfCode, schemeOfCode, type CatalogEntry, type Rename } from './types.js';

type Record_ = Readonly<Record<string, string>>;

/** Reads a CSV file with a header row into records; every problem is a ConfigError naming the file. */
function readRecords(path: string, shown: string, required: readonly string[]): Record_[] {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new ConfigError(`${shown}: cannot read catalog file`);
  }
  let text: string;
  try {
    text = decodeText(bytes, shown).text;
  } catch (e) {
    throw new ConfigError((e as Error).message);
  }
  let records: Record_[];
  let header: string[] = [];
  const columns = (h: string[]): string[] => (header = h.map((x) => x.trim().toLowerCase()));
  try {
    records = text.includes('"') ? parseQuoted(text, columns) : parsePlain(text, columns);
  } catch (e) {
    throw new ConfigError(`${shown}: invalid CSV (${(e as Error).message.split('\n')[0]})`);
  }
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new ConfigError(`${shown}: catalog header lacks column(s) ${missing.join(', ')} (expected ${required.join(',')})`);
  if (records.length === 0) throw new ConfigError(`${shown}: catalog file has no rows`);
  return records;
}

/** Full CSV (quoted fields) with csv-parse, loaded only when a file needs it. */
function parseQuoted(text: string, columns: (h: string[]) => string[]): Record_[] {
  return csvParse()(text, { columns, skip_empty_lines: true, trim: true, relax_column_count: true });
}

/**
 * A CSV without any quote character (the built-in catalog, most exports): fields are the text
 * between commas, trimmed; blank lines skipped; short rows leave the missing columns unset — what
 * csv-parse gives with the options above, without its start-up cost.
 */
function parsePlain(text: string, columns: (h: string[]) => string[]): Record_[] {
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return [];
  const names = columns(lines[0]!.split(','));
  return lines.slice(1).map((l) => {
    const record: Record<string, string> = {};
    l.split(',').forEach((v, i) => {
      if (i < names.length) record[names[i]!] = v.trim();
    });
    return record;
  });
}

function optionalYear(v: string | undefined, shown: string, line: number): number | undefined {
  if (v === undefined || v === '') return undefined;
  if (!/^\d{4}$/.test(v)) throw new ConfigError(`${shown}:${line}: year "${v}" is not a 4-digit year`);
  return Number(v);
}

/**
 * Reads a catalog CSV: `code,name,level` (user files) plus optional `from,to,provenance` (built-in
 * files). Codes are normalised (inner spaces removed); the level must match the code's length.
 */
export function readCatalogCsv(path: string, shown: string, origin: 'builtin' | 'user'): CatalogEntry[] {
  const records = readRecords(path, shown, ['code', 'name', 'level']);
  return records.map((r, i) => {
    const line = i + 2;
    const code = (r.code ?? '').replace(/[\s\u3000]+/g, '');
    const level = levelOfCode(code);
    const scheme = schemeOfCode(code);
    if (!level || !scheme) throw new ConfigError(`${shown}:${line}: "${r.code}" is not a 3-, 5- or 7-digit expenditure code (2xx, 3xx or 5xx)`);
    const name = r.name ?? '';
    if (name === '') throw new ConfigError(`${shown}:${line}: code ${code} has no name`);
    if (r.level && r.level !== level) throw new ConfigError(`${shown}:${line}: code ${code} has level "${r.level}" but its length makes it a ${level}`);
    const from = optionalYear(r.from, shown, line);
    const to = optionalYear(r.to, shown, line);
    const provenance = origin === 'user' ? `user:${shown}` : (r.provenance ?? '');
    return { code, name, level, scheme, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}), provenance };
  });
}

/** Reads the renames file: code,old_name,new_name,year,certainty,provenance,note. */
export function readRenamesCsv(path: string, shown: string): Rename[] {
  return readRecords(path, shown, ['code', 'old_name', 'new_name', 'year']).map((r, i) => ({
    code: r.code!,
    oldName: r.old_name!,
    newName: r.new_name!,
    year: optionalYear(r.year, shown, i + 2) ?? 0,
    certainty: r.certainty ?? '',
    note: r.note ?? '',
  }));
}
