import { UNIT_FACTOR, type Amount, type Unit } from '../model/amount.js';
import { intervalOf } from '../engine/interval.js';
import { ZERO, type Decimal } from '../model/decimal.js';
import type { BudgetDocument, Cell, Column, Row, Side, Table, TableKind } from '../model/document.js';
import { columnByName, normalizeName, tablesOfKind, totalRow } from '../model/table-access.js';
import { objectList } from '../model/lists.js';
import { bestByName } from './similarity.js';
import { timesOne } from './unit-math.js';
import type { Subject, TotalKind } from './subjects.js';
import { memoByString, oncePer } from '../memo.js';
import { buildClassificationIndex } from './classification-index.js';

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
      return linkT9(doc, OFFICE_RUNNING_COLUMNS, '机关运行经费');
    case 'performance-projects':
      return firstLinked([() => totalCell(doc, 'T3', '项目支出')], 'T3 项目支出 合计 is absent');
    case 'project':
      return linkProject(doc, s.name);
    case 'procurement':
      return { kind: 'internal' };
  }
}

const NO_TABLES: readonly Table[] = objectList();

function tablesOf(doc: BudgetDocument, kind: TableKind): readonly Table[] {
  return tablesOfKind(doc, kind) ?? NO_TABLES;
}

function cellRef(table: Table, row: Row, column: Column): CellRef | undefined {
  const cell = row.cells[column.key];
  if (cell?.invalid) return undefined;
  return new LinkedCell(table, row, column, cell);
}

/**
 * A linked cell; its label and its value in 元 are only made when asked for: most amounts pass on
 * the cell's printed digits (printedValue), and only a message or the explanation reads the label.
 */
class LinkedCell implements CellRef {
  private labelText: string | undefined = undefined;
  private valueInYuan: Decimal | undefined = undefined;
  constructor(
    readonly table: Table,
    readonly row: Row,
    readonly column: Column,
    readonly cell: Cell | undefined,
  ) {}
  get label(): string {
    const { table, row, column } = this;
    return (this.labelText ??= `${table.kind} ${row.code ? `${row.code} ${row.name}` : (row.label ?? row.name)} / ${column.name}`);
  }
  get value(): Decimal {
    const amount = this.cell?.amount;
    return (this.valueInYuan ??= amount ? valueInYuan(amount) : ZERO);
  }
}

/**
 * The text of a one-cell link's cell ("0" for a blank cell), in the link's unit; undefined for a sum
 * of cells. A cell's amount is read from this text (parseAmountText), and every reading of a text
 * made of digits, thousands commas and a point gives the number its digits spell: roundsToFixed
 * reads such texts and leaves any other (a sign, full-width digits, spaces) to the Decimal.
 */
export function printedValue(linked: LinkedValue): string | undefined {
  if (linked.cells.length !== 1) return undefined;
  return linked.cells[0]!.cell?.amount?.raw ?? '0';
}

/**
 * An amount in 元: the table rules' cached interval midpoint when the amount is in 万元 or 亿元 (the
 * same product, computed once per amount); an amount in 元 is multiplied by 1 as before (which rounds
 * a value beyond the Decimal precision, as the comparison expects).
 */
function valueInYuan(amount: Amount): Decimal {
  return amount.unit === '元' ? timesOne(amount.value) : intervalOf(amount).value;
}

function linkedOf(cells: readonly CellRef[]): LinkedValue {
  const unit = cells[0]!.cell?.amount?.unit ?? cells[0]!.table.unit ?? '元';
  let scale = 0;
  for (const c of cells) scale = Math.max(scale, c.cell?.amount?.scale ?? 0);
  return new LinkedCells(cells, unit, scale);
}

/** A link's cells with their sum, made when first asked for (most amounts are decided on the printed digits). */
class LinkedCells implements LinkedValue {
  private sum: Decimal | undefined = undefined;
  constructor(
    readonly cells: readonly CellRef[],
    readonly unit: Unit,
    readonly scale: number,
  ) {}
  get value(): Decimal {
    const { cells } = this;
    // 0 + v is v for a value within the Decimal precision, which every cell value is (valueInYuan)
    return (this.sum ??= cells.length === 1 ? cells[0]!.value : cells.reduce((a, c) => a.plus(c.value), ZERO));
  }
}

type Attempt = () => CellRef[] | CellRef | undefined;

