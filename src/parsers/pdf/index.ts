import { InputError } from '../../errors.js';
import { makeSource } from '../../model/construct.js';
import { objectList } from '../../model/lists.js';
import { atColumn, pageLocation, type SourceLocation } from '../../model/location.js';
import type { BudgetDocument, ParseIssue, TableKind } from '../../model/document.js';
import { assembleDocument } from '../assemble.js';
import { cellLocation, layoutLine, type LayoutCell, type LayoutLine } from '../layout.js';
import { isDataLine } from '../row-parse.js';
import { isGenericTitle, titleKind, unitDeclaration } from '../table-titles.js';
import { physText, removeDuplicateBlocks, removePageFurniture } from './clean.js';
import { buildModel, columnAt, headerFrame, refit, type ColumnModel } from './columns.js';
import { center, chunks, joinFragments, median, pageLines, type Fragment, type PhysLine } from './geometry.js';
import { joinWrappedNames } from './form-names.js';
import { loadPdf } from './load.js';
import { assembleRows, headerLayout } from './rows.js';

const TWO_SIDED: ReadonlySet<TableKind> = new Set(['T1', 'T4']);
const PRE_LINE = /^编制(单位|部门)[:：]|^[（(][^）)]{0,20}[）)]$/;
const NOTE = /^(注|说明|备注)\s*[:：]/;
const MAX_HEADER_LINES = 10;

/** A table whose last part may continue on the next page. */
interface OpenTable {
  model: ColumnModel;
  twoSided: boolean;
  page: number;
  closed: boolean;
  /** Font size of the body lines. */
  size: number;
}

function cellTexts(line: PhysLine): string[] {
  return chunks(line.fragments, 0.9).map(joinFragments);
}

/** A line's cells apart from a "单位：元" or "编制单位：…" printed on the same line as a title. */
function titleParts(line: PhysLine): { title: string; rest: Fragment[][] } | undefined {
  const cs = chunks(line.fragments, 1.5);
  const isSide = (ch: Fragment[]): boolean => {
    const t = joinFragments(ch);
    return unitDeclaration(t) !== undefined || PRE_LINE.test(t);
  };
  const main = cs.filter((ch) => !isSide(ch));
  if (main.length !== 1) return undefined;
  return { title: joinFragments(main[0]!), rest: cs.filter(isSide) };
}

/** The standard kind of a line that is a table title (possibly with its unit at the side). */
function titleOf(line: PhysLine): TableKind | undefined {
  const parts = titleParts(line);
  return parts ? titleKind(parts.title) : undefined;
}

/** The title line of a table part, and its unit as a line of its own when printed beside it. */
function titleLayout(line: PhysLine, file: string): LayoutLine[] {
  const parts = titleParts(line);
  if (!parts || parts.rest.length === 0) return [textLayout(line, file, true)];
  const at = (column: number): SourceLocation => pageLocation(file, line.page, line.line, column);
  const title = layoutLine([{ text: parts.title, location: at(1) }], at(1), false, true);
  const unitCells = objectList<LayoutCell>();
  parts.rest.forEach((ch, k) => unitCells.push({ text: joinFragments(ch), location: at(k + 2) }));
  const unit = layoutLine(unitCells, at(2), false);
  return [title, unit];
}

function sameTextLine(a: PhysLine, b: PhysLine): boolean {
  return a.page === b.page;
}

/** A line that may belong to a table body under a header spanning [left, right]. */
function isBodyLine(line: PhysLine, prev: PhysLine | undefined, left: number, right: number): boolean {
  const text = physText(line);
  if (NOTE.test(text) || titleOf(line)) return false;
  const s = Math.min(line.size, prev?.size ?? line.size);
  if (line.x0 < left - 3 * s || line.x1 > right + 3 * s) return false;
  const cells = cellTexts(line);
  if (cells.length >= 2) return true;
  if (isDataLine(cells)) return true;
  // the rest of a wrapped label: close under the line before, in its size, inside the table
  return (
    prev !== undefined &&
    line.top - prev.bottom < 2.5 * s &&
    Math.abs(line.size - prev.size) <= 0.15 * prev.size &&
    line.x0 >= left - 0.5 * s &&
    line.x1 - line.x0 < 0.5 * (right - left)
  );
}

