import { describe, expect, it } from 'vitest';
import type { BudgetDocument } from '../../src/model/document.js';
import { parseBuffer } from '../../src/parsers/index.js';
import { defaultLinter } from '../support/lint.js';
import { buildWorkbook, t3Sheet, type SheetSpec } from '../support/sheet-build.js';

async function parseBook(sheets: readonly SheetSpec[], file = 'book.xlsx'): Promise<BudgetDocument> {
  return parseBuffer(await buildWorkbook(sheets), file);
}

function amounts(doc: BudgetDocument, table: string): Record<string, string> {
  const t = doc.tables.find((x) => x.id === table)!;
  const out: Record<string, string> = {};
  for (const r of t.rows) for (const c of Object.values(r.cells)) if (c.amount) out[`${r.code ?? r.label}|${c.column}`] = `${c.amount.value.toFixed()}/${c.amount.scale}`;
  return out;
}

function issues(doc: BudgetDocument, ruleId: string): Array<{ messageId: string; data: unknown; sheet?: string; cell?: string }> {
  return doc.issues.filter((i) => i.ruleId === ruleId).map((i) => ({ messageId: i.messageId, data: i.data, sheet: i.location.sheet, cell: i.location.cell }));
}

describe('XLSX workbooks', () => {
  it('reads merged two-level headers (horizontal and vertical merges) into the text parser columns', async () => {
    const doc = await parseBook([t3Sheet()]);
    const t3 = doc.tables.find((t) => t.kind === 'T3')!;
    expect(t3.unit).toBe('元');
    expect(t3.columns.map((c) => c.key)).toEqual(['支出预算/合计', '支出预算/基本支出', '支出预算/项目支出']);
    expect(t3.rows.map((r) => r.code ?? r.label)).toEqual(['201', '20113', '2011301', '2011399', '合计']);
    expect(amounts(doc, 'T3')['2011301|支出预算/合计']).toBe('1000/0');
    const cell = t3.rows[2]!.cells['支出预算/合计']!;
    expect(cell.location).toMatchObject({ file: 'book.xlsx', sheet: '支出预算总表', cell: 'E8' });
    expect(cell.raw).toBe('1,000');
    expect(doc.issues).toEqual([]);
  });

  it('reports a formula whose cached value disagrees with its inputs, and uses the cached value', async () => {
    const sheet = t3Sheet();
    const rows = sheet.rows.map((r) => [...r]);
    rows[9]![4] = { f: 'SUM(E8:E9)', result: 1600, fmt: '#,##0' }; // stale: inputs add up to 1,500
    rows[9]![5] = { f: 'F8+F9', fmt: '#,##0' }; // never calculated
    const doc = await parseBook([{ ...sheet, rows }]);
    expect(issues(doc, 'parse/formula-mismatch')).toEqual([
      { messageId: 'formulaMismatch', data: { sheet: '支出预算总表', cell: 'E10', formula: 'SUM(E8:E9)', cached: '1,600', computed: '1,500' }, sheet: '支出预算总表', cell: 'E10' },
      { messageId: 'formulaNoValue', data: { sheet: '支出预算总表', cell: 'F10', formula: 'F8+F9' }, sheet: '支出预算总表', cell: 'F10' },
    ]);
    expect(amounts(doc, 'T3')['合计|支出预算/合计']).toBe('1600/0');
    expect(doc.issues.filter((i) => i.ruleId === 'parse/formula-mismatch').map((i) => [i.table, i.row, i.field])).toEqual([
      ['2023年部门支出预算总表', '合计', '支出预算/合计'],
      ['2023年部门支出预算总表', '合计', '支出预算/基本支出'],
    ]);
    const r = defaultLinter().checkDocument(doc);
    expect(r.diagnostics.filter((d) => d.ruleId === 'parse/formula-mismatch').map((d) => [d.location.sheet, d.location.cell])).toEqual([
      ['支出预算总表', 'E10'],
      ['支出预算总表', 'F10'],
    ]);
  });

  it('checks shared formulas (filled right) against their own inputs', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildWorkbook([t3Sheet()])) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.getWorksheet('支出预算总表')!;
    for (const c of ['E10', 'F10', 'G10']) ws.getCell(c).value = null;
    ws.fillFormula('E10:G10', 'SUM(E8:E9)', [1500, 1000, 700]);
    const doc = await parseBuffer(Buffer.from(await wb.xlsx.writeBuffer()), 'shared.xlsx');
    expect(issues(doc, 'parse/formula-mismatch').map((i) => i.data)).toEqual([
      { sheet: '支出预算总表', cell: 'G10', formula: 'SUM(G8:G9)', cached: '700', computed: '500' },
    ]);
  });

  it('does not report formulas that agree with their inputs', async () => {
    const doc = await parseBook([t3Sheet()]);
    expect(issues(doc, 'parse/formula-mismatch')).toEqual([]);
  });

  it('reads numbers stored as text exactly as written', async () => {
    const sheet = t3Sheet();
    const rows = sheet.rows.map((r) => [...r]);
    rows[7] = ['201', '13', '01', '行政运行', '1,000.50', ' 1000.50 ', null];
    const doc = await parseBook([{ ...sheet, rows }]);
    const a = amounts(doc, 'T3');
    expect(a['2011301|支出预算/合计']).toBe('1000.5/2');
    expect(a['2011301|支出预算/基本支出']).toBe('1000.5/2');
  });

  it('takes decimals from the number format, never from binary floating-point noise', async () => {
    const sheet = t3Sheet();
    const rows = sheet.rows.map((r) => [...r]);
    rows[7] = ['201', '13', '01', '行政运行', { n: 0.1 + 0.2, fmt: '#,##0.00' }, { n: 0.1 + 0.2, fmt: 'General' }, { n: 1234.005, fmt: '0.00_ ' }];
    const doc = await parseBook([{ ...sheet, rows }]);
    const a = amounts(doc, 'T3');
    expect(a['2011301|支出预算/合计']).toBe('0.3/2');
    expect(a['2011301|支出预算/基本支出']).toBe('0.3/1');
    expect(a['2011301|支出预算/项目支出']).toBe('1234.01/2');
  });

  it('ignores a sheet that is not a budget table with an info, and reads the others', async () => {
    const codes: SheetSpec = { name: 'Sheet3', rows: [['科目代码', '科目名称'], ['201', '一般公共服务支出'], ['20113', '商贸事务']] };
    const doc = await parseBook([t3Sheet(), codes, { name: 'Sheet4', rows: [] }]);
    expect(issues(doc, 'parse/not-a-budget-table')).toEqual([{ messageId: 'notABudgetTable', data: { name: 'Sheet3' }, sheet: 'Sheet3', cell: 'A1' }]);
    expect(doc.tables.map((t) => t.id)).toEqual(['T3']);
    const r = defaultLinter().checkDocument(doc);
    expect(r.diagnostics.filter((d) => d.ruleId === 'parse/not-a-budget-table').map((d) => d.severity)).toEqual(['info']);
  });

  it('takes the table kind from the sheet name when there is no title row', async () => {
    const sheet = t3Sheet('3.支出预算总表');
    const doc = await parseBook([{ ...sheet, rows: sheet.rows.slice(1), merges: [] }]);
    const t = doc.tables.find((x) => x.kind === 'T3')!;
    expect(t.title).toBe('3.支出预算总表');
    expect(t.location).toMatchObject({ sheet: '3.支出预算总表', cell: 'A1' });
    expect(t.rows.map((r) => r.code ?? r.label)).toEqual(['201', '20113', '2011301', '2011399', '合计']);
  });

  it('reads a table that starts in column B', async () => {
    const sheet = t3Sheet();
    const rows = sheet.rows.map((r) => [null, ...r]);
    const doc = await parseBook([{ ...sheet, rows, merges: ['B1:H1', 'B3:E3', 'F3:H3', 'B4:D4'] }]);
    const t3 = doc.tables.find((t) => t.kind === 'T3')!;
    expect(t3.rows.map((r) => [r.code ?? r.label, r.name])).toEqual([
      ['201', '一般公共服务支出'],
      ['20113', '商贸事务'],
      ['2011301', '行政运行'],
      ['2011399', '其他商贸事务支出'],
      ['合计', '合计'],
    ]);
    expect(t3.rows[2]!.cells['支出预算/合计']!.location.cell).toBe('F8');
  });

  it('reads several tables in one sheet, separated by their title rows', async () => {
    const a = t3Sheet();
    const t6: SheetSpec['rows'] = [['2023年部门政府性基金预算支出功能分类预算表'], ['单位：元'], ['项目', null, null, null, '政府性基金预算支出'], ['功能分类科目编码', null, null, '功能分类科目名称', '合计', '基本支出', '项目支出'], ['类', '款', '项'], ['合计'], ['注：本部门无政府性基金预算支出，本表为空表。']];
    const doc = await parseBook([{ name: 'tables', rows: [...a.rows, [], ...t6] }]);
    expect(doc.tables.map((t) => t.id)).toEqual(['T3', 'T6']);
    expect(doc.tables[1]!.notes.map((n) => n.text)).toEqual(['注：本部门无政府性基金预算支出，本表为空表。']);
  });

  it('reads hidden rows and sheets and reports them', async () => {
    const hidden: SheetSpec = { ...t3Sheet('支出预算总表(旧)'), state: 'hidden' };
    const doc = await parseBook([t3Sheet('支出预算总表', { hiddenRows: [8, 9], hiddenColumns: [7] }), hidden]);
    expect(issues(doc, 'parse/hidden-content')).toEqual([
      { messageId: 'hiddenRows', data: { sheet: '支出预算总表', rows: '8–9' }, sheet: '支出预算总表', cell: 'A8' },
      { messageId: 'hiddenColumns', data: { sheet: '支出预算总表', columns: 'G' }, sheet: '支出预算总表', cell: 'G1' },
      { messageId: 'hiddenSheet', data: { sheet: '支出预算总表(旧)' }, sheet: '支出预算总表(旧)', cell: 'A1' },
    ]);
    expect(doc.tables.find((t) => t.id === 'T3')!.rows.map((r) => r.code ?? r.label)).toContain('2011301');
  });

  it('refuses binary garbage and legacy or encrypted files with one clear line', async () => {
    await expect(parseBuffer(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), 'x.xlsx')).rejects.toThrow(/^x\.xlsx: not an XLSX workbook/);
    await expect(parseBuffer(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'x.xlsx')).rejects.toThrow(/encrypted workbook or a legacy \.xls/);
    await expect(parseBuffer(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9, 9, 9]), 'x.xlsx')).rejects.toThrow(/^x\.xlsx: damaged or unsupported XLSX workbook/);
  });
});
