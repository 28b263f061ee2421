import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createLinter, fatalResult } from '../../src/api.js';
import type { Diagnostic, DocumentResult } from '../../src/engine/diagnostic.js';
import type { RunResult } from '../../src/reporters/index.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SEED = 'fixtures/seed/input.txt';

const seedRuns = new Map<string, Promise<RunResult>>();

/** The seed checked once per language with the built-in rules, paths relative to the repository root. */
export function seedResult(lang: 'zh' | 'en' = 'en'): Promise<RunResult> {
  let run = seedRuns.get(lang);
  if (!run) {
    run = (async () => {
      const linter = createLinter({ config: {}, lang, cwd: ROOT });
      const result = await linter.checkFile(resolve(ROOT, SEED));
      return { results: [result], rules: linter.rules };
    })();
    seedRuns.set(lang, run);
  }
  return run;
}

/** Validator for our JSON report (the schema shipped in schemas/). */
let report: ValidateFunction | undefined;
let sarif: ValidateFunction | undefined;

export function reportValidator(): ValidateFunction {
  if (report) return report;
  const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
  report = ajv.compile(JSON.parse(readFileSync(resolve(ROOT, 'schemas/report.schema.json'), 'utf8')) as object);
  return report;
}

/**
 * Validator for SARIF logs: the official SARIF 2.1.0 schema (see vendor/README.md). Formats are
 * not validated by Ajv here; the tests check URIs themselves.
 */
export function sarifValidator(): ValidateFunction {
  if (sarif) return sarif;
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  sarif = ajv.compile(JSON.parse(readFileSync(resolve(import.meta.dirname, 'vendor/sarif-schema-2.1.0.json'), 'utf8')) as object);
  return sarif;
}

function diag(over: Partial<Diagnostic> & { file: string }): Diagnostic {
  const { file, ...rest } = over;
  return {
    ruleId: 'table/demo',
    check: 'demo',
    severity: 'error',
    messageId: 'mismatch',
    message: 'demo finding',
    data: {},
    location: { file, line: 3, column: 5, table: '表', tableKind: 'T1', row: '合计', field: '预算数' },
    related: [],
    fingerprint: 'aaaaaaaaaaaaaaaaaaaaaaaa',
    instance: 'i1',
    ...rest,
  };
}

/**
 * A hand-made run that exercises what the seed may not: an unreadable document, a PDF page
 * location, a spreadsheet cell, a suppressed finding, an absolute path outside the working
 * folder, a file name with spaces and Chinese characters, and text that needs escaping in every
 * format (XML specials, control characters, newlines, '%', ':' and ',').
 */
export function syntheticRun(): RunResult {
  const nasty = 'a <b> & "c" \'d\' 50% of x: y, z\nsecond line\u0007';
  const pdf: DocumentResult = {
    file: 'docs/预算 2024.pdf',
    metadata: { format: 'pdf', year: 2024 },
    diagnostics: [
      diag({
        file: 'docs/预算 2024.pdf',
        message: nasty,
        location: { file: 'docs/预算 2024.pdf', page: 3, line: 14, column: 2, table: '收支总表', tableKind: 'T1', row: '一、财政拨款收入', field: '本年收入/预算数' },
        data: { expected: '1,234.50', actual: '1,234.05', difference: '-0.45', unit: '万元' },
        related: [{ location: { file: 'docs/预算 2024.pdf', page: 3, line: 15 }, label: 'T1 1. 一般公共预算', value: '1,234.05', unit: '万元' }],
        fingerprint: '111111111111111111111111',
        instance: 'T1:income',
      }),
      diag({
        file: 'docs/预算 2024.pdf',
        severity: 'warning',
        message: 'accepted',
        location: { file: 'docs/预算 2024.pdf', page: 4, line: 2 },
        fingerprint: '222222222222222222222222',
        instance: 'T2:x',
        suppressed: { reason: 'known typo, fixed next year' },
      }),
    ],
    outcomes: [
      { ruleId: 'table/demo', instance: 'T1:income', status: 'fail' },
      { ruleId: 'table/demo', instance: 'T2:x', status: 'fail' },
      { ruleId: 'table/demo', instance: 'T3:y', status: 'pass' },
      { ruleId: 'table/other', instance: 'T9', status: 'not-applicable', reason: 'no T9 table' },
      { ruleId: 'table/other', instance: 'T8', status: 'not-assessable', reason: 'T8 total is blank' },
    ],
    summary: { run: 5, passed: 1, failed: 2, notApplicable: 1, notAssessable: 1 },
    counts: { error: 1, warning: 0, info: 0 },
  };
  const xlsx: DocumentResult = {
    file: '/elsewhere/book.xlsx',
    diagnostics: [
      diag({
        file: '/elsewhere/book.xlsx',
        severity: 'info',
        location: { file: '/elsewhere/book.xlsx', sheet: 'Sheet1', cell: 'C12', table: 'T2 表' },
        fingerprint: '333333333333333333333333',
      }),
      // a document read from several files (workbook + --narrative, CSV folder) has locations in each
      diag({
        file: 'notes/text.md',
        severity: 'warning',
        message: 'narrative differs',
        location: { file: 'notes/text.md', line: 5, column: 14 },
        related: [{ location: { file: 'folder/03.csv', line: 7, cell: 'E7', table: 'T3 表', tableKind: 'T3', row: '201', field: '合计' }, label: 'T3 201 / 合计', value: '12.00', unit: '万元' }],
        fingerprint: '555555555555555555555555',
        instance: 'i2',
      }),
    ],
    outcomes: [
      { ruleId: 'table/demo', instance: 'i1', status: 'fail' },
      { ruleId: 'table/demo', instance: 'i2', status: 'fail' },
    ],
    summary: { run: 2, passed: 0, failed: 2, notApplicable: 0, notAssessable: 0 },
    counts: { error: 0, warning: 1, info: 1 },
  };
  const fatal = fatalResult('broken.pdf', 'broken.pdf: not a PDF file');
  return {
    results: [pdf, xlsx, fatal],
    rules: [],
    baseline: { file: 'baseline.json', suppressed: 1, stale: [{ file: 'docs/预算 2024.pdf', fingerprint: '444444444444444444444444', ruleId: 'table/gone', reason: 'old' }] },
  };
}
