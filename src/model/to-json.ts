import { formatDecimal } from './amount.js';
import type { BudgetDocument, Cell, Row, Table } from './document.js';

/**
 * The document model as plain JSON (the `parse --format json` output). Amounts are decimal strings
 * exactly as printed (scale kept); blank cells are null. Field names are a public interface.
 */
export function documentToJson(doc: BudgetDocument): unknown {
  return {
    file: doc.source.file,
    format: doc.source.format,
    ...(doc.source.encoding ? { encoding: doc.source.encoding } : {}),
    metadata: doc.metadata,
    tables: doc.tables.map(tableToJson),
    paragraphs: doc.paragraphs.map((p) => ({
      kind: p.kind,
      ...pos(p.location),
      ...(p.section ? { section: p.section } : {}),
      text: p.text,
    })),
    issues: doc.issues,
  };
}

function pos(loc: { line?: number; column?: number; page?: number; sheet?: string; cell?: string }): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (loc.page !== undefined) out['page'] = loc.page;
  if (loc.sheet !== undefined) out['sheet'] = loc.sheet;
  if (loc.cell !== undefined) out['cell'] = loc.cell;
  if (loc.line !== undefined) out['line'] = loc.line;
  if (loc.column !== undefined) out['column'] = loc.column;
  return out;
}

function tableToJson(t: Table): unknown {
  return {
    id: t.id,
    title: t.title,
    kind: t.kind,
    unit: t.unit ?? null,
    ...(t.scheme ? { scheme: t.scheme } : {}),
    ...pos(t.location),
    parts: t.parts.map((p) => pos(p.location)),
    columns: t.columns.map((c) => ({ key: c.key, name: c.name, ...(c.side ? { side: c.side } : {}) })),
    rows: t.rows.map(rowToJson),
    notes: t.notes.map((n) => ({ ...pos(n.location), text: n.text })),
  };
}

function cellValue(c: Cell): string | null {
  return c.amount ? formatDecimal(c.amount.value, c.amount.scale) : null;
}

function rowToJson(r: Row): unknown {
  const values: Record<string, string | null> = {};
  for (const [k, c] of Object.entries(r.cells)) values[k] = cellValue(c);
  const invalid = Object.values(r.cells).filter((c) => c.invalid).map((c) => c.column);
  return {
    code: r.code ?? null,
    label: r.label ?? null,
    name: r.name,
    level: r.level ?? null,
    ...(r.side ? { side: r.side } : {}),
    ...(r.isTotal ? { total: true } : {}),
    ...pos(r.location),
    values,
    ...(invalid.length > 0 ? { invalid } : {}),
  };
}