/** The end of a table body that starts at `from`; the lines before `data` (a wrapped first label, see bodyStart) belong to it. */
function bodyFrom(all: readonly PhysLine[], from: number, left: number, right: number, data = from): number {
  let j = Math.max(from, data);
  while (j < all.length && all[j]!.page === all[from]!.page && isBodyLine(all[j]!, j > from ? all[j - 1] : undefined, left, right)) j++;
  return j;
}

/** Index of the first data line at or after `from` on the same page, within the header allowance. */
function firstData(all: readonly PhysLine[], from: number): number | undefined {
  for (let j = from; j < all.length && j < from + MAX_HEADER_LINES && all[j]!.page === all[from]!.page; j++) {
    const l = all[j]!;
    if (NOTE.test(physText(l)) || titleOf(l)) return undefined;
    if (isDataLine(cellTexts(l))) return j;
  }
  return undefined;
}

const NUMBERS = /^[\d\s,.，．%-]+$/;

/**
 * Where a table body begins: at its first data line, or just above it when the first row's label is
 * wrapped and set in the middle of the row, so that its first line stands above the row's codes and
 * amounts. Such a line is one run of text touching the data line and starting where the body's labels
 * start (header texts are centred in their cells and stand clear of the body).
 */
function bodyStart(all: readonly PhysLine[], from: number, data: number): number {
  const first = all[data]!;
  const body = all.slice(data, data + 8).filter((l) => l.page === first.page);
  const starts = body.flatMap((l) => chunks(l.fragments, 1.5).filter((ch) => !NUMBERS.test(joinFragments(ch))).map((ch) => ch[0]!.x0));
  let k = data;
  while (k - 1 > from) {
    const l = all[k - 1]!;
    const s = l.size;
    if (chunks(l.fragments, 1.5).length !== 1 || Math.abs(s - first.size) > 0.15 * first.size) break;
    if (all[k]!.top - l.bottom > 0.5 * s || !starts.some((x) => Math.abs(x - l.x0) < 0.3 * s)) break;
    k--;
  }
  return k;
}

function extent(lines: readonly PhysLine[]): [number, number] {
  return [Math.min(...lines.map((l) => l.x0)), Math.max(...lines.map((l) => l.x1))];
}

/** An extent widened to where the header's outer columns reach (see headerFrame). */
function widen([l, r]: [number, number], header: readonly PhysLine[]): [number, number] {
  const f = headerFrame(header);
  return f ? [Math.min(l, f[0]), Math.max(r, f[1])] : [l, r];
}

/** A part that ends with its 合计 / 总计 row is complete; one whose 合计 comes first may go on over the page. */
function endsWithTotal(rows: readonly LayoutLine[]): boolean {
  const last = rows[rows.length - 1];
  return last !== undefined && last.texts.some((t) => /^(合\s*计|总\s*计|收入总计|支出总计)$/.test(t.trim()));
}

interface Emitted {
  lines: LayoutLine[];
  next: number;
  open: OpenTable;
}

function textLayout(line: PhysLine, file: string, breakBefore: boolean, continues = false): LayoutLine {
  const cs = chunks(line.fragments, 1.5);
  const at = (column: number): SourceLocation => pageLocation(file, line.page, line.line, column);
  const cells = objectList<LayoutCell>();
  if (cs.length >= 2) cs.forEach((ch, k) => cells.push({ text: joinFragments(ch), location: at(k + 1) }));
  else cells.push({ text: physText(line), location: at(1) });
  return layoutLine(cells, at(1), cs.length >= 2, breakBefore || undefined, continues || undefined);
}

/** A title wrapped over two lines, as one title line. */
function wrappedTitleLayout(lines: readonly PhysLine[], file: string): LayoutLine {
  const where = pageLocation(file, lines[0]!.page, lines[0]!.line, 1);
  return layoutLine([{ text: lines.map(physText).join(''), location: where }], where, false, true);
}

/**
 * A long title set in a large size may wrap: two single-cell lines of the same size, close together,
 * that together (and not the first alone) read as a standard title.
 */
function wrappedTitle(all: readonly PhysLine[], i: number): TableKind | undefined {
  const a = all[i]!;
  const b = all[i + 1];
  if (!b || b.page !== a.page || Math.abs(a.size - b.size) > 0.05 * a.size || b.top - a.bottom > 0.8 * a.size) return undefined;
  if (chunks(a.fragments, 1.5).length !== 1 || chunks(b.fragments, 1.5).length !== 1) return undefined;
  // A line that is a title by itself ("五、部门预算表" in a table of contents) is not the first half of one.
  if (isGenericTitle(physText(a)) || /表$/.test(physText(a))) return undefined;
  return titleKind(physText(a) + physText(b));
}

