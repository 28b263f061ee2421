import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJoined } from '../../src/parsers/csv-folder.js';
import { parseBuffer, parseFile } from '../../src/parsers/index.js';
import { defaultLinter } from '../support/lint.js';
import { formatNeutralFindings } from '../support/sheet-compare.js';
import { splitTextDocument, tablesToWorkbook, writeCsvFolder } from '../support/sheet-seed.js';

/**
 * Issue 8 done-when: the seed converted into an XLSX workbook (one sheet per table, built here with
 * exceljs) plus its narrative, and into a CSV folder, gives exactly the same findings as the text.
 * Generic: every rule's findings and outcomes are compared, so it keeps holding as rules are added.
 */
const SEED = 'fixtures/seed/input.txt';
const dir = mkdtempSync(join(tmpdir(), 'budgetlint-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the seed as a workbook and as a CSV folder', async () => {
  const text = readFileSync(SEED, 'utf8');
  const textDoc = await parseBuffer(Buffer.from(text), SEED);
  const split = splitTextDocument(text, textDoc);
  const linter = defaultLinter();
  const expected = formatNeutralFindings(linter.checkDocument(textDoc));

  const book = join(dir, 'seed.xlsx');
  writeFileSync(book, await tablesToWorkbook(split.tables));
  writeFileSync(join(dir, 'narrative.txt'), split.narrative);
  const xlsxDoc = await parseJoined(book, 'seed.xlsx', { path: join(dir, 'narrative.txt'), display: 'narrative.txt' });
  writeCsvFolder(join(dir, 'csv'), split);
  const csvDoc = await parseFile(join(dir, 'csv'), 'seed-csv');

  it('cuts the seed into one sheet per table', () => {
    expect(expected.outcomes.length).toBeGreaterThan(100); // the comparison covers every rule that ran
    expect(split.tables.filter((t) => t.title.endsWith('表')).length).toBe(textDoc.tables.length);
    expect(textDoc.tables.length).toBeGreaterThanOrEqual(9);
  });

  it('reads the same tables from the workbook, located by sheet and cell', () => {
    expect(xlsxDoc.tables.map((t) => [t.id, t.title, t.rows.length, t.columns.map((c) => c.key).join('|')])).toEqual(
      textDoc.tables.map((t) => [t.id, t.title, t.rows.length, t.columns.map((c) => c.key).join('|')]),
    );
    const cell = Object.values(xlsxDoc.tables.find((t) => t.kind === 'T3')!.rows[0]!.cells)[0]!;
    expect(cell.location.sheet).toBeTruthy();
    expect(cell.location.cell).toMatch(/^[A-Z]+\d+$/);
  });

  it('gives exactly the findings of the text version (xlsx)', () => {
    const got = formatNeutralFindings(linter.checkDocument(xlsxDoc));
    expect(got.diagnostics).toEqual(expected.diagnostics);
    expect(got.outcomes).toEqual(expected.outcomes);
  });

  it('gives exactly the findings of the text version (CSV folder)', () => {
    const got = formatNeutralFindings(linter.checkDocument(csvDoc));
    expect(got.diagnostics).toEqual(expected.diagnostics);
    expect(got.outcomes).toEqual(expected.outcomes);
  });

  it('gives the same findings from a workbook without the repeated page titles and headers', async () => {
    const plain = splitTextDocument(text, textDoc, { pageRepeats: false });
    const file = join(dir, 'plain.xlsx');
    writeFileSync(file, await tablesToWorkbook(plain.tables));
    writeFileSync(join(dir, 'plain.txt'), plain.narrative);
    const doc = await parseJoined(file, 'plain.xlsx', { path: join(dir, 'plain.txt'), display: 'plain.txt' });
    expect(doc.tables.find((t) => t.kind === 'T3')!.parts).toHaveLength(1);
    expect(plain.tables.reduce((n, t) => n + t.rows.length, 0)).toBeLessThan(split.tables.reduce((n, t) => n + t.rows.length, 0));
    const got = formatNeutralFindings(linter.checkDocument(doc));
    expect(got.diagnostics).toEqual(expected.diagnostics);
    expect(got.outcomes).toEqual(expected.outcomes);
  });

  it('reads every amount with the value and printed decimals of the text', () => {
    const amounts = (d: typeof textDoc): string[] =>
      d.tables.flatMap((t) => t.rows.flatMap((r) => Object.values(r.cells).map((c) => `${t.id}|${r.code ?? r.label ?? r.name}|${c.column}|${c.amount ? `${c.amount.value.toFixed()}/${c.amount.scale}/${c.raw.trim()}` : c.raw.trim()}`)));
    expect(amounts(xlsxDoc)).toEqual(amounts(textDoc));
    expect(amounts(csvDoc)).toEqual(amounts(textDoc));
  });
});
