import { makeDocument, makeParseIssue } from '../../model/construct.js';
import type { BudgetDocument, ParseIssue } from '../../model/document.js';
import { objectList } from '../../model/lists.js';
import type { SourceLocation } from '../../model/location.js';
import { layoutLine, relaidLine, type LayoutCell, type LayoutLine } from '../layout.js';
import { isGenericTitle, titleKind, unitDeclaration } from '../table-titles.js';

/** One cell of a sheet or CSV file as displayed: its text and where it is. */
export interface GridCell {
  readonly text: string;
  readonly location: SourceLocation;
  /** The first cell of a merged range that spans two or more columns (a banner, not a table cell). */
  readonly spansColumns?: boolean;
}

export interface GridRow {
  readonly cells: readonly GridCell[];
  readonly location: SourceLocation;
}

/** A sheet (or a CSV file): its name, its rows and where it starts. */
export interface Grid {
  /** The sheet name, or the CSV file name without its extension. */
  readonly name: string;
  readonly rows: readonly GridRow[];
  /** Location of the sheet's first cell (A1), used for a title synthesised from the name. */
  readonly origin: SourceLocation;
}

const SUBTITLE_TEXT = /^[（(][^）)]{0,20}[）)]$|^编制(单位|部门)[:：]/;
const NOTE_TEXT = /^(注[:：]|说明[:：]|备注[:：])|空表|无.{0,20}(预算|收支|支出|经费|安排)|没有.{0,20}(预算|收支|支出)|未安排/;

/**
 * Decides whether a row reads like a table row (as a tab-separated line of the text format) or like a
 * line of text. A row with a single non-empty cell is text when that cell is a banner merged over
 * several columns, a title, a subtitle ("（2023年度）"), a unit line or a note; otherwise (a label row such as "五、财政专户管理资金"
 * with blank amounts) it stays in the table.
 */
function isTabularRow(row: GridRow): boolean {
  const filled = row.cells.filter((c) => c.text.trim() !== '');
  if (filled.length !== 1) return filled.length > 1;
  const only = filled[0]!;
  const t = only.text.trim();
  if (only.spansColumns) return false;
  if (titleKind(t) || isGenericTitle(t) || unitDeclaration(t)) return false;
  return !NOTE_TEXT.test(t) && !SUBTITLE_TEXT.test(t);
}

function singleText(row: GridRow): string | undefined {
  const filled = row.cells.filter((c) => c.text.trim() !== '');
  return filled.length === 1 ? filled[0]!.text.trim() : undefined;
}

/**
 * Turns a grid into layout lines: one cell per column ('' for blanks). Blank columns before the
 * first used one (a table starting in column B) and after the last are cut, as the text format has
 * no such columns; cells keep their own locations.
 */
function toLines(rows: readonly GridRow[]): LayoutLine[] {
  let width = 0;
  let left = Infinity;
  for (const r of rows) {
    const used = r.cells.map((c, i) => (c.text.trim() !== '' ? i : -1)).filter((i) => i >= 0);
    if (used.length === 0) continue;
    left = Math.min(left, used[0]!);
    width = Math.max(width, used[used.length - 1]! + 1);
  }
  if (left === Infinity) left = 0;
  return rows.map((r) => {
    const cells = objectList<LayoutCell>();
    for (const c of r.cells.slice(left, width)) cells.push({ text: c.text, location: c.location });
    return layoutLine(cells, r.location, isTabularRow(r));
  });
}

/**
 * Layout lines of one sheet or CSV file, or undefined when it is not a budget table.
 * - A title row ("2023年部门支出预算总表" or any "…表" title) starts each table, as in the text format;
 *   several tables in one sheet are separated by their title rows.
 * - Without a title row, a sheet or file named after a standard table ("支出预算总表", "3.收入预算总表")
 *   gets a title line synthesised from its name, located at its first cell.
 * - A sheet whose rows are single cells of text is read as narrative text.
 * - Anything else is not a budget table: `issues` gets an info finding and its content is not read.
 * Blank sheets give no lines and no finding.
 */
export function gridLines(grid: Grid, issues: ParseIssue[]): LayoutLine[] {
  const nonBlank = grid.rows.filter((r) => r.cells.some((c) => c.text.trim() !== ''));
  if (nonBlank.length === 0) return [];
  const lines = toLines(grid.rows);
  const hasTitle = nonBlank.some((r) => {
    const t = singleText(r);
    return t !== undefined && (titleKind(t) !== undefined || isGenericTitle(t));
  });
  let out = lines;
  if (!hasTitle) {
    if (titleKind(grid.name)) {
      const title = layoutLine([{ text: grid.name, location: grid.origin }], grid.origin, false);
      out = [title, ...lines];
    } else if (nonBlank.every((r) => r.cells.filter((c) => c.text.trim() !== '').length === 1)) {
      out = lines.map((l) => relaidLine(l, false, l.breakBefore, l.continues));
    } else {
      issues.push(makeParseIssue('parse/not-a-budget-table', 'notABudgetTable', { name: grid.name }, grid.origin));
      return [];
    }
  }
  return out.map((l, i) => (i === 0 ? relaidLine(l, l.tabular, true, l.continues) : l));
}

/**
 * Gives cell-level parse issues (a stale formula) their logical place — table, row and column — when
 * the cell belongs to a table, so that reports show "row 合计 · column 支出预算/合计" beside the cell.
 */
export function placeCellIssues(doc: BudgetDocument): BudgetDocument {
  const key = (l: SourceLocation): string => `${l.file}\u0000${l.sheet ?? ''}\u0000${l.cell ?? ''}`;
  const places = new Map<string, { table: string; row: string; field: string }>();
  for (const t of doc.tables) {
    for (const r of t.rows) {
      for (const c of Object.values(r.cells)) {
        if (c.location.cell) places.set(key(c.location), { table: t.title, row: r.code ?? r.label ?? r.name, field: c.column });
      }
    }
  }
  if (places.size === 0) return doc;
  const issues = objectList<ParseIssue>();
  for (const i of doc.issues) {
    const place = i.table === undefined && i.location.cell ? places.get(key(i.location)) : undefined;
    issues.push(place ? makeParseIssue(i.ruleId, i.messageId, i.data, i.location, place.table, place.row, place.field) : i);
  }
  return makeDocument(doc.source, doc.metadata, doc.tables, doc.paragraphs, issues);
}
