import type { BudgetDocument, Row, Table } from '../../model/document.js';

/** Tables that print classification codes, with their coded rows in printed order. */
export function codedTables(doc: BudgetDocument): Array<{ table: Table; rows: Row[] }> {
  return doc.tables
    .map((table) => ({ table, rows: table.rows.filter((r) => r.code !== undefined) }))
    .filter((t) => t.rows.length > 0);
}

/** Instance key of a row in a table. */
export function rowInstance(table: Table, row: Row): string {
  return `${table.id}:${row.code ?? row.name}:${row.location.line ?? ''}`;
}

/** Label for messages: "T3 2011301 行政运行". */
export function rowLabel(table: Table, row: Row): string {
  return `${table.kind === 'unknown' ? table.title : table.kind} ${row.code ?? ''} ${row.name}`.trim();
}
