import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { DocumentResult } from '../../src/engine/diagnostic.js';
import { defaultLinter } from './lint.js';

/**
 * Fixture format: fixtures/<group>/<case>/input.txt and expected.json
 * {description, scope: [rule ids], diagnostics: [{ruleId, severity, messageId, line, row, field, data}]}.
 * Only findings of the rules in `scope` are compared; the list must match exactly, in order.
 * UPDATE_FIXTURES=1 rewrites the diagnostics (review the diff before committing).
 */
export interface Expected {
  description: string;
  scope: string[];
  diagnostics: unknown[];
  /** Rule instances that must end as not assessable / not applicable (rule id + instance). */
  outcomes?: Record<string, string>;
}

export function project(r: DocumentResult, scope: readonly string[]): unknown[] {
  return r.diagnostics
    .filter((d) => scope.includes(d.ruleId))
    .map((d) => ({
      ruleId: d.ruleId,
      severity: d.severity,
      messageId: d.messageId,
      line: d.location.line ?? null,
      row: d.location.row ?? null,
      field: d.location.field ?? null,
      data: d.data,
    }));
}

/** Declares one test per fixture folder under fixtures/<group>. */
export function fixtureTests(group: string): void {
  const root = join('fixtures', group);
  const cases = readdirSync(root).filter((c) => existsSync(join(root, c, 'expected.json'))).sort();
  it('has fixtures', () => expect(cases.length).toBeGreaterThan(0));
  for (const c of cases) {
    const dir = join(root, c);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
    it(`${group}/${c}: ${expected.description}`, async () => {
      const file = join(dir, 'input.txt').split('\\').join('/');
      const result = await defaultLinter().checkBuffer(readFileSync(file), file);
      expect(result.fatal).toBeUndefined();
      const actual = project(result, expected.scope);
      if (process.env['UPDATE_FIXTURES'] === '1') {
        writeFileSync(join(dir, 'expected.json'), `${JSON.stringify({ ...expected, diagnostics: actual }, null, 2)}\n`);
        return;
      }
      expect(actual).toEqual(expected.diagnostics);
      // every scoped rule actually ran on the fixture (no silent skip)
      for (const id of expected.scope) expect(result.outcomes.some((o) => o.ruleId === id), `rule ${id} ran`).toBe(true);
      for (const [key, status] of Object.entries(expected.outcomes ?? {})) {
        const [ruleId, instance] = key.split('#');
        expect(result.outcomes.find((o) => o.ruleId === ruleId && o.instance === instance)?.status, key).toBe(status);
      }
    });
  }
}