function firstLinked(attempts: readonly Attempt[], reason: string): LinkResult {
  for (const a of attempts) {
    const r = a();
    if (r === undefined) continue;
    if (!Array.isArray(r)) return { kind: 'linked', value: linkedOf([r]) };
    if (r.length > 0) return { kind: 'linked', value: linkedOf(r) };
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
  const wanted = alternativesOf(name);
  for (const t of tablesOf(doc, kind)) {
    const col = columnByName(t, column, side);
    if (!col) continue;
    const byName = thisYearRowsByName(t, side);
    for (const want of wanted) {
      const row = byName.get(want);
      if (row) return cellRef(t, row, col);
    }
  }
  return undefined;
}

/** The normalised alternatives of a "|"-separated name (the names are the linker's own constants: few). */
const alternativesOf = memoByString((name: string): readonly string[] => name.split('|').map(normalizeName), 200);

/**
 * The normalised names of a table's rows, in row order, made once per table: the totals look up
 * lines of the same few tables by name and by pattern.
 */
const rowNames = oncePer((t: Table): readonly string[] => t.rows.map((r) => normalizeName(r.name)));

/** "上年结转", "上年结转结余", "二、上年结转" (the MoF layout's carry-over block and line). */
const CARRY_OVER = /^上年(度)?结转(结余)?$|^上年结余$/;
const THIS_YEAR_INCOME = /^本年(度)?收入(合计|小计)?$/;
const THIS_YEAR_EXPENSE = /^本年(度)?支出(合计|小计)?$/;
const YEAR_END_BALANCE = /^年[终末]结转(结余)?$/;
/** The year lines' patterns above, each anchored at a name starting with 上年, 本年 or 年. */
export const YEAR_LINES: readonly RegExp[] = [CARRY_OVER, THIS_YEAR_INCOME, THIS_YEAR_EXPENSE, YEAR_END_BALANCE];

const SHANG = '上'.charCodeAt(0);
const BEN = '本'.charCodeAt(0);
const NIAN = '年'.charCodeAt(0);

/**
 * Whether a normalised row name may be a year line (one of YEAR_LINES may match it): it starts with
 * 上, 本 or 年. Most rows are items of the tables and are not tested against the patterns.
 */
export function mayBeYearLine(name: string): boolean {
  const c = name.charCodeAt(0);
  return c === SHANG || c === BEN || c === NIAN;
}

/**
 * A side's rows outside the carry-over block: the MoF layout's T4 prints "二、上年结转" followed by
 * its own "1. 一般公共预算资金 …" lines, which are last year's money, not this year's income. The block
 * runs from the 上年结转 line to a 本年 line or a total.
 */
function thisYearRowsByName(t: Table, side: Side): ReadonlyMap<string, Row> {
  // several totals look lines up in the same tables: each side's rows are found once per table
  return side === 'income' ? thisYearIncomeRows(t) : thisYearExpenseRows(t);
}

const thisYearIncomeRows = oncePer((t: Table): ReadonlyMap<string, Row> => findThisYearRows(t, 'income'));
const thisYearExpenseRows = oncePer((t: Table): ReadonlyMap<string, Row> => findThisYearRows(t, 'expense'));

/** A side's rows of this year by normalised name (the first row of each name). */
function findThisYearRows(t: Table, side: Side): Map<string, Row> {
  const out = new Map<string, Row>();
  const names = rowNames(t);
  let carry = false;
  for (let i = 0; i < t.rows.length; i++) {
    const r = t.rows[i]!;
    if (r.side !== side) continue;
    const n = names[i]!;
    const yearLine = mayBeYearLine(n);
    if (yearLine && CARRY_OVER.test(n)) carry = true;
    else if (r.isTotal || (yearLine && (THIS_YEAR_INCOME.test(n) || THIS_YEAR_EXPENSE.test(n)))) carry = false;
    else if (carry) continue;
    if (!out.has(n)) out.set(n, r);
  }
  return out;
}

/** The first row of a side whose normalised name matches the pattern (one of YEAR_LINES). */
function namedRow(t: Table, pattern: RegExp, side: Side): Row | undefined {
  const names = rowNames(t);
  for (const i of yearLineRows(t)) if (t.rows[i]!.side === side && pattern.test(names[i]!)) return t.rows[i];
  return undefined;
}

/** The indices, in order, of a table's rows that may be year lines (several totals look for them). */
const yearLineRows = oncePer((t: Table): readonly number[] => {
  const names = rowNames(t);
  const out: number[] = [];
  for (let i = 0; i < names.length; i++) if (mayBeYearLine(names[i]!)) out.push(i);
  return out;
});

/** The first row of a side whose name matches (carry-over lines included: they are asked for by name). */
function namedRowCell(doc: BudgetDocument, kind: TableKind, pattern: RegExp, column: string, side: Side): CellRef | undefined {
  for (const t of tablesOf(doc, kind)) {
    const row = namedRow(t, pattern, side);
    const col = columnByName(t, column, side);
    if (row && col) return cellRef(t, row, col);
  }
  return undefined;
}

/** Whether a side prints a carry-over line (上年结转 / 年终结转结余): then its grand total is more than this year's. */
function hasCarryOver(doc: BudgetDocument, kind: TableKind, side: Side): boolean {
  const pattern = side === 'income' ? CARRY_OVER : YEAR_END_BALANCE;
  return tablesOf(doc, kind).some((t) => namedRow(t, pattern, side) !== undefined);
}

/**
 * This year's total of a summary table's side: the 本年收入合计 / 本年支出 line of the MoF layout, else
 * the grand total when the side prints no carry-over line (the Shanghai layout: the two are one).
 */
function thisYearTotal(doc: BudgetDocument, kind: TableKind, column: string, side: Side): Attempt {
  return () => {
    const line = namedRowCell(doc, kind, side === 'income' ? THIS_YEAR_INCOME : THIS_YEAR_EXPENSE, column, side);
    if (line) return line;
    return hasCarryOver(doc, kind, side) ? undefined : totalCell(doc, kind, column, side);
  };
}

/** The sum of several lines of a side (blank = 0), when the first is printed: MoF T1 lists the three 拨款收入. */
function linesSum(doc: BudgetDocument, kind: TableKind, names: readonly string[], column: string, side: Side): Attempt {
  return () => {
    const first = labelCell(doc, kind, names[0]!, column, side);
    if (!first) return undefined;
    const rest = names.slice(1).map((n) => labelCell(doc, kind, n, column, side));
    return [first, ...rest.filter((c): c is CellRef => c !== undefined)];
  };
}

function linkCode(doc: BudgetDocument, code: string, column: string): LinkResult {
  const groups = column === '合计' ? CODE_TABLES_TOTAL : CODE_TABLES_PART;
  for (const kinds of groups) {
    const cells = codeCells(doc, kinds, code, column);
    if (cells.length > 0) return { kind: 'linked', value: linkedOf(cells) };
  }
  return { kind: 'unlinked', reason: `code ${code} (${column}) is in none of ${groups.flat().join(', ')}` };
}

/**
 * One cell per table kind: the first table of that kind printing the code (like the totals). A
 * document holding several tables of one kind (documents concatenated) does not sum them all.
 */
function codeCells(doc: BudgetDocument, kinds: readonly TableKind[], code: string, column: string): CellRef[] {
  const out: CellRef[] = [];
  // the classification index knows where each code is printed (the tables it names codes from)
  const places = buildClassificationIndex(doc).placesOf(code);
  for (const k of kinds) {
    for (const { table: t, row } of places) {
      if (t.kind !== k) continue;
      const col = columnByName(t, column);
      const ref = col ? cellRef(t, row, col) : undefined;
      if (ref) {
        out.push(ref);
        break;
      }
    }
  }
  return out;
}

/** The tables a code's amount is looked up in, group by group: the 合计 column, and an item's part. */
const CODE_TABLES_TOTAL: readonly (readonly TableKind[])[] = [['T5', 'T6', 'T7'], ['T3'], ['T2']];
const CODE_TABLES_PART: readonly (readonly TableKind[])[] = [['T5', 'T6', 'T7'], ['T3']];

/** 一般公共预算拨款收入 as the layouts print it: T1/T4 lines and the T2 column. */
const GENERAL_INCOME = '一般公共预算拨款收入|一般公共预算财政拨款收入|一般公共预算资金|一般公共预算收入|一般公共预算';

/** The names of a fund's income: T4/T1 lines, the T2 column, and the reason when none is printed (made once). */
interface FundIncomeNames {
  readonly lines: string;
  readonly column: string;
  readonly reason: string;
}

function fundIncomeNames(fund: string): FundIncomeNames {
  return {
    lines: `${fund}预算拨款收入|${fund}预算财政拨款收入|${fund}预算资金|${fund}预算`,
    column: `${fund}预算拨款收入|${fund}预算财政拨款收入`,
    reason: `no ${fund}预算 (资金 / 拨款收入) line of this year in T4 or T1, no column in T2`,
  };
}

const GOVERNMENT_FUND_INCOME = fundIncomeNames('政府性基金');
const STATE_CAPITAL_INCOME = fundIncomeNames('国有资本经营');

/** 政府性基金 / 国有资本经营 拨款收入: T4's line of this year, else T1's, else T2's column. */
function fundIncome(doc: BudgetDocument, names: FundIncomeNames): LinkResult {
  return firstLinked([() => labelCell(doc, 'T4', names.lines, '预算数', 'income'), () => labelCell(doc, 'T1', names.lines, '预算数', 'income'), () => totalCell(doc, 'T2', names.column)], names.reason);
}

/** T4's expense side: this year's 财政拨款 expense (本年支出 in the MoF layout, the grand total otherwise). */
function t4Expense(doc: BudgetDocument, column: string): Attempt {
  return thisYearTotal(doc, 'T4', column, 'expense');
}

function linkTotal(doc: BudgetDocument, total: TotalKind): LinkResult {
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
        [
          () => labelCell(doc, 'T1', '财政拨款收入', '预算数', 'income'),
          // MoF T1: 一般公共预算拨款收入 + 政府性基金预算拨款收入 + 国有资本经营预算拨款收入
          linesSum(doc, 'T1', ['一般公共预算拨款收入|一般公共预算财政拨款收入', '政府性基金预算拨款收入|政府性基金预算财政拨款收入', '国有资本经营预算拨款收入|国有资本经营预算财政拨款收入'], '预算数', 'income'),
          () => totalCell(doc, 'T2', '财政拨款收入'),
          thisYearTotal(doc, 'T4', '预算数', 'income'),
        ],
        'no 财政拨款收入 line in T1 (nor its 一般公共预算 / 政府性基金 / 国有资本经营 拨款收入 lines), no column in T2, no 本年收入 in T4',
      );
    case '财政拨款支出':
      return firstLinked([t4Expense(doc, '合计')], 'T4 本年支出 / 支出总计 is absent');
    case '一般公共预算拨款收入':
      return firstLinked(
        [() => labelCell(doc, 'T4', GENERAL_INCOME, '预算数', 'income'), () => labelCell(doc, 'T1', GENERAL_INCOME, '预算数', 'income'), () => totalCell(doc, 'T2', '一般公共预算拨款收入|一般公共预算财政拨款收入')],
        'no 一般公共预算 (资金 / 拨款收入) line of this year in T4 or T1, no column in T2',
      );
    case '上年结转':
      return firstLinked(
        [() => namedRowCell(doc, 'T1', CARRY_OVER, '预算数', 'income'), () => totalCell(doc, 'T2', '上年结转结余|上年结转'), () => namedRowCell(doc, 'T4', CARRY_OVER, '预算数', 'income')],
        'no 上年结转(结余) line in T1 or T4, no column in T2',
      );
    case '财政拨款上年结转':
      return firstLinked([() => namedRowCell(doc, 'T4', CARRY_OVER, '预算数', 'income')], 'no 二、上年结转 line in T4 (the 财政拨款 carried over)');
    case '年终结转结余':
      return firstLinked([() => namedRowCell(doc, 'T1', YEAR_END_BALANCE, '预算数', 'expense'), () => namedRowCell(doc, 'T4', YEAR_END_BALANCE, '合计', 'expense')], 'no 年终结转结余 line in T1 or T4');
    case '本年收入':
      return firstLinked([thisYearTotal(doc, 'T1', '预算数', 'income')], 'no 本年收入合计 line in T1 (and 收入总计 includes a carry-over)');
    case '本年支出':
      return firstLinked([thisYearTotal(doc, 'T1', '预算数', 'expense')], 'no 本年支出合计 line in T1 (and 支出总计 includes a carry-over)');
    case '一般公共预算拨款支出':
      return firstLinked([t4Expense(doc, '一般公共预算|一般公共预算财政拨款'), () => totalCell(doc, 'T5', '合计')], 'T4 and T5 are absent');
    case '一般公共预算基本支出':
      return firstLinked([() => totalCell(doc, 'T5', '基本支出'), () => totalCell(doc, 'T8', '合计')], 'T5 基本支出 and T8 合计 are absent');
    case '一般公共预算项目支出':
      return firstLinked([() => totalCell(doc, 'T5', '项目支出')], 'T5 项目支出 合计 is absent');
    case '政府性基金拨款收入':
      return fundIncome(doc, GOVERNMENT_FUND_INCOME);
    case '国有资本经营拨款收入':
      return fundIncome(doc, STATE_CAPITAL_INCOME);
    case '政府性基金拨款支出':
      return firstLinked([t4Expense(doc, '政府性基金预算|政府性基金预算财政拨款'), () => totalCell(doc, 'T6', '合计')], 'T4 and T6 are absent');
    case '国有资本经营拨款支出':
      return firstLinked([t4Expense(doc, '国有资本经营预算|国有资本经营预算财政拨款'), () => totalCell(doc, 'T7', '合计')], 'T4 and T7 are absent');
  }
}

