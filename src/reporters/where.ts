import type { DiagnosticData, DiagnosticLocation, RelatedValue } from '../engine/diagnostic.js';
import type { Labels } from './i18n.js';

/**
 * "line 126:10", "page 3 line 14", "Sheet1!C12", "line 7 (E7)" (a CSV cell) in the report's language;
 * '' when unknown. A document read from several files (a CSV folder, a workbook with --narrative)
 * has locations in each: when `doc` (the document's own file) is given and the location is in
 * another file, that file comes first ("text.md line 5:14").
 */
export function position(loc: DiagnosticLocation, l: Labels, doc?: string): string {
  const own = physical(loc, l);
  if (doc === undefined || loc.file === doc) return own;
  return own ? `${loc.file} ${own}` : loc.file;
}

function physical(loc: DiagnosticLocation, l: Labels): string {
  if (loc.sheet !== undefined) return `${loc.sheet}!${loc.cell ?? ''}`;
  const parts: string[] = [];
  const zh = l.line === '行';
  if (loc.page !== undefined) parts.push(zh ? `第 ${loc.page} 页` : `${l.page} ${loc.page}`);
  if (loc.line !== undefined) {
    const lc = `${loc.line}${loc.column !== undefined ? `:${loc.column}` : ''}`;
    parts.push(zh ? `第 ${lc} 行` : `${l.line} ${lc}`);
  }
  if (loc.cell !== undefined) parts.push(`(${loc.cell})`);
  return parts.join(' ');
}

/** Table heading used to group findings: "T1 2023年部门财务收支预算总表" (kind only when known). */
export function tableHeading(loc: DiagnosticLocation): string | undefined {
  if (!loc.table) return undefined;
  return loc.tableKind && loc.tableKind !== 'unknown' ? `${loc.tableKind} ${loc.table}` : loc.table;
}

/** Position, row and column of a location: "line 126:10 · row 一、财政拨款收入 · column 本年收入/预算数". */
export function where(loc: DiagnosticLocation, l: Labels, doc?: string): string {
  const parts = [position(loc, l, doc)];
  if (loc.row !== undefined) parts.push(`${l.row} ${loc.row}`);
  if (loc.field !== undefined) parts.push(`${l.column} ${loc.field}`);
  return parts.filter(Boolean).join(' · ');
}

/** "expected 1,234 元 · actual 1,235 元 · difference 1 元" when the finding carries those data. */
export function comparison(data: DiagnosticData, l: Labels): string | undefined {
  const unit = data['unit'] !== undefined && data['unit'] !== '' ? ` ${data['unit']}` : '';
  const parts: string[] = [];
  for (const key of ['expected', 'actual', 'difference'] as const) {
    const v = data[key];
    if (v !== undefined && v !== '') parts.push(`${l[key]} ${v}${unit}`);
  }
  if (data['expected'] === undefined && data['difference'] === undefined) return undefined;
  return parts.join(' · ');
}

/** "T1 1. 一般公共预算 / 预算数 = (blank) 元 (line 127:11)". */
export function relatedText(rel: RelatedValue, l: Labels, doc?: string): string {
  const value = rel.value !== undefined ? ` = ${rel.value}${rel.unit ? ` ${rel.unit}` : ''}` : '';
  const pos = position(rel.location, l, doc);
  return `${rel.label}${value}${pos ? ` (${pos})` : ''}`;
}
