import type { Amount, Unit } from './amount.js';
import { atColumn, atColumns, type SourceLocation } from './location.js';

/**
 * The nine standard tables of a 部门预算 disclosure (see DOMAIN.md §2):
 * T1 财务收支预算总表, T2 收入预算总表, T3 支出预算总表, T4 财政拨款收支预算总表,
 * T5 一般公共预算支出功能分类预算表, T6 政府性基金预算支出功能分类预算表,
 * T7 国有资本经营预算支出功能分类预算表, T8 一般公共预算基本支出经济分类预算表,
 * T9 "三公"经费和机关运行经费预算表.
 */
export type TableKind = 'T1' | 'T2' | 'T3' | 'T4' | 'T5' | 'T6' | 'T7' | 'T8' | 'T9' | 'unknown';
export const STANDARD_KINDS = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9'] as const;
export type StandardKind = (typeof STANDARD_KINDS)[number];

/** Level of a classification code: 类 (3 digits), 款 (5), 项 (7). */
export type CodeLevel = '类' | '款' | '项';
/** Functional (支出功能分类) or economic (部门预算支出经济分类) codes. */
export type CodeScheme = 'functional' | 'economic';
/** Side of a two-sided summary table (T1, T4). */
export type Side = 'income' | 'expense';

export interface Column {
  /** Header path joined by "/", e.g. "收入预算/财政拨款收入"; on two-sided tables prefixed by the side heading. */
  readonly key: string;
  /** Header texts from the top header row down to this column's own cell. */
  readonly path: readonly string[];
  /** The column's own (lowest) header, normalised: "合计", "基本支出", "财政拨款收入", "预算数" … */
  readonly name: string;
  readonly side?: Side;
  /** 0-based index of the column in the printed table. */
  readonly index: number;
}

export interface Cell {
  readonly column: string;
  readonly raw: string;
  /** null when the cell is blank ("", "-", "—"); a blank cell is not zero. */
  readonly amount: Amount | null;
  /** True when the text should have been an amount and is not (reported by parse/invalid-amount). */
  readonly invalid?: boolean;
  readonly location: SourceLocation;
}

export interface Row {
  /** Normalised classification code ("201 13 01" → "2011301"), absent on label rows. */
  readonly code?: string;
  readonly level?: CodeLevel;
  /** Code parts as printed (类, 款, 项), for code-structure checks. */
  readonly codeParts?: readonly string[];
  /** Printed line label on summary and total rows ("一、财政拨款收入", "合计", "收入总计"). */
  readonly label?: string;
  /** Item name (功能分类科目名称 / 经济分类科目名称, or the label text without its numbering). */
  readonly name: string;
  /** True on 合计 / 总计 rows. */
  readonly isTotal: boolean;
  readonly side?: Side;
  /** Cells keyed by column key. */
  readonly cells: Readonly<Record<string, Cell>>;
  readonly location: SourceLocation;
}

export interface TablePart {
  readonly location: SourceLocation;
  /**
   * Lines of this part that print the table's header again (a table of no standard kind only), at
   * its top or further down: read as rows, but not rows of the table. A 绩效目标 form prints its
   * project name there, and two forms of projects of the same name print the same header.
   */
  readonly repeatedHeader: readonly Row[];
}

export interface Table {
  /** Stable id within the document: the kind ("T3"), or "unknown-N". */
  readonly id: string;
  readonly kind: TableKind;
  readonly title: string;
  readonly unit?: Unit;
  readonly scheme?: CodeScheme;
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
  /** Paragraph-like notes printed with the table ("本表为空表", "注：…"). */
  readonly notes: readonly Paragraph[];
  /** Where each printed part (page) of the table starts; length > 1 when it was printed in parts. */
  readonly parts: readonly TablePart[];
  readonly location: SourceLocation;
}

/** Maps an offset in a paragraph's text back to the source (paragraphs may span lines and pages). */
export interface TextSegment {
  readonly start: number;
  readonly location: SourceLocation;
}

export interface Paragraph {
  readonly text: string;
  readonly kind: 'heading' | 'paragraph';
  /** The nearest heading above, for context ("部门预算编制说明", "其他相关情况说明"). */
  readonly section?: string;
  readonly location: SourceLocation;
  /** Offsets in `text` where a new source line starts; the first has start 0. */
  readonly segments: readonly TextSegment[];
}

export interface DocumentMetadata {
  readonly title?: string;
  readonly department?: string;
  readonly year?: number;
  readonly scope?: '部门预算' | '单位预算';
  readonly stage?: '预算' | '决算';
}

/** A problem the parser met; becomes a diagnostic under the rule named by `ruleId`. */
export interface ParseIssue {
  readonly ruleId: string;
  readonly messageId: string;
  readonly data: Readonly<Record<string, string | number>>;
  readonly location: SourceLocation;
  readonly table?: string;
  readonly row?: string;
  readonly field?: string;
}

export interface DocumentSource {
  readonly file: string;
  /** Every file the document was read from, when more than one (CSV folder, workbook + narrative). */
  readonly files?: readonly string[];
  readonly format: 'text' | 'pdf' | 'csv' | 'xlsx';
  readonly encoding?: string;
}

export interface BudgetDocument {
  readonly source: DocumentSource;
  readonly metadata: DocumentMetadata;
  readonly tables: readonly Table[];
  readonly paragraphs: readonly Paragraph[];
  readonly issues: readonly ParseIssue[];
}

/** The row's identity for messages and fingerprints: its code, else its label, else its name. */
export function rowKey(row: Row): string {
  return row.code ?? row.label ?? row.name;
}

/** Finds the location of character `offset` of a paragraph. */
export function paragraphLocation(p: Paragraph, offset: number, length = 0): SourceLocation {
  // the last segment starting at or before the offset (binary search: a run-on paragraph may have
  // a hundred thousand segments and be located once per finding)
  const segs = p.segments;
  let seg = segs[0] ?? { start: 0, location: p.location };
  let lo = 0;
  let hi = segs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid]!.start <= offset) {
      seg = segs[mid]!;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const col = (seg.location.column ?? 1) + (offset - seg.start);
  return length > 0 ? atColumns(seg.location, col, col + length) : atColumn(seg.location, col);
}
