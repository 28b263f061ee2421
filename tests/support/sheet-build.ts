import ExcelJS from 'exceljs';

/** A cell in a test sheet: text, a number (with an optional number format) or a formula. */
export type CellSpec = string | number | null | { n: number; fmt: string } | { f: string; result?: number; fmt?: string };

export interface SheetSpec {
  readonly name: string;
  readonly rows: readonly (readonly CellSpec[])[];
  /** Ranges to merge, e.g. "A3:D3". */
  readonly merges?: readonly string[];
  readonly hiddenRows?: readonly number[];
  readonly hiddenColumns?: readonly number[];
  readonly state?: 'visible' | 'hidden' | 'veryHidden';
}

/** Builds an XLSX workbook in memory with exceljs, as the fixtures of the spreadsheet tests. */
export async function buildWorkbook(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.state ?? 'visible' });
    s.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v === null || v === '') return;
        const cell = ws.getCell(r + 1, c + 1);
        if (typeof v === 'string' || typeof v === 'number') cell.value = v;
        else if ('n' in v) {
          cell.value = v.n;
          cell.numFmt = v.fmt;
        } else {
          cell.value = v.result === undefined ? ({ formula: v.f } as ExcelJS.CellFormulaValue) : { formula: v.f, result: v.result };
          if (v.fmt) cell.numFmt = v.fmt;
        }
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const r of s.hiddenRows ?? []) ws.getRow(r).hidden = true;
    for (const c of s.hiddenColumns ?? []) ws.getColumn(c).hidden = true;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A small 支出预算总表 (T3) in 元 with merged two-level headers, as budget systems export it. */
export function t3Sheet(name = '支出预算总表', overrides: Partial<SheetSpec> = {}): SheetSpec {
  return {
    name,
    rows: [
      ['2023年部门支出预算总表'],
      ['单位：元'],
      ['项目', null, null, null, '支出预算'],
      ['功能分类科目编码', null, null, '功能分类科目名称', '合计', '基本支出', '项目支出'],
      ['类', '款', '项'],
      ['201', null, null, '一般公共服务支出', { n: 1500, fmt: '#,##0' }, { n: 1000, fmt: '#,##0' }, { n: 500, fmt: '#,##0' }],
      ['201', '13', null, '商贸事务', { n: 1500, fmt: '#,##0' }, { n: 1000, fmt: '#,##0' }, { n: 500, fmt: '#,##0' }],
      ['201', '13', '01', '行政运行', { n: 1000, fmt: '#,##0' }, { n: 1000, fmt: '#,##0' }, null],
      ['201', '13', '99', '其他商贸事务支出', { n: 500, fmt: '#,##0' }, null, { n: 500, fmt: '#,##0' }],
      ['合计', null, null, null, { f: 'SUM(E8:E9)', result: 1500, fmt: '#,##0' }, { f: 'F8+F9', result: 1000, fmt: '#,##0' }, { f: 'SUM(G8:G9)', result: 500, fmt: '#,##0' }],
    ],
    merges: ['A1:G1', 'A3:D3', 'E3:G3', 'A4:C4', 'D4:D5', 'E4:E5', 'F4:F5', 'G4:G5', 'A10:D10'],
    ...overrides,
  };
}
