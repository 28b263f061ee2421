import type { DocumentResult, OutcomeSummary, SeverityCounts } from '../engine/diagnostic.js';

/** Whole-run figures: the per-document summaries and counts added up. */
export interface RunTotals {
  readonly documents: number;
  /** Documents that could not be read or parsed. */
  readonly fatal: number;
  readonly summary: OutcomeSummary;
  readonly counts: SeverityCounts;
  /** Findings a baseline suppressed (not in `counts`). */
  readonly suppressed: number;
}

export function runTotals(results: readonly DocumentResult[]): RunTotals {
  const summary = { run: 0, passed: 0, failed: 0, notApplicable: 0, notAssessable: 0 };
  const counts = { error: 0, warning: 0, info: 0 };
  let fatal = 0;
  let suppressed = 0;
  for (const r of results) {
    if (r.fatal) fatal++;
    summary.run += r.summary.run;
    summary.passed += r.summary.passed;
    summary.failed += r.summary.failed;
    summary.notApplicable += r.summary.notApplicable;
    summary.notAssessable += r.summary.notAssessable;
    counts.error += r.counts.error;
    counts.warning += r.counts.warning;
    counts.info += r.counts.info;
    suppressed += suppressedCount(r);
  }
  return { documents: results.length, fatal, summary, counts, suppressed };
}

export function suppressedCount(r: DocumentResult): number {
  return r.diagnostics.reduce((n, d) => n + (d.suppressed ? 1 : 0), 0);
}
