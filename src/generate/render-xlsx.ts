import type { StandardKind } from '../model/document.js';
import type { GeneratedDocument } from './document.js';

/** A generated document as budget offices export it: the tables in a workbook, the narrative as text. */
export interface GeneratedWorkbook {
  /** XLSX bytes: one sheet per table (表1 … 表9), parts and repeated headers as printed. */
  readonly workbook: Uint8Array;
  /** The narrative (every line that is not part of a table), for `--narrative`. */
  readonly narrative: string;
}

/**
 * Renders a generated document as an XLSX workbook plus its narrative text. Amounts are numeric cells
 * with a display format ("#,##0" for 元, "0.00" for 万元); codes ("01") and names stay text.
 * exceljs is loaded only here.
 */
export async function renderXlsx(doc: GeneratedDocument): Promise<GeneratedWorkbook> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const sheets = new Map<StandardKind, { ws: import('exceljs').Worksheet; next: number }>();
  const narrative: string[] = [];
  doc.lines.forEach((text, i) => {
    const info = doc.info[i]!;
    const kind = info.table;
    if (!kind) {
      // blank lines inside a table belong to it; elsewhere they separate narrative paragraphs
      if (text === '' && doc.info[i - 1]?.table && doc.info[i + 1]?.table) return;
      narrative.push(text);
      return;
    }
    let sheet = sheets.get(kind);
    if (!sheet) sheets.set(kind, (sheet = { ws: wb.addWorksheet(`表${kind.slice(1)}`), next: 1 }));
    const amountFields = new Set((info.cells ?? []).map((c) => c.field));
    const row = sheet.ws.getRow(sheet.next++);
    text.split('\t').forEach((f, j) => {
      if (f === '') return;
      const cell = row.getCell(j + 1);
      if (amountFields.has(j)) {
        cell.value = Number(f.replace(/,/g, ''));
        cell.numFmt = f.includes('.') ? '0.00' : '#,##0';
      } else cell.value = f;
    });
    row.commit();
  });
  const buf = await wb.xlsx.writeBuffer();
  return { workbook: new Uint8Array(buf as ArrayBuffer), narrative: `${narrative.join('\n')}\n` };
}
