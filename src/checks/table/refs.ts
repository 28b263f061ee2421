import type { BudgetDocument, Column, Row, Side, Table } from '../../model/document.js';
import { columnByName, rowsOf } from '../../model/table-access.js';
import { absentParticipant, participant, type Participant } from './values.js';
import { firstTableOf } from '../../model/table-access.js';
import { firstRowOfAnyCode } from './code-index.js';
import { oncePer } from '../../memo.js';
import { NamedRows } from './named-rows.js';
import { lineGroup } from './line-groups.js';


/** A reference to one value of the document, as written in rule options. */
export interface ValueRef {
  readonly table: string;
  readonly side?: Side;
  /**
   * Row selector: the 合计/总计 row, a classification code, or a line label (numbering ignored); with
   * `under`, the numbered sub-line of that name under the numbered line `under` ("一般公共预算" under
   * "本年收入", not the one under "上年结转").
   */
  readonly row: { readonly total: true } | { readonly code: string } | { readonly label: string; readonly under?: string };
  readonly column: string;
}

export const VALUE_REF_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['table', 'row', 'column'],
  properties: {
    table: { type: 'string', pattern: '^T[1-9]$' },
    side: { enum: ['income', 'expense'] },
    column: { type: 'string', minLength: 1 },
    row: {
      oneOf: [
        { type: 'object', additionalProperties: false, required: ['total'], properties: { total: { const: true } } },
        { type: 'object', additionalProperties: false, required: ['code'], properties: { code: { type: 'string', pattern: '^\\d{3,7}$' } } },
        {
          type: 'object',
          additionalProperties: false,
          required: ['label'],
          properties: { label: { type: 'string', minLength: 1 }, under: { type: 'string', minLength: 1 } },
        },
      ],
    },
  },
} as const;

/**
 * What a reference names in a document: a value, or why there is none (one shape for every kind,
 * so that the checks reading these meet one hidden class).
 */
export interface Resolved {
  readonly kind: 'value' | 'no-table' | 'no-column' | 'no-row';
  /** The value (kind "value" only). */
  readonly participant: Participant | undefined;
  /** Why there is no value ('' for a value). */
  readonly reason: string;
}

function resolved(kind: Resolved['kind'], participant: Participant | undefined, reason: string): Resolved {
  return { kind, participant, reason };
}

function findRow(table: Table, ref: ValueRef): Row | undefined {
  const { side } = ref;
  const sel = ref.row;
  const rows = table.rows;
  // the grand total: the last total line (the MoF layout has 本年收入合计 … 收入总计)
  if ('total' in sel) {
    for (let i = rows.length - 1; i >= 0; i--) if (rows[i]!.isTotal && (side === undefined || rows[i]!.side === side)) return rows[i];
    return undefined;
  }
  if ('code' in sel) {
    // the first row of the code, then (on another side) the rows after it
    const first = firstRowOfAnyCode(table).get(sel.code);
    if (first === undefined) return undefined;
    for (let i = first; i < rows.length; i++) if (rows[i]!.code === sel.code && (side === undefined || rows[i]!.side === side)) return rows[i];
    return undefined;
  }
  if (sel.under !== undefined) return lineGroup(table, side, sel.under)?.subs.find(sel.label);
  return findLine(table, side, sel.label);
}

/** The line of `table` named `label` (numbering ignored; see NamedRows), on one side or any. */
export function findLine(table: Table, side: Side | undefined, label: string): Row | undefined {
  const named = namedRowsOf(table);
  return (named[side ?? 'any'] ??= new NamedRows(rowsOf(table, side))).find(label);
}

/** Each table's lines by side (any: every line), named once for all the label references into it. */
const namedRowsOf = oncePer((_: Table): Partial<Record<Side | 'any', NamedRows<Row>>> => ({ any: undefined, income: undefined, expense: undefined }));

export function describeRef(ref: ValueRef): string {
  const sel = ref.row;
  const row = 'total' in sel ? '合计' : 'code' in sel ? sel.code : sel.under !== undefined ? `${sel.under} / ${sel.label}` : sel.label;
  return `${ref.table}${ref.side ? `(${ref.side})` : ''} ${row} / ${ref.column}`;
}

/** Resolves a reference against the document. */
export function resolveRef(doc: BudgetDocument, ref: ValueRef): Resolved {
  const table = firstTableOf(doc, ref.table);
  if (!table) return resolved('no-table', undefined, `table ${ref.table} is absent`);
  const column = columnByName(table, ref.column, ref.side);
  if (!column) return resolved('no-column', undefined, `${ref.table} has no column "${ref.column}"`);
  const row = findRow(table, ref);
  if (!row) {
    const zero = unprintedSubLine(table, ref, column);
    if (zero !== undefined) return resolved('value', zero, '');
    return resolved('no-row', undefined, `${describeRef(ref)}: ${noRowReason(table, ref)}`);
  }
  return resolved('value', participant(table, row, column), '');
}

/** Why a reference finds no row: no such row, or (a sub-line) no such group or a group without that sub-line. */
function noRowReason(table: Table, ref: ValueRef): string {
  const sel = ref.row;
  if (!('label' in sel) || sel.under === undefined) return 'no such row';
  const group = lineGroup(table, ref.side, sel.under);
  if (group === undefined) return `no numbered line "${sel.under}"`;
  const head = group.head.label ?? group.head.name;
  return group.subs.rows.length === 0 ? `${head} is not broken down (no sub-lines under it)` : `no sub-line of that name (or more than one) under ${head}`;
}

/**
 * A sub-line its group does not print because there is nothing to break down: "二、上年结转" blank or 0
 * with no 1./2./3. under it stands for zero in each of them (at the group line's place). A group line
 * with an amount but no sub-lines leaves the sub-line absent.
 */
function unprintedSubLine(table: Table, ref: ValueRef, column: Column): Participant | undefined {
  const sel = ref.row;
  if (!('label' in sel) || sel.under === undefined) return undefined;
  const group = lineGroup(table, ref.side, sel.under);
  if (group === undefined || group.subs.rows.length > 0) return undefined;
  const head = participant(table, group.head, column);
  if (head.cell?.invalid === true || !head.interval.value.isZero()) return undefined;
  return absentParticipant(head, `${describeRef(ref)} (not printed)`);
}

/**
 * A line that tells a table layout from another (T4 "本年收入" is printed only in the Ministry of
 * Finance layout): rule options name one to say which of their forms describes the document.
 */
export interface LayoutMark {
  readonly table: string;
  readonly side?: Side;
  readonly line: string;
}

export const LAYOUT_MARK_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['table', 'line'],
  properties: { table: { type: 'string', pattern: '^T[1-9]$' }, side: { enum: ['income', 'expense'] }, line: { type: 'string', minLength: 1 } },
} as const;

/** Whether the document prints the line `mark` names. */
export function hasMark(doc: BudgetDocument, mark: LayoutMark): boolean {
  const table = firstTableOf(doc, mark.table);
  return table !== undefined && findLine(table, mark.side, mark.line) !== undefined;
}
