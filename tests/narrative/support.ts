import { readFileSync } from 'node:fs';
import type { DocumentResult } from '../../src/engine/diagnostic.js';
import { lintText } from '../support/lint.js';

/** A narrative fixture followed by the shared mini tables (fixtures/narrative/_tables.txt). */
export function fixtureText(name: string): string {
  return `${readFileSync(`fixtures/narrative/${name}`, 'utf8')}\n${readFileSync('fixtures/narrative/_tables.txt', 'utf8')}`;
}

/** Lints a narrative fixture, keeping the narrative rules only. */
export async function lintFixture(name: string): Promise<DocumentResult> {
  return lintText(fixtureText(name), ['narrative'], name);
}

/** Findings as comparable rows: rule, message, line:column, and the data. */
export function findings(r: DocumentResult): Array<{ rule: string; id: string; at: string; data: Record<string, string | number> }> {
  return r.diagnostics.map((d) => ({ rule: d.ruleId, id: d.messageId, at: `${d.location.line}:${d.location.column}`, data: { ...d.data } }));
}
