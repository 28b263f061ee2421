import { formatDecimal, type Unit } from '../../model/amount.js';
import type { Cell, Column, Row, Table } from '../../model/document.js';
import { objectList } from '../../model/lists.js';
import { EMPTY_INTERVAL, intervalOf, inUnit, type Interval } from '../../engine/interval.js';
import type { CheckContext, RelatedTarget, Target } from '../../engine/define-check.js';

/** A value taking part in an identity: where it is and the interval (in 元) it stands for. */
export interface Participant {
  readonly table: Table;
  readonly row: Row;
  readonly column: Column;
  readonly cell: Cell | undefined;
  readonly interval: Interval;
  /** True when the cell is blank (counted as zero). */
  readonly blank: boolean;
  /** Label for messages: "T3 2011301 行政运行 / 合计". */
  readonly label: string;
}

export function rowLabel(row: Row): string {
  if (row.code) return `${row.code} ${row.name}`.trim();
  return row.label ?? row.name;
}

export function participant(table: Table, row: Row, column: Column): Participant {
  return new TableParticipant(table, row, column, undefined);
}

/** The value at a place under a label of the check's own ("T8 合计 / 基本支出"). */
export function labelledParticipant(table: Table, row: Row, column: Column, label: string): Participant {
  return new TableParticipant(table, row, column, label);
}

/**
 * A zero standing for an absent value, placed (and read for unit and readability) at `p`'s place:
 * what a check compares when the row it wants is not printed.
 */
export function absentParticipant(p: Participant, label: string): Participant {
  return new TableParticipant(p.table, p.row, p.column, label, true);
}

/** The participants of `rows` in one column, in row order. */
export function participantsInColumn(table: Table, rows: readonly Row[], column: Column): Participant[] {
  // an objectList filled by push, not map(): one kind of array, empty or not, whichever tier built
  // it (see model/lists.ts), for compareAndReport
  const out = objectList<Participant>();
  for (let i = 0; i < rows.length; i++) out.push(new TableParticipant(table, rows[i]!, column, undefined));
  return out;
}

/** The participants of one row in `columns`, in column order. */
export function participantsInRow(table: Table, row: Row, columns: readonly Column[]): Participant[] {
  const out = objectList<Participant>();
  for (let i = 0; i < columns.length; i++) out.push(new TableParticipant(table, row, columns[i]!, undefined));
  return out;
}

/**
 * The one shape of every participant (a check that spread one into a literal made a new hidden
 * class each time); the label is built only when a message needs it, unless the check gave one.
 */
class TableParticipant implements Participant {
  readonly cell: Cell | undefined;
  readonly blank: boolean;
  /** The interval, once asked for: an identity that holds on the printed digits never asks. */
  private knownInterval: Interval | undefined = undefined;
  /** `absent`: a zero standing for a value not printed (absentParticipant), whatever the cell holds. */
  constructor(
    readonly table: Table,
    readonly row: Row,
    readonly column: Column,
    private readonly givenLabel: string | undefined,
    absent = false,
  ) {
    const cell = row.cells[column.key];
    this.cell = cell;
    this.blank = absent || !cell?.amount;
  }
  get interval(): Interval {
    // a participant that is not blank has a cell with an amount
    return (this.knownInterval ??= this.blank ? EMPTY_INTERVAL : intervalOf(this.cell!.amount));
  }
  get label(): string {
    return this.givenLabel ?? `${this.table.kind} ${rowLabel(this.row)} / ${this.column.name}`;
  }
}

/**
 * Where a passed instance is: the participant at the place, or nothing when the run lists no passed
 * instance (settings.keptOutcomes), so that a pass on a fast path builds no object.
 */
export function passTarget(ctx: CheckContext<unknown>, table: Table, row: Row, column: Column): Target | undefined {
  return ctx.settings.keptOutcomes === 'not-assessable' ? undefined : participant(table, row, column);
}

/** True when a cell could not be read as an amount (the identity is then not assessable). */
export function isUnreadable(p: Participant): boolean {
  return p.cell?.invalid === true;
}

export function targetOf(p: Participant): Target {
  // a participant is itself a target (table, row, column, cell): no object per outcome
  return p;
}

/** The unit in which to print a comparison: the main participant's table unit. */
export function unitOf(p: Participant): Unit {
  return p.cell?.amount?.unit ?? p.table.unit ?? '元';
}

/** Scale to print values of this unit with: 元 as printed (0 or 2), 万元 with 2 decimals at least. */
export function scaleFor(unit: Unit, parts: readonly Participant[]): number {
  const scales = parts.map((p) => (p.cell?.amount && p.cell.amount.unit === unit ? p.cell.amount.scale : 0));
  return Math.max(unit === '元' ? 0 : 2, ...scales);
}

export function show(valueYuan: Interval['value'], unit: Unit, scale: number): string {
  return formatDecimal(inUnit(valueYuan, unit), scale);
}

export function relatedOf(p: Participant): RelatedTarget {
  return {
    at: targetOf(p),
    label: p.label,
    value: p.cell?.amount ? formatDecimal(p.cell.amount.value, p.cell.amount.scale) : '(blank)',
    unit: unitOf(p),
  };
}
