import { paragraphLocation, type Cell, type Row, type Table } from '../model/document.js';
import type { DiagnosticLocation } from './diagnostic.js';
import type { Target } from './define-check.js';

/** Resolves a check's target to a full diagnostic location (physical + logical). */
export function locate(t: Target): DiagnosticLocation {
  return createLocator()(t);
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
  const tableLocations = new Map<Cell | Row | Table, CachedLocation>();
  return (t) => {
    if ('paragraph' in t) return paragraphLocation(t.paragraph, t.offset ?? 0, t.length ?? 0);
    if ('location' in t) return t.location;
    const { table, row, cell } = t;
    const columnKey = typeof t.column === 'string' ? t.column : t.column?.key;
    const c = cell ?? (row && columnKey ? row.cells[columnKey] : undefined);
    const field = columnKey ?? c?.column;
    const node = c ?? row ?? table;
    const cached = tableLocations.get(node);
    if (cached !== undefined && cached.table === table && cached.row === row && cached.field === field) return cached.location;
    const location = buildTableLocation(table, row, c, field);
    tableLocations.set(node, { table, row, field, location });
    return location;
  };
}

function buildTableLocation(table: Table, row: Row | undefined, cell: Cell | undefined, field: string | undefined): DiagnosticLocation {
  const physical = cell?.location ?? row?.location ?? table.location;
  const out: { -readonly [K in keyof DiagnosticLocation]: DiagnosticLocation[K] } = Object.assign({}, physical);
  out.table = table.title;
  out.tableKind = table.kind;
  if (row) out.row = row.code ?? row.label ?? row.name;
  if (field !== undefined) out.field = field;
  return out;
}
