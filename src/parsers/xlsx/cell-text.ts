import ExcelJS from 'exceljs';
import { displayNumber, parseNumberFormat } from './number-format.js';

/** A cached formula result or a plain value, as exceljs models it. */
type Value = ExcelJS.CellValue;

/**
 * The text a cell displays. Numbers follow their number format (see displayNumber); formulas show
 * their cached result; rich text and hyperlinks their text; dates yyyy-mm-dd; errors their code
 * ("#REF!", which an amount column then reports as not an amount). Line breaks inside a cell are
 * removed between Chinese characters ("功能分类\n科目编码") and become spaces elsewhere.
 */
export function cellText(cell: ExcelJS.Cell): string {
  if (cell.type === ExcelJS.ValueType.Merge) return '';
  return valueText(cell.value, cell.numFmt);
}

function valueText(v: Value | undefined, numFmt: string | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? displayNumber(v, parseNumberFormat(numFmt)) : '';
  if (typeof v === 'string') return flatten(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if ('richText' in v) return flatten(v.richText.map((r) => r.text).join(''));
  if ('error' in v) return String(v.error);
  if ('formula' in v || 'sharedFormula' in v) return valueText((v as ExcelJS.CellFormulaValue).result as Value | undefined, numFmt);
  if ('text' in v) return flatten(String((v as ExcelJS.CellHyperlinkValue).text));
  return '';
}

const CJK = /[\u4e00-\u9fff]/;

function flatten(s: string): string {
  const pieces = s.split('\n');
  if (pieces.length === 1) return s;
  let out = pieces[0]!.trimEnd();
  for (const piece of pieces.slice(1)) {
    const next = piece.trim();
    if (next === '') continue;
    out += out === '' || (CJK.test(out.slice(-1)) && CJK.test(next[0]!)) ? next : ` ${next}`;
  }
  return out;
}
