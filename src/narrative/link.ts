import { UNIT_FACTOR, type Unit } from '../model/amount.js';
import { ZERO, type Decimal } from '../model/decimal.js';
import type { BudgetDocument, Cell, Column, Row, Side, Table, TableKind } from '../model/document.js';
import { columnByName, normalizeName, totalRow } from '../model/table-access.js';
import type { Subject, TotalKind } from './subjects.js';

/** One table cell a narrative amount is compared with. */
export interface CellRef {
  readonly table: Table;
  readonly row: Row;
  readonly column: Column;
  readonly cell?: Cell;
  /** "T5 2011301 行政运行 / 合计". */
  readonly label: string;
  /** Value in 元 (blank = 0). */
  readonly value: Decimal;
}

/** The table value a subject stands for: one cell, or the sum of cells (a code in T5, T6 and T7). */
export interface LinkedValue {
  readonly cells: readonly CellRef[];
  /** Sum in 元. */
  readonly value: Decimal;
  /** Unit the cells are printed in (元 for T1–T8, 万元 for T9). */
  readonly unit: Unit;
  /** Decimals printed in the cells' unit (the largest); 元 cells are exact whatever their scale. */
  readonly scale: number;
}

export type LinkResult = { readonly kind: 'linked'; readonly value: LinkedValue } | { readonly kind: 'internal' } | { readonly kind: 'unlinked'; readonly reason: string };

/**
 * Finds the table value a subject restates (DOMAIN.md §2, §5). Classification items of the 财政拨款
 * narrative compare with the 合计 column of T5 (+ T6 + T7 where the code is there too), else T3,
 * else T2; totals with the summary tables T1/T4, else the detail tables' 合计 rows; 三公 and
 * 机关运行经费 with T9; 绩效目标 project money with T3 项目支出. 政府采购 has no table ('internal').
 */
export function linkSubject(doc: BudgetDocument, s: Subject): LinkResult {
  switch (s.kind) {
    case 'classification':
      return s.code ? linkCode(doc, s.code, s.column ?? '合计') : { kind: 'unlinked', reason: `classification "${s.name}（${s.level}）" not found in the tables` };
    case 'total':
      return linkTotal(doc, s.total);
    case 'sangong':
      return linkT9(doc, sanGongColumns(s.part), s.part);
    case 'office-running':
      return linkT9(doc, ['机关运行经费', '机关运行经费预算数'], '机关运行经费');
    case 'performance-projects':
      return firstLinked([() => totalCell(doc, 'T3', '项目支出')], 'T3 项目支出 合计 is absent');
    case 'procurement':
      return { kind: 'internal' };
  }
}

/** Tables by kind and rows by code, built once per document: linking is then linear in statements. */
interface DocIndex {
  readonly byKind: Map<TableKind, Table[]>;
  readonly rowsByCode: Map<Table, Map<string, Row>>;
  /** Per kind: code → the tables of that kind printing it, in document order. */
  readonly tablesWithCode: Map<TableKind, Map<string, Table[]>>;
}

const indexes = new WeakMap<BudgetDocument, DocIndex>();

function docIndex(doc: BudgetDocument): DocIndex {
  let ix = indexes.get(doc);
  if (!ix) {
    const byKind = new Map<TableKind, Table[]>();
    for (const t of doc.tables) {
      const list = byKind.get(t.kind);
      if (list) list.push(t);
      else byKind.set(t.kind, [t]);
    }
    ix = { byKind, rowsByCode: new Map(), tablesWithCode: new Map() };
    indexes.set(doc, ix);
  }
  return ix;
}

function tablesOf(doc: BudgetDocument, kind: TableKind): readonly Table[] {
  return docIndex(doc).byKind.get(kind) ?? [];
}

function rowOfCode(doc: BudgetDocument, t: Table, code: string): Row | undefined {
  const ix = docIndex(doc);
  let rows = ix.rowsByCode.get(t);
  if (!rows) {
    rows = new Map();
    for (const r of t.rows) if (r.code && !rows.has(r.code)) rows.set(r.code, r);
    ix.rowsByCode.set(t, rows);
  }
  return rows.get(code);
}

