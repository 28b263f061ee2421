import { readFileSync } from 'node:fs';
import type { DocumentResult } from '../../src/engine/diagnostic.js';
import { lintText } from '../support/lint.js';

/**
 * A narrative fixture with its tables: followed by the shared mini tables (fixtures/narrative/_tables.txt,
 * the Shanghai layout), or preceded by the Ministry of Finance layout's (_mof-tables.txt, as documents
 * in that layout print the tables first) for the fixtures named mof-*.
 */
export function fixtureText(name: string): string {
  const narrative = readFileSync(`fixtures/narrative/${name}`, 'utf8');
  if (name.startsWith('mof-')) return `${readFileSync('fixtures/narrative/_mof-tables.txt', 'utf8')}\n${narrative}`;
  return `${narrative}\n${readFileSync('fixtures/narrative/_tables.txt', 'utf8')}`;
}

/** Lints a narrative fixture, keeping the narrative rules only. */
export async function lintFixture(name: string): Promise<DocumentResult> {
  return lintText(fixtureText(name), ['narrative'], name);
}

/** Line of the fixture text (1-based) at which the narrative file starts. */
export function narrativeLineOffset(name: string): number {
  return name.startsWith('mof-') ? readFileSync('fixtures/narrative/_mof-tables.txt', 'utf8').split('\n').length : 0;
}

/** Findings as comparable rows: rule, message, line:column, and the data. */
export function findings(r: DocumentResult): Array<{ rule: string; id: string; at: string; data: Record<string, string | number> }> {
  return r.diagnostics.map((d) => ({ rule: d.ruleId, id: d.messageId, at: `${d.location.line}:${d.location.column}`, data: { ...d.data } }));
}

/** A rule's instances with their status, in instance order: [instance, status]. */
export function outcomesOf(r: DocumentResult, rule: string): Array<[string, string]> {
  return r.outcomes
    .filter((o) => o.ruleId === rule)
    .map((o): [string, string] => [o.instance, o.status])
    .sort();
}
