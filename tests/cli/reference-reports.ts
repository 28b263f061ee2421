/**
 * The reports of a run as the reporters write them from results gathered first (the run before
 * reports were streamed): what a run that writes them while checking must match byte for byte.
 */
import { join } from 'node:path';
import { createLinter, fatalResult } from '../../src/api.js';
import { applyBaseline } from '../../src/baseline/apply.js';
import { readBaseline } from '../../src/baseline/baseline.js';
import type { DocumentResult } from '../../src/engine/diagnostic.js';
import { countSeverities } from '../../src/engine/lint.js';
import { REPORTERS } from '../../src/reporters/index.js';
import type { ReporterOptions, RunResult } from '../../src/reporters/types.js';
import { cli, CLEAN, ROOT, SEED, tmp } from './support.js';

export interface Gathered {
  readonly results: DocumentResult[];
  readonly rules: ReturnType<typeof createLinter>['rules'];
}

/**
 * A batch for streamed reports: enough documents for two workers with --jobs 2, one with findings,
 * a broken file; `names` puts a pattern that matches nothing second.
 */
export function batchFiles(): { files: Record<string, string>; names: string[] } {
  const files: Record<string, string> = { 'bad.txt': '\u0000\u0001garbage' };
  for (let i = 0; i < 8; i++) files[i < 1 ? `d${i}-seed.txt` : `d${i}-clean.txt`] = `@${i < 1 ? SEED : CLEAN}`;
  files['d9-sums.txt'] = `@${join(ROOT, 'fixtures/table/hierarchy-sum-wanyuan-error/input.txt')}`;
  return { files, names: ['d0-seed.txt', 'none*.txt', ...Object.keys(files).filter((n) => n !== 'd0-seed.txt')] };
}

/** Results gathered first, in input order (a name with `*` is a pattern that matched nothing). */
export async function gatheredResults(dir: string, names: readonly string[]): Promise<Gathered> {
  const linter = createLinter({ cwd: dir, lang: 'en' });
  const results: DocumentResult[] = [];
  for (const name of names) {
    results.push(name.includes('*') ? fatalResult(name, `${name}: no documents match this pattern`) : await linter.checkFile(join(dir, name)));
  }
  return { results, rules: linter.rules };
}

/** The run the reporters see: the baseline file (in `dir`) applied, then --quiet. */
export function referenceRun(dir: string, gathered: Gathered, opts: { baseline?: string; quiet?: boolean }): RunResult {
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
  return { results, rules: gathered.rules, ...(baseline ? { baseline } : {}) };
}

/** One report of a reference run. */
export function referenceReport(format: string, run: RunResult, options: Partial<ReporterOptions> = {}): string {
  return REPORTERS[format]!(run, { lang: 'en', color: false, ...options });
}

/** The batch in a new folder with a baseline, bl.json, of its first document's findings; and its results gathered. */
export async function batchWithBaseline(): Promise<{ dir: string; names: string[]; gathered: Gathered }> {
  const { files, names } = batchFiles();
  const dir = tmp(files);
  const update = await cli(['check', 'd0-seed.txt', '--baseline', 'bl.json', '--update-baseline', '--reason', 'known'], dir);
  if (update.code !== 0) throw new Error(`the baseline update failed: ${update.err}`);
  return { dir, names, gathered: await gatheredResults(dir, names) };
}
