import { BudgetlintError } from '../errors.js';
import { githubReporter } from './github.js';
import { jsonChunkedReporter, jsonReporter } from './json.js';
import { junitChunkedReporter, junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';
import { prettyChunkedReporter, prettyReporter } from './pretty.js';
import { sarifChunkedReporter, sarifReporter } from './sarif.js';
import type { ChunkedReporter, Reporter, RunResult } from './types.js';

export { loadColor } from './color.js';
export type { ChunkedReporter, Reporter, ReporterOptions, RunResult } from './types.js';

/** A report that cannot be built: it would exceed what a JavaScript string can hold (exit 2). */
export class ReportTooLargeError extends BudgetlintError {}

function tooLarge(format: string, run: RunResult, e: RangeError): ReportTooLargeError {
  return new ReportTooLargeError(`the ${format} report is too large to build (${runSize(run)}: ${e.message}); check fewer documents per run or turn off the rules with the most findings`);
}

/**
 * A reporter that never dies with a bare RangeError: V8 strings hold at most about 512 MiB, and a run
 * with millions of findings and rule instances can exceed that (or the call stack, when spread). The
 * error becomes one line naming the format and the size of the run (exit 2), instead of "internal
 * error: Invalid string length".
 */
export function guardedReporter(format: string, reporter: Reporter): Reporter {
  return (run, options) => {
    try {
      return reporter(run, options);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      throw tooLarge(format, run, e);
    }
  };
}

/** The same guard for a report written in pieces (a piece that cannot be built is that error). */
export function guardedChunkedReporter(format: string, reporter: ChunkedReporter): ChunkedReporter {
  return function* (run, options) {
    try {
      yield* reporter(run, options);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      throw tooLarge(format, run, e);
    }
  };
}

function runSize(run: RunResult): string {
  let findings = 0;
  let instances = 0;
  for (const r of run.results) {
    findings += r.diagnostics.length;
    instances += r.summary.run;
  }
  const docs = run.results.length;
  return `${docs} ${docs === 1 ? 'document' : 'documents'}, ${findings} findings, ${instances} rule instances`;
}

/** Output format name → reporter; the source of the CLI's --format and --output choices. */
export const REPORTERS: Readonly<Record<string, Reporter>> = {
  github: guardedReporter('github', githubReporter),
  json: guardedReporter('json', jsonReporter),
  junit: guardedReporter('junit', junitReporter),
  markdown: guardedReporter('markdown', markdownReporter),
  pretty: guardedReporter('pretty', prettyReporter),
  sarif: guardedReporter('sarif', sarifReporter),
};

/** A reporter whose text is one piece (the formats that stay small: GitHub, Markdown). */
const whole =
  (reporter: Reporter): ChunkedReporter =>
  (run, options) => [reporter(run, options)];

/**
 * Output format name → the report in pieces, as the CLI writes it (the same keys and, joined, the
 * same text as REPORTERS): JSON, SARIF and JUnit come one finding or rule instance at a time, the
 * terminal report one document at a time, so that a big run's report never exists as one string;
 * the others are one piece.
 */
export const CHUNKED_REPORTERS: Readonly<Record<string, ChunkedReporter>> = {
  github: whole(REPORTERS['github']!),
  json: guardedChunkedReporter('json', jsonChunkedReporter),
  junit: guardedChunkedReporter('junit', junitChunkedReporter),
  markdown: whole(REPORTERS['markdown']!),
  pretty: guardedChunkedReporter('pretty', prettyChunkedReporter),
  sarif: guardedChunkedReporter('sarif', sarifChunkedReporter),
};
