import { makeColumn } from '../model/construct.js';
import type { Column, Side } from '../model/document.js';
import { objectList } from '../model/lists.js';
import { normalizeName } from '../model/table-access.js';
import { ownCopy } from '../memo.js';

/** What a printed column holds. */
export type ColumnRole = 'code-class' | 'code-kuan' | 'code-xiang' | 'code' | 'name' | 'label' | 'amount';

export interface HeaderColumn {
  readonly index: number;
  readonly path: string[];
  readonly role: ColumnRole;
  readonly side: Side | undefined;
}

/**
 * Rebuilds column paths from multi-row headers. A merged header cell is printed once, at its first
 * column, with blanks to its right; it spans rightwards while its parent header spans too.
 */
export function headerPaths(rows: readonly (readonly string[])[], width: number): string[][] {
  const filled: string[][] = [];
  const spans: number[][] = [];
  rows.forEach((row, r) => {
    const texts: string[] = [];
    const span: number[] = [];
    for (let i = 0; i < width; i++) {
      const own = (row[i] ?? '').trim();
      if (own !== '') {
        texts[i] = own;
        span[i] = i;
      } else if (i > 0 && span[i - 1]! >= 0 && (r === 0 || spans[r - 1]![i] === spans[r - 1]![i - 1])) {
        texts[i] = texts[i - 1]!;
        span[i] = span[i - 1]!;
      } else {
        texts[i] = '';
        span[i] = -1;
      }
    }
    filled.push(texts);
    spans.push(span);
  });
  const paths: string[][] = [];
  for (let i = 0; i < width; i++) {
    const path: string[] = [];
    for (const texts of filled) {
      const t = texts[i]!;
      if (t !== '' && path[path.length - 1] !== t) path.push(t);
    }
    paths.push(path);
  }
  return paths;
}

const CODE_PART: Record<string, ColumnRole> = { 类: 'code-class', 款: 'code-kuan', 项: 'code-xiang' };

/** Classifies each column of a standard table from its header path. */
export function classifyColumns(paths: readonly string[][], twoSided: boolean): HeaderColumn[] {
  const columns = objectList<HeaderColumn>();
  paths.forEach((path, index) => {
    const leaf = normalizeName(path[path.length - 1] ?? '');
    const side = twoSided ? sideOf(path) : undefined;
    let role: ColumnRole = 'amount';
    if (CODE_PART[leaf]) role = CODE_PART[leaf]!;
    else if (/编码|科目代码|^代码$/.test(leaf)) role = 'code';
    else if (/名称/.test(leaf)) role = 'name';
    else if (/^(项目|科目|收入项目|支出项目|项目名称)$/.test(leaf) || (path.length === 0 && index === 0)) role = twoSided ? 'label' : 'name';
    // the words hold no "/", so testing each normalised header is testing the joined path
    else if (!/合计|支出|收入|经费/.test(leaf) && path.some((p) => /功能分类科目|经济分类科目/.test(normalizeName(p)))) role = 'name';
    const trimmed = objectList<string>();
    for (const p of path) trimmed.push(p.trim());
    columns.push({ index, path: trimmed, role, side });
  });
  return columns;
}

function sideOf(path: readonly string[]): Side | undefined {
  const top = normalizeName(path[0] ?? '');
  if (/支出/.test(top)) return 'expense';
  if (/收入/.test(top)) return 'income';
  return undefined;
}

/** The header path joined by "/" (a loop: join is slow for a few short strings). */
function joinPath(path: readonly string[]): string {
  let key = path[0]!;
  for (let i = 1; i < path.length; i++) key += '/' + path[i]!;
  return key;
}

/** Builds the public Column objects for the amount columns. */
export function amountColumns(cols: readonly HeaderColumn[]): Column[] {
  const out = objectList<Column>();
  const seen = new Map<string, number>();
  for (const c of cols) {
    if (c.role !== 'amount') continue;
    const path = c.path.length > 0 ? c.path : [`列${c.index + 1}`];
    let key = joinPath(path);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    if (n > 0) key = `${key}#${n + 1}`;
    const name = normalizeName(path[path.length - 1]!);
    out.push(makeColumn(key, path, name, c.index, c.side));
  }
  return out;
}