/** Reads a table part that starts with its title at `i`; undefined when no table follows the title. */
function readTable(all: readonly PhysLine[], i: number, kind: TableKind, file: string, titleLines = 1): Emitted | undefined {
  const title = all[i]!;
  let j = i + titleLines;
  const pre: PhysLine[] = titleParts(title)!.rest.length > 0 ? [title] : [];
  while (j < all.length && all[j]!.page === title.page && pre.length < 3) {
    const t = physText(all[j]!);
    if (!(unitDeclaration(t) || PRE_LINE.test(t) || cellTexts(all[j]!).some((c) => PRE_LINE.test(c) || unitDeclaration(c)))) break;
    pre.push(all[j]!);
    j++;
  }
  if (j >= all.length || all[j]!.page !== title.page) return undefined;
  const data = firstData(all, j);
  let d = data === undefined ? undefined : bodyStart(all, j, data);
  if (d === undefined) {
    // An empty table may print only its header (and a note): the header runs to the note or page end.
    let k = j;
    while (k < all.length && k < j + MAX_HEADER_LINES && all[k]!.page === title.page && !NOTE.test(physText(all[k]!)) && !titleOf(all[k]!)) k++;
    d = k;
  }
  if (d === j) return undefined;
  const header = all.slice(j, d);
  if (!pre.some((l) => unitDeclaration(physText(l))) && !header.some((l) => cellTexts(l).length >= 3)) return undefined;
  const [hl, hr] = widen(extent([...pre, ...header]), header);
  const end = bodyFrom(all, d, hl, hr, data);
  const body = all.slice(d, end);
  const twoSided = TWO_SIDED.has(kind);
  const model = buildModel(header, body, twoSided, pre.length > 0 ? extent(pre) : undefined);
  if (!model) return undefined;
  const rows = assembleRows(body, model, file);
  const lines: LayoutLine[] = [
    ...(titleLines === 1 ? titleLayout(title, file) : [wrappedTitleLayout(all.slice(i, i + titleLines), file)]),
    ...pre.filter((l) => l !== title).map((l) => textLayout(l, file, false)),
    ...headerLayout(model, header, file),
    ...rows,
  ];
  const size = median(body.map((l) => l.size));
  return { lines, next: end, open: { model, twoSided, page: title.page, closed: kind === 'T9' || endsWithTotal(rows), size } };
}

/**
 * Without a repeated header, a page goes on with the table when it starts with a line of several
 * cells, or with a label alone (a 收入 line with a blank amount, the other side run out) that stands in
 * the table's label column, in the table's size, followed by more lines of the table.
 */
function labelContinues(all: readonly PhysLine[], i: number, open: OpenTable): boolean {
  const line = all[i]!;
  if (Math.abs(line.size - open.size) > 0.15 * open.size || line.x0 < open.model.left - line.size) return false;
  const role = open.model.roles[columnAt(open.model, center(line.fragments[0]!))]?.role;
  if (role !== 'name' && role !== 'label') return false;
  const end = bodyFrom(all, i, open.model.left, open.model.right);
  return all.slice(i, end).some((l) => cellTexts(l).length >= 2);
}

/**
 * A printed row of labels and no amounts (both sides of a two-sided table blank): it starts at the
 * table's left edge like the body's labels (header texts are centred in their cells), every text of it
 * stands in a label or name column, and none is a text of the table's header.
 */
function isLabelOnlyRow(line: PhysLine, open: OpenTable): boolean {
  if (Math.abs(line.x0 - open.model.left) > line.size) return false;
  const texts = chunks(line.fragments, 1.5);
  return texts.every((ch) => {
    if (open.model.headerTexts.has(joinFragments(ch))) return false;
    const role = open.model.roles[columnAt(open.model, center(ch[0]!))]?.role;
    return role === 'label' || role === 'name';
  });
}

