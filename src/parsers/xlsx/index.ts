import ExcelJS from 'exceljs';
import { InputError } from '../../errors.js';
import { makeParseIssue, makeSource } from '../../model/construct.js';
import type { BudgetDocument, ParseIssue } from '../../model/document.js';
import { Decimal } from '../../model/decimal.js';
import { assembleDocument } from '../assemble.js';
import type { LayoutLine } from '../layout.js';
import { cellText } from './cell-text.js';
import { columnLetters, evaluateFormula, type CellValue } from './formula.js';
import { gridLines, placeCellIssues, type GridCell, type GridRow } from './grid.js';
import { displayDecimal, displayNumber, parseNumberFormat, storedDecimal } from './number-format.js';

/** Layout lines of all sheets of a workbook plus the problems met reading them. */
export interface SheetLines {
  readonly lines: LayoutLine[];
  readonly issues: ParseIssue[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Loads a workbook, turning every way it can fail into a one-line InputError naming the file. */
async function loadWorkbook(bytes: Uint8Array, file: string): Promise<ExcelJS.Workbook> {
  if (startsWith(bytes, CFB_MAGIC)) {
    throw new InputError(`${file}: an encrypted workbook or a legacy .xls file; save it as an unprotected .xlsx workbook`);
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw new InputError(`${file}: not an XLSX workbook (no ZIP signature)`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    const why = (e as Error)?.message?.split('\n')[0] ?? String(e);
    throw new InputError(`${file}: damaged or unsupported XLSX workbook (${why})`);
  }
  return wb;
}

/**
 * Reads every sheet of an XLSX workbook into layout lines, in sheet order. See gridLines for how a
 * sheet becomes tables; numbers follow their number format (number-format.ts); formulas give their
 * cached values and are checked against their inputs (checkFormulas). Hidden sheets, rows and
 * columns are read like visible ones — totals normally include them — and each is reported as
 * parse/hidden-content, because a printed or PDF copy would leave them out.
 */
export async function readWorkbookLines(bytes: Uint8Array, file: string): Promise<SheetLines> {
  const wb = await loadWorkbook(bytes, file);
  const lines: LayoutLine[] = [];
  const issues: ParseIssue[] = [];
  const sheets = wb.worksheets;
  const byName = new Map(sheets.map((ws) => [ws.name, ws]));
  for (const ws of sheets) {
    const origin = { file, sheet: ws.name, cell: 'A1' };
    const rows = sheetRows(ws, file);
    const hasContent = rows.some((r) => r.cells.some((c) => c.text.trim() !== ''));
    if (!hasContent) continue;
    if (ws.state !== 'visible') {
      issues.push(makeParseIssue('parse/hidden-content', 'hiddenSheet', { sheet: ws.name }, origin));
    }
    reportHiddenRowsAndColumns(ws, rows, file, issues);
    checkFormulas(ws, byName, file, issues);
    lines.push(...gridLines({ name: ws.name, rows, origin }, issues));
  }
  return { lines, issues };
}

function sheetRows(ws: ExcelJS.Worksheet, file: string): GridRow[] {
  // the extent of the cells with values: sheets formatted down to row 1,048,576 stay cheap
  let width = 0;
  let height = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    height = r;
    row.eachCell({ includeEmpty: false }, (_cell, c) => {
      width = Math.max(width, c);
    });
  });
  const rows: GridRow[] = [];
  for (let r = 1; r <= height; r++) {
    const row = ws.getRow(r);
    const cells: GridCell[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const spans = cell.type !== ExcelJS.ValueType.Merge && c < width && row.getCell(c + 1).type === ExcelJS.ValueType.Merge && row.getCell(c + 1).master === cell;
      cells.push({ text: cellText(cell), location: { file, sheet: ws.name, cell: `${columnLetters(c)}${r}` }, ...(spans ? { spansColumns: true } : {}) });
    }
    rows.push({ cells, location: { file, sheet: ws.name, cell: `A${r}` } });
  }
  return rows;
}

/** Runs of consecutive numbers as "3", "5–7". */
function runs(ns: readonly number[], label: (n: number) => string): string {
  const out: string[] = [];
  for (let i = 0; i < ns.length; ) {
    let j = i;
    while (j + 1 < ns.length && ns[j + 1] === ns[j]! + 1) j++;
    out.push(i === j ? label(ns[i]!) : `${label(ns[i]!)}–${label(ns[j]!)}`);
    i = j + 1;
  }
  return out.join(', ');
}

function reportHiddenRowsAndColumns(ws: ExcelJS.Worksheet, rows: readonly GridRow[], file: string, issues: ParseIssue[]): void {
  const hiddenRows = rows.map((_, i) => i + 1).filter((r) => ws.getRow(r).hidden && rows[r - 1]!.cells.some((c) => c.text.trim() !== ''));
  if (hiddenRows.length > 0) {
    issues.push(makeParseIssue('parse/hidden-content', 'hiddenRows', { sheet: ws.name, rows: runs(hiddenRows, String) }, { file, sheet: ws.name, cell: `A${hiddenRows[0]}` }));
  }
  const hiddenCols: number[] = [];
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  for (let c = 1; c <= width; c++) {
    if (ws.getColumn(c).hidden && rows.some((r) => (r.cells[c - 1]?.text.trim() ?? '') !== '')) hiddenCols.push(c);
  }
  if (hiddenCols.length > 0) {
    issues.push(makeParseIssue('parse/hidden-content', 'hiddenColumns', { sheet: ws.name, columns: runs(hiddenCols, columnLetters) }, { file, sheet: ws.name, cell: `${columnLetters(hiddenCols[0]!)}1` }));
  }
}

/** A cell's numeric value for evaluation: a stored number, a cached formula result, blank or text. */
function valueOf(cell: ExcelJS.Cell): CellValue {
  const v = cell.type === ExcelJS.ValueType.Merge ? null : cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return storedDecimal(v);
  if (typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
    const r = v.result;
    if (typeof r === 'number') return storedDecimal(r);
    return r === undefined || r === null ? null : String(r);
  }
  return typeof v === 'string' ? v : String(v);
}

/**
 * Re-computes simple formulas (sums and differences, see evaluateFormula) from their inputs and
 * reports a cached value that disagrees at the precision the cell displays — a workbook saved
 * without recalculation, or a value typed over by a tool. A formula without a cached value is
 * reported too (its cell reads blank). Formulas the evaluator does not support are skipped.
 */
function checkFormulas(ws: ExcelJS.Worksheet, byName: ReadonlyMap<string, ExcelJS.Worksheet>, file: string, issues: ParseIssue[]): void {
  const lookup = (sheet: string | undefined, row: number, col: number): CellValue => {
    const target = sheet === undefined ? ws : byName.get(sheet);
    if (!target) return 'missing sheet';
    return valueOf(target.getCell(row, col));
  };
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type !== ExcelJS.ValueType.Formula) return;
      const formula = cell.formula;
      if (!formula) return;
      const location = { file, sheet: ws.name, cell: cell.address };
      const cached = (cell.value as ExcelJS.CellFormulaValue).result;
      if (cached === undefined || cached === null) {
        issues.push(makeParseIssue('parse/formula-mismatch', 'formulaNoValue', { sheet: ws.name, cell: cell.address, formula }, location));
        return;
      }
      if (typeof cached !== 'number') return;
      const computed = evaluateFormula(formula, lookup);
      if (computed === undefined) return;
      const fmt = parseNumberFormat(cell.numFmt);
      const shown = displayNumber(cached, fmt);
      const expected = displayDecimal(computed, fmt);
      // compare the decimals, not the texts: both are shown with the same format
      if (!sameShown(shown, expected)) {
        issues.push(makeParseIssue('parse/formula-mismatch', 'formulaMismatch', { sheet: ws.name, cell: cell.address, formula, cached: shown, computed: expected }, location));
      }
    });
  });
}

function sameShown(a: string, b: string): boolean {
  const num = (s: string): Decimal => new Decimal(s.replace(/[,%]/g, ''));
  return num(a).equals(num(b));
}

/** Parses an XLSX workbook (one table per sheet, or several separated by title rows). */
export async function parseXlsx(bytes: Uint8Array, file: string): Promise<BudgetDocument> {
  const { lines, issues } = await readWorkbookLines(bytes, file);
  return placeCellIssues(assembleDocument(lines, makeSource(file, 'xlsx', undefined, undefined), issues));
}
