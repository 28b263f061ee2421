import { BudgetlintError } from '../errors.js';
import { githubReporter } from './github.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';
import { prettyReporter } from './pretty.js';
import { sarifReporter } from './sarif.js';
import type { Reporter, RunResult } from './types.js';

export type { Reporter, ReporterOptions, RunResult } from './types.js';

/** A report that cannot be built: it would exceed what a JavaScript string can hold (exit 2). */
export class ReportTooLargeError extends BudgetlintError {}

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
      throw new ReportTooLargeError(`the ${format} report is too large to build (${runSize(run)}: ${e.message}); check fewer documents per run or turn off the rules with the most findings`);
    }
  };
}

function runSize(run: RunResult): string {
  let findings = 0;
  let instances = 0;
  for (const r of run.results) {
    findings += r.diagnostics.length;
    instances += r.outcomes.length;
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
