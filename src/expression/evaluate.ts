import type { Unit } from '../model/amount.js';
import { UNIT_FACTOR } from '../model/amount.js';
import type { BudgetDocument, Cell, Column, Row, Table } from '../model/document.js';
import { Decimal } from '../model/decimal.js';
import { addIntervals, EMPTY_INTERVAL, intervalOf, type Interval } from '../engine/interval.js';
import type { Expr, RefNode } from './ast.js';
import { constantValue } from './typecheck.js';
import { describeRow, describeTable, findColumn, findRows, findTable } from './resolve.js';

/** One table cell that took part in an evaluation. */
export interface CellValue {
  readonly table: Table;
  readonly row: Row;
  readonly column: Column;
  readonly cell: Cell | undefined;
  /** The interval (in 元) the printed value stands for; a blank cell is an exact zero. */
  readonly interval: Interval;
  /** "T8 30217 公务接待费 / 合计". */
  readonly label: string;
}

/** The value of an amount expression with the cells it read, or why it cannot be computed. */
export type Evaluation =
  | { readonly ok: true; readonly interval: Interval; readonly cells: readonly CellValue[] }
  | { readonly ok: false; readonly reasons: readonly string[]; readonly cells: readonly CellValue[] };

export interface EvalEnv {
  readonly document: BudgetDocument;
  /** The code `$` stands for (forEach). */
  readonly code?: string;
}

interface Mode {
  /** Inside zero(…): absent tables and rows count as zero. */
  readonly zero: boolean;
  /** Inside required(…): a blank cell makes the value not assessable. */
  readonly required: boolean;
}

function rowLabel(row: Row): string {
  return row.code ? `${row.code} ${row.name}`.trim() : (row.label ?? row.name);
}

function cellValue(table: Table, row: Row, column: Column): CellValue {
  const cell = row.cells[column.key];
  return { table, row, column, cell, interval: cell?.amount ? intervalOf(cell.amount) : EMPTY_INTERVAL, label: `${table.kind} ${rowLabel(row)} / ${column.name}` };
}

function scaleInterval(i: Interval, k: Decimal): Interval {
  return { value: i.value.times(k), radius: i.radius.times(k.abs()) };
}

function combine(a: Evaluation, b: Evaluation, f: (x: Interval, y: Interval) => Interval): Evaluation {
  const cells = [...a.cells, ...b.cells];
  if (a.ok && b.ok) return { ok: true, interval: f(a.interval, b.interval), cells };
  return { ok: false, reasons: [...(a.ok ? [] : a.reasons), ...(b.ok ? [] : b.reasons)], cells };
}

function evalRef(ref: RefNode, env: EvalEnv, mode: Mode): Evaluation {
  const table = findTable(env.document, ref.table);
  if (!table.ok) {
    if (table.absent && mode.zero) return { ok: true, interval: EMPTY_INTERVAL, cells: [] };
    return { ok: false, reasons: [table.reason], cells: [] };
  }
  const t = table.value;
  const rows = findRows(t, ref, env.code);
  if (!rows.ok) {
    if (rows.absent && mode.zero) return { ok: true, interval: EMPTY_INTERVAL, cells: [] };
    return { ok: false, reasons: [rows.reason], cells: [] };
  }
  const cells: CellValue[] = [];
  const reasons: string[] = [];
  for (const row of rows.value) {
    const column = findColumn(t, row, ref.column);
    if (!column) {
      // a column name that matches nothing is a mistake in the rule, never zero
      reasons.push(`${t.kind} has no column ${ref.column === undefined ? 'of amounts' : `"${ref.column}"`}${row.side ? ` on the ${row.side} side` : ''}`);
      break;
    }
    const v = cellValue(t, row, column);
    cells.push(v);
    if (v.cell?.invalid) reasons.push(`${v.label} is not a readable amount ("${v.cell.raw}")`);
    else if (mode.required && !v.cell?.amount) reasons.push(`${v.label} is blank`);
  }
  if (reasons.length > 0) return { ok: false, reasons, cells };
  return { ok: true, interval: addIntervals(cells.map((c) => c.interval)), cells };
}

function evalExpr(e: Expr, env: EvalEnv, mode: Mode): Evaluation {
  switch (e.type) {
    case 'number': {
      // an amount written in the rule is exact; a bare number here can only be 0
      const factor = e.unit ? UNIT_FACTOR[e.unit as Unit] : new Decimal(1);
      return { ok: true, interval: { value: e.value.times(factor), radius: new Decimal(0) }, cells: [] };
    }
    case 'ref':
      return evalRef(e, env, mode);
    case 'neg': {
      const a = evalExpr(e.arg, env, mode);
      return a.ok ? { ...a, interval: { value: a.interval.value.negated(), radius: a.interval.radius } } : a;
    }
    case 'call': {
      if (e.fn === 'zero') return evalExpr(e.args[0]!, env, { ...mode, zero: true });
      if (e.fn === 'required') return evalExpr(e.args[0]!, env, { ...mode, required: true });
      return e.args.map((a) => evalExpr(a, env, mode)).reduce((acc, x) => combine(acc, x, (p, q) => addIntervals([p, q])));
    }
    case 'binary': {
      if (e.op === '+' || e.op === '-') {
        const a = evalExpr(e.left, env, mode);
        const b = evalExpr(e.right, env, mode);
        return combine(a, b, (p, q) => (e.op === '+' ? addIntervals([p, q]) : { value: p.value.minus(q.value), radius: p.radius.plus(q.radius) }));
      }
      // the parser guarantees a constant factor on one side (the divisor for '/')
      const k = e.op === '/' ? new Decimal(1).dividedBy(constantValue(e.right)!) : (constantValue(e.right) ?? constantValue(e.left)!);
      const amountSide = e.op === '/' || constantValue(e.right) !== undefined ? e.left : e.right;
      const a = evalExpr(amountSide, env, mode);
      return a.ok ? { ...a, interval: scaleInterval(a.interval, k) } : a;
    }
  }
}

/** Evaluates an amount expression against a document (values in 元, as intervals). */
export function evaluate(e: Expr, env: EvalEnv): Evaluation {
  return evalExpr(e, env, { zero: false, required: false });
}

/** "T8[302??].合计" for messages about a reference. */
export function describeRef(ref: RefNode, code?: string): string {
  return `${describeTable(ref.table)}[${describeRow(ref.row, code)}]${ref.column !== undefined ? `.${ref.column}` : ''}`;
}

/** The display unit of a cell: its amount's unit, else its table's. */
export function unitOfCell(c: CellValue): Unit {
  return c.cell?.amount?.unit ?? c.table.unit ?? '元';
}
