/**
 * Determinism (issue 9): the same input gives byte-identical machine output across runs, across
 * --jobs values (worker threads vs serial) and whatever form the input path is given in.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinter, displayPath } from '../../src/api.js';
import { checkFiles, workerCount, workerScript } from '../../src/batch/pool.js';
import { run } from '../../src/cli/run.js';
import { generateDocument } from '../../src/generate/index.js';
import { perturb } from '../../src/generate/perturb.js';
import { REPORTERS } from '../../src/reporters/index.js';

let dir: string;
let files: string[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'budgetlint-determinism-'));
  mkdirSync(join(dir, 'docs'));
  files = [];
  for (let i = 0; i < 6; i++) {
    const doc = generateDocument(1000 + i);
    // every other document carries a planted error, so the output has findings to order
    const text = i % 2 === 0 ? doc.text : perturb(doc, i % 4 === 1 ? 'amount' : 'row-drop', i).text;
    const name = join(dir, 'docs', `doc-${String(i).padStart(2, '0')}.txt`);
    writeFileSync(name, text);
    files.push(name);
  }
  writeFileSync(join(dir, 'docs', 'doc-06.txt'), readFileSync(new URL('../../fixtures/seed/input.txt', import.meta.url)));
  writeFileSync(join(dir, 'docs', 'doc-07.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255]));
  files.push(join(dir, 'docs', 'doc-06.txt'), join(dir, 'docs', 'doc-07.txt'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], cwd = dir): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(['node', 'budgetlint', ...args], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: { NO_COLOR: '1' },
    cwd,
  });
  return { code, stdout, stderr };
}

describe('determinism', () => {
  const formats = ['json', 'sarif'].filter((f) => f in REPORTERS);

  for (const format of formats) {
    it(`gives byte-identical ${format} output across runs`, async () => {
      const a = await cli(['check', '-f', format, '--jobs', '1', 'docs']);
      const b = await cli(['check', '-f', format, '--jobs', '1', 'docs']);
      expect(a.code).toBe(2); // the binary file is unreadable
      expect(a.stdout.length).toBeGreaterThan(1000);
      expect(b.stdout).toBe(a.stdout);
      expect(b.stderr).toBe(a.stderr);
    });
  }

  it('gives the same results serially and on worker threads, in input order', async () => {
    expect(workerScript(), 'the worker script is missing: run `npm run build` first').toBeDefined();
    expect(workerCount(files.length, 2)).toBe(2);
    expect(workerCount(files.length, 1)).toBe(0);
    const linterOptions = { config: {}, lang: 'en' as const, cwd: dir };
    const linter = createLinter(linterOptions);
    const serial = await checkFiles(linter, files, { jobs: 1, linterOptions });
    const two = await checkFiles(linter, files, { jobs: 2, linterOptions, displayName: (p) => displayPath(p, dir) });
    expect(serial.map((r) => r.file)).toEqual(files.map((f) => displayPath(f, dir)));
    expect(serial.filter((r) => r.counts.error > 0).length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(two)).toBe(JSON.stringify(serial));
  });

  it('gives byte-identical CLI output with --jobs 1 and --jobs 2', async () => {
    const one = await cli(['check', '-f', 'json', '--jobs', '1', 'docs']);
    const two = await cli(['check', '-f', 'json', '--jobs', '2', 'docs']);
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    expect((await cli(['check', '--jobs', '0', 'docs'])).code).toBe(2);
  });

  it('names files the same way whatever form the path is given in', async () => {
    const rel = await cli(['check', '-f', 'json', 'docs/doc-00.txt']);
    const dotted = await cli(['check', '-f', 'json', './docs/../docs/doc-00.txt']);
    const absolute = await cli(['check', '-f', 'json', join(dir, 'docs', 'doc-00.txt')]);
    expect(dotted.stdout).toBe(rel.stdout);
    expect(absolute.stdout).toBe(rel.stdout);
    expect(JSON.parse(rel.stdout).results[0].file).toBe('docs/doc-00.txt');
    // Windows separators in a displayed path become '/', as in every location and machine format
    expect(displayPath(join(dir, 'docs\\sub\\doc.txt'), dir)).toBe('docs/sub/doc.txt');
  });
});