/**
 * A project of the 项目经费情况说明 with the 项 that funds it: the tables print no project names, so the
 * project's name must resolve to one 项 with 项目支出 in T3 (else T5) — an equal name, or the one
 * clearly most similar (similarity ≥ 0.6, no tie: "科技创新专项" → 2060503 科技条件专项). A 项 may fund
 * several projects, so the amount is compared as a part (at most the 项's 项目支出), never guessed by value.
 */
function linkProject(doc: BudgetDocument, name: string): LinkResult {
  const key = normalizeName(withoutParentheses(name));
  for (const kind of ['T3', 'T5'] as const) {
    for (const t of tablesOf(doc, kind)) {
      const col = columnByName(t, '项目支出');
      if (!col) continue;
      const candidates = t.rows.filter((r) => r.code?.length === 7 && r.cells[col.key]?.amount && !r.cells[col.key]!.amount!.value.isZero());
      const best = bestByName(key, candidates, (r) => normalizeName(r.name));
      if (best) {
        const ref = cellRef(t, best.item, col);
        if (ref) return { kind: 'linked', value: linkedOf([ref]) };
      }
      if (candidates.length > 0) return { kind: 'unlinked', reason: `project “${name}” names no 项 with 项目支出 in ${kind} (the tables print 项, not projects)` };
    }
  }
  return { kind: 'unlinked', reason: `project “${name}”: no 项目支出 column in T3 or T5` };
}

