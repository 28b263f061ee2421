import { parseAmountText, toHalfWidth, type Amount, type Unit } from '../model/amount.js';
import type { Cell, CodeScheme, Column, Paragraph, ParseIssue, Row, Side, Table, TableKind, TablePart } from '../model/document.js';
import type { SourceLocation } from '../model/location.js';
import { amountColumns, classifyColumns, headerPaths, type HeaderColumn } from './header.js';
import type { LayoutCell, LayoutLine } from './layout.js';
import { codeText, isDataLine, isTotalLabel, levelOf, splitCodeName, stripNumbering } from './row-parse.js';
import { isGenericTitle, titleKind, unitDeclaration } from './table-titles.js';

/** A printed part of a table: its title line, unit, header lines and data lines. */
interface RawPart {
  kind: TableKind;
  title: string;
  titleLocation: SourceLocation;
  unit?: Unit;
  header: LayoutLine[];
  data: LayoutLine[];
  notes: LayoutLine[];
}

export interface BuiltTables {
  tables: Table[];
  /** Lines that are not part of any table, in order. */
  textLines: LayoutLine[];
  issues: ParseIssue[];
}

const NOTE_LINE = /^(注[:：]|说明[:：]|备注[:：])|空表|无.{0,20}(预算|收支|支出|经费|安排)|没有.{0,20}(预算|收支|支出)|未安排/;
const SUBTITLE_LINE = /^[（(][^）)]{0,20}[）)]$|^编制(单位|部门)[:：]/;

function isBlank(line: LayoutLine): boolean {
  return line.cells.every((c) => c.text.trim() === '');
}

function texts(line: LayoutLine): string[] {
  return line.cells.map((c) => c.text);
}

function singleText(line: LayoutLine): string | undefined {
  const cells = line.cells.filter((c) => c.text.trim() !== '');
  return cells.length === 1 ? cells[0]!.text.trim() : undefined;
}

function lineUnit(line: LayoutLine): Unit | undefined {
  for (const c of line.cells) {
    const u = unitDeclaration(c.text);
    if (u) return u;
  }
  return undefined;
}

/** A line that belongs to a table body: tabular with at least two columns. */
function isTableLine(line: LayoutLine): boolean {
  return line.tabular && line.cells.length >= 2;
}

/**
 * Splits layout lines into table parts and text lines, then merges parts printed over several pages
 * (same title repeated) into one table.
 */
export function buildTables(lines: readonly LayoutLine[], file: string): BuiltTables {
  const parts: RawPart[] = [];
  const textLines: LayoutLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    const title = singleText(line);
    const kind: TableKind | undefined = title ? (titleKind(title) ?? (isGenericTitle(title) ? 'unknown' : undefined)) : undefined;
    if (title && kind && startsTable(lines, i + 1)) {
      const part: RawPart = { kind, title, titleLocation: line.location, header: [], data: [], notes: [] };
      i = readPart(lines, i + 1, part);
      parts.push(part);
      continue;
    }
    textLines.push(line);
    i++;
  }
  const issues: ParseIssue[] = [];
  const tables = mergeParts(parts, file, issues);
  return { tables, textLines, issues };
}

/** After a title: a unit line, a subtitle, or the table body must follow. */
function startsTable(lines: readonly LayoutLine[], from: number): boolean {
  for (let j = from; j < lines.length && j < from + 6; j++) {
    const l = lines[j]!;
    if (isBlank(l)) continue;
    if (lineUnit(l)) return true;
    if (isTableLine(l)) return true;
    const t = singleText(l);
    if (t && SUBTITLE_LINE.test(t)) continue;
    return false;
  }
  return false;
}

function readPart(lines: readonly LayoutLine[], from: number, part: RawPart): number {
  let j = from;
  let inBody = false;
  for (; j < lines.length; j++) {
    const l = lines[j]!;
    if (isBlank(l)) continue;
    const unit = lineUnit(l);
    if (unit && !inBody) {
      part.unit = unit;
      continue;
    }
    if (isTableLine(l)) {
      inBody = true;
      const t = texts(l);
      if (part.data.length === 0 && !isDataLine(t)) part.header.push(l);
      else part.data.push(l);
      continue;
    }
    const t = singleText(l);
    if (!inBody && t && SUBTITLE_LINE.test(t)) continue;
    if (inBody && t && NOTE_LINE.test(t) && t.length < 80) {
      part.notes.push(l);
      continue;
    }
    break;
  }
  return j;
}

function mergeParts(parts: RawPart[], file: string, issues: ParseIssue[]): Table[] {
  const groups: RawPart[][] = [];
  for (const p of parts) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    // A group with its total row is complete, unless the total came first (合计 at the top, as the
    // MoF layout prints it): then a part without a total of its own goes on with it.
    const complete = last !== undefined && hasTotal(last) && (endsWithTotal(last) || hasTotal([p]));
    const continues =
      prev !== undefined &&
      prev.kind === p.kind &&
      (p.kind !== 'unknown' || prev.title === p.title) &&
      !complete &&
      (p.header.length > 0 || p.data.length > 0);
    if (continues) last!.push(p);
    else groups.push([p]);
  }
  const counts = new Map<string, number>();
  return groups.map((g) => {
    const kind = g[0]!.kind;
    const n = (counts.get(kind) ?? 0) + 1;
    counts.set(kind, n);
    const id = kind === 'unknown' ? `unknown-${n}` : n === 1 ? kind : `${kind}-${n}`;
    return assemble(g, id, file, issues);
  });
}

