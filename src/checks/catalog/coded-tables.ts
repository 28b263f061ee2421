import type { CheckContext, Report, Target } from '../../engine/define-check.js';
import type { BudgetDocument, Row, Table } from '../../model/document.js';
import { oncePer } from '../../memo.js';

/** A table that prints classification codes, with its coded rows in printed order. */
export interface CodedTable {
  readonly table: Table;
  readonly rows: readonly Row[];
}

/** Tables that print classification codes, with their coded rows (found once per document: four rules read them). */
export const codedTables: (doc: BudgetDocument) => readonly CodedTable[] = oncePer((doc) =>
  doc.tables
    .map((table) => ({ table, rows: table.rows.filter((r) => r.code !== undefined) }))
    .filter((t) => t.rows.length > 0),
);

/** Instance key of a row in a table. */
export function rowInstance(table: Table, row: Row): string {
  return `${table.id}:${row.code ?? row.name}:${row.location.line ?? ''}`;
}

/** The instance keys of a coded table's rows, by row index (built once per table: three rules key every row by them). */
export const rowInstances: (coded: CodedTable) => readonly string[] = oncePer((coded) => coded.rows.map((row) => rowInstance(coded.table, row)));

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
export function perTableReporter(ctx: CheckContext<Record<string, never>>, table: Table): { report(r: Report): void; finish(): void } {
  let listed = 0;
  let more = 0;
  let first: Target | undefined;
  return {
    report(r) {
      if (listed < MAX_FINDINGS_PER_TABLE) {
        listed++;
        ctx.report(r);
        return;
      }
      more++;
      first ??= r.at;
    },
    finish() {
      if (!first) return;
      ctx.report({ instance: `${table.id}:more`, messageId: 'more', data: { count: more, max: MAX_FINDINGS_PER_TABLE }, at: first });
    },
  };
}

/** At most this many related places on one finding; `data.places` keeps the full count. */
export const MAX_RELATED = 20;
