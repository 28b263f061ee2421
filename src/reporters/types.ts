import type { BaselineReport } from '../baseline/apply.js';
import type { DocumentResult } from '../engine/diagnostic.js';
import type { ResolvedRule } from '../engine/rule.js';

/** Everything a reporter may print: the results of one run, in input order. */
export interface RunResult {
  readonly results: readonly DocumentResult[];
  readonly rules: readonly ResolvedRule[];
  /** Set when the run used a baseline file. */
  readonly baseline?: BaselineReport;
}

export interface ReporterOptions {
  readonly lang: 'zh' | 'en';
  readonly color: boolean;
  /** List every rule instance with its outcome too (auditors' evidence of what was verified). */
  readonly showPassed?: boolean;
}

/** A reporter is a pure function from results to text: no I/O, no exit codes. */
export type Reporter = (run: RunResult, options: ReporterOptions) => string;

/**
 * The same text in pieces, produced while they are consumed (one per finding or rule instance, say),
 * so that a big report need not exist as one string: joined, the pieces are the Reporter's text.
 */
export type ChunkedReporter = (run: RunResult, options: ReporterOptions) => Iterable<string>;
