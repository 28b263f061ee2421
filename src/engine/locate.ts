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
  const out: { -readonly [K in keyof DiagnosticLocation]: DiagnosticLocation[K] } = Object.assign({}, physical);
  out.table = table.title;
  out.tableKind = table.kind;
  if (row) out.row = row.code ?? row.label ?? row.name;
  const field = columnKey ?? c?.column;
  if (field !== undefined) out.field = field;
  return out;
}
