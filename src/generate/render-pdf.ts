/**
 * Prints a budget document in the text format (tab-separated tables under a title line and a
 * "单位：" line, paragraphs in between) as a word processor would, into a PDF made with
 * pdf-writer.ts: title centred, unit line right-aligned over the table, table columns
 * sized from their contents and header cells, merged header cells centred over the columns and rows
 * they span (spans worked out from the blank cells of the text's header rows, the convention the
 * text reader uses), amounts right-aligned, names left-aligned and wrapped within their column,
 * paragraphs wrapped at the page width with a first-line indent, tables broken over pages with or
 * without their header (and title) repeated, page numbers in the footer.
 *
 * The text's own page parts (a table printed again under its repeated title and header) are joined
 * first: the renderer paginates the table itself. Layout variants that change the text too (compact
 * codes, 合计 first) are text → text transforms (`compactCodes`, `splitCodes`, `totalFirst`) so that
 * the text reader and the PDF reader can be given the same document.
 */
import { isHeading } from '../parsers/paragraphs.js';
import { isDataLine } from '../parsers/row-parse.js';
import { titleKind, unitDeclaration } from '../parsers/table-titles.js';
import { textWidth, writePdf, type PdfPageSpec, type PdfText } from './pdf-writer.js';

export interface TextToPdfOptions {
  /** Page orientation: both portrait, both landscape, or portrait text with landscape table pages. */
  readonly orientation?: 'landscape' | 'portrait' | 'mixed';
  /** On a page break inside a table: repeat the header rows ('header'), title and header ('title'), or nothing. */
  readonly repeat?: 'header' | 'title' | 'none';
  /** Vertical alignment of the cells of a row whose name wraps: beside its first line, or centred on the row. */
  readonly valign?: 'top' | 'middle';
  /** Widest a name / label column may be, in em of the table font; longer names wrap. */
  readonly nameEm?: number;
  /** Table font size (points). */
  readonly tableSize?: number;
  /** Paragraph font size (points). */
  readonly textSize?: number;
  /** Footer page numbers. */
  readonly pageNumbers?: 'dash' | 'chinese' | 'none';
  /** A running head printed at the top of every page. */
  readonly runningHead?: string;
  /** Each table starts a new page (the usual print of 部门预算表), or follows the text when it fits. */
  readonly tableBreak?: 'page' | 'flow';
  /** A 合计 label with blank cells to its right is centred across them (a merged cell) instead of sitting in its cell. */
  readonly mergedTotal?: boolean;
  /** Code cells left-aligned or centred in their columns. */
  readonly codeAlign?: 'left' | 'center';
  /** Rows per page at most (forces page breaks in small tables). */
  readonly maxRows?: number;
}

// ---------------------------------------------------------------------------------------------
// The text document as blocks

interface TableBlock {
  readonly kind: 'table';
  title?: string;
  /** Lines printed between the title and the table (unit, 编制单位). */
  pre: string[];
  header: string[][];
  rows: string[][];
}

interface TextBlock {
  readonly kind: 'text';
  readonly text: string;
}

interface BlankBlock {
  readonly kind: 'blank';
}

type Block = TableBlock | TextBlock | BlankBlock;

const FORM_TITLE = /绩效目标/;
const PRE_LINE = /^编制(单位|部门)[:：]|^[（(][^）)]{0,20}[）)]$/;

function isUnitLine(t: string): boolean {
  return unitDeclaration(t) !== undefined && t.trim().length < 30;
}

