import type { DiagnosticLocation, DocumentResult } from '../../src/engine/diagnostic.js';

function place(l: DiagnosticLocation): Record<string, string | undefined> {
  return { table: l.table, tableKind: l.tableKind, row: l.row, field: l.field };
}

/**
 * What must be identical between two formats of the same document: every finding's rule id,
 * message id, data and logical place (table, row, column), the same for its related values, and
 * every rule outcome (rule, status, reason, place). Physical locations (line, page, sheet, cell) are left out; sorted canonically.
 */
export function formatNeutralFindings(r: DocumentResult): { diagnostics: string[]; outcomes: string[] } {
  const diagnostics = r.diagnostics.map((d) =>
    JSON.stringify({
      ruleId: d.ruleId,
      messageId: d.messageId,
      severity: d.severity,
      data: d.data,
      at: place(d.location),
      related: d.related.map((x) => ({ label: x.label, value: x.value, unit: x.unit, at: place(x.location) })),
    }),
  );
  // instance ids may hold line numbers (a physical location), so outcomes compare by rule and status
  const outcomes = r.outcomes.map((o) => JSON.stringify({ ruleId: o.ruleId, status: o.status, reason: o.reason, at: o.location ? place(o.location) : undefined }));
  return { diagnostics: diagnostics.sort(), outcomes: outcomes.sort() };
}