/** The T9 columns of each 三公 part, in the order they are tried. */
const SANGONG_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  合计: ['合计'],
  公务用车购置及运行维护费: ['小计', '公务用车购置及运行维护费'],
  公务用车购置费: ['购置费', '公务用车购置费'],
  公务用车运行维护费: ['运行维护费', '运行费', '公务用车运行维护费', '公务用车运行费'],
};
const OFFICE_RUNNING_COLUMNS: readonly string[] = ['机关运行经费', '机关运行经费预算数'];

function sanGongColumns(part: string): readonly string[] {
  return SANGONG_COLUMNS[part] ?? [part];
}

function linkT9(doc: BudgetDocument, columns: readonly string[], what: string): LinkResult {
  const t = tablesOf(doc, 'T9')[0];
  if (!t) return { kind: 'unlinked', reason: `T9 is absent (${what})` };
  const row = t9DataRow(t);
  if (!row) return { kind: 'unlinked', reason: `T9 has no data row (${what})` };
  const col = firstColumn(t, columns);
  if (!col) return { kind: 'unlinked', reason: `T9 has no column for ${what}` };
  const ref = cellRef(t, row, col);
  return ref ? { kind: 'linked', value: linkedOf([ref]) } : { kind: 'unlinked', reason: `T9 ${what} is unreadable` };
}

