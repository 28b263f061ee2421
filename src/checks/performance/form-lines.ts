import type { Unit } from '../../model/amount.js';
import { paragraphLocation, type BudgetDocument, type Paragraph, type Row, type Table } from '../../model/document.js';
import { compareLocations, type SourceLocation } from '../../model/location.js';

/**
 * The printed lines of the 绩效目标 forms, whatever the parser made of them. A form read from a PDF
 * or a tab-separated text becomes an "unknown" table (its first part's header rows become the column
 * headers; the header rows of later parts are rows, or, where they repeat the first part's, the
 * parts' repeated headers, read here in their place); a form printed without tabs becomes
 * paragraphs, one source line per paragraph segment. Both are turned into the same shape here: lines
 * of pieces (a cell, or a paragraph line) that remember where they stand.
 */
export interface Piece {
  readonly text: string;
  /** Column of the piece in its table (tables only): used to tell side-by-side fund blocks apart. */
  readonly column?: number;
  /** Where character `offset` of the piece is in the source. */
  locate(offset: number, length: number): SourceLocation;
}

export interface FormLine {
  readonly pieces: readonly Piece[];
  /** A form title printed on this line, or the first line of a printed table part (page). */
  readonly partStart: boolean;
  /** True for a title line ("财政项目支出绩效目标填报表"): no fund data. */
  readonly title: boolean;
  readonly location: SourceLocation;
}

/** A run of lines that may hold one or more forms: a table, or paragraphs after a form title. */
export interface FormRegion {
  readonly title: string;
  /** The paragraphs read as form lines (not narrative). */
  readonly paragraphs: readonly Paragraph[];
  readonly lines: readonly FormLine[];
  readonly location: SourceLocation;
  /** Unit declared for the whole region ("单位：元" above the table). */
  readonly unit?: Unit;
}

// a form title: "2023年项目绩效目标表", "项目支出绩效目标申报表", "财政项目支出绩效目标填报表"
const FORM_TITLE = /绩效目标(?:申报|填报|申请|设置)?(?:情况)?表/;
// references to the forms, not the forms: "详见单位的项目绩效目标表"
const REFERENCE = /^(?:详见|参见|具体见|见|附)/;
const SENTENCE_PUNCTUATION = /[。；，,;]/;
// a numbered section heading of the narrative ends a form printed as paragraphs
const SECTION_HEADING = /^(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}部分)/;

/** True for the text of a form title line. */
export function isFormTitle(text: string): boolean {
  // FORM_TITLE holds 绩: a text without one (nearly every paragraph) needs no copy without spaces
  if (text.length > 80 || !text.includes('绩')) return false;
  const t = text.replace(/\s/g, '');
  return t.length > 0 && t.length <= 40 && FORM_TITLE.test(t) && !SENTENCE_PUNCTUATION.test(t) && !REFERENCE.test(t);
}

function cellPiece(text: string, column: number | undefined, location: SourceLocation, exactColumns: boolean): Piece {
  return {
    text,
    ...(column !== undefined ? { column } : {}),
    // text files count columns in characters; PDF and spreadsheet cells point at the cell itself
    locate: (offset) => (exactColumns && location.column !== undefined ? { ...location, column: location.column + offset } : location),
  };
}

/**
 * The lines of a table read as a form: its header rows (first part only), then its rows. PDF forms are
 * not printed on a column grid (their cells are text runs), so their column numbers are not used.
 */
function tableLines(table: Table, exactColumns: boolean, gridColumns: boolean): FormLine[] {
  const lines: FormLine[] = [];
  const depth = Math.max(0, ...table.columns.map((c) => c.path.length));
  for (let r = 0; r < depth; r++) {
    // a header cell merged over several columns repeats in each of their paths: read it once
    const pieces = table.columns
      .filter((c, i) => c.path[r] !== undefined && c.path[r] !== '' && c.path[r] !== table.columns[i - 1]?.path[r])
      .map((c) => cellPiece(c.path[r]!, gridColumns ? c.index : undefined, table.location, false));
    if (pieces.length > 0) lines.push({ pieces, partStart: r === 0, title: false, location: table.location });
  }
  const starts = table.parts.map((p) => p.location).sort(compareLocations);
  let part = 0;
  let newPart = lines.length === 0;
  for (const row of withRepeatedHeaders(table)) {
    let next = part;
    while (next + 1 < starts.length && compareLocations(starts[next + 1]!, row.location) <= 0) next++;
    if (next !== part) newPart = true;
    part = next;
    const pieces: Piece[] = [];
    const cellTexts = new Set(Object.values(row.cells).map((c) => c.raw.trim()));
    const lead = (row.label ?? row.name).trim();
    if (lead !== '' && !cellTexts.has(lead)) pieces.push(cellPiece(lead, undefined, row.location, false));
    const cells = table.columns.map((c) => ({ column: c, cell: row.cells[c.key] })).filter((x) => x.cell && x.cell.raw.trim() !== '');
    for (const { column, cell } of cells) {
      const raw = cell!.raw;
      const indent = raw.length - raw.trimStart().length;
      const loc = exactColumns && cell!.location.column !== undefined ? { ...cell!.location, column: cell!.location.column + indent } : cell!.location;
      pieces.push(cellPiece(raw.trim(), gridColumns ? column.index : undefined, loc, exactColumns));
    }
    const text = pieces.map((p) => p.text).join(' ');
    const title = isFormTitle(text);
    lines.push({ pieces, partStart: newPart || title, title, location: row.location });
    newPart = false;
  }
  return lines;
}

