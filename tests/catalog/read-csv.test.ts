/**
 * Catalog CSV reading: a file without quotes takes the plain path, a file with quoted fields goes
 * through csv-parse; both give the same entries, and the built-in files read without csv-parse.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCatalogCsv, readRenamesCsv } from '../../src/catalog/read-csv.js';
import { BUILTIN_CATALOG_DIR, BUILTIN_CATALOG_FILES, BUILTIN_RENAMES_FILE } from '../../src/catalog/load.js';
import { readFileSync } from 'node:fs';

const dir = mkdtempSync(join(tmpdir(), 'budgetlint-catalog-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('catalog CSV reading', () => {
  it('reads plain and quoted files alike (trimmed fields, blank lines, short rows, CRLF)', () => {
    const plain = file('plain.csv', 'Code , Name,level\r\n2011301, 行政运行 ,项\r\n\r\n201,一般公共服务支出\r\n');
    const quoted = file('quoted.csv', '"Code" , Name,level\r\n2011301,"行政运行",项\r\n\r\n201,一般公共服务支出\r\n');
    const a = readCatalogCsv(plain, 'plain.csv', 'user').map(({ provenance: _p, ...e }) => e);
    const b = readCatalogCsv(quoted, 'quoted.csv', 'user').map(({ provenance: _p, ...e }) => e);
    expect(a).toEqual([
      { code: '2011301', name: '行政运行', level: '项', scheme: 'functional' },
      { code: '201', name: '一般公共服务支出', level: '类', scheme: 'functional' },
    ]);
    expect(b).toEqual(a);
  });

  it('keeps a comma inside quotes', () => {
    const p = file('renames.csv', 'code,old_name,new_name,year,certainty,provenance,note\n210,医疗卫生与计划生育支出,卫生健康支出,2019,likely,x,"a, b"\n');
    expect(readRenamesCsv(p, 'renames.csv')[0]!.note).toBe('a, b');
  });

  it('built-in files have no quotes (they take the plain path) and all read', () => {
    for (const f of [...BUILTIN_CATALOG_FILES, BUILTIN_RENAMES_FILE]) {
      expect(readFileSync(join(BUILTIN_CATALOG_DIR, f), 'utf8'), f).not.toContain('"');
    }
    const total = BUILTIN_CATALOG_FILES.reduce((n, f) => n + readCatalogCsv(join(BUILTIN_CATALOG_DIR, f), f, 'builtin').length, 0);
    expect(total).toBeGreaterThan(300);
    expect(readRenamesCsv(join(BUILTIN_CATALOG_DIR, BUILTIN_RENAMES_FILE), BUILTIN_RENAMES_FILE).length).toBeGreaterThan(3);
  });
});