/** T9's first row printing an amount, else its first row (found once per table: every 三公 part asks). */
const t9DataRow = oncePer((t: Table): Row | undefined => t.rows.find(printsAmount) ?? t.rows[0]);

function printsAmount(r: Row): boolean {
  for (const key in r.cells) if (r.cells[key]!.amount) return true;
  return false;
}

/** The column of the first name that names one: exactly, else as part of a column's name. */
function firstColumn(t: Table, names: readonly string[]): Column | undefined {
  for (const name of names) {
    const col = columnByName(t, name) ?? columnNaming(t, normalizeName(name));
    if (col) return col;
  }
  return undefined;
}

/** The first column whose normalised name holds `part`. */
function columnNaming(t: Table, part: string): Column | undefined {
  const names = columnNames(t);
  for (let i = 0; i < names.length; i++) if (names[i]!.includes(part)) return t.columns[i];
  return undefined;
}

/** A table's normalised column names, made once per table (every 三公 part looks its columns up). */
const columnNames = oncePer((t: Table): readonly string[] => t.columns.map((c) => normalizeName(c.name)));

/** A name without its parenthesised insertions: "生命健康专项（政策资金）" → "生命健康专项" (one linear pass). */
function withoutParentheses(s: string): string {
  let out = '';
  let depth = 0;
  for (const c of s) {
    if (c === '（' || c === '(') depth++;
    else if ((c === '）' || c === ')') && depth > 0) depth--;
    else if (depth === 0) out += c;
  }
  return out;
}
