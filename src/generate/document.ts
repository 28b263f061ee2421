import type { StandardKind } from '../model/document.js';

/** A rendered amount cell: its field index on the line and the column it belongs to. */
export interface CellAnchor {
  readonly field: number;
  readonly column: string;
  readonly text: string;
}

/** A 万元 figure in a narrative line. */
export interface FigureAnchor {
  /** Offset of the figure's text in the line. */
  readonly offset: number;
  readonly text: string;
  /**
   * True when the figure restates a table value, takes part in a stated sum or is a year-on-year
   * percentage on a base of 100万元 or more, so that changing it makes the document inconsistent
   * (year-on-year differences and last year's amounts are not: no table holds last year).
   */
  readonly checkable: boolean;
}

/** What a rendered line holds, for perturbations and for telling which findings point at it. */
export interface LineInfo {
  readonly table?: StandardKind;
  /** Classification code of the row (functional or economic); on T1/T4 the 类 of the 支出 side. */
  readonly code?: string;
  readonly scheme?: 'functional' | 'economic';
  /** A 合计 / 总计 row. */
  readonly total?: boolean;
  /**
   * Field indexes of the printed code parts (类, 款, 项) on code rows; one index when the code is
   * printed whole in one 科目编码 field (`compactCode`), whose last part is then its last two digits.
   */
  readonly codeFields?: readonly number[];
  readonly compactCode?: boolean;
  readonly cells?: readonly CellAnchor[];
  /** Lines of a 绩效目标 form: its 1-based position among the forms. */
  readonly form?: number;
  /** Narrative lines: the codes they mention and whether they restate document totals. */
  readonly narrative?: { readonly codes: readonly string[]; readonly totals: boolean; readonly sanGong: boolean; readonly figures: readonly FigureAnchor[] };
}

/** A generated document: its text and, per 1-based line number, what the line holds. */
export interface GeneratedDocument {
  readonly seed: number;
  readonly text: string;
  readonly lines: readonly string[];
  /** info[i] describes lines[i] (line number i + 1). */
  readonly info: readonly LineInfo[];
}