/** What a table's header says: every printed column's role, and the amount columns. */
export interface HeaderReading {
  readonly classified: readonly HeaderColumn[];
  readonly columns: readonly Column[];
}

/**
 * headerPaths, classifyColumns and amountColumns of a header (its lines' texts), remembered by the
 * header: most documents print the standard tables under the same headers. Columns are read-only,
 * so tables with equal headers share them, and a parsed model keeps no column objects of its own.
 */
export function readHeader(rows: readonly (readonly string[])[], width: number, twoSided: boolean): HeaderReading {
  const fingerprint = headerFingerprint(rows, width, twoSided);
  const candidates = headerReadings.get(fingerprint);
  if (candidates !== undefined) {
    for (let i = 0; i < candidates.length; i++) {
      const known = candidates[i]!;
      if (known.width === width && known.twoSided === twoSided && sameTexts(known.rows, rows, width)) return known.reading;
    }
  }
  const paths = objectList<string[]>();
  for (const path of headerPaths(rows, width)) paths.push(detachedPath(path));
  const classified = classifyColumns(paths, twoSided);
  const reading: HeaderReading = { classified, columns: amountColumns(classified) };
  if (headerCount >= MAX_HEADER_READINGS) {
    headerReadings.clear();
    headerCount = 0;
  }
  const knownRows = objectList<string[]>();
  for (const row of rows) knownRows.push(detachedPath(Array.from({ length: width }, (_, i) => row[i] ?? '')));
  const known: KnownHeader = { rows: knownRows, width, twoSided, reading };
  const list = headerReadings.get(fingerprint);
  if (list !== undefined) list.push(known);
  else headerReadings.set(fingerprint, [known]);
  headerCount++;
  return reading;
}

/** A remembered reading and what it was read from (the first `width` texts of each line, detached). */
interface KnownHeader {
  readonly rows: readonly (readonly string[])[];
  readonly width: number;
  readonly twoSided: boolean;
  readonly reading: HeaderReading;
}

/** Remembered readings by fingerprint (headers with equal fingerprints are told apart by their texts). */
const headerReadings = new Map<number, KnownHeader[]>();
let headerCount = 0;
/** Headers are few (a few dozen layouts); hostile input with many distinct headers empties the cache now and then. */
const MAX_HEADER_READINGS = 2000;

/**
 * A number that equal headers share: the width and, per text, its length and first and last
 * characters. Cheaper than a key string of all the texts (which would have to be built and hashed);
 * sameTexts confirms a match.
 */
function headerFingerprint(rows: readonly (readonly string[])[], width: number, twoSided: boolean): number {
  let h = width * 2 + (twoSided ? 1 : 0);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let i = 0; i < width; i++) {
      const text = row[i] ?? '';
      const n = text.length;
      h = (Math.imul(h, 31) + n) | 0;
      if (n > 0) h = (Math.imul(h, 31) + text.charCodeAt(0) * 7 + text.charCodeAt(n - 1)) | 0;
    }
    h = (Math.imul(h, 31) + 1) | 0;
  }
  return h;
}

/** Whether the lines have the texts `known` remembers (missing texts count as ""). */
function sameTexts(known: readonly (readonly string[])[], rows: readonly (readonly string[])[], width: number): boolean {
  if (known.length !== rows.length) return false;
  for (let r = 0; r < rows.length; r++) {
    const a = known[r]!;
    const b = rows[r]!;
    for (let i = 0; i < width; i++) if (a[i] !== (b[i] ?? '')) return false;
  }
  return true;
}

/** A path of texts that do not keep the document they were cut from alive (the cache outlives it). */
function detachedPath(path: readonly string[]): string[] {
  const out = objectList<string>();
  for (const text of path) out.push(ownCopy(text));
  return out;
}