function isTotalLine(l: LayoutLine): boolean {
  return l.cells.slice(0, 4).some((c) => isTotalLabel(c.text));
}

function hasTotal(group: RawPart[]): boolean {
  return group.some((p) => p.data.some(isTotalLine));
}

/** The group's last data line is a total row (or it has no data after a total). */
function endsWithTotal(group: RawPart[]): boolean {
  const data = group.flatMap((p) => p.data).filter((l) => !isBlank(l));
  const last = data[data.length - 1];
  return last !== undefined && isTotalLine(last);
}

const TWO_SIDED: ReadonlySet<TableKind> = new Set(['T1', 'T4']);

function schemeOf(kind: TableKind, header: LayoutLine[]): CodeScheme | undefined {
  if (kind === 'T8') return 'economic';
  if (['T2', 'T3', 'T5', 'T6', 'T7'].includes(kind)) return 'functional';
  const h = header.flatMap(texts).join('');
  if (/经济分类/.test(h)) return 'economic';
  if (/功能分类/.test(h)) return 'functional';
  return undefined;
}

function assemble(group: RawPart[], id: string, file: string, issues: ParseIssue[]): Table {
  const first = group[0]!;
  const kind = first.kind;
  const header = first.header;
  const data = group.flatMap((p) => {
    // A continuation part's header rows are repeats of the first part's; any line equal to a header
    // line is skipped too (headers repeated inside a part).
    const headerKeys = new Set(group.flatMap((q) => q.header).map((l) => texts(l).join('\t').trim()));
    return p.data.filter((l) => !headerKeys.has(texts(l).join('\t').trim()));
  });
  const width = Math.max(0, ...[...header, ...data].map((l) => l.cells.length));
  const twoSided = TWO_SIDED.has(kind) || (kind === 'unknown' && isTwoSidedHeader(header));
  const paths = headerPaths(header.map(texts), width);
  const classified = classifyColumns(paths, twoSided);
  const columns = kind === 'unknown' && header.length === 0 ? [] : amountColumns(classified);
  const unit = group.find((p) => p.unit)?.unit;
  const tableName = first.title;
  const scheme = schemeOf(kind, header);
  if (!unit && kind !== 'unknown') {
    issues.push({ ruleId: 'parse/missing-unit', messageId: 'missingUnit', data: { table: tableName }, location: first.titleLocation, table: tableName });
  }
  const rows: Row[] = [];
  for (const line of data) {
    const built = twoSided
      ? twoSidedRows(line, classified, columns, unit, tableName, kind, issues)
      : oneSidedRow(line, classified, columns, unit, tableName, kind, issues);
    rows.push(...built);
  }
  if (kind !== 'unknown' && kind !== 'T9' && data.length > 0 && !rows.some((r) => r.isTotal)) {
    const last = data[data.length - 1]!;
    issues.push({ ruleId: 'parse/missing-total-row', messageId: 'missingTotalRow', data: { table: tableName }, location: last.location, table: tableName });
  }
  if (kind !== 'unknown' && data.length === 0) {
    issues.push({ ruleId: 'parse/empty-table-body', messageId: 'emptyTableBody', data: { table: tableName }, location: first.titleLocation, table: tableName });
  }
  const notes: Paragraph[] = group.flatMap((p) => p.notes).map((l) => ({
    text: l.cells.map((c) => c.text.trim()).filter(Boolean).join(' '),
    kind: 'paragraph' as const,
    location: l.location,
    segments: [{ start: 0, location: l.cells.find((c) => c.text.trim())?.location ?? l.location }],
  }));
  const parts: TablePart[] = group.map((p) => ({ location: p.titleLocation }));
  return {
    id,
    kind,
    title: first.title,
    ...(unit ? { unit } : {}),
    ...(scheme ? { scheme } : {}),
    columns,
    rows,
    notes,
    parts,
    location: first.titleLocation,
  };
}

function isTwoSidedHeader(header: LayoutLine[]): boolean {
  const top = header[0] ? texts(header[0]).filter((t) => t.trim()) : [];
  return top.some((t) => /收入/.test(t)) && top.some((t) => /支出/.test(t));
}

function cellAt(line: LayoutLine, index: number): LayoutCell {
  const c = line.cells[index];
  if (c) return c;
  const lastCol = line.cells.length > 0 ? (line.cells[line.cells.length - 1]!.location.column ?? 1) : 1;
  return { text: '', location: { ...line.location, column: lastCol } };
}