/** Splits the text into paragraphs, blank lines and tables (title, unit, header rows, data rows). */
export function textBlocks(text: string): Block[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const out: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.includes('\t')) {
      out.push(line.trim() === '' ? { kind: 'blank' } : { kind: 'text', text: line });
      i++;
      continue;
    }
    const cells: string[][] = [];
    // blank lines inside a table are skipped (as the text reader does): the table goes on after them
    for (;;) {
      while (i < lines.length && lines[i]!.includes('\t')) cells.push(lines[i++]!.split('\t'));
      let j = i;
      while (j < lines.length && lines[j]!.trim() === '') j++;
      if (j === i || j >= lines.length || !lines[j]!.includes('\t')) break;
      i = j;
    }
    // The title, unit, subtitle and 编制单位 lines just above the table belong to it.
    const pre: string[] = [];
    let title: string | undefined;
    let k = out.length - 1;
    for (let steps = 0; k >= 0 && steps < 6; steps++) {
      const b = out[k]!;
      if (b.kind === 'blank') {
        k--;
        continue;
      }
      if (b.kind !== 'text') break;
      const t = b.text.trim();
      if (isUnitLine(t) || PRE_LINE.test(t)) {
        pre.unshift(t);
        k--;
        continue;
      }
      if (titleKind(t) || /表$/.test(t)) {
        title = t;
        k--;
      }
      break;
    }
    if (title !== undefined) out.splice(k + 1);
    const d = cells.findIndex((c) => isDataLine(c));
    const header = d < 0 ? cells : cells.slice(0, d);
    const rows = d < 0 ? [] : cells.slice(d);
    const block: TableBlock = { kind: 'table', ...(title !== undefined ? { title } : {}), pre: title !== undefined ? pre : [], header, rows };
    // A part repeated under the same title and header (the text's page parts) continues the table;
    // a 绩效目标 form is printed whole under its own title (two projects of one name print the same header).
    const prev = [...out].reverse().find((b) => b.kind !== 'blank');
    if (prev?.kind === 'table' && title !== undefined && prev.title === title && !FORM_TITLE.test(title) && sameRows(prev.header, header)) {
      while (out[out.length - 1]!.kind === 'blank') out.pop();
      prev.rows.push(...rows);
      continue;
    }
    out.push(block);
  }
  return out;
}

function sameRows(a: readonly string[][], b: readonly string[][]): boolean {
  return a.length === b.length && a.every((r, i) => r.join('\t') === b[i]!.join('\t'));
}

function blocksToText(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'blank') out.push('');
    else if (b.kind === 'text') out.push(b.text);
    else {
      if (b.title !== undefined) out.push(b.title, ...b.pre);
      out.push(...[...b.header, ...b.rows].map((r) => r.join('\t')));
    }
  }
  return out.join('\n');
}

/** The text with each table's page parts joined into one (what the renderer prints). */
export function joinTextParts(text: string): string {
  return blocksToText(textBlocks(text));
}

const TOTAL = /^(合\s*计|总\s*计)$/;

/** Coded tables (T2, T3, T5–T8) with their 合计 row moved to the top, as many offices print them. */
export function totalFirst(text: string): string {
  const blocks = textBlocks(text);
  for (const b of blocks) {
    if (b.kind !== 'table' || !b.title || !['T2', 'T3', 'T5', 'T6', 'T7', 'T8'].includes(titleKind(b.title) ?? '')) continue;
    const at = b.rows.findIndex((r) => r.slice(0, 4).some((c) => TOTAL.test(c.trim())));
    if (at > 0) b.rows.unshift(...b.rows.splice(at, 1));
  }
  return blocksToText(blocks);
}

const CODE_PART_HEADS = ['类', '款', '项'];

/** Split 类 / 款 / 项 code columns joined into one 编码 column with compact codes ("2011301"). */
export function compactCodes(text: string): string {
  const blocks = textBlocks(text);
  for (const b of blocks) {
    if (b.kind !== 'table') continue;
    const partRow = b.header.findIndex((r) => r.filter((c) => CODE_PART_HEADS.includes(c.trim())).length >= 2);
    if (partRow < 0) continue;
    const cols = b.header[partRow]!.map((c, i) => (CODE_PART_HEADS.includes(c.trim()) ? i : -1)).filter((i) => i >= 0);
    const first = cols[0]!;
    const rest = new Set(cols.slice(1));
    const drop = (r: string[]): string[] => r.filter((_, i) => !rest.has(i));
    const joinRow = (r: string[]): string[] => {
      const parts = cols.map((i) => (r[i] ?? '').trim());
      const out = [...r];
      if (parts.every((p) => p === '' || /^\d+$/.test(p)) && parts.some((p) => p !== '')) out[first] = parts.join('');
      return drop(out);
    };
    const rows = b.header.filter((_, r) => r !== partRow).map(drop);
    // The 类/款/项 row held only the code parts: without it, the code heading reaches down to the names' row.
    b.header = rows;
    b.rows = b.rows.map(joinRow);
  }
  return blocksToText(blocks);
}

