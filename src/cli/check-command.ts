import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createLinter, displayPath, fatalResult } from '../api.js';
import type { BaselineReport } from '../baseline/apply.js';
import type { DocumentResult } from '../engine/diagnostic.js';
import { RuleTiming, timingLimit } from '../engine/rule-timing.js';
import { UsageError } from '../errors.js';
import { CHUNKED_REPORTERS, loadColor, type ReporterOptions, type RunResult } from '../reporters/index.js';
import { keptOutcomesFor, retainedResult, retentionFor } from '../batch/kept-outcomes.js';
import { checkFiles } from './check-files.js';
import { exitCodeFor } from './exit-code.js';
import { REPORT_FORMATS } from './formats.js';
import { resolveInputs } from './inputs.js';
import { localeLang, useColor, writeChunks, type CliIo } from './io.js';
import { parseOutputSpec, writeReport, type OutputSpec } from './outputs.js';
import { ReportStreams, STREAMED_FORMATS } from './report-streams.js';
import { progressOnStderr } from './progress.js';
import { ResultSpool } from './result-spool.js';

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

/**
 * Keeps error-level findings only (--quiet), and of the counts the errors: the result's own count of
 * its unsuppressed errors, not a recount (a result kept for its totals lists no finding).
 */
function errorsOnly(r: DocumentResult): DocumentResult {
  const diagnostics = r.diagnostics.filter((d) => d.severity === 'error');
  return { ...r, diagnostics, counts: { error: r.counts.error, warning: 0, info: 0 } };
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
  // TIMING (as ESLint reads it): each rule's time, printed on stderr at the end; the documents are
  // then checked in this thread, where one clock times every rule
  const timingRows = timingLimit(io.env['TIMING']);
  const timing = timingRows !== undefined ? new RuleTiming() : undefined;
  const linter = createLinter(timing ? { ...linterOptions, timing } : linterOptions);
  const inputs = await resolveInputs(files, io.cwd);
  const paths = inputs.flatMap((i) => ('path' in i ? [i.path] : []));
  if (inputs.length === 0) throw new UsageError('no documents found in the given folders');
  if (opts.narrative !== undefined && paths.length !== 1) throw new UsageError('--narrative needs exactly one workbook, CSV file or CSV folder');
  const fileOptions = opts.narrative !== undefined ? { narrative: resolve(io.cwd, opts.narrative) } : undefined;
  const shown = (p: string): string => displayPath(p, io.cwd);
  const progress = progressOnStderr(io, paths.length, shown);

  // a baseline that is only applied is read first, so that each result is final when it arrives
  let baseline: BaselineReport | undefined;
  let applier = opts.baseline && !opts.updateBaseline ? await baselineApplierFor(opts.baseline, io.cwd) : undefined;
  // the JSON, JUnit and terminal reports are written while the documents are checked, or, when the
  // baseline is updated (its findings are suppressed by the new baseline, known only at the end),
  // from the results set aside on disk once the baseline is written
  const streamStdout = STREAMED_FORMATS.has(opts.format);
  const streamedFiles = outputs.filter((o) => STREAMED_FORMATS.has(o.format));
  const laterOutputs = outputs.filter((o) => !streamedFiles.includes(o));
  // chalk is loaded only for a coloured terminal report
  const color = opts.format === 'pretty' && useColor(io);
  if (color) await loadColor();
  const reporterOptions: ReporterOptions = { lang, color, ...(opts.showPassed ? { showPassed: true } : {}) };
  const openStreams = (): ReportStreams | undefined => ReportStreams.open(io.stdout, streamStdout ? opts.format : undefined, streamedFiles, io.cwd, reporterOptions, progress);
  // an update run opens its reports once the baseline is written: a failed update leaves none behind
  let stream = opts.updateBaseline ? undefined : openStreams();
  let spool: ResultSpool | undefined;
  try {
    spool = opts.updateBaseline ? ResultSpool.open() : undefined;
    // what the run keeps of each result: what the reports written at the end need
    // (an update keeps the findings: the new baseline is made from them)
    const kept = retentionFor([...(streamStdout ? [] : [opts.format]), ...laterOutputs.map((o) => o.format)], opts.showPassed ?? false, spool !== undefined);
    // input index of each path (a pattern that matched nothing has an index and a fatal result of its own)
    const inputIndex: number[] = [];
    const unmatched = new Map<number, DocumentResult>();
    inputs.forEach((input, i) => {
      if ('path' in input) inputIndex.push(i);
      else unmatched.set(i, fatalResult(input.unmatched, `${input.unmatched}: no documents match this pattern`));
    });
    const startStreams = async (): Promise<void> => {
      await stream?.start();
      for (const [i, r] of unmatched) stream?.put(i, r);
    };
    /**
     * Applies the baseline to the result of the input at `index`, hands it to the streamed reports,
     * and returns what the run keeps of it (`copied`: see retainedResult).
     */
    const report = (result: DocumentResult, index: number, copied: boolean): DocumentResult => {
      const final = applier ? applier.apply(result) : result;
      stream?.put(index, opts.quiet ? errorsOnly(final) : final);
      return retainedResult(final, kept, copied);
    };
    await startStreams();
    const keep = spool
      ? (result: DocumentResult, pathIndex: number, copied: boolean): DocumentResult => {
          spool!.put(pathIndex, result);
          return retainedResult(result, kept, copied);
        }
      : (result: DocumentResult, pathIndex: number, copied: boolean): DocumentResult => report(result, inputIndex[pathIndex]!, copied);
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
      (paths.length > 1 && !timing ? await (await pool()).checkInWorkers(paths, { ...loop, linterOptions, ...(fileOptions ? { fileOptions } : {}), ...(jobs ? { jobs } : {}) }) : undefined) ??
      (await checkFiles(paths, (p) => linter.checkFile(p, fileOptions), loop));
    progress?.done();
    // results in input order
    let k = 0;
    let results: DocumentResult[] = inputs.map((_, i) => unmatched.get(i) ?? checked[k++]!);

    if (spool) {
      // the new baseline is written: the rest is a run that applies it, to the results read back one at a time
      applier = await updateBaseline(results, opts.baseline!, opts.reason, io);
      stream = openStreams();
      await startStreams();
      results = [];
      for (let i = 0, p = 0; i < inputs.length; i++) {
        results.push(unmatched.get(i) ?? report(spool.get(p++), i, true));
        await stream?.written();
      }
    }
    if (applier) baseline = applier.report(results);

    const exitCode = exitCodeFor(results, opts.maxWarnings);
    const shownResults = opts.quiet ? results.map(errorsOnly) : results;
    const runResult: RunResult = { results: shownResults, rules: linter.rules, ...(baseline ? { baseline } : {}) };
    for (const r of results) if (r.fatal) io.stderr.write(`budgetlint: ${r.fatal.message}\n`);
    if (baseline && baseline.stale.length > 0 && opts.format !== 'pretty') {
      io.stderr.write(`budgetlint: ${baseline.file}: ${baseline.stale.length} stale baseline entries (they no longer match a finding)\n`);
    }
    await stream?.finish(shownResults, baseline);
    await writeReports(runResult, streamStdout ? undefined : opts.format, laterOutputs);
    if (timing) io.stderr.write(timing.format(timingRows!));
    return exitCode;
  } finally {
    stream?.close();
    spool?.close();
  }

  /** The reports written once every document is checked: stdout's (unless it was streamed), the --output files, GitHub's step summary. */
  async function writeReports(runResult: RunResult, stdoutFormat: string | undefined, files: readonly OutputSpec[]): Promise<void> {
    // each report is written in pieces as they are built (a big run's SARIF report is never one string)
    const render = (format: string, color: boolean): Iterable<string> => CHUNKED_REPORTERS[format]!(runResult, { ...reporterOptions, color });
    if (stdoutFormat !== undefined) await writeChunks(io.stdout, render(stdoutFormat, color));
    for (const o of files) writeReport(io.cwd, o.file, render(o.format, false));
    // GitHub shows only the first annotations: the step summary carries the full counts
    const summaryFile = io.env['GITHUB_STEP_SUMMARY'];
    if (summaryFile && (opts.format === 'github' || outputs.some((o) => o.format === 'github'))) {
      writeReport(io.cwd, summaryFile, render('markdown', false), true);
    }
  }
}

