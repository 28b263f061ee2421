import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunSettings } from '../engine/define-check.js';
import { Catalog } from './catalog.js';
import { readCatalogCsv, readRenamesCsv } from './read-csv.js';
import type { CatalogEntry, Rename } from './types.js';

/** The built-in catalog data (rules/catalog/), resolved like the rules folder so dist/ and tests agree. */
export const BUILTIN_CATALOG_DIR = fileURLToPath(new URL('../../rules/catalog/', import.meta.url));

/** Built-in catalog files, one per scheme. */
export const BUILTIN_CATALOG_FILES = ['functional.csv', 'economic-dept.csv', 'economic-gov.csv'] as const;
export const BUILTIN_RENAMES_FILE = 'renames.csv';

let builtin: { entries: CatalogEntry[]; renames: Rename[] } | undefined;
const userFiles = new Map<string, CatalogEntry[]>();
const catalogs = new Map<string, Catalog>();

/** The built-in entries and renames, read once. */
export function builtinCatalogData(): { entries: CatalogEntry[]; renames: Rename[] } {
  builtin ??= {
    entries: BUILTIN_CATALOG_FILES.flatMap((f) => readCatalogCsv(`${BUILTIN_CATALOG_DIR}${f}`, `rules/catalog/${f}`, 'builtin')),
    renames: readRenamesCsv(`${BUILTIN_CATALOG_DIR}${BUILTIN_RENAMES_FILE}`, `rules/catalog/${BUILTIN_RENAMES_FILE}`),
  };
  return builtin;
}

function shownPath(path: string): string {
  const rel = relative(process.cwd(), path).split('\\').join('/');
  return rel === '' || rel.startsWith('..') ? path.split('\\').join('/') : rel;
}

/** A user catalog file (CSV code,name,level), read once per path; errors are ConfigErrors. */
export function loadUserCatalog(path: string): CatalogEntry[] {
  let entries = userFiles.get(path);
  if (!entries) {
    entries = readCatalogCsv(path, shownPath(path), 'user');
    userFiles.set(path, entries);
  }
  return entries;
}

/** The catalog for a run: the user files of `settings` (highest precedence first) over the built-in one. */
export function catalogFor(settings: Pick<RunSettings, 'catalogFiles'>): Catalog {
  const files = settings.catalogFiles ?? [];
  const key = files.join('\u0000');
  let c = catalogs.get(key);
  if (!c) {
    const data = builtinCatalogData();
    c = new Catalog(data.entries, data.renames, files.flatMap(loadUserCatalog));
    catalogs.set(key, c);
  }
  return c;
}
