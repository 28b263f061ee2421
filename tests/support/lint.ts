import { createLinter, type Linter } from '../../src/api.js';
import type { DocumentResult } from '../../src/engine/diagnostic.js';
import type { BudgetDocument } from '../../src/model/document.js';
import { parseBuffer } from '../../src/parsers/index.js';

let shared: Linter | undefined;

/** The default linter (built-in rules, no config), created once per test file. */
export function defaultLinter(): Linter {
  shared ??= createLinter({ config: {}, lang: 'en' });
  return shared;
}

/** Parses a text document given as a string. */
export async function parseTextDoc(text: string, file = 'fixture.txt'): Promise<BudgetDocument> {
  return parseBuffer(new TextEncoder().encode(text), file);
}

/** Parses and checks a text document with the built-in rules; `only` keeps findings of these rule ids. */
export async function lintText(text: string, only?: readonly string[], file = 'fixture.txt'): Promise<DocumentResult> {
  const r = await defaultLinter().checkBuffer(new TextEncoder().encode(text), file);
  if (!only) return r;
  const keep = (id: string): boolean => only.some((o) => id === o || id.startsWith(`${o}/`) || (o.endsWith('/') && id.startsWith(o)));
  return { ...r, diagnostics: r.diagnostics.filter((d) => keep(d.ruleId)), outcomes: r.outcomes.filter((o) => keep(o.ruleId)) };
}

/** Compact view of findings for assertions: rule id, severity, line, row, field and selected data. */
export function brief(r: DocumentResult): Array<{ ruleId: string; severity: string; line?: number; row?: string; field?: string; messageId: string }> {
  return r.diagnostics.map((d) => ({
    ruleId: d.ruleId,
    severity: d.severity,
    messageId: d.messageId,
    ...(d.location.line !== undefined ? { line: d.location.line } : {}),
    ...(d.location.row !== undefined ? { row: d.location.row } : {}),
    ...(d.location.field !== undefined ? { field: d.location.field } : {}),
  }));
}