/** The tables of a kind that print a code, in document order (one lookup, however many tables). */
function tablesWithCode(doc: BudgetDocument, kind: TableKind, code: string): readonly Table[] {
  const ix = docIndex(doc);
  let byCode = ix.tablesWithCode.get(kind);
  if (!byCode) {
    byCode = new Map();
    for (const t of tablesOf(doc, kind)) {
      for (const r of t.rows) {
        if (!r.code) continue;
        const list = byCode.get(r.code);
        if (!list) byCode.set(r.code, [t]);
        else if (list[list.length - 1] !== t) list.push(t);
      }
    }
    ix.tablesWithCode.set(kind, byCode);
  }
  return byCode.get(code) ?? [];
}

function cellRef(table: Table, row: Row, column: Column): CellRef | undefined {
  const cell = row.cells[column.key];
  if (cell?.invalid) return undefined;
  const unit = cell?.amount?.unit ?? table.unit ?? '元';
  const value = cell?.amount ? cell.amount.value.times(UNIT_FACTOR[unit]) : ZERO;
  const rowText = row.code ? `${row.code} ${row.name}` : (row.label ?? row.name);
  return { table, row, column, ...(cell ? { cell } : {}), value, label: `${table.kind} ${rowText} / ${column.name}` };
}

function linkedOf(cells: readonly CellRef[]): LinkedValue {
  const unit = cells[0]!.cell?.amount?.unit ?? cells[0]!.table.unit ?? '元';
  const scale = Math.max(0, ...cells.map((c) => c.cell?.amount?.scale ?? 0));
  return { cells, value: cells.reduce((a, c) => a.plus(c.value), ZERO), unit, scale };
}

type Attempt = () => CellRef[] | CellRef | undefined;

function firstLinked(attempts: readonly Attempt[], reason: string): LinkResult {
  for (const a of attempts) {
    const r = a();
    const cells = r === undefined ? [] : Array.isArray(r) ? r : [r];
    if (cells.length > 0) return { kind: 'linked', value: linkedOf(cells) };
  }
  return { kind: 'unlinked', reason };
}

function totalCell(doc: BudgetDocument, kind: TableKind, column: string, side?: Side): CellRef | undefined {
  for (const t of tablesOf(doc, kind)) {
    const row = totalRow(t, side);
    const col = columnByName(t, column, side);
    if (row && col) return cellRef(t, row, col);
  }
  return undefined;
}

function labelCell(doc: BudgetDocument, kind: TableKind, name: string, column: string, side: Side): CellRef | undefined {
  const want = normalizeName(name);
  for (const t of tablesOf(doc, kind)) {
    const row = t.rows.find((r) => r.side === side && normalizeName(r.name) === want);
    const col = columnByName(t, column, side);
    if (row && col) return cellRef(t, row, col);
  }
  return undefined;
}

function linkCode(doc: BudgetDocument, code: string, column: string): LinkResult {
  // one cell per table kind: the first table of that kind printing the code (like the totals). A
  // document holding several tables of one kind (documents concatenated) does not sum them all.
  const inTables = (kinds: readonly TableKind[]): CellRef[] => {
    const out: CellRef[] = [];
    for (const k of kinds) {
      for (const t of tablesWithCode(doc, k, code)) {
        const row = rowOfCode(doc, t, code);
        const col = row ? columnByName(t, column) : undefined;
        const ref = row && col ? cellRef(t, row, col) : undefined;
        if (ref) {
          out.push(ref);
          break;
        }
      }
    }
    return out;
  };
  const kinds: TableKind[][] = column === '合计' ? [['T5', 'T6', 'T7'], ['T3'], ['T2']] : [['T5', 'T6', 'T7'], ['T3']];
  return firstLinked(
    kinds.map((k) => () => inTables(k)),
    `code ${code} (${column}) is in none of ${kinds.flat().join(', ')}`,
  );
}

