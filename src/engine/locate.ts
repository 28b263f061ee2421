import { paragraphLocation, type Cell, type Row, type Table } from '../model/document.js';
import type { DiagnosticLocation } from './diagnostic.js';
import type { Target } from './define-check.js';

type TableTarget = Extract<Target, { readonly table: Table }>;

/** Resolves a check's target to a full diagnostic location (physical + logical). */
export function locate(t: Target): DiagnosticLocation {
  if ('paragraph' in t) return paragraphLocation(t.paragraph, t.offset ?? 0, t.length ?? 0);
  if ('location' in t) return t.location;
  const { table, row, cell, field } = tableNode(t);
  return tableLocation(table, row, cell, field);
}

interface CachedLocation {
  readonly table: Table;
  readonly row: Row | undefined;
  readonly field: string | undefined;
  readonly location: DiagnosticLocation;
}

/**
 * A locate() for one run over one document that remembers table locations by the node they point
 * at (the cell, else the row, else the table). Every rule that checks a cell locates it again, and
 * most outcomes point at a cell, so one location object is shared by all of them (locations are
 * never modified once built). An entry is used only for the same table, row and field.
 */
export function createLocator(): (t: Target) => DiagnosticLocation {
  const cache = new Map<Cell | Row | Table, CachedLocation>();
  // the node is found inline rather than through tableNode(): this runs once per outcome
  return (t) => {
    if (!('table' in t)) return locate(t);
    const { table, row } = t;
    const field = fieldOf(t);
    const cell = t.cell ?? (row && field ? row.cells[field] : undefined);
    const cellField = field ?? cell?.column;
    const node = cell ?? row ?? table;
    const cached = cache.get(node);
    if (cached !== undefined && cached.table === table && cached.row === row && cached.field === cellField) return cached.location;
    const location = tableLocation(table, row, cell, cellField);
    cache.set(node, { table, row, field: cellField, location });
    return location;
  };
}

/** The column key a table target names (a column object or its key), if any. */
function fieldOf(t: TableTarget): string | undefined {
  const column = t.column;
  return typeof column === 'string' ? column : column?.key;
}

/** The table node a target points at: its cell (given, or the row's cell in the column) and field. */
function tableNode(t: TableTarget): { table: Table; row: Row | undefined; cell: Cell | undefined; field: string | undefined } {
  const { table, row } = t;
  const columnKey = fieldOf(t);
  const cell = t.cell ?? (row && columnKey ? row.cells[columnKey] : undefined);
  return { table, row, cell, field: columnKey ?? cell?.column };
}

function tableLocation(table: Table, row: Row | undefined, cell: Cell | undefined, field: string | undefined): DiagnosticLocation {
  const physical = cell?.location ?? row?.location ?? table.location;
  const out: { -readonly [K in keyof DiagnosticLocation]: DiagnosticLocation[K] } = Object.assign({}, physical);
  out.table = table.title;
  out.tableKind = table.kind;
  if (row) out.row = row.code ?? row.label ?? row.name;
  if (field !== undefined) out.field = field;
  return out;
}
