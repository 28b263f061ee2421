import { paragraphLocation, type Cell, type Row, type Table } from '../model/document.js';
import type { DiagnosticLocation } from './diagnostic.js';
import type { Target } from './define-check.js';

type TableTarget = Extract<Target, { readonly table: Table }>;

/** Resolves a check's target to a full diagnostic location (physical + logical). */
export function locate(t: Target): DiagnosticLocation {
  if ('table' in t) return locateInTable(t, undefined);
  if ('paragraph' in t) return paragraphLocation(t.paragraph, t.offset ?? 0, t.length ?? 0);
  return t.location;
}

interface CachedLocation {
  readonly table: Table;
  readonly row: Row | undefined;
  readonly field: string | undefined;
  readonly location: DiagnosticLocation;
}

type LocationCache = Map<Cell | Row | Table, CachedLocation>;

/**
 * A locate() for one run over one document that remembers table locations by the node they point
 * at (the cell, else the row, else the table). Every rule that checks a cell locates it again, and
 * most outcomes point at a cell, so one location object is shared by all of them (locations are
 * never modified once built). An entry is used only for the same table, row and field.
 */
export function createLocator(): (t: Target) => DiagnosticLocation {
  const cache: LocationCache = new Map();
  return (t) => ('table' in t ? locateInTable(t, cache) : locate(t));
}

/** The location of a table target: its cell (given, or the row's cell in the column), row or table. */
function locateInTable(t: TableTarget, cache: LocationCache | undefined): DiagnosticLocation {
  const { table, row } = t;
  const column = t.column;
  const columnKey = typeof column === 'string' ? column : column?.key;
  const cell = t.cell ?? (row && columnKey ? row.cells[columnKey] : undefined);
  const field = columnKey ?? cell?.column;
  const node = cell ?? row ?? table;
  const cached = cache?.get(node);
  if (cached !== undefined && cached.table === table && cached.row === row && cached.field === field) return cached.location;
  const location = tableLocation(table, row, cell, field);
  cache?.set(node, { table, row, field, location });
  return location;
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
