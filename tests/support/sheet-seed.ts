import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAmountText } from '../../src/model/amount.js';
import type { BudgetDocument } from '../../src/model/document.js';

/** One table of a text document, cut out for a sheet or CSV file. */
export interface SheetTable {
  readonly title: string;
  /** The table's lines as fields, blank lines included (as []). */
  readonly rows: readonly (readonly string[])[];
  /** Per row, per field: the field is an amount (stored as a number in a workbook). */
  readonly amounts: readonly (readonly boolean[])[];
  /** Row indexes of title lines and of header lines. */
  readonly titleRows: ReadonlySet<number>;
  readonly headerRows: ReadonlySet<number>;
}

export interface SplitDocument {
  readonly tables: readonly SheetTable[];
  /** The text without its tables: table lines are blanked so narrative line numbers are kept. */
  readonly narrative: string;
}

const UNIT = /单位\s*[:：]/;
const SUBTITLE = /^[（(][^）)]{0,20}[）)]$|^编制(单位|部门)[:：]/;

/**
 * Cuts a text document into its tables and its narrative, using the text parser's model (`doc`)
 * to know where each table starts (its parts' title lines) and ends (its last row or note), which
 * lines are data rows and which fields hold amounts. Repeated page titles and headers of tables
 * printed over several pages stay in the table, as rows of the same sheet, unless `pageRepeats` is
 * false (one title and header per sheet, as a budget system exports it).
 */
export function splitTextDocument(text: string, doc: BudgetDocument, options: { pageRepeats?: boolean } = {}): SplitDocument {
  const pageRepeats = options.pageRepeats ?? true;
  const lines = text.split(/\r\n|\r|\n/);
  const inTable = new Set<number>();
  const tables: SheetTable[] = [];
  for (const t of doc.tables) {
    const titleLines = new Set(t.parts.map((p) => p.location.line!));
    const dataLines = new Set(t.rows.map((r) => r.location.line!));
    const noteLines = new Set(t.notes.map((n) => n.location.line!));
    const amountAt = new Set<string>();
    for (const r of t.rows) for (const c of Object.values(r.cells)) if (c.amount) amountAt.add(`${c.location.line}:${c.location.column}`);
    const first = t.location.line!;
    const last = Math.max(first, ...dataLines, ...noteLines);
    const rows: string[][] = [];
    const amounts: boolean[][] = [];
    const titleRows = new Set<number>();
    const headerRows = new Set<number>();
    // without page repeats: a continuation part's title, unit and header lines are left out
    const repeated = new Set<number>();
    if (!pageRepeats) {
      for (const p of t.parts.slice(1)) {
        const start = p.location.line!;
        const firstData = Math.min(...[...dataLines].filter((l) => l > start));
        for (let n = start; n < firstData; n++) repeated.add(n);
      }
    }
    for (let n = first; n <= last; n++) {
      if (repeated.has(n)) {
        inTable.add(n);
        continue;
      }
      const raw = lines[n - 1]!;
      const tabular = raw.includes('\t');
      const blank = raw.trim() === '';
      const keep = blank || tabular || titleLines.has(n) || noteLines.has(n) || UNIT.test(raw) || SUBTITLE.test(raw.trim());
      if (!keep) continue;
      inTable.add(n);
      if (titleLines.has(n)) titleRows.add(rows.length);
      if (tabular && !dataLines.has(n)) headerRows.add(rows.length);
      const fields = blank ? [] : raw.split('\t');
      let offset = 0;
      amounts.push(
        fields.map((f) => {
          const isAmount = amountAt.has(`${n}:${offset + 1}`);
          offset += f.length + 1;
          return isAmount;
        }),
      );
      rows.push(fields);
    }
    tables.push({ title: t.title, rows, amounts, titleRows, headerRows });
  }
  const narrative = lines.map((l, i) => (inTable.has(i + 1) ? '' : l)).join('\n');
  return { tables, narrative };
}

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique. */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, '').slice(0, 28) || 'Sheet';
  let name = base;
  for (let k = 2; used.has(name); k++) name = `${base}(${k})`;
  used.add(name);
  return name;
}

/**
 * Merges of a header row as the header builder reads them: a non-empty cell spans the blanks to
 * its right while the header row above spans them too (see headerPaths in src/parsers/header.ts).
 */
function headerMerges(row: readonly string[], parentSpans: readonly number[] | undefined): { spans: number[]; merges: Array<[number, number]> } {
  const spans: number[] = [];
  for (let i = 0; i < row.length; i++) {
    if ((row[i] ?? '').trim() !== '') spans[i] = i;
    else if (i > 0 && spans[i - 1]! >= 0 && (!parentSpans || (parentSpans[i] ?? -1) === (parentSpans[i - 1] ?? -2))) spans[i] = spans[i - 1]!;
    else spans[i] = -1;
  }
  const merges: Array<[number, number]> = [];
  for (let i = 0; i < row.length; ) {
    let j = i;
    while (j + 1 < row.length && spans[j + 1] === i && spans[i] === i) j++;
    if (j > i) merges.push([i, j]);
    i = j + 1;
  }
  return { spans, merges };
}

/**
 * Builds an XLSX workbook with one sheet per table, as budget systems export them: title rows merged
 * across the table, merged header cells, amounts stored as numbers with a number format that shows
 * the printed decimals ("#,##0" when printed with thousands separators), everything else as text.
 */
export async function tablesToWorkbook(tables: readonly SheetTable[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2023, 0, 1));
  wb.modified = wb.created;
  const used = new Set<string>();
  for (const t of tables) {
    const ws = wb.addWorksheet(sheetName(t.title, used));
    const width = Math.max(1, ...t.rows.map((r) => r.length));
    let parent: number[] | undefined;
    t.rows.forEach((fields, i) => {
      const r = i + 1;
      fields.forEach((f, c) => {
        if (f.trim() === '') return;
        const cell = ws.getCell(r, c + 1);
        const parsed = t.amounts[i]![c] ? parseAmountText(f) : undefined;
        if (parsed?.kind === 'amount') {
          cell.value = Number(parsed.value.toString());
          cell.numFmt = `${f.includes(',') ? '#,##0' : '0'}${parsed.scale > 0 ? `.${'0'.repeat(parsed.scale)}` : ''}`;
        } else {
          cell.value = f;
        }
      });
      if (t.titleRows.has(i) && width > 1) ws.mergeCells(r, 1, r, width);
      if (t.headerRows.has(i)) {
        const m = headerMerges(fields, parent);
        for (const [a, b] of m.merges) ws.mergeCells(r, a + 1, r, b + 1);
        parent = m.spans;
      } else {
        parent = undefined;
      }
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text of a table (CRLF line ends, as spreadsheet programs write them). */
export function tableToCsv(t: SheetTable): string {
  return t.rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * Writes a CSV folder: one file per table ("01.csv", "02.csv" … in document order) plus the
 * narrative as narrative.txt; `encoding` 'gbk' writes the files in GBK as Windows exports do.
 */
export function writeCsvFolder(dir: string, split: SplitDocument, encoding: 'utf-8' | 'gbk' = 'utf-8'): void {
  mkdirSync(dir, { recursive: true });
  split.tables.forEach((t, i) => {
    const text = tableToCsv(t);
    writeFileSync(join(dir, `${String(i + 1).padStart(2, '0')}.csv`), encoding === 'gbk' ? iconv.encode(text, 'gbk') : text);
  });
  writeFileSync(join(dir, 'narrative.txt'), split.narrative);
}
