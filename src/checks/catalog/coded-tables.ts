import type { CheckContext, Report, Target } from '../../engine/define-check.js';
import type { BudgetDocument, Row, Table } from '../../model/document.js';
import { oncePer } from '../../memo.js';
import { ascendingOrder, childrenFirst } from './instance-order.js';

/** A table that prints classification codes, with its coded rows in printed order. */
export interface CodedTable {
  readonly table: Table;
  readonly rows: readonly Row[];
  /** Position of the table's first row among the document's coded rows (the index into CodedRows' lists). */
  readonly offset: number;
}

/** The target of a table row. */
export interface RowTarget {
  readonly table: Table;
  readonly row: Row;
}

/**
 * The coded rows of a document, found once per document: five rules read them. Each row has an index
 * (its table's offset + its index in the table) into the lists below.
 */
export interface CodedRows {
  /** Tables that print classification codes, in document order. */
  readonly tables: readonly CodedTable[];
  /** Instance key of each row ("<table id>:<code>:<line>"): code-format, code-order and code-parent key every row by it. */
  readonly instances: readonly string[];
  /** Target of each row, one object shared by the rules that point at the row. */
  readonly targets: readonly RowTarget[];
  /** Row indices in ascending order of their instance keys (see passInInstanceOrder). */
  readonly order: Int32Array;
}

/** The document's coded rows (see CodedRows). */
export const codedRows: (doc: BudgetDocument) => CodedRows = oncePer(findCodedRows);

function findCodedRows(doc: BudgetDocument): CodedRows {
  const tables: CodedTable[] = [];
  const instances: string[] = [];
  const targets: RowTarget[] = [];
  const codes: string[] = [];
  for (const table of doc.tables) {
    const offset = instances.length;
    const rows: Row[] = [];
    // (built for the first coded row: most tables have none)
    let prefix: string | undefined;
    for (const row of table.rows) {
      if (row.code === undefined) continue;
      rows.push(row);
      prefix ??= `${table.id}:`;
      instances.push(`${prefix}${row.code}:${row.location.line ?? ''}`);
      targets.push({ table, row });
      codes.push(row.code);
    }
    if (rows.length > 0) tables.push({ table, rows, offset });
  }
  // within a table the instances are "<table id>:<code>:<line>", so codes in ascending order give them
  // children first; tables stand in the order of their ids (checked, like the rest, by ascendingOrder)
  const guess = new Int32Array(instances.length);
  for (const t of tables) childrenFirst(codes, t.offset, t.offset + t.rows.length, guess, t.offset);
  return { tables, instances, targets, order: ascendingOrder(instances, guess) };
}

/**
 * Records the rows marked in `passed` (by row index) as passed, in ascending instance order: the engine
 * then appends each outcome instead of indexing and sorting them. A rule's outcomes do not depend on the
 * order it records distinct instances in, and rows with the same instance (none in a usual document)
 * keep their printed order.
 */
export function passInInstanceOrder(ctx: CheckContext<Record<string, never>>, coded: CodedRows, passed: Uint8Array): void {
  const { order, instances, targets } = coded;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (passed[i] === 1) ctx.pass(instances[i]!, targets[i]);
  }
}

/** Label for messages: "T3 2011301 行政运行". */
export function rowLabel(table: Table, row: Row): string {
  return `${table.kind === 'unknown' ? table.title : table.kind} ${row.code ?? ''} ${row.name}`.trim();
}

/**
 * Most findings one catalog rule lists for one table. A table of 100 000 rows with misplaced codes is
 * one problem to fix: its first findings say enough, and one more finding counts the rest, so the
 * findings (and the rule instances) of a rule stay bounded however long the table is.
 */
export const MAX_FINDINGS_PER_TABLE = 50;

/** The message of the finding that counts a table's findings beyond MAX_FINDINGS_PER_TABLE. */
export const MORE_IN_TABLE_MESSAGE = {
  more: {
    zh: '本表另有 {count} 处同类问题未逐一列出（每表只列出前 {max} 处）',
    en: '{count} more findings of this kind in this table are not listed (at most {max} per table)',
  },
} as const;

/**
 * Reports a rule's findings for one table, at most MAX_FINDINGS_PER_TABLE of them; `finish()` reports
 * one finding counting the rest (instance "<table id>:more", at the first row not listed). Findings
 * beyond the limit get no rule instance of their own: their rows fail as part of that one.
 */
export function perTableReporter(ctx: CheckContext<Record<string, never>>, table: Table): TableReporter {
  return new TableReporter(ctx, table);
}

/** See perTableReporter; a class so that a table costs one object, not one per method. */
export class TableReporter {
  private listed = 0;
  private more = 0;
  private first: Target | undefined = undefined;
  constructor(
    private readonly ctx: CheckContext<Record<string, never>>,
    private readonly table: Table,
  ) {}
  report(r: Report): void {
    if (this.listed < MAX_FINDINGS_PER_TABLE) {
      this.listed++;
      this.ctx.report(r);
      return;
    }
    this.more++;
    this.first ??= r.at;
  }
  finish(): void {
    const { first, more } = this;
    if (!first) return;
    this.ctx.report({ instance: `${this.table.id}:more`, messageId: 'more', data: { count: more, max: MAX_FINDINGS_PER_TABLE }, at: first });
  }
}

/** At most this many related places on one finding; `data.places` keeps the full count. */
export const MAX_RELATED = 20;
