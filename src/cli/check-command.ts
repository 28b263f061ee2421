import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createLinter, displayPath, fatalResult } from '../api.js';
import type { BaselineReport } from '../baseline/apply.js';
import type { DocumentResult } from '../engine/diagnostic.js';
import { countSeverities } from '../engine/lint.js';
import { UsageError } from '../errors.js';
import { CHUNKED_REPORTERS, loadColor, type RunResult } from '../reporters/index.js';
import { keptOutcomesFor, retainedResult } from '../batch/kept-outcomes.js';
import { checkFiles } from './check-files.js';
import { exitCodeFor } from './exit-code.js';
import { REPORT_FORMATS } from './formats.js';
import { resolveInputs } from './inputs.js';
import { localeLang, useColor, writeChunks, type CliIo } from './io.js';
import { parseOutputSpec, writeReport, type OutputSpec } from './outputs.js';
import { ReportStreams, STREAMED_FORMATS } from './report-streams.js';
import { progressOnStderr } from './progress.js';

/** Options of `budgetlint check` as commander parses them. */
export interface CheckOptions {
  format: string;
  output?: string[];
  config?: string;
  ruleFile?: string[];
  catalog?: string[];
  lang?: 'zh' | 'en';
  quiet?: boolean;
  maxWarnings?: number;
  showPassed?: boolean;
  baseline?: string;
  updateBaseline?: boolean;
  reason?: string;
  debug?: boolean;
  narrative?: string;
  /** Worker threads for checking many documents (default: number of cores), as written; checked by parseJobs. */
  jobs?: string;
}

/** Keeps error-level findings only (--quiet) and recounts. */
function errorsOnly(r: DocumentResult): DocumentResult {
  const diagnostics = r.diagnostics.filter((d) => d.severity === 'error');
  return { ...r, diagnostics, counts: countSeverities(diagnostics) };
}

/**
 * `budgetlint check`: expands the inputs, checks every document (a bad one gets its own fatal
 * result), applies or updates the baseline, writes the --format report to stdout and each
 * --output report to its file, and returns the exit code (0 / 1 / 2, see exit-code.ts).
 */