/** One 科目编码 column with compact codes split into 类 / 款 / 项 columns under it. */
export function splitCodes(text: string): string {
  const blocks = textBlocks(text);
  for (const b of blocks) {
    if (b.kind !== 'table' || b.header.length === 0) continue;
    const col = b.header[0]!.findIndex((c) => /编码$/.test(c.trim()));
    if (col < 0 || b.header.some((r) => r.some((c) => CODE_PART_HEADS.includes(c.trim())))) continue;
    const digits = b.rows.map((r) => (r[col] ?? '').trim()).filter((c) => /^\d{3,7}$/.test(c));
    if (digits.length === 0) continue;
    const economic = digits.every((c) => c.length <= 5);
    const parts = economic ? 2 : 3;
    const widen = (r: string[], fill: (cell: string) => string[]): string[] => [...r.slice(0, col), ...fill(r[col] ?? ''), ...r.slice(col + 1)];
    const header = b.header.map((r) => widen(r, (c) => [c, ...Array<string>(parts - 1).fill('')]));
    header.push(widen(Array<string>(b.header[0]!.length).fill(''), () => CODE_PART_HEADS.slice(0, parts)));
    b.header = header;
    b.rows = b.rows.map((r) =>
      widen(r, (c) => {
        const t = c.trim();
        if (!/^\d{3,7}$/.test(t)) return [c, ...Array<string>(parts - 1).fill('')];
        const out = [t.slice(0, 3), t.slice(3, 5), t.slice(5, 7)].slice(0, parts);
        return out;
      }),
    );
  }
  return blocksToText(blocks);
}

// ---------------------------------------------------------------------------------------------
// Header spans

interface HeaderCell {
  readonly text: string;
  readonly row: number;
  readonly col: number;
  colSpan: number;
  rowSpan: number;
}

/**
 * The merged cells of a text header: a cell spans rightwards over blank cells while the cell above
 * spans them too (the text reader's rule), and downwards over blank cells no other cell claims.
 */
export function headerCells(rows: readonly (readonly string[])[], width: number): HeaderCell[] {
  const owner: number[][] = [];
  const cells: HeaderCell[] = [];
  rows.forEach((row, r) => {
    const own: number[] = [];
    for (let i = 0; i < width; i++) {
      const t = (row[i] ?? '').trim();
      if (t !== '') {
        cells.push({ text: t, row: r, col: i, colSpan: 1, rowSpan: 1 });
        own[i] = cells.length - 1;
      } else if (i > 0 && own[i - 1]! >= 0 && (r === 0 || owner[r - 1]![i] === owner[r - 1]![i - 1])) {
        own[i] = own[i - 1]!;
        cells[own[i]!]!.colSpan++;
      } else own[i] = -1;
    }
    owner.push(own);
  });
  for (const c of cells) {
    let r = c.row + 1;
    while (r < rows.length && owner[r]!.slice(c.col, c.col + c.colSpan).every((o) => o === -1)) {
      for (let i = c.col; i < c.col + c.colSpan; i++) owner[r]![i] = cells.indexOf(c);
      c.rowSpan++;
      r++;
    }
  }
  return cells;
}

// ---------------------------------------------------------------------------------------------
// Text measuring and wrapping

const NO_LINE_START = /^[，。、；：？！）》」』”’%．,.;:!?)\]]/;

/** Splits text into runs that may not be broken: a Latin word / number, or one CJK character. */
function units(text: string): string[] {
  return text.match(/[A-Za-z0-9.,%()\-+/]+|\s+|./gu) ?? [];
}

/** Wraps text into lines no wider than `width` points (a word processor's line breaking, simplified). */
export function wrap(text: string, width: number, size: number, firstIndent = 0): string[] {
  const lines: string[] = [];
  let cur = '';
  let room = width - firstIndent;
  for (const u of units(text)) {
    if (cur === '' && /^\s+$/.test(u)) continue;
    const w = textWidth(u, size);
    if (cur !== '' && textWidth(cur, size) + w > room + 0.01) {
      // a closing mark does not start a line: the character before it goes down with it
      if (NO_LINE_START.test(u) && [...cur].length > 1) {
        const chars = [...cur];
        const last = chars.pop()!;
        lines.push(chars.join('').trimEnd());
        cur = last + u;
      } else {
        lines.push(cur.trimEnd());
        cur = /^\s+$/.test(u) ? '' : u;
      }
      room = width;
      continue;
    }
    cur += u;
  }
  if (cur.trim() !== '' || lines.length === 0) lines.push(cur.trimEnd());
  return lines;
}