type BaselineApplier = ReturnType<typeof import('../baseline/apply.js').baselineApplier>;

/** Applies the baseline file `file` (as given; read relative to `cwd`) to results one at a time. */
async function baselineApplierFor(file: string, cwd: string): Promise<BaselineApplier> {
  const [{ baselineApplier }, { readBaseline }] = await Promise.all([import('../baseline/apply.js'), import('../baseline/baseline.js')]);
  return baselineApplier(readBaseline(resolve(cwd, file), file), file);
}

/** --update-baseline: writes the baseline of these results' findings (merged with the file's) and returns what applies it. */
async function updateBaseline(results: readonly DocumentResult[], file: string, reason: string | undefined, io: CliIo): Promise<BaselineApplier> {
  const [{ baselineApplier }, { readBaseline, writeBaseline }, { updatedBaseline }] = await Promise.all([
    import('../baseline/apply.js'),
    import('../baseline/baseline.js'),
    import('../baseline/update.js'),
  ]);
  const abs = resolve(io.cwd, file);
  const previous = existsSync(abs) ? readBaseline(abs, file) : undefined;
  const data = updatedBaseline(previous, results, reason);
  writeBaseline(abs, data);
  io.stderr.write(`budgetlint: wrote ${file} (${data.entries.length} entries)\n`);
  return baselineApplier(data, file);
}