export async function runCheck(files: readonly string[], opts: CheckOptions, io: CliIo): Promise<number> {
  // the worker pool is loaded only when --jobs is given or there are several documents
  const pool = (): Promise<typeof import('../batch/pool.js')> => import('../batch/pool.js');
  const jobs = opts.jobs !== undefined ? (await pool()).parseJobs(opts.jobs) : undefined;
  const outputs = (opts.output ?? []).map((o) => parseOutputSpec(o, REPORT_FORMATS));
  if (opts.updateBaseline && !opts.baseline) throw new UsageError('--update-baseline needs --baseline FILE (the file to write)');
  if (opts.reason !== undefined && !opts.updateBaseline) throw new UsageError('--reason is only used with --update-baseline');
  const lang = opts.lang ?? localeLang(io.env);
  // only the JSON and JUnit reports (and --show-passed) list every rule instance: for the others the
  // results list just the not-assessable ones, so a big batch does not hold a thousand per document
  const keptOutcomes = keptOutcomesFor([opts.format, ...outputs.map((o) => o.format)], opts.showPassed ?? false);
  const linterOptions = {
    cwd: io.cwd,
    keptOutcomes,
    lang,
    ...(opts.config ? { configPath: opts.config } : {}),
    // rule files as given (read relative to cwd), so that messages name them as the user wrote them
    ...(opts.ruleFile ? { ruleFiles: opts.ruleFile } : {}),
    ...(opts.catalog ? { catalogFiles: opts.catalog.map((f) => resolve(io.cwd, f)) } : {}),
  };
  const linter = createLinter(linterOptions);
  const inputs = await resolveInputs(files, io.cwd);
  const paths = inputs.flatMap((i) => ('path' in i ? [i.path] : []));
  if (inputs.length === 0) throw new UsageError('no documents found in the given folders');
  if (opts.narrative !== undefined && paths.length !== 1) throw new UsageError('--narrative needs exactly one workbook, CSV file or CSV folder');
  const fileOptions = opts.narrative !== undefined ? { narrative: resolve(io.cwd, opts.narrative) } : undefined;
  const shown = (p: string): string => displayPath(p, io.cwd);
  const progress = progressOnStderr(io, paths.length, shown);

  // a baseline that is only applied is read first, so that each result is final when it arrives
  let baseline: BaselineReport | undefined;
  const applier = opts.baseline && !opts.updateBaseline ? await baselineApplierFor(opts.baseline, io.cwd) : undefined;
  // the JSON and JUnit reports are written while the documents are checked (not when the baseline
  // is being updated: its findings are suppressed by the new baseline, known only at the end)
  const streamStdout = !opts.updateBaseline && STREAMED_FORMATS.has(opts.format);
  const streamedFiles = opts.updateBaseline ? [] : outputs.filter((o) => STREAMED_FORMATS.has(o.format));
  const laterOutputs = outputs.filter((o) => !streamedFiles.includes(o));
  const stream = ReportStreams.open(io.stdout, streamStdout ? opts.format : undefined, streamedFiles, io.cwd, lang);
  try {
    // what the run keeps of each result: what the reports written at the end need
    const kept = stream ? keptOutcomesFor([...(streamStdout ? [] : [opts.format]), ...laterOutputs.map((o) => o.format)], opts.showPassed ?? false) : keptOutcomes;
    // input index of each path (a pattern that matched nothing has an index and a fatal result of its own)
    const inputIndex: number[] = [];
    const unmatched = new Map<number, DocumentResult>();
    inputs.forEach((input, i) => {
      if ('path' in input) inputIndex.push(i);
      else unmatched.set(i, fatalResult(input.unmatched, `${input.unmatched}: no documents match this pattern`));
    });
    await stream?.start();
    for (const [i, r] of unmatched) stream?.put(i, r);
    const keep = (result: DocumentResult, pathIndex: number): DocumentResult => {
      const final = applier ? applier.apply(result) : result;
      stream?.put(inputIndex[pathIndex]!, opts.quiet ? errorsOnly(final) : final);
      return retainedResult(final, kept);
    };
    const loop = {
      displayName: shown,
      keep,
      ...(progress ? { onProgress: progress.onProgress } : {}),
      onCrash: (e: unknown) => {
        if (opts.debug && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
      },
    };
    // worker threads for large batches (same results, same order); small ones run in this thread
    const checked =
      (paths.length > 1 ? await (await pool()).checkInWorkers(paths, { ...loop, linterOptions, ...(fileOptions ? { fileOptions } : {}), ...(jobs ? { jobs } : {}) }) : undefined) ??
      (await checkFiles(paths, (p) => linter.checkFile(p, fileOptions), loop));
    progress?.done();
    // results in input order
    let k = 0;
    let results: DocumentResult[] = inputs.map((_, i) => unmatched.get(i) ?? checked[k++]!);

    if (applier) baseline = applier.report(results);
    else if (opts.baseline) ({ results, baseline } = await updateBaseline(results, opts.baseline, opts.reason, io));

    const exitCode = exitCodeFor(results, opts.maxWarnings);
    const shownResults = opts.quiet ? results.map(errorsOnly) : results;
    const runResult: RunResult = { results: shownResults, rules: linter.rules, ...(baseline ? { baseline } : {}) };
    for (const r of results) if (r.fatal) io.stderr.write(`budgetlint: ${r.fatal.message}\n`);
    if (baseline && baseline.stale.length > 0 && opts.format !== 'pretty') {
      io.stderr.write(`budgetlint: ${baseline.file}: ${baseline.stale.length} stale baseline entries (they no longer match a finding)\n`);
    }
    await stream?.finish(shownResults, baseline);
    await writeReports(runResult, streamStdout ? undefined : opts.format, laterOutputs);
    return exitCode;
  } finally {
    stream?.close();
  }

  /** The reports written once every document is checked: stdout's (unless it was streamed), the --output files, GitHub's step summary. */
  async function writeReports(runResult: RunResult, stdoutFormat: string | undefined, files: readonly OutputSpec[]): Promise<void> {
    // each report is written in pieces as they are built (a big run's JSON, SARIF or JUnit report is
    // never one string); chalk is loaded only for a coloured terminal report
    const render = (format: string, color: boolean): Iterable<string> =>
      CHUNKED_REPORTERS[format]!(runResult, { lang, color, ...(opts.showPassed ? { showPassed: true } : {}) });
    const color = stdoutFormat === 'pretty' && useColor(io);
    if (color) await loadColor();
    if (stdoutFormat !== undefined) await writeChunks(io.stdout, render(stdoutFormat, color));
    for (const o of files) writeReport(io.cwd, o.file, render(o.format, false));
    // GitHub shows only the first annotations: the step summary carries the full counts
    const summaryFile = io.env['GITHUB_STEP_SUMMARY'];
    if (summaryFile && (opts.format === 'github' || outputs.some((o) => o.format === 'github'))) {
      writeReport(io.cwd, summaryFile, render('markdown', false), true);
    }
  }
}

/** Applies the baseline file `file` (as given; read relative to `cwd`) to results one at a time. */
async function baselineApplierFor(file: string, cwd: string): Promise<ReturnType<typeof import('../baseline/apply.js').baselineApplier>> {
  const [{ baselineApplier }, { readBaseline }] = await Promise.all([import('../baseline/apply.js'), import('../baseline/baseline.js')]);
  return baselineApplier(readBaseline(resolve(cwd, file), file), file);
}

/** --update-baseline: writes the baseline of these results' findings (merged with the file's), then applies it. */
async function updateBaseline(results: readonly DocumentResult[], file: string, reason: string | undefined, io: CliIo): Promise<{ results: DocumentResult[]; baseline: BaselineReport }> {
  const [{ applyBaseline }, { readBaseline, writeBaseline }, { updatedBaseline }] = await Promise.all([
    import('../baseline/apply.js'),
    import('../baseline/baseline.js'),
    import('../baseline/update.js'),
  ]);
  const abs = resolve(io.cwd, file);
  const previous = existsSync(abs) ? readBaseline(abs, file) : undefined;
  const data = updatedBaseline(previous, results, reason);
  writeBaseline(abs, data);
  io.stderr.write(`budgetlint: wrote ${file} (${data.entries.length} entries)\n`);
  const applied = applyBaseline(results, data, file);
  return { results: applied.results, baseline: applied.report };
}
