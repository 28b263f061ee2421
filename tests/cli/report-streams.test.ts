import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InOrder } from '../../src/cli/in-order.js';
import { Rng } from '../../src/generate/random.js';
import { LISTS_EVERY_INSTANCE } from '../../src/batch/kept-outcomes.js';
import { STREAMED_FORMATS } from '../../src/cli/report-streams.js';
import { batchFiles, batchWithBaseline, referenceReport, referenceRun, type Gathered } from './reference-reports.js';
import { cli, tmp, withTmpdir } from './support.js';

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

/** The JSON and JUnit reports as the reporters write them from gathered results, with the baseline applied and --quiet. */
function referenceReports(dir: string, gathered: Gathered, opts: { baseline?: string; quiet?: boolean }): { json: string; junit: string } {
  const run = referenceRun(dir, gathered, opts);
  return { json: referenceReport('json', run), junit: referenceReport('junit', run) };
}

describe('JSON and JUnit reports written while checking', () => {
  const { files, names } = batchFiles();

  it('are byte for byte the reports of the gathered results: stdout and files, serial and on workers, with baseline and --quiet', async () => {
    const { dir, gathered } = await batchWithBaseline();
    // the JUnit suites wait in a temporary folder, removed at the end
    const spools = mkdtempSync(join(tmpdir(), 'spools-'));
    await withTmpdir(spools, async () => {
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
    });
    expect(readdirSync(spools)).toEqual([]);
  });

  it('are the formats whose results list every rule instance, and the terminal report', () => {
    expect([...STREAMED_FORMATS].sort()).toEqual([...LISTS_EVERY_INSTANCE, 'pretty'].sort());
  });

  it('a JUnit report with no writable temporary folder is a one-line error (exit 2)', async () => {
    const dir = tmp(files);
    const run = await withTmpdir(join(dir, 'no', 'such', 'folder'), () => cli(['check', 'd1-clean.txt', '-f', 'junit'], dir));
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^budgetlint: cannot create a temporary folder for the JUnit report in .*no.such.folder \(ENOENT\); set TMPDIR to a writable folder\n/);
    expect(run.out).toBe('');
  });
});
