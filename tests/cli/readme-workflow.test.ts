import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sarifValidator } from '../reporters/support.js';
import { cli, ROOT, SEED, tmp } from './support.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

/** The ```yaml block under the README's "CI: GitHub Actions" heading. */
function workflow(): Json {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## CI: GitHub Actions'));
  const block = /```yaml\n([\s\S]*?)```/.exec(section);
  expect(block, 'README has no yaml block under "## CI: GitHub Actions"').not.toBeNull();
  return parse(block![1]!) as Json;
}

describe('the GitHub Actions workflow in the README', () => {
  const wf = workflow();
  const steps = wf.jobs.budgetlint.steps as Json[];
  const checkIndex = steps.findIndex((s) => typeof s.run === 'string' && /\bbudgetlint check\b/.test(s.run));
  const uploadIndex = steps.findIndex((s) => typeof s.uses === 'string' && s.uses.startsWith('github/codeql-action/upload-sarif@'));

  it('is a workflow that may upload to code scanning', () => {
    expect(wf.on).toHaveProperty('pull_request');
    expect(wf.permissions['security-events']).toBe('write');
    expect(wf.jobs.budgetlint['runs-on']).toMatch(/ubuntu/);
    expect(steps[0].uses).toMatch(/^actions\/checkout@v\d+$/);
    expect(steps.find((s) => String(s.uses).startsWith('actions/setup-node@'))?.with['node-version']).toBeGreaterThanOrEqual(20);
  });

  it('checks first, then uploads the SARIF file the check wrote, even when the check failed', () => {
    expect(checkIndex).toBeGreaterThan(0);
    expect(uploadIndex).toBeGreaterThan(checkIndex);
    const sarifOut = /--output sarif:(\S+)/.exec(steps[checkIndex].run);
    expect(sarifOut).not.toBeNull();
    expect(steps[uploadIndex].with.sarif_file).toBe(sarifOut![1]);
    expect(steps[uploadIndex].if).toBe('always()');
    expect(steps[checkIndex].run).toMatch(/--format github/);
  });

  it('its check command works as written and produces a valid SARIF file and the step summary', async () => {
    const args = (steps[checkIndex].run as string).replace(/^npx budgetlint /, '').split(/\s+/);
    const dir = tmp();
    mkdirSync(join(dir, 'budgets'));
    copyFileSync(SEED, join(dir, 'budgets/seed.txt'));
    const summary = join(dir, 'step-summary.md');
    const r = await cli(args, dir, { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^::error file=budgets\/seed\.txt,line=\d+/m);
    const file = join(dir, steps[uploadIndex].with.sarif_file as string);
    expect(existsSync(file)).toBe(true);
    expect(sarifValidator()(JSON.parse(readFileSync(file, 'utf8')))).toBe(true);
    expect(readFileSync(summary, 'utf8')).toMatch(/## budgetlint/);
  });
});
