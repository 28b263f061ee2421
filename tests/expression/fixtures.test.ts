import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../../src/api.js';
import { project } from '../support/fixture-runner.js';

/**
 * fixtures/expression/<case>/: input.txt, expected.json {description, ruleFiles (relative to the case),
 * diagnostics, outcomes}. The scope is every rule of the case's rule files; findings of those rules
 * must match exactly, and every listed outcome (rule id#instance → status) must hold.
 * UPDATE_FIXTURES=1 rewrites the diagnostics (review the diff before committing).
 */
interface Case {
  description: string;
  ruleFiles: string[];
  diagnostics: unknown[];
  outcomes: Record<string, string>;
}

const ROOT = 'fixtures/expression';
const cases = readdirSync(ROOT).filter((c) => existsSync(join(ROOT, c, 'expected.json'))).sort();

describe('expression fixtures (user rule files, end to end)', () => {
  it('has fixtures', () => expect(cases.length).toBeGreaterThan(0));
  for (const c of cases) {
    const dir = join(ROOT, c);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Case;
    it(`${c}: ${expected.description}`, async () => {
      const ruleFiles = expected.ruleFiles.map((f) => resolve(dir, f));
      const linter = createLinter({ config: {}, ruleFiles, lang: 'en' });
      const scope = ruleFiles.flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as { rules: Array<{ id: string }> }).rules.map((r) => r.id));
      expect(scope.length).toBeGreaterThan(0);
      const file = join(dir, 'input.txt').split('\\').join('/');
      const result = await linter.checkBuffer(readFileSync(file), file);
      expect(result.fatal).toBeUndefined();
      const actual = project(result, scope);
      const outcomes = Object.fromEntries(result.outcomes.filter((o) => scope.includes(o.ruleId)).map((o) => [`${o.ruleId}#${o.instance}`, o.status]));
      if (process.env['UPDATE_FIXTURES'] === '1') {
        writeFileSync(join(dir, 'expected.json'), `${JSON.stringify({ ...expected, diagnostics: actual, outcomes }, null, 2)}\n`);
        return;
      }
      expect(actual).toEqual(expected.diagnostics);
      expect(outcomes).toEqual(expected.outcomes);
    });
  }
});