function linkTotal(doc: BudgetDocument, total: TotalKind): LinkResult {
  const t4Expense = (column: string): Attempt => () => totalCell(doc, 'T4', column, 'expense');
  switch (total) {
    case '事业收入':
    case '事业单位经营收入':
    case '其他收入':
    case '财政专项资金':
    case '非同级财政拨款收入':
    case '自筹资金':
      return firstLinked([() => labelCell(doc, 'T1', total, '预算数', 'income'), () => totalCell(doc, 'T2', total)], `no ${total} line in T1 or column in T2`);
    case '基本支出':
    case '项目支出':
      return firstLinked([() => totalCell(doc, 'T3', total)], `T3 ${total} 合计 is absent`);
    case '人员经费':
    case '公用经费':
      return firstLinked([() => totalCell(doc, 'T8', total)], `T8 ${total} 合计 is absent`);
    case '收入预算':
      return firstLinked([() => totalCell(doc, 'T1', '预算数', 'income'), () => totalCell(doc, 'T2', '合计')], 'T1 收入总计 and T2 合计 are absent');
    case '支出预算':
      return firstLinked([() => totalCell(doc, 'T1', '预算数', 'expense'), () => totalCell(doc, 'T3', '合计')], 'T1 支出总计 and T3 合计 are absent');
    case '财政拨款收入':
      return firstLinked(
        [() => labelCell(doc, 'T1', '财政拨款收入', '预算数', 'income'), () => totalCell(doc, 'T2', '财政拨款收入'), () => totalCell(doc, 'T4', '预算数', 'income')],
        'no 财政拨款收入 line in T1, T2 or T4',
      );
    case '财政拨款支出':
      return firstLinked([t4Expense('合计')], 'T4 支出总计 is absent');
    case '一般公共预算拨款收入':
      return firstLinked([() => labelCell(doc, 'T4', '一般公共预算', '预算数', 'income')], 'T4 一、一般公共预算 is absent');
    case '一般公共预算拨款支出':
      return firstLinked([t4Expense('一般公共预算'), () => totalCell(doc, 'T5', '合计')], 'T4 and T5 are absent');
    case '政府性基金拨款支出':
      return firstLinked([t4Expense('政府性基金预算'), () => totalCell(doc, 'T6', '合计')], 'T4 and T6 are absent');
    case '国有资本经营拨款支出':
      return firstLinked([t4Expense('国有资本经营预算'), () => totalCell(doc, 'T7', '合计')], 'T4 and T7 are absent');
  }
}

function sanGongColumns(part: string): string[] {
  switch (part) {
    case '合计':
      return ['合计'];
    case '公务用车购置及运行维护费':
      return ['小计', '公务用车购置及运行维护费'];
    case '公务用车购置费':
      return ['购置费', '公务用车购置费'];
    case '公务用车运行维护费':
      return ['运行维护费', '运行费', '公务用车运行维护费', '公务用车运行费'];
    default:
      return [part];
  }
}

function linkT9(doc: BudgetDocument, columns: readonly string[], what: string): LinkResult {
  const t = tablesOf(doc, 'T9')[0];
  if (!t) return { kind: 'unlinked', reason: `T9 is absent (${what})` };
  const row = t.rows.find((r) => Object.values(r.cells).some((c) => c.amount)) ?? t.rows[0];
  if (!row) return { kind: 'unlinked', reason: `T9 has no data row (${what})` };
  const col = columns.map((c) => columnByName(t, c) ?? t.columns.find((x) => normalizeName(x.name).includes(normalizeName(c)))).find((c) => c !== undefined);
  if (!col) return { kind: 'unlinked', reason: `T9 has no column for ${what}` };
  const ref = cellRef(t, row, col);
  return ref ? { kind: 'linked', value: linkedOf([ref]) } : { kind: 'unlinked', reason: `T9 ${what} is unreadable` };
}