/** Header text wrapped within its cell: at a space first (a line break typed in the cell), else anywhere. */
function wrapHeader(text: string, width: number, size: number): string[] {
  const pieces = text.split(/\s+/).filter(Boolean);
  if (pieces.length > 1) return pieces.flatMap((p) => wrapChars(p, width, size));
  return wrapChars(text, width, size);
}

function wrapChars(text: string, width: number, size: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of text) {
    if (cur !== '' && textWidth(cur + ch, size) > width + 0.01) {
      out.push(cur);
      cur = ch;
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Pages

interface PageGeometry {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

const LANDSCAPE: PageGeometry = { width: 842, height: 595, left: 50, right: 792, top: 48, bottom: 540 };
const PORTRAIT: PageGeometry = { width: 595, height: 842, left: 60, right: 535, top: 60, bottom: 775 };

interface Page {
  readonly geometry: PageGeometry;
  readonly texts: PdfText[];
}

class Printer {
  readonly pages: Page[] = [];
  y = 0;
  constructor(private readonly opts: Required<Pick<TextToPdfOptions, 'orientation'>>) {}

  geometry(table: boolean): PageGeometry {
    if (this.opts.orientation === 'portrait') return PORTRAIT;
    if (this.opts.orientation === 'landscape') return LANDSCAPE;
    return table ? LANDSCAPE : PORTRAIT;
  }

  get page(): Page | undefined {
    return this.pages[this.pages.length - 1];
  }

  newPage(table: boolean): Page {
    const p = { geometry: this.geometry(table), texts: [] };
    this.pages.push(p);
    this.y = p.geometry.top;
    return p;
  }

  /** The current page when it has the right orientation and `need` points of room, else a new page. */
  room(need: number, table: boolean): Page {
    const p = this.page;
    if (!p || p.geometry !== this.geometry(table) || this.y + need > p.geometry.bottom) return this.newPage(table);
    return p;
  }

  put(text: string, x: number, baseline: number, size: number): void {
    if (text === '') return;
    this.page!.texts.push({ text, x, y: baseline, size });
  }
}

// ---------------------------------------------------------------------------------------------
// Tables

const AMOUNT = /^[-−]?[\d,，]+(\.\d+)?%?$|^[-—–]+$/;

type ColumnKind = 'code' | 'name' | 'amount';

function columnKinds(t: TableBlock, width: number): ColumnKind[] {
  const leaves = Array.from({ length: width }, (_, i) => {
    for (let r = t.header.length - 1; r >= 0; r--) {
      const c = (t.header[r]![i] ?? '').trim();
      if (c !== '') return c;
    }
    return '';
  });
  return leaves.map((leaf, i) => {
    if (CODE_PART_HEADS.includes(leaf) || /编码|代码/.test(leaf)) return 'code';
    const cells = t.rows.map((r) => (r[i] ?? '').trim()).filter((c) => c !== '');
    // an empty column is an amount column unless its header names labels
    if (cells.length === 0) return /名称|项目$|科目$|^$/.test(leaf) && leaf !== '项目支出' ? 'name' : 'amount';
    const amounts = cells.filter((c) => AMOUNT.test(c)).length;
    return amounts * 2 >= cells.length ? 'amount' : 'name';
  });
}

interface TableLayout {
  readonly size: number;
  /** Left edge of every column, and the right edge of the last. */
  readonly edges: number[];
  readonly kinds: ColumnKind[];
  readonly header: HeaderCell[];
  readonly headerRowTops: number[];
  readonly headerHeight: number;
}

const PAD = 0.5; // em of cell padding on each side

function layoutTable(t: TableBlock, g: PageGeometry, opts: TextToPdfOptions): TableLayout {
  const width = Math.max(...[...t.header, ...t.rows].map((r) => r.length));
  const kinds = columnKinds(t, width);
  const header = headerCells(t.header, width);
  const avail = g.right - g.left;
  let size = opts.tableSize ?? 10;
  let widths: number[] = [];
  for (;;) {
    const em = size;
    // a 绩效目标 form is laid out on a grid of its own, wide enough for a project name on one line; its
    // first rows (项目名称, 主管部门 …) are no header but content, so they size their columns too
    // ("公共服务设施运行经费（二）" wrapped and the PDF form lost its project name: seeds 31720, 3371243)
    const form = /绩效目标/.test(t.title ?? '');
    const nameCap = Math.max(opts.nameEm ?? 14, form ? 14 : 0) * em;
    const sized = form ? [...t.header, ...t.rows] : t.rows;
    widths = kinds.map((k, i) => {
      const content = Math.max(0, ...sized.map((r) => textWidth((r[i] ?? '').trim(), size)));
      const leaf = header.filter((h) => h.col === i && h.colSpan === 1).map((h) => Math.min(textWidth(h.text, size), (k === 'name' ? 8 : 4) * em));
      const w = Math.max(content, ...leaf, 2 * em) + 2 * PAD * em;
      return k === 'name' ? Math.min(w, nameCap + 2 * PAD * em) : w;
    });
    const sum = widths.reduce((a, b) => a + b, 0);
    if (sum <= avail || size <= 6) break;
    size -= 0.5;
  }
  // Spare room widens the amount columns (as a table set to the page width), names keep their cap.
  const sum = widths.reduce((a, b) => a + b, 0);
  const grow = kinds.map((k): number => (k === 'amount' ? 1 : 0));
  const n = grow.reduce((a, b) => a + b, 0);
  if (sum < avail && n > 0) {
    const extra = Math.min((avail - sum) / n, 6 * size);
    widths = widths.map((w, i) => w + extra * grow[i]!);
  }
  const total = widths.reduce((a, b) => a + b, 0);
  const x0 = g.left + (avail - total) / 2;
  const edges = [x0];
  for (const w of widths) edges.push(edges[edges.length - 1]! + w);
  // Header rows: as high as their tallest single-row cell; a cell spanning rows is centred over them.
  const lineH = size * 1.25;
  const rowsH = t.header.map(() => lineH + size * 0.6);
  const linesOf = (h: HeaderCell): string[] => wrapHeader(h.text, edges[h.col + h.colSpan]! - edges[h.col]! - 2 * PAD * size, size);
  for (const h of header) {
    const need = linesOf(h).length * lineH + size * 0.6;
    const have = rowsH.slice(h.row, h.row + h.rowSpan).reduce((a, b) => a + b, 0);
    if (need > have) rowsH[h.row + h.rowSpan - 1]! += need - have;
  }
  const headerRowTops = [0];
  for (const h of rowsH) headerRowTops.push(headerRowTops[headerRowTops.length - 1]! + h);
  return { size, edges, kinds, header, headerRowTops, headerHeight: headerRowTops[headerRowTops.length - 1]! };
}

function printHeader(p: Printer, L: TableLayout, top: number): void {
  const size = L.size;
  const lineH = size * 1.25;
  for (const h of L.header) {
    const x0 = L.edges[h.col]!;
    const x1 = L.edges[h.col + h.colSpan]!;
    const lines = wrapHeader(h.text, x1 - x0 - 2 * PAD * size, size);
    const y0 = top + L.headerRowTops[h.row]!;
    const y1 = top + L.headerRowTops[h.row + h.rowSpan]!;
    const first = (y0 + y1) / 2 - (lines.length * lineH) / 2;
    lines.forEach((l, k) => p.put(l, (x0 + x1) / 2 - textWidth(l, size) / 2, first + k * lineH + size * 0.9, size));
  }
}

interface RowLayout {
  readonly cells: string[][];
  readonly height: number;
  readonly lines: number;
}

function layoutRow(row: readonly string[], L: TableLayout, opts: TextToPdfOptions): RowLayout {
  const size = L.size;
  const cells = L.kinds.map((k, i) => {
    const t = (row[i] ?? '').trim();
    if (t === '') return [];
    const w = L.edges[i + 1]! - L.edges[i]! - 2 * PAD * size;
    if (k !== 'name') return [t];
    if (opts.mergedTotal && TOTAL.test(t)) return [t];
    return wrap(t, w, size);
  });
  const lines = Math.max(1, ...cells.map((c) => c.length));
  return { cells, lines, height: lines * size * 1.25 + size * 0.7 };
}

function printRow(p: Printer, row: readonly string[], R: RowLayout, L: TableLayout, top: number, opts: TextToPdfOptions): void {
  const size = L.size;
  const lineH = size * 1.25;
  const valign = opts.valign ?? 'middle';
  R.cells.forEach((lines, i) => {
    if (lines.length === 0) return;
    const x0 = L.edges[i]!;
    // a 合计 label printed as a merged cell over the blank label cells to its right
    if (opts.mergedTotal && TOTAL.test(lines[0]!) && lines.length === 1) {
      let j = i + 1;
      while (j < L.kinds.length && L.kinds[j] !== 'amount' && (row[j] ?? '').trim() === '') j++;
      const t = lines[0]!;
      p.put(t, (x0 + L.edges[j]!) / 2 - textWidth(t, size) / 2, top + (R.height - lineH) / 2 + size, size);
      return;
    }
    const x1 = L.edges[i + 1]!;
    const first = valign === 'top' ? top + size * 0.35 : top + (R.height - lines.length * lineH) / 2;
    lines.forEach((l, k) => {
      const w = textWidth(l, size);
      const kind = L.kinds[i]!;
      const x = kind === 'amount' ? x1 - PAD * size - w : kind === 'code' && opts.codeAlign === 'center' ? (x0 + x1) / 2 - w / 2 : x0 + PAD * size;
      p.put(l, x, first + k * lineH + size, size);
    });
  });
}

function printTable(p: Printer, t: TableBlock, opts: TextToPdfOptions): void {
  const g0 = p.geometry(true);
  const L = layoutTable(t, g0, opts);
  const titleSize = 16;
  const titleLines = t.title ? wrapChars(t.title, g0.right - g0.left, titleSize) : [];
  const preH = t.pre.length * 16;
  const rows = t.rows.map((r) => layoutRow(r, L, opts));
  // a 绩效目标 form is one page's grid: only the page's end breaks it (maxRows is for budget tables)
  const form = /绩效目标/.test(t.title ?? '');
  const titleBlock = (): void => {
    const g = p.page!.geometry;
    for (const line of titleLines) {
      p.put(line, (g.left + g.right) / 2 - textWidth(line, titleSize) / 2, p.y + titleSize, titleSize);
      p.y += titleSize * 1.5;
    }
    for (const line of t.pre) {
      // "单位：元" right-aligned over the table, "编制单位：…" at its left
      if (isUnitLine(line)) p.put(line, L.edges[L.edges.length - 1]! - textWidth(line, 10), p.y + 10, 10);
      else if (/^[（(]/.test(line)) p.put(line, (g.left + g.right) / 2 - textWidth(line, 12) / 2, p.y + 12, 12);
      else p.put(line, L.edges[0]!, p.y + 10, 10);
      p.y += 16;
    }
    if (t.pre.length > 0) p.y += 4;
  };
  const first = rows[0]?.height ?? 0;
  // a form is kept on one page when it fits one: a form broken after its 项目名称 rows read as two forms
  const whole = titleLines.length * titleSize * 1.5 + preH + L.headerHeight + rows.reduce((h, r) => h + r.height, 0);
  const need = form && whole < g0.bottom - g0.top ? whole : titleLines.length * titleSize * 1.5 + preH + L.headerHeight + first;
  if ((opts.tableBreak ?? 'page') === 'page') p.newPage(true);
  else p.room(need + 20, true);
  titleBlock();
  printHeader(p, L, p.y);
  p.y += L.headerHeight;
  let onPage = 0;
  const breakPage = (): void => {
    p.newPage(true);
    onPage = 0;
    const repeat = opts.repeat ?? 'header';
    if (repeat === 'title') titleBlock();
    if (repeat !== 'none') {
      printHeader(p, L, p.y);
      p.y += L.headerHeight;
    }
  };
  rows.forEach((R0, k) => {
    let R = R0;
    const lineH = L.size * 1.25;
    // A row taller than what is left of a page breaks across the page (a word processor's default):
    // the lines that fit stay, the rest of each cell goes on the next page.
    while (p.y + R.height > p.page!.geometry.bottom && R.height > (p.page!.geometry.bottom - p.page!.geometry.top) / 3) {
      const fit = Math.floor((p.page!.geometry.bottom - p.y - L.size * 0.7) / lineH);
      if (fit < 2) {
        breakPage();
        continue;
      }
      const head: RowLayout = { cells: R.cells.map((c) => c.slice(0, fit)), lines: fit, height: fit * lineH + L.size * 0.7 };
      printRow(p, t.rows[k]!, head, L, p.y, { ...opts, valign: 'top' });
      const rest = R.cells.map((c) => c.slice(fit));
      const lines = Math.max(1, ...rest.map((c) => c.length));
      R = { cells: rest, lines, height: lines * lineH + L.size * 0.7 };
      breakPage();
    }
    if (p.y + R.height > p.page!.geometry.bottom || (opts.maxRows !== undefined && onPage >= opts.maxRows && !form)) breakPage();
    printRow(p, t.rows[k]!, R, L, p.y, opts);
    p.y += R.height;
    onPage++;
  });
  p.y += 12;
}

// ---------------------------------------------------------------------------------------------
// Paragraphs

function printText(p: Printer, text: string, opts: TextToPdfOptions): void {
  const size = opts.textSize ?? 12;
  const trimmed = text.trim();
  const lead = text.length - text.trimStart().length;
  const heading = isHeading(trimmed);
  const s = heading ? size + 2 : size;
  const lineH = s * 1.6;
  const g = p.geometry(false);
  // headings at the margin, paragraphs with a first-line indent of two characters; a leading space indents further
  const indent = (heading ? 0 : 2 * s) + lead * s;
  const lines = wrap(trimmed, g.right - g.left, s, indent);
  lines.forEach((l, k) => {
    const page = p.room(lineH, false);
    p.put(l, page.geometry.left + (k === 0 ? indent : 0), p.y + s, s);
    p.y += lineH;
  });
}

// ---------------------------------------------------------------------------------------------

/** Renders a text-format budget document as a PDF. */
export function textToPdf(text: string, opts: TextToPdfOptions = {}): Uint8Array {
  const p = new Printer({ orientation: opts.orientation ?? 'landscape' });
  for (const b of textBlocks(text)) {
    if (b.kind === 'blank') {
      if (p.page) p.y += 6;
    } else if (b.kind === 'text') printText(p, b.text, opts);
    else printTable(p, b, opts);
  }
  if (p.pages.length === 0) p.newPage(false);
  const pages: PdfPageSpec[] = p.pages.map((page, n) => {
    const g = page.geometry;
    const texts = [...page.texts];
    const number = opts.pageNumbers ?? 'dash';
    const foot = number === 'dash' ? `- ${n + 1} -` : number === 'chinese' ? `第${n + 1}页，共${p.pages.length}页` : '';
    if (foot) texts.push({ text: foot, x: g.width / 2 - textWidth(foot, 9) / 2, y: g.height - 25, size: 9 });
    if (opts.runningHead) texts.push({ text: opts.runningHead, x: g.left, y: 28, size: 9 });
    // pdf-writer places text on an 842 × 595 page: a portrait page's text is moved so that the
    // MediaBox swap below keeps it where it was laid out.
    const dy = g === PORTRAIT ? PORTRAIT.height - LANDSCAPE.height : 0;
    return { texts: texts.map((t) => ({ ...t, y: t.y - dy })) };
  });
  const bytes = writePdf(pages);
  return portraitPages(bytes, p.pages.map((page) => page.geometry === PORTRAIT));
}

/** Turns the chosen pages' 842 × 595 MediaBox into 595 × 842 (same length: the xref stays valid). */
function portraitPages(bytes: Uint8Array, portrait: readonly boolean[]): Uint8Array {
  if (!portrait.some(Boolean)) return bytes;
  let s = Buffer.from(bytes).toString('latin1');
  let k = 0;
  s = s.replace(/\/MediaBox \[0 0 842 595\]/g, (m) => (portrait[k++] ? '/MediaBox [0 0 595 842]' : m));
  return new Uint8Array(Buffer.from(s, 'latin1'));
}