/** Continues an open table at the top of the next page, with or without a repeated header. */
function readContinuation(all: readonly PhysLine[], i: number, open: OpenTable, file: string): Emitted | undefined {
  const data = firstData(all, i);
  if (data === undefined) return undefined;
  // the page may open with a wrapped label's first line, above its row's amounts, and no header
  let d = data > i ? bodyStart(all, i - 1, data) : data;
  let model = open.model;
  if (d > i) {
    const texts = all.slice(i, d).flatMap(cellTexts);
    if (texts.filter((t) => open.model.headerTexts.has(t)).length >= 2) {
      // the repeated header may be followed by rows without amounts (上年结转结余 | 年终结转结余, blank):
      // labels at the table's left edge, in label columns only, none of them a header text
      while (d > i + 1 && isLabelOnlyRow(all[d - 1]!, open)) d--;
      const header = all.slice(i, d);
      const [hl, hr] = widen(extent(header), header);
      const body = all.slice(d, bodyFrom(all, d, hl, hr, data));
      model = buildModel(header, body, open.twoSided, [open.model.left, open.model.right]) ?? open.model;
    } else if (labelContinues(all, i, open)) {
      // not a header: rows without amounts in the table's label columns (a two-sided table's blank
      // 上年结转结余 | 年终结转结余 line at the top of the page), the table's own rows
      d = i;
    } else return undefined;
  }
  if (d === i && cellTexts(all[data]!).length < 2 && !labelContinues(all, data, open)) return undefined;
  const end = bodyFrom(all, d, model.left, model.right, data);
  const body = all.slice(d, end);
  if (body.length === 0) return undefined;
  if (d === i) model = refit(model, body);
  const rows = assembleRows(body, model, file);
  return { lines: rows, next: end, open: { ...open, model, page: all[i]!.page, closed: endsWithTotal(rows) } };
}

export interface Margins {
  left: number;
  right: number;
}

/**
 * Left and right edges of the running text on each page, for telling paragraph ends and indents.
 * The left edge is the leftmost text line (a paragraph's last line or a heading stands at the margin
 * even when every full line is an indented first line); a page whose lines all start further in than
 * the usual margin (one-line paragraphs) gets the usual one. The right edge is where two or more
 * lines reaching at least halfway across the page end together, furthest right (full lines; two
 * headings of one length end together too, further in); a page without such lines (a cover, a table
 * of contents, a page of headings) is taken to have its right margin as wide as its left one. Only
 * text lines are measured: a table may reach into the margins.
 */
function pageMargins(text: readonly PhysLine[], widths: readonly number[]): Map<number, Margins> {
  const lefts = new Map<number, number>();
  const ends = new Map<number, PhysLine[]>();
  for (const l of text) {
    if (chunks(l.fragments, 1.5).length > 1) continue;
    lefts.set(l.page, Math.min(lefts.get(l.page) ?? Infinity, l.x0));
    if (physText(l).length < 15) continue;
    const list = ends.get(l.page);
    if (list) list.push(l);
    else ends.set(l.page, [l]);
  }
  const out = new Map<number, Margins>();
  if (lefts.size === 0) return out;
  const usualLeft = median([...lefts.values()]);
  const size = median(text.map((l) => l.size));
  for (const [page, own] of lefts) {
    const left = own - usualLeft >= 1.5 * size ? usualLeft : own;
    const width = widths[page - 1];
    // a full line reaches at least halfway across the page's text width (a table of contents's lines may end together too)
    const half = width !== undefined ? (width - 2 * left) / 2 : 0;
    const long = [...(ends.get(page) ?? [])].sort((a, b) => b.x1 - a.x1);
    const furthest = long[0]?.x1 ?? -Infinity;
    const full = long.find((l, k) => l.x1 >= furthest - 2 * l.size && l.x1 - left >= half && long.some((o, m) => m !== k && Math.abs(o.x1 - l.x1) < l.size));
    let right = full?.x1 ?? Math.max(-Infinity, ...long.map((l) => l.x1));
    if (!full && width !== undefined && width - left > left) right = Math.max(right, width - left);
    out.set(page, { left, right });
  }
  // Page 0 holds the usual margins, for pages with too little text to show their own.
  const rights = [...out.values()].map((m) => m.right).filter((r) => r > -Infinity);
  out.set(0, { left: usualLeft, right: rights.length > 0 ? median(rights) : Math.max(...text.map((l) => l.x1)) });
  for (const [, m] of out) if (m.right === -Infinity) m.right = out.get(0)!.right;
  return out;
}

