import type { BudgetDocument, Row, Side, Table } from '../../model/document.js';
import { columnByName, normalizeName, rowsOf } from '../../model/table-access.js';
import { stripNumbering } from '../../parsers/row-parse.js';
import { participant, type Participant } from './values.js';
import { firstTableOf } from '../../model/table-access.js';
import { packedMap } from '../../model/lists.js';
import { firstRowOfAnyCode } from './code-index.js';
import { oncePer } from '../../memo.js';

/** A reference to one value of the document, as written in rule options. */
export interface ValueRef {
  readonly table: string;
  readonly side?: Side;
  /** Row selector: the 合计/总计 row, a classification code, or a line label (numbering ignored). */
  readonly row: { readonly total: true } | { readonly code: string } | { readonly label: string };
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
        { type: 'object', additionalProperties: false, required: ['label'], properties: { label: { type: 'string', minLength: 1 } } },
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
  const named = namedRowsOf(table);
  return (named[side ?? 'any'] ??= new NamedRows(rowsOf(table, side))).find(sel.label);
}

/** Each table's lines by side (any: every line), named once for all the label references into it. */
const namedRowsOf = oncePer((_: Table): Partial<Record<Side | 'any', NamedRows<Row>>> => ({ any: undefined, income: undefined, expense: undefined }));

/** What NamedRows reads of a line. */
interface Named {
  readonly name: string;
  readonly label?: string;
  readonly isTotal: boolean;
}

/**
 * Lines found by their name without numbering: the exact name first, then the one line whose name
 * extends or shortens it ("一般公共预算" ↔ "一般公共预算资金", "政府性基金预算" ↔ "政府性基金"). Each line's
 * name is normalised once however many names are looked up (a summary table's lines each look for
 * their counterpart among the other table's lines).
 */
export class NamedRows<T extends Named> {
  /** normalizeName of each line's name, and of its label without numbering (read only when no name matches). */
  private readonly names: readonly string[];
  private labels: readonly string[] | undefined = undefined;

  constructor(readonly rows: readonly T[]) {
    this.names = packedMap(rows, (r) => normalizeName(r.name));
  }

  find(label: string): T | undefined {
    const want = normalizeName(stripNumbering(label));
    if (want === '') return undefined;
    const { rows, names } = this;
    for (let i = 0; i < rows.length; i++) if (names[i] === want) return rows[i];
    const labels = (this.labels ??= packedMap(rows, (r) => normalizeName(stripNumbering(r.label ?? ''))));
    for (let i = 0; i < rows.length; i++) if (labels[i] === want) return rows[i];
    let near: T | undefined;
    for (let i = 0; i < rows.length; i++) {
      const n = names[i]!;
      if (rows[i]!.isTotal || n.length < 2 || !(n.startsWith(want) || want.startsWith(n))) continue;
      if (near !== undefined) return undefined;
      near = rows[i];
    }
    return near;
  }
}

export function describeRef(ref: ValueRef): string {
  const sel = ref.row;
  const row = 'total' in sel ? '合计' : 'code' in sel ? sel.code : sel.label;
  return `${ref.table}${ref.side ? `(${ref.side})` : ''} ${row} / ${ref.column}`;
}

/** Resolves a reference against the document. */
export function resolveRef(doc: BudgetDocument, ref: ValueRef): Resolved {
  const table = firstTableOf(doc, ref.table);
  if (!table) return resolved('no-table', undefined, `table ${ref.table} is absent`);
  const column = columnByName(table, ref.column, ref.side);
  if (!column) return resolved('no-column', undefined, `${ref.table} has no column "${ref.column}"`);
  const row = findRow(table, ref);
  if (!row) return resolved('no-row', undefined, `${describeRef(ref)}: no such row`);
  return resolved('value', participant(table, row, column), '');
}