/**
 * The table's rows with the header lines its later parts printed again, in printed order: a form per
 * page names its project in its header, which is the first form's when the projects have one name.
 */
function withRepeatedHeaders(table: Table): readonly Row[] {
  const again = table.parts.flatMap((p) => p.repeatedHeader);
  if (again.length === 0) return table.rows;
  const out: Row[] = [];
  let k = 0;
  for (const row of table.rows) {
    while (k < again.length && compareLocations(again[k]!.location, row.location) < 0) out.push(again[k++]!);
    out.push(row);
  }
  while (k < again.length) out.push(again[k++]!);
  return out;
}

function paragraphLines(p: Paragraph): FormLine[] {
  const out: FormLine[] = [];
  p.segments.forEach((seg, i) => {
    const end = p.segments[i + 1]?.start ?? p.text.length;
    const text = p.text.slice(seg.start, end);
    if (text.trim() === '') return;
    const piece: Piece = { text, locate: (offset, length) => paragraphLocation(p, seg.start + offset, length) };
    out.push({ pieces: [piece], partStart: false, title: false, location: seg.location });
  });
  return out;
}

function sameSource(a: SourceLocation, b: SourceLocation): boolean {
  return a.file === b.file && a.sheet === b.sheet;
}

/** True when a table is a 绩效目标 form: its title, or its header or first rows, say so. */
function isFormTable(table: Table): boolean {
  if (table.kind !== 'unknown') return false;
  if (isFormTitle(table.title) || /绩效目标/.test(table.title)) return true;
  const head = [...table.columns.flatMap((c) => c.path), ...table.rows.slice(0, 3).flatMap((r) => Object.values(r.cells).map((c) => c.raw))].join(' ');
  return /绩效目标/.test(head) && /项目名称|资金总额/.test(head);
}

/**
 * Every place of the document that may hold 绩效目标 forms: unknown tables titled (or headed) as
 * forms, and paragraphs that follow a form title, up to the next numbered section heading.
 */
export function formRegions(doc: BudgetDocument): FormRegion[] {
  const exactColumns = doc.source.format === 'text';
  const regions: FormRegion[] = [];
  const starts: SourceLocation[] = [];
  for (const t of doc.tables) starts.push(t.location);
  starts.sort(compareLocations);
  for (const t of doc.tables) {
    if (!isFormTable(t)) continue;
    const lines = tableLines(t, exactColumns, doc.source.format !== 'pdf');
    // lines of the form after a break in the table (a line without tabs, a unit line) are paragraphs
    const next = starts.find((l) => compareLocations(l, t.location) > 0);
    const after = doc.paragraphs.filter(
      (p) => sameSource(p.location, t.location) && compareLocations(p.location, t.location) > 0 && (!next || compareLocations(p.location, next) < 0),
    );
    const stop = after.findIndex((p) => SECTION_HEADING.test(p.text.trim()) || isFormTitle(p.text));
    const trailing = stop < 0 ? after : after.slice(0, stop);
    for (const p of trailing) lines.push(...paragraphLines(p));
    regions.push({ title: t.title, paragraphs: [], lines, location: t.location, ...(t.unit ? { unit: t.unit } : {}) });
  }
  let open: { title: string; paragraphs: Paragraph[]; lines: FormLine[]; location: SourceLocation } | undefined;
  const close = (): void => {
    if (open) regions.push(open);
    open = undefined;
  };
  let last: SourceLocation | undefined;
  for (const p of doc.paragraphs) {
    const text = p.text.trim();
    // a table, another file or another sheet between two paragraphs ends a form printed as text
    const prev = last;
    last = p.location;
    if (open && prev && (!sameSource(prev, p.location) || starts.some((l) => compareLocations(prev, l) < 0 && compareLocations(l, p.location) < 0))) close();
    if (isFormTitle(text)) {
      if (!open) open = { title: text.replace(/\s/g, ''), paragraphs: [], lines: [], location: p.location };
      open.paragraphs.push(p);
      open.lines.push({ pieces: [{ text, locate: (o, l) => paragraphLocation(p, o, l) }], partStart: true, title: true, location: p.location });
      continue;
    }
    if (!open) continue;
    if (SECTION_HEADING.test(text)) {
      close();
      continue;
    }
    open.paragraphs.push(p);
    open.lines.push(...paragraphLines(p));
  }
  close();
  return regions;
}