/** Whether a text line starts a paragraph, continues the one before (it wrapped), or cannot tell. */
export type LineStart = 'starts' | 'continues' | 'unclear';

/**
 * A paragraph ends where a line stops short of the right margin, and one starts where a line is
 * indented or set in another size. A line under one that runs to the right margin, starting at the
 * margin, continues it (across a page break too); otherwise the sentence punctuation decides later.
 */
/** Exported for its test. */
export function paragraphStart(line: PhysLine, prev: PhysLine | undefined, margins: Map<number, Margins>): LineStart {
  if (!prev) return 'starts';
  const fallback = margins.get(0);
  const pm = margins.get(prev.page) ?? fallback;
  const lm = margins.get(line.page) ?? fallback;
  if (!pm || !lm) return 'starts';
  // A line is short when it stops well before the margin; a number that did not fit leaves less room than this.
  if (prev.x1 < pm.right - 8 * prev.size) return 'starts';
  if (line.x0 > lm.left + 1.2 * line.size) return 'starts';
  if (Math.abs(line.size - prev.size) > 0.15 * prev.size) return 'starts';
  if (!sameTextLine(prev, line) && line.page !== prev.page + 1) return 'starts';
  // the line before stops where this line's first word would not have fitted after it: it wrapped
  // (a line that ends a sentence is not one a closing mark pulled short: "…工作。" over "二、机构设置")
  const wrapped = prev.x1 + firstWordWidth(line, !SENTENCE_END.test(physText(prev))) > pm.right - 0.5 * prev.size;
  return wrapped && line.x0 < lm.left + 0.6 * line.size ? 'continues' : 'unclear';
}

const SENTENCE_END = /[。！？!?；;：:]\s*$/;

/** Marks a line does not start with: a word processor moves the character before them down with them. */
const NO_LINE_START = /^[，。、；：？！）》」』】〕”’％．,.;:!?)\]]+/;

/**
 * Width of the first word of a line: a run of Latin letters and digits ("1656.33"), else one
 * character, with the closing marks after it when `pulled` ("项）”": a word processor moved the
 * character down with them, so the line before ends short by all of them).
 */
function firstWordWidth(line: PhysLine, pulled: boolean): number {
  const f = line.fragments[0]!;
  const word = /^[\x21-\x7e]+/.exec(f.text)?.[0];
  if (!word) {
    const first = f.text.codePointAt(0)! > 0xffff ? 2 : 1;
    return (1 + (pulled ? (NO_LINE_START.exec(f.text.slice(first))?.[0].length ?? 0) : 0)) * f.size;
  }
  // half-width characters take about half an em
  return word === f.text ? f.x1 - f.x0 : word.length * 0.5 * f.size;
}

/**
 * A form under a non-standard table title (绩效目标表, 项目支出表): the title is followed by a
 * subtitle or by a line of several cells. Its boxes of text run side by side, so its lines are kept
 * as table lines rather than read as narrative.
 */
function formEnd(all: readonly PhysLine[], i: number): number | undefined {
  const title = all[i]!;
  if (chunks(title.fragments, 1.5).length !== 1 || !isGenericTitle(physText(title))) return undefined;
  const next = all.slice(i + 1, i + 3).filter((l) => l.page === title.page);
  if (!next.some((l) => chunks(l.fragments, 1.5).length >= 2 || PRE_LINE.test(physText(l)))) return undefined;
  let j = i + 1;
  let page = title.page;
  for (;;) {
    while (j < all.length && all[j]!.page === page && !titleOf(all[j]!) && !endsForm(all, j)) j++;
    // A form that runs to the end of its page goes on when the next page starts with lines of several cells.
    const next = all[j];
    if (!next || next.page !== page + 1 || all[j - 1]!.page !== page || titleOf(next)) break;
    const top = all.slice(j, j + 3).filter((l) => l.page === next.page);
    // a page that starts with a title of its own (the next form) is not a continuation
    const titled = (l: PhysLine): boolean => titleOf(l) !== undefined || (chunks(l.fragments, 1.5).length === 1 && isGenericTitle(physText(l)));
    if (!top.some((l) => chunks(l.fragments, 1.5).length >= 2) || top.some(titled)) break;
    page = next.page;
  }
  return j;
}