function makeCells(
  line: LayoutLine,
  columns: readonly Column[],
  unit: Unit | undefined,
  table: string,
  rowName: string,
  issues: ParseIssue[],
  reportInvalid: boolean,
): Record<string, Cell> {
  const cells: Record<string, Cell> = {};
  for (const col of columns) {
    const lc = cellAt(line, col.index);
    const parsed = parseAmountText(lc.text);
    let amount: Amount | null = null;
    let invalid = false;
    if (parsed.kind === 'amount') amount = { raw: lc.text.trim(), value: parsed.value, scale: parsed.scale, unit: unit ?? '元' };
    else if (parsed.kind === 'invalid') {
      invalid = true;
      if (reportInvalid) {
        issues.push({
          ruleId: 'parse/invalid-amount',
          messageId: 'invalidAmount',
          data: { text: lc.text.trim(), table, row: rowName, column: col.key },
          location: lc.location,
          table,
          row: rowName,
          field: col.key,
        });
      }
    }
    const cell: { -readonly [K in keyof Cell]: Cell[K] } = { column: col.key, raw: lc.text, amount } as Cell;
    if (invalid) cell.invalid = true;
    cell.location = lc.location;
    // defined, not assigned: a header printed as "__proto__" must stay a column like any other
    if (col.key === '__proto__') Object.defineProperty(cells, col.key, { value: cell, enumerable: true, writable: true, configurable: true });
    else cells[col.key] = cell;
  }
  return cells;
}

function oneSidedRow(
  line: LayoutLine,
  classified: readonly HeaderColumn[],
  columns: readonly Column[],
  unit: Unit | undefined,
  table: string,
  kind: TableKind,
  issues: ParseIssue[],
): Row[] {
  const partCols = classified.filter((c) => c.role === 'code-class' || c.role === 'code-kuan' || c.role === 'code-xiang');
  const codeCol = classified.find((c) => c.role === 'code');
  const nameCol = classified.find((c) => c.role === 'name' || c.role === 'label');
  const leading = classified.filter((c) => c.role !== 'amount').map((c) => cellAt(line, c.index).text.trim());
  let code: string | undefined;
  let codeParts: string[] | undefined;
  if (partCols.length > 0) {
    const partsText = partCols.map((c) => toHalfWidth(cellAt(line, c.index).text).replace(/\s+/g, ''));
    if (partsText.some((p) => p !== '') && partsText.every((p) => p === '' || /^\d+$/.test(p))) {
      codeParts = partsText.filter((p) => p !== '');
      code = codeParts.join('');
    }
  } else if (codeCol) {
    code = codeText(cellAt(line, codeCol.index).text);
    if (code) codeParts = [code];
  }
  let name = nameCol ? cellAt(line, nameCol.index).text.trim() : '';
  if (!code && name) {
    const split = splitCodeName(name);
    if (split.code) {
      code = split.code;
      codeParts = [split.code];
      name = split.name;
    }
  }
  const totalText = leading.find((t) => isTotalLabel(t));
  const isTotal = !code && totalText !== undefined;
  const rowName = code ?? (isTotal ? totalText! : name);
  const label = !code ? (isTotal ? totalText : name || leading.find((t) => t !== '')) : undefined;
  const cells = makeCells(line, columns, unit, table, rowName, issues, kind !== 'unknown');
  const level = code ? levelOf(code) : undefined;
  // assigned one by one (not spread): this runs for every line of every table
  const row: { -readonly [K in keyof Row]: Row[K] } = {} as Row;
  if (code) row.code = code;
  if (level) row.level = level;
  if (codeParts) row.codeParts = codeParts;
  if (label !== undefined) row.label = label;
  row.name = isTotal ? (totalText ?? name) : name || (kind === 'T9' ? '预算数' : '');
  row.isTotal = isTotal;
  row.cells = cells;
  row.location = line.location;
  return [row];
}

function twoSidedRows(
  line: LayoutLine,
  classified: readonly HeaderColumn[],
  columns: readonly Column[],
  unit: Unit | undefined,
  table: string,
  _kind: TableKind,
  issues: ParseIssue[],
): Row[] {
  const rows: Row[] = [];
  for (const side of ['income', 'expense'] as Side[]) {
    const labelCol = classified.find((c) => (c.role === 'label' || c.role === 'name') && c.side === side);
    const sideCols = columns.filter((c) => c.side === side);
    if (!labelCol && sideCols.length === 0) continue;
    const label = labelCol ? cellAt(line, labelCol.index).text.trim() : '';
    const hasAmount = sideCols.some((c) => cellAt(line, c.index).text.trim() !== '');
    if (!label && !hasAmount) continue;
    const isTotal = isTotalLabel(label);
    const cells = makeCells(line, sideCols, unit, table, label, issues, true);
    const loc = labelCol ? cellAt(line, labelCol.index).location : line.location;
    rows.push({ label, name: isTotal ? label.replace(/\s+/g, '') : stripNumbering(label), isTotal, side, cells, location: { ...line.location, column: loc.column ?? 1 } });
  }
  return rows;
}
