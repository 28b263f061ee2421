import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLinter, fatalResult } from '../../src/api.js';
import { applyBaseline } from '../../src/baseline/apply.js';
import { readBaseline } from '../../src/baseline/baseline.js';
import { InOrder } from '../../src/cli/in-order.js';
import type { DocumentResult } from '../../src/engine/diagnostic.js';
import { countSeverities } from '../../src/engine/lint.js';
import { Rng } from '../../src/generate/random.js';
import { LISTS_EVERY_INSTANCE } from '../../src/batch/kept-outcomes.js';
import { STREAMED_FORMATS } from '../../src/cli/report-streams.js';
import { jsonReporter } from '../../src/reporters/json.js';
import { junitReporter } from '../../src/reporters/junit.js';
import type { RunResult } from '../../src/reporters/types.js';
import { cli, CLEAN, ROOT, SEED, tmp } from './support.js';

describe('InOrder', () => {
  it('consumes items in index order whatever order they arrive in, one at a time', async () => {
    const rng = new Rng(7);
    for (let round = 0; round < 50; round++) {
      const n = rng.int(1, 30);
      const arrival = Array.from({ length: n }, (_, i) => i).sort(() => rng.next() - 0.5);
      const seen: number[] = [];
      let busy = false;
      const order = new InOrder<string>(async (item, index) => {
        expect(busy).toBe(false);
        busy = true;
        if (index % 3 === 0) await new Promise((r) => setTimeout(r, 0));
        seen.push(index);
        expect(item).toBe(`item ${index}`);
        busy = false;
      });
      for (const i of arrival) {
        order.put(i, `item ${i}`);
        if (rng.chance(0.3)) await Promise.resolve();
      }
      await order.done();
      expect(seen).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });

  it('stops at the first error, which done() throws (never an unhandled rejection)', async () => {
    const seen: number[] = [];
    const order = new InOrder<number>((item) => {
      if (item === 2) throw new Error('disk full');
      seen.push(item);
    });
    for (const i of [1, 0, 2, 3, 4]) order.put(i, i);
    await new Promise((r) => setTimeout(r, 10));
    await expect(order.done()).rejects.toThrow('disk full');
    expect(seen).toEqual([0, 1]);
  });
});

/** Results gathered first, in input order (the run before streaming). */
async function gatheredResults(dir: string, names: readonly string[]): Promise<{ results: DocumentResult[]; rules: ReturnType<typeof createLinter>['rules'] }> {
  const linter = createLinter({ cwd: dir, lang: 'en' });
  const results: DocumentResult[] = [];
  for (const name of names) {
    results.push(name.includes('*') ? fatalResult(name, `${name}: no documents match this pattern`) : await linter.checkFile(join(dir, name)));
  }
  return { results, rules: linter.rules };
}

/** The JSON and JUnit reports as the reporters write them from gathered results, with the baseline applied and --quiet. */
function referenceReports(dir: string, gathered: Awaited<ReturnType<typeof gatheredResults>>, opts: { baseline?: string; quiet?: boolean }): { json: string; junit: string } {
  let results = gathered.results;
  let baseline;
  if (opts.baseline) {
    const applied = applyBaseline(results, readBaseline(join(dir, opts.baseline), opts.baseline), opts.baseline);
    results = applied.results;
    baseline = applied.report;
  }
  if (opts.quiet) {
    results = results.map((r) => {
      const diagnostics = r.diagnostics.filter((d) => d.severity === 'error');
      return { ...r, diagnostics, counts: countSeverities(diagnostics) };
    });
  }
  const run: RunResult = { results, rules: gathered.rules, ...(baseline ? { baseline } : {}) };
  return { json: jsonReporter(run, { lang: 'en', color: false }), junit: junitReporter(run, { lang: 'en', color: false }) };
}

describe('JSON and JUnit reports written while checking', () => {
  // enough documents for two workers with --jobs 2; a broken file and a pattern that matches nothing
  const files: Record<string, string> = { 'bad.txt': '\u0000\u0001garbage' };
  for (let i = 0; i < 8; i++) files[i < 1 ? `d${i}-seed.txt` : `d${i}-clean.txt`] = `@${i < 1 ? SEED : CLEAN}`;
  files['d9-sums.txt'] = `@${join(ROOT, 'fixtures/table/hierarchy-sum-wanyuan-error/input.txt')}`;
  const names = ['d0-seed.txt', 'none*.txt', ...Object.keys(files).filter((n) => n !== 'd0-seed.txt')];

  it('are byte for byte the reports of the gathered results: stdout and files, serial and on workers, with baseline and --quiet', async () => {
    const dir = tmp(files);
    expect((await cli(['check', 'd0-seed.txt', '--baseline', 'bl.json', '--update-baseline', '--reason', 'known'], dir)).code).toBe(0);
    const gathered = await gatheredResults(dir, names);
    // the JUnit suites wait in a temporary folder, removed at the end
    const spools = mkdtempSync(join(tmpdir(), 'spools-'));
    const tmpdirBefore = process.env['TMPDIR'];
    process.env['TMPDIR'] = spools;
    try {
      const variants: Array<[string, string[]]> = [
        ['1', ['--baseline', 'bl.json', '--quiet']],
        ['2', ['--baseline', 'bl.json']],
      ];
      for (const [jobs, variant] of variants) {
        const label = `--jobs ${jobs} ${variant.join(' ')}`;
        const expected = referenceReports(dir, gathered, { ...(variant.includes('--baseline') ? { baseline: 'bl.json' } : {}), quiet: variant.includes('--quiet') });
        for (const format of ['json', 'junit'] as const) {
          const toStdout = await cli(['check', ...names, '-f', format, '--jobs', jobs, ...variant], dir);
          expect(toStdout.code, label).toBe(2);
          expect(toStdout.out, `${format} ${label}`).toBe(expected[format]);
        }
        const toFiles = await cli(['check', ...names, '--jobs', jobs, '-o', 'json:r1.json', '-o', 'junit:out/r.xml', '-o', 'json:out/r2.json', '-o', 'sarif:r.sarif', ...variant], dir);
        expect(toFiles.code, label).toBe(2);
        expect(readFileSync(join(dir, 'r1.json'), 'utf8'), label).toBe(expected.json);
        expect(readFileSync(join(dir, 'out/r2.json'), 'utf8'), label).toBe(expected.json);
        expect(readFileSync(join(dir, 'out/r.xml'), 'utf8'), label).toBe(expected.junit);
        if (jobs === '2') continue;
        // the terminal and SARIF reports of the same run, from what it kept, are those of a run without JSON or JUnit
        const without = await cli(['check', ...names, '--jobs', jobs, '-o', 'sarif:r0.sarif', ...variant], dir);
        expect(toFiles.out, label).toBe(without.out);
        expect(toFiles.err, label).toBe(without.err);
        expect(readFileSync(join(dir, 'r.sarif'), 'utf8'), label).toBe(readFileSync(join(dir, 'r0.sarif'), 'utf8'));
      }
    } finally {
      if (tmpdirBefore === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = tmpdirBefore;
    }
    expect(readdirSync(spools)).toEqual([]);
  });

  it('are the formats whose results list every rule instance', () => {
    expect([...STREAMED_FORMATS].sort()).toEqual([...LISTS_EVERY_INSTANCE].sort());
  });

  it('is not streamed while the baseline is updated (the new baseline suppresses its findings) and is the same report', async () => {
    const dir = tmp(files);
    const run = await cli(['check', 'd0-seed.txt', 'd2-clean.txt', '-f', 'json', '--baseline', 'bl.json', '--update-baseline', '--reason', 'known'], dir);
    expect(run.code).toBe(0);
    expect(run.out).toBe(referenceReports(dir, await gatheredResults(dir, ['d0-seed.txt', 'd2-clean.txt']), { baseline: 'bl.json' }).json);
  });

  it('a JUnit report with no writable temporary folder is a one-line error (exit 2)', async () => {
    const dir = tmp(files);
    const tmpdirBefore = process.env['TMPDIR'];
    process.env['TMPDIR'] = join(dir, 'no', 'such', 'folder');
    try {
      const run = await cli(['check', 'd1-clean.txt', '-f', 'junit'], dir);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(/^budgetlint: cannot create a temporary folder for the JUnit report in .*no.such.folder \(ENOENT\); set TMPDIR to a writable folder\n/);
      expect(run.out).toBe('');
    } finally {
      if (tmpdirBefore === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = tmpdirBefore;
    }
  });
});