/**
 * A line alone on its row that a form cannot hold: the next form's title, or the heading of a
 * project's 情况说明 block printed after the form on its page ("社区活动经费情况说明"), whose text
 * would otherwise be read as lines of the form. A heading is followed by text alone on its row (or
 * by nothing on the page): the last line of a wrapped form cell ("…按期提交项目情况说明") is followed
 * by the form's next row, of several cells.
 */
function endsForm(all: readonly PhysLine[], j: number): boolean {
  const line = all[j]!;
  if (chunks(line.fragments, 1.5).length !== 1) return false;
  const t = physText(line).replace(/\s+/g, '');
  if (isGenericTitle(t)) return true;
  const next = all[j + 1];
  return PROJECT_BLOCK_HEADING.test(t) && (next === undefined || next.page !== line.page || chunks(next.fragments, 1.5).length === 1);
}

const PROJECT_BLOCK_HEADING = /^[^，。；：:]{0,40}(经费|资金|项目)(情况)?说明$/;

function formLayout(line: PhysLine, file: string, subtitle: boolean): LayoutLine {
  const l = textLayout(line, file, false);
  if ((subtitle && PRE_LINE.test(physText(line))) || l.texts.length >= 2) return l;
  const cells: LayoutCell[] = [{ text: l.texts[0]!, location: cellLocation(l, 0) }, { text: '', location: atColumn(cellLocation(l, 0), 2) }];
  return layoutLine(cells, l.location, true, l.breakBefore, l.continues);
}

/** Turns the printed lines of the whole document into layout lines, rebuilding the tables; `widths` are the pages' widths. */
export function pdfLayout(all: readonly PhysLine[], file: string, widths: readonly number[] = []): LayoutLine[] {
  const out: LayoutLine[] = [];
  // Text lines are laid out once the page margins are known from all of them.
  const pending: Array<{ at: number; line: PhysLine; prev: PhysLine | undefined }> = [];
  let open: OpenTable | undefined;
  let prevText: PhysLine | undefined;
  let i = 0;
  while (i < all.length) {
    const line = all[i]!;
    const firstOnPage = i === 0 || all[i - 1]!.page !== line.page;
    if (open && !open.closed && firstOnPage && line.page === open.page + 1) {
      const cont = readContinuation(all, i, open, file);
      open = undefined;
      if (cont) {
        out.push(...cont.lines);
        open = cont.open;
        i = cont.next;
        prevText = undefined;
        continue;
      }
    }
    const single = titleOf(line);
    const wrapped = single ? undefined : wrappedTitle(all, i);
    const kind = single ?? wrapped;
    if (kind) {
      const t = readTable(all, i, kind, file, wrapped ? 2 : 1);
      if (t) {
        out.push(...t.lines);
        open = t.open;
        i = t.next;
        prevText = undefined;
        continue;
      }
    }
    const form = kind ? undefined : formEnd(all, i);
    if (form !== undefined) {
      out.push(textLayout(line, file, true), ...joinWrappedNames(all.slice(i + 1, form)).map((l, k) => formLayout(l, file, k === 0)));
      open = undefined;
      prevText = undefined;
      i = form;
      continue;
    }
    pending.push({ at: out.length, line, prev: prevText });
    out.push(textLayout(line, file, true));
    prevText = line;
    i++;
  }
  const margins = pageMargins(pending.map((p) => p.line), widths);
  for (const { at, line, prev } of pending) {
    const start = paragraphStart(line, prev, margins);
    out[at] = textLayout(line, file, start === 'starts', start === 'continues');
  }
  return out;
}

/**
 * Parses a budget PDF: PDF.js text runs → printed lines → layout lines (tables rebuilt from the
 * positions of their header cells) → the same document model as the text parser.
 */
export async function parsePdf(bytes: Uint8Array, file: string): Promise<BudgetDocument> {
  const raw = await loadPdf(bytes, file);
  const chars = raw.reduce((n, p) => n + p.items.reduce((m, it) => m + it.text.replace(/\s+/g, '').length, 0), 0);
  if (raw.length === 0 || chars < 10) throw new InputError(`${file}: no text layer; OCR is not supported`);
  const issues: ParseIssue[] = [];
  const pages = removePageFurniture(raw.map(pageLines), raw.map((p) => p.height));
  const lines = removeDuplicateBlocks(pages.flat(), file, issues);
  const widths = raw.map((p) => p.width);
  return assembleDocument(pdfLayout(lines, file, widths), makeSource(file, 'pdf', undefined, undefined), issues);
}
