/**
 * An --update-baseline run writes its reports once the new baseline is known, from its results set
 * aside on disk (src/cli/result-spool.ts) and read back one at a time: the reports must be those of
 * the gathered results with the new baseline applied, and the temporary file must go.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createLinter, fatalResult } from '../../src/api.js';
import { packResult } from '../../src/batch/transport.js';
import { ResultSpool } from '../../src/cli/result-spool.js';
import type { DocumentResult } from '../../src/engine/diagnostic.js';
import { generateDocument } from '../../src/generate/index.js';
import { perturb } from '../../src/generate/perturb.js';
import { Rng } from '../../src/generate/random.js';
import { batchFiles, gatheredResults, referenceReport, referenceRun } from './reference-reports.js';
import { cli, SEED, tmp, withTmpdir } from './support.js';

describe('reports of an --update-baseline run', () => {
  const { files, names } = batchFiles();
  const update = ['--baseline', 'bl.json', '--update-baseline', '--reason', 'known'];

  it('are byte for byte the reports of the gathered results with the new baseline: stdout and files, serial and on workers, --quiet', async () => {
    const gathered = await gatheredResults(tmp(files), names);
    const spools = mkdtempSync(join(tmpdir(), 'spools-'));
    const variants: Array<[string, string[]]> = [
      ['1', ['--quiet', '--show-passed']],
      ['2', []],
    ];
    for (const [jobs, extra] of variants) {
      const label = `--jobs ${jobs} ${extra.join(' ')}`;
      const dir = tmp(files);
      const args = ['check', ...names, '--jobs', jobs, ...update, ...extra];
      const outputs = ['-o', 'json:r.json', '-o', 'junit:out/r.xml', '-o', 'pretty:r.txt', '-o', 'sarif:r.sarif', '-o', 'markdown:r.md'];
      const toStdout = await withTmpdir(spools, () => cli([...args, '-f', 'json', ...outputs], dir));
      expect(toStdout.code, label).toBe(2);
      expect(toStdout.err, label).toMatch(/^budgetlint: wrote bl\.json \(\d+ entries\)\n/);
      const reference = referenceRun(dir, gathered, { baseline: 'bl.json', quiet: extra.includes('--quiet') });
      const showPassed = extra.includes('--show-passed');
      expect(toStdout.out, label).toBe(referenceReport('json', reference));
      expect(readFileSync(join(dir, 'r.json'), 'utf8'), label).toBe(referenceReport('json', reference));
      expect(readFileSync(join(dir, 'out/r.xml'), 'utf8'), label).toBe(referenceReport('junit', reference));
      expect(readFileSync(join(dir, 'r.txt'), 'utf8'), label).toBe(referenceReport('pretty', reference, { showPassed }));
      expect(readFileSync(join(dir, 'r.sarif'), 'utf8'), label).toBe(referenceReport('sarif', reference));
      expect(readFileSync(join(dir, 'r.md'), 'utf8'), label).toBe(referenceReport('markdown', reference));
      // the terminal report on stdout, updating the same baseline again (nothing new: no reason needed)
      const terminal = await withTmpdir(spools, () => cli(['check', ...names, '--jobs', jobs, '--baseline', 'bl.json', '--update-baseline', ...extra], dir, { tty: true }));
      expect(terminal.out, label).toBe(referenceReport('pretty', reference, { showPassed, color: true }));
    }
    expect(readdirSync(spools)).toEqual([]);
  });

  it('leave no report behind and print nothing when the update fails', async () => {
    const dir = tmp(files);
    const run = await cli(['check', 'd0-seed.txt', '-f', 'json', '-o', 'pretty:r.txt', '--baseline', 'bl.json', '--update-baseline'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/need a reason/);
    expect(run.out).toBe('');
    expect(existsSync(join(dir, 'r.txt'))).toBe(false);
  });

  it('with no writable temporary folder: a one-line error (exit 2) before any baseline is written', async () => {
    const dir = tmp(files);
    const run = await withTmpdir(join(dir, 'no', 'such', 'folder'), () => cli(['check', 'd1-clean.txt', ...update], dir));
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^budgetlint: cannot create a temporary folder for the results of a baseline update in .*no.such.folder \(ENOENT\); set TMPDIR to a writable folder\n$/);
    expect(run.out).toBe('');
    expect(existsSync(join(dir, 'bl.json'))).toBe(false);
  });
});

describe('ResultSpool', () => {
  it('gives back each result equal to the one put (deep, key order and undefined members included), in any order', async () => {
    const full = createLinter({ config: {}, lang: 'en', cwd: process.cwd() });
    const slim = createLinter({ config: {}, lang: 'en', cwd: process.cwd(), keptOutcomes: 'not-assessable' });
    const rng = new Rng(11);
    const results: DocumentResult[] = [fatalResult('bad.txt', 'bad.txt: cannot read'), await full.checkFile(SEED)];
    for (let seed = 1; seed <= 6; seed++) {
      const doc = seed % 2 === 0 ? perturb(generateDocument(seed), 'amount', seed) : generateDocument(seed);
      results.push(await (rng.chance(0.5) ? full : slim).checkBuffer(Buffer.from(doc.text), `gen-${seed}.txt`));
    }
    // a member set to undefined must stay (a structured clone keeps it; JSON would drop it)
    const seed = results[1]!;
    results.push({ ...seed, metadata: undefined });
    // an outcome the packed form cannot carry (a line beyond 2^29) is set aside as it is
    const far = seed.outcomes.findIndex((o) => o.location !== undefined);
    results.push({ ...seed, outcomes: seed.outcomes.map((o, i) => (i === far ? { ...o, location: { ...o.location!, line: 2 ** 30 } } : o)) });
    expect(packResult(results.at(-1)!)).toBeUndefined();
    const order = results.map((_, i) => i).sort(() => rng.next() - 0.5);
    const spool = await withTmpdir(mkdtempSync(join(tmpdir(), 'spool-test-')), async () => ResultSpool.open());
    const differing: number[] = [];
    try {
      for (const i of order) spool.put(i, results[i]!);
      for (const i of [...order].reverse()) {
        const back = spool.get(i);
        if (!isDeepStrictEqual(back, results[i]) || JSON.stringify(Object.keys(back)) !== JSON.stringify(Object.keys(results[i]!)) || JSON.stringify(back) !== JSON.stringify(results[i])) differing.push(i);
      }
    } finally {
      spool.close();
    }
    expect(differing).toEqual([]);
  });
});
