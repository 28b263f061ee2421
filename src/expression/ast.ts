import type { Unit } from '../model/amount.js';
import type { CodeLevel, StandardKind } from '../model/document.js';
import type { Decimal } from '../model/decimal.js';

/** Where a node was written: 1-based character columns in the expression text, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Which table a reference reads: a standard kind (T1…T9) or the table whose title contains words. */
export type TableSelector = { readonly kind: StandardKind } | { readonly title: string };

/**
 * Which rows a reference reads.
 * - total: no row given; the 合计/总计 row, or the only row of a one-row table (三公 table);
 * - code: the row with exactly this classification code;
 * - prefix: rows of one code length under a prefix ("302??" = every 款 under 302);
 * - leaves: the rows under a prefix that have no sub-rows ("2080*"), so nothing is counted twice;
 * - level: every 类, 款 or 项 row;
 * - label: the row whose printed label or name is this (numbering such as "一、" ignored);
 * - each: the code of the current iteration (`$`, with the rule's forEach option).
 */
export type RowSelector =
  | { readonly type: 'total' }
  | { readonly type: 'code'; readonly code: string }
  | { readonly type: 'prefix'; readonly prefix: string; readonly length: number }
  | { readonly type: 'leaves'; readonly prefix: string }
  | { readonly type: 'level'; readonly level: CodeLevel }
  | { readonly type: 'label'; readonly label: string }
  | { readonly type: 'each' };

/** A reference to table cells: one cell, or several when the row selector matches several rows. */
export interface RefNode {
  readonly type: 'ref';
  readonly table: TableSelector;
  readonly row: RowSelector;
  /** Column name (own header, a header on its path, or the full key); absent = the first amount column. */
  readonly column?: string;
  readonly span: Span;
}

export interface NumberNode {
  readonly type: 'number';
  readonly value: Decimal;
  /** Set for amounts written with a unit ("5万元"); a bare number is a plain factor. */
  readonly unit?: Unit;
  readonly span: Span;
}

/**
 * sum(…) adds references (row patterns need it); zero(…) lets absent tables and rows inside count as
 * zero; required(…) makes blank cells inside not assessable instead of zero.
 */
export type FunctionName = 'sum' | 'zero' | 'required';

export interface CallNode {
  readonly type: 'call';
  readonly fn: FunctionName;
  readonly args: readonly Expr[];
  readonly span: Span;
}

export interface NegNode {
  readonly type: 'neg';
  readonly arg: Expr;
  readonly span: Span;
}

export type ArithmeticOp = '+' | '-' | '*' | '/';

export interface BinaryNode {
  readonly type: 'binary';
  readonly op: ArithmeticOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

export type Expr = RefNode | NumberNode | CallNode | NegNode | BinaryNode;

export type CompareOp = '==' | '!=' | '<=' | '<' | '>=' | '>';

/** A parsed assertion: two amount expressions and the relation that must hold between them. */
export interface Assertion {
  readonly op: CompareOp;
  readonly left: Expr;
  readonly right: Expr;
  /** The expression as written. */
  readonly source: string;
  /** Column of the first `$` row selector, when there is one (it needs the rule's forEach option). */
  readonly eachColumn?: number;
}
