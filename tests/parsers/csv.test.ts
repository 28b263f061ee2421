import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/cli/files.js';
import type { CliIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { documentFolder } from '../../src/parsers/csv-folder.js';
import { parseBuffer, parseFile } from '../../src/parsers/index.js';
import { buildWorkbook, t3Sheet } from '../support/sheet-build.js';

const dir = mkdtempSync(join(tmpdir(), 'budgetlint-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: { LANG: 'en_US.UTF-8' }, cwd: resolve('.') };
  const code = await run(['node', 'budgetlint', ...args], io);
  return { code, stdout, stderr };
}

describe('CSV inputs', () => {
  it('reads a GBK CSV table with its title, unit, multi-row header and quoted amounts', async () => {
    const doc = await parseFile('fixtures/csv/t3-gbk.csv', 'fixtures/csv/t3-gbk.csv');
    expect(doc.source).toMatchObject({ format: 'csv', encoding: 'gb18030' });
    const t3 = doc.tables.find((t) => t.kind === 'T3')!;
    expect(t3.unit).toBe('元');
    expect(t3.columns.map((c) => c.key)).toEqual(['支出预算/合计', '支出预算/基本支出', '支出预算/项目支出']);
    expect(t3.rows.map((r) => [r.code ?? r.label, r.name])).toEqual([
      ['201', '一般公共服务支出'],
      ['20113', '商贸事务'],
      ['2011301', '行政运行'],
      ['2011399', '其他商贸事务支出'],
      ['合计', '合计'],
    ]);
    const cell = t3.rows[0]!.cells['支出预算/合计']!;
    expect([cell.amount!.value.toFixed(), cell.raw]).toEqual(['1500', '1,500']);
    expect(cell.location).toEqual({ file: 'fixtures/csv/t3-gbk.csv', line: 6, cell: 'E6' });
    expect(doc.issues).toEqual([]);
  });

  it('reads codes written as ="01", UTF-16 files, and takes the kind from the file name without a title row', async () => {
    const csv = ['单位：元', '项目,,,支出预算,,', '功能分类科目编码,,,功能分类科目名称,合计,基本支出', '类,款,项,,,', '201,="13",,商贸事务,"1,500","1,500"', '201,="13","=""01""",行政运行,"1,500","1,500"', '合计,,,,"1,500","1,500"'].join('\r\n');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
    const doc = await parseBuffer(utf16, 'in/2.支出预算总表.csv');
    expect(doc.source.encoding).toBe('utf-16le');
    expect(doc.tables.map((t) => [t.kind, t.title])).toEqual([['T3', '2.支出预算总表']]);
    expect(doc.tables[0]!.rows.map((r) => r.code ?? r.label)).toEqual(['20113', '2011301', '合计']);
    await expect(parseBuffer(Buffer.from('a,"b\nc'), 'bad.csv')).rejects.toThrow(/^bad\.csv.*malformed CSV/);
  });

  it('reads a folder of CSV tables plus a narrative file as one document', async () => {
    const doc = await parseFile('fixtures/csv/folder', 'fixtures/csv/folder');
    expect(doc.source).toMatchObject({ file: 'fixtures/csv/folder', format: 'csv' });
    // no title row: the kind comes from the file name "03-支出预算总表.csv"
    expect(doc.tables.map((t) => [t.kind, t.title, t.unit])).toEqual([['T3', '03-支出预算总表', '元']]);
    expect(doc.tables[0]!.rows[2]!.cells['支出预算/合计']!.location).toEqual({ file: 'fixtures/csv/folder/03-支出预算总表.csv', line: 7, cell: 'E7' });
    expect(doc.metadata).toMatchObject({ department: '上海市某区某委员会', year: 2023 });
    const p = doc.paragraphs.find((x) => x.text.includes('支出预算1500元'))!;
    expect(p.location).toMatchObject({ file: 'fixtures/csv/folder/narrative.md', line: 7 });
    expect(doc.issues.map((i) => [i.ruleId, i.data['name'], i.location.file])).toEqual([
      ['parse/not-a-budget-table', '科目代码', 'fixtures/csv/folder/科目代码.csv'],
    ]);
  });

  it('treats a CSV folder as one input when folders are expanded, and other folders as their files', () => {
    expect(documentFolder('fixtures/csv/folder')).toBeDefined();
    expect(documentFolder('fixtures/csv')).toBeUndefined(); // it holds a sub-folder: a collection of documents
    expect(expandInputs([resolve('fixtures/csv')])).toEqual([resolve('fixtures/csv/folder'), resolve('fixtures/csv/t3-gbk.csv')]);
    const flat = join(dir, 'flat');
    mkdirSync(flat);
    writeFileSync(join(flat, 'a.csv'), 'x,y\n');
    writeFileSync(join(flat, 'a.txt'), 'text\n');
    expect(documentFolder(flat)).toEqual({ csvFiles: [join(flat, 'a.csv')], narrative: join(flat, 'a.txt') });
    expect(expandInputs([flat])).toEqual([flat]);
    writeFileSync(join(flat, 'b.md'), 'more text\n');
    expect(documentFolder(flat)).toBeUndefined(); // two narratives: not one document
    expect(expandInputs([flat])).toHaveLength(3);
  });

  it('reads a folder holding one workbook and one narrative as one document', async () => {
    const folder = join(dir, 'book-folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'book.xlsx'), await buildWorkbook([t3Sheet()]));
    writeFileSync(join(folder, 'text.md'), '2023年部门预算编制说明\n\n2023年，本部门支出预算1500元。\n');
    expect(documentFolder(folder)).toEqual({ csvFiles: [], workbook: join(folder, 'book.xlsx'), narrative: join(folder, 'text.md') });
    const doc = await parseFile(folder, 'book-folder');
    expect(doc.source).toMatchObject({ file: 'book-folder', format: 'xlsx', files: ['book-folder/book.xlsx', 'book-folder/text.md'] });
    expect(doc.tables.map((t) => t.kind)).toEqual(['T3']);
    expect(doc.tables[0]!.location).toMatchObject({ file: 'book-folder/book.xlsx', sheet: '支出预算总表', cell: 'A1' });
    expect(doc.paragraphs[0]!.location).toMatchObject({ file: 'book-folder/text.md', line: 1 });
    writeFileSync(join(folder, 'other.xlsx'), await buildWorkbook([t3Sheet()]));
    expect(documentFolder(folder)).toBeUndefined(); // two workbooks: two documents (and a narrative of its own)
  });

  it('checks a CSV folder as one document from the command line, next to single CSV files', async () => {
    const r = await cli(['check', 'fixtures/csv', '--format', 'json']);
    const results = (JSON.parse(r.stdout) as { results: Array<{ file: string; diagnostics: Array<{ ruleId: string; severity: string; location: { file: string } }> }> }).results;
    expect(results.map((x) => x.file)).toEqual(['fixtures/csv/folder', 'fixtures/csv/t3-gbk.csv']);
    const info = results[0]!.diagnostics.filter((d) => d.ruleId === 'parse/not-a-budget-table');
    expect(info.map((d) => [d.severity, d.location.file])).toEqual([['info', 'fixtures/csv/folder/科目代码.csv']]);
  });

  it('exits 2 with a one-line message for binary garbage named .xlsx', async () => {
    const r = await cli(['check', 'fixtures/xlsx/garbage.xlsx', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('budgetlint: fixtures/xlsx/garbage.xlsx: not an XLSX workbook (no ZIP signature)\n');
  });

  it('checks a workbook together with a narrative file (--narrative), locating cells by sheet', async () => {
    const book = join(dir, 'book.xlsx');
    writeFileSync(book, await buildWorkbook([t3Sheet()]));
    // the narrative states 1600 元 where the table's 合计 is 1,500 元
    writeFileSync(join(dir, 'text.md'), '2023年部门预算编制说明\n\n2023年，本部门支出预算1600元。\n');
    const r = await cli(['check', book, '--narrative', join(dir, 'text.md'), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    type Loc = { file: string; line?: number; sheet?: string; cell?: string };
    const diags = (JSON.parse(r.stdout) as { results: Array<{ diagnostics: Array<{ location: Loc; related: Array<{ location: Loc }> }> }> }).results[0]!.diagnostics;
    const locs = diags.flatMap((d) => [d.location, ...d.related.map((x) => x.location)]);
    const inText = locs.filter((l) => l.file.endsWith('text.md'));
    const inBook = locs.filter((l) => l.file.endsWith('book.xlsx') && l.cell !== undefined);
    expect(inText.length).toBeGreaterThan(0);
    expect(inText.every((l) => l.line !== undefined)).toBe(true);
    expect(inBook.some((l) => l.sheet === '支出预算总表' && l.cell === 'E10')).toBe(true);
    const text = await cli(['check', 'fixtures/csv/t3-gbk.csv', '--narrative', join(dir, 'text.md'), 'fixtures/csv/folder']);
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(/--narrative needs exactly one/);
  });

  it('refuses a CSV file of a folder over the 4 MiB text limit before reading it', async () => {
    const folder = join(dir, 'big-folder');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, '03-支出预算总表.csv'), Buffer.alloc(4 * 1024 * 1024 + 1, 0x31));
    const r = await cli(['check', folder]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/03-支出预算总表\.csv: 4194305 bytes is over the 4194304-byte input limit for text and CSV files/);
  });

  it('parse and narrative read a workbook together with a narrative file (--narrative)', async () => {
    const book = join(dir, 'book2.xlsx');
    writeFileSync(book, await buildWorkbook([t3Sheet()]));
    writeFileSync(join(dir, 'text2.md'), '2023年部门预算编制说明\n\n2023年，本部门支出预算1600元。\n');
    const parsed = await cli(['parse', book, '--narrative', join(dir, 'text2.md')]);
    expect(parsed.code).toBe(0);
    const doc = JSON.parse(parsed.stdout) as { tables: Array<{ kind: string }>; paragraphs: Array<{ text: string }> };
    expect(doc.tables.map((t) => t.kind)).toContain('T3');
    expect(doc.paragraphs.some((p) => p.text.includes('1600元'))).toBe(true);
    const explained = await cli(['narrative', book, '--narrative', join(dir, 'text2.md'), '--format', 'json']);
    expect(explained.code).toBe(0);
    const rows = JSON.parse(explained.stdout) as Array<Record<string, unknown>>;
    expect(JSON.stringify(rows)).toContain('1600');
    // without the narrative file the workbook has no statements to explain
    expect(JSON.stringify(JSON.parse((await cli(['narrative', book, '--format', 'json'])).stdout))).not.toContain('1600');
  });
});
