import type { BudgetDocument, Column, Row, Table } from '../model/document.js';
import { columnByName, normalizeName } from '../model/table-access.js';
import { stripNumbering } from '../parsers/row-parse.js';
import type { RefNode, RowSelector, TableSelector } from './ast.js';

/** A lookup that failed, with the reason an officer can act on; `absent` when the document lacks it. */
export interface Missing {
  readonly reason: string;
  /** The table or row is not in the document (zero(…) may count it as zero); a column typo is not. */
  readonly absent: boolean;
}

export type Found<T> = { readonly ok: true; readonly value: T } | ({ readonly ok: false } & Missing);

function miss(reason: string, absent: boolean): { ok: false; reason: string; absent: boolean } {
  return { ok: false, reason, absent };
}

export function describeTable(sel: TableSelector): string {
  return 'kind' in sel ? sel.kind : `table("${sel.title}")`;
}

/** The table a selector names: the first of its kind, or the one whose title contains the words. */
export function findTable(doc: BudgetDocument, sel: TableSelector): Found<Table> {
  if ('kind' in sel) {
    const t = doc.tables.find((x) => x.kind === sel.kind);
    return t ? { ok: true, value: t } : miss(`table ${sel.kind} is absent`, true);
  }
  const want = normalizeName(sel.title);
  const matches = doc.tables.filter((t) => normalizeName(t.title).includes(want));
  if (matches.length === 0) return miss(`no table title contains "${sel.title}"`, true);
  if (matches.length > 1) return miss(`${matches.length} table titles contain "${sel.title}"; use more words or T1…T9`, false);
  return { ok: true, value: matches[0]! };
}

export function describeRow(sel: RowSelector, code?: string): string {
  switch (sel.type) {
    case 'total':
      return '合计';
    case 'code':
      return sel.code;
    case 'prefix':
      return sel.prefix + '?'.repeat(sel.length - sel.prefix.length);
    case 'leaves':
      return `${sel.prefix}*`;
    case 'level':
      return sel.level;
    case 'label':
      return `"${sel.label}"`;
    case 'each':
      return code ?? '$';
  }
}

function levelOfRow(r: Row): string | undefined {
  if (r.level) return r.level;
  const n = r.code?.length;
  return n === 3 ? '类' : n === 5 ? '款' : n === 7 ? '项' : undefined;
}

/** The amount column a reference reads in `row`: the named one on the row's side, else the first. */
export function findColumn(table: Table, row: Row, name: string | undefined): Column | undefined {
  if (name === undefined) return table.columns.find((c) => row.side === undefined || c.side === row.side);
  return columnByName(table, name, row.side) ?? (row.side !== undefined ? undefined : columnByName(table, name));
}

function totalRows(table: Table, column: string | undefined): Found<Row[]> {
  const totals = table.rows.filter((r) => r.isTotal);
  if (totals.length === 1) return { ok: true, value: totals };
  if (totals.length === 0) {
    if (table.rows.length === 1) return { ok: true, value: [table.rows[0]!] };
    const first = table.rows[0];
    const example = first ? (first.code ?? `"${first.label ?? first.name}"`) : undefined;
    return miss(`${table.kind} has no 合计 row${example ? `; name the row, e.g. ${table.kind}[${example}]` : ''}`, true);
  }
  // two-sided tables have 收入总计 and 支出总计: the column must tell them apart
  const onSide = column === undefined ? totals : totals.filter((r) => findColumn(table, r, column) !== undefined);
  const sides = new Set(onSide.map((r) => r.side));
  if (onSide.length >= 1 && sides.size === 1) return { ok: true, value: [onSide[0]!] };
  const names = totals.map((r) => r.label ?? r.name).join(', ');
  return miss(`${table.kind} has several total rows (${names}); name one, e.g. ${table.kind}[${totals[0]!.label ?? totals[0]!.name}]`, false);
}

/** The rows a selector matches, in table order; `code` fills `$`. An empty match is missing. */
export function findRows(table: Table, ref: RefNode, code?: string): Found<Row[]> {
  const sel = ref.row;
  const rows = table.rows;
  let found: Row[];
  switch (sel.type) {
    case 'total':
      return totalRows(table, ref.column);
    case 'code':
    case 'each': {
      const want = sel.type === 'code' ? sel.code : code;
      const r = rows.find((x) => want !== undefined && x.code === want);
      found = r ? [r] : [];
      break;
    }
    case 'prefix':
      found = rows.filter((r) => r.code !== undefined && r.code.length === sel.length && r.code.startsWith(sel.prefix));
      break;
    case 'leaves': {
      const under = rows.filter((r) => r.code !== undefined && r.code.startsWith(sel.prefix));
      found = under.filter((r) => !under.some((o) => o !== r && o.code!.length > r.code!.length && o.code!.startsWith(r.code!)));
      break;
    }
    case 'level':
      found = rows.filter((r) => r.code !== undefined && levelOfRow(r) === sel.level);
      break;
    case 'label': {
      const want = normalizeName(stripNumbering(sel.label));
      const r =
        rows.find((x) => normalizeName(x.name) === want) ??
        rows.find((x) => x.label !== undefined && normalizeName(stripNumbering(x.label)) === want);
      found = r ? [r] : [];
      break;
    }
  }
  if (found.length > 0) return { ok: true, value: found };
  const what = sel.type === 'code' || sel.type === 'each' || sel.type === 'label' ? `has no row ${describeRow(sel, code)}` : `has no row matching ${describeRow(sel)}`;
  return miss(`${table.kind} ${what}`, true);
}
