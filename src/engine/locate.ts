import { paragraphLocation } from '../model/document.js';
import type { DiagnosticLocation } from './diagnostic.js';
import type { Target } from './define-check.js';

/** Resolves a check's target to a full diagnostic location (physical + logical). */
export function locate(t: Target): DiagnosticLocation {
  if ('paragraph' in t) {
    return { ...paragraphLocation(t.paragraph, t.offset ?? 0, t.length ?? 0) };
  }
  if ('location' in t) return t.location;
  const { table, row, cell } = t;
  const columnKey = typeof t.column === 'string' ? t.column : t.column?.key;
  const c = cell ?? (row && columnKey ? row.cells[columnKey] : undefined);
  const physical = c?.location ?? row?.location ?? table.location;
  const rowName = row ? (row.code ?? row.label ?? row.name) : undefined;
  return {
    ...physical,
    table: table.title,
    tableKind: table.kind,
    ...(rowName !== undefined ? { row: rowName } : {}),
    ...(columnKey !== undefined ? { field: columnKey } : c ? { field: c.column } : {}),
  };
}
