import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG_DIR, BUILTIN_CATALOG_FILES, builtinCatalogData } from '../../src/catalog/index.js';

type Row = { code: string; name: string; level: string; from: string; to: string; provenance: string };

function rows(file: string): Row[] {
  return parse(readFileSync(`${BUILTIN_CATALOG_DIR}${file}`, 'utf8'), { columns: true, skip_empty_lines: true }) as Row[];
}

const LEVEL: Record<number, string> = { 3: '类', 5: '款', 7: '项' };
const FIRST_DIGIT: Record<string, string> = { 'functional.csv': '2', 'economic-dept.csv': '3', 'economic-gov.csv': '5' };

describe('built-in catalog files (rules/catalog/)', () => {
  for (const file of BUILTIN_CATALOG_FILES) {
    describe(file, () => {
      const list = rows(file);
      it('has the header code,name,level,from,to,provenance', () => {
        expect(readFileSync(`${BUILTIN_CATALOG_DIR}${file}`, 'utf8').split('\n')[0]).toBe('code,name,level,from,to,provenance');
      });
      it('has well-formed codes of its scheme whose level matches their length', () => {
        for (const r of list) {
          expect(r.code, r.code).toMatch(/^\d{3}(\d{2}){0,2}$/);
          expect(r.code[0], r.code).toBe(FIRST_DIGIT[file]);
          expect(r.level, r.code).toBe(LEVEL[r.code.length]);
          expect(r.name.trim(), r.code).toBe(r.name);
          expect(r.name, r.code).not.toMatch(/[()]/); // full-width brackets only
        }
      });
      it('lists the parent of every 款 and 项', () => {
        const codes = new Set(list.map((r) => r.code));
        for (const r of list) if (r.code.length > 3) expect(codes.has(r.code.slice(0, r.code.length - 2)), `parent of ${r.code}`).toBe(true);
      });
      it('has no code twice within overlapping year ranges', () => {
        const byCode = new Map<string, Row[]>();
        for (const r of list) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
        for (const [code, rs] of byCode) {
          for (let i = 0; i < rs.length; i++)
            for (let j = i + 1; j < rs.length; j++) {
              const a = rs[i]!;
              const b = rs[j]!;
              const overlap = Number(a.from || 0) <= Number(b.to || 9999) && Number(b.from || 0) <= Number(a.to || 9999);
              expect(overlap, `${code}: ${a.name} / ${b.name}`).toBe(false);
            }
        }
      });
      it('gives the provenance of every row and valid year ranges', () => {
        for (const r of list) {
          expect(r.provenance, r.code).toMatch(/^(shared-catalog:[A-Z]\d+(;[A-Z]\d+)*|mof-knowledge)$/);
          for (const y of [r.from, r.to]) if (y !== '') expect(y, r.code).toMatch(/^(19|20)\d{2}$/);
          if (r.from !== '' && r.to !== '') expect(Number(r.from)).toBeLessThanOrEqual(Number(r.to));
        }
      });
      it('is sorted by code', () => {
        const codes = list.map((r) => r.code);
        expect(codes).toEqual([...codes].sort());
      });
    });
  }

  it('has a row for both names of every rename, split at the effective year', () => {
    const { entries, renames } = builtinCatalogData();
    expect(renames.length).toBeGreaterThan(0);
    for (const r of renames) {
      const old = entries.find((e) => e.code === r.code && e.name === r.oldName);
      const cur = entries.find((e) => e.code === r.code && e.name === r.newName);
      expect(old?.to, `${r.code} ${r.oldName}`).toBe(r.year - 1);
      expect(cur?.from, `${r.code} ${r.newName}`).toBe(r.year);
      expect(['certain', 'likely', 'uncertain']).toContain(r.certainty);
    }
  });

  it('keeps every pair of the shared catalog it was built from, with its sources', () => {
    const { entries } = builtinCatalogData();
    const shared = entries.filter((e) => e.provenance.startsWith('shared-catalog:'));
    // 115 functional + 85 部门 economic + 13 政府 economic rows in /work/shared/catalog
    expect(shared).toHaveLength(115 + 85 + 13);
  });
});
