import type { KeptOutcomes } from '../engine/define-check.js';
import type { DocumentResult } from '../engine/diagnostic.js';

export type { KeptOutcomes } from '../engine/define-check.js';

/**
 * Which rule outcomes a run's results list. A document has about a thousand rule instances; only the
 * JSON and JUnit reports (and `--show-passed`) list them all. The other reports show the
 * not-assessable ones and the counts (the result's summary counts every instance), so a batch for
 * them keeps just those and its memory no longer grows by every passed instance of every document
 * (≈ 0.3 MB per generated document before). The CLI writes the reports that list them all (and the
 * terminal report) while checking (src/cli/report-streams.ts), so its batches keep just those too:
 * the linter lists every outcome, the stream writes them, the batch keeps the retainedResult.
 */
export const LISTS_EVERY_INSTANCE: ReadonlySet<string> = new Set(['json', 'junit']);

/** What a run writing `formats` needs its results to list (pretty lists every instance with --show-passed). */
export function keptOutcomesFor(formats: readonly string[], showPassed: boolean): KeptOutcomes {
  return formats.some((f) => LISTS_EVERY_INSTANCE.has(f) || (showPassed && f === 'pretty')) ? 'all' : 'not-assessable';
}

/**
 * What a run keeps of each result until the end: the outcomes its last reports list (KeptOutcomes),
 * or, when every report was written while checking and nothing else reads the findings at the end,
 * just the figures the end needs (`totals`: exit code, the report's total line, unreadable files).
 */
export type Retention = KeptOutcomes | 'totals';

/**
 * The retention of a run whose reports written at the end have `formats` (empty: all written while
 * checking); `findingsReadAtEnd`: something else needs every finding then (a baseline update).
 */
export function retentionFor(formats: readonly string[], showPassed: boolean, findingsReadAtEnd: boolean): Retention {
  return formats.length === 0 && !findingsReadAtEnd ? 'totals' : keptOutcomesFor(formats, showPassed);
}

/**
 * A result as a run keeps it until its reports are written. A slim result (not-assessable outcomes
 * only) is copied: the strings of its findings and reasons are often cut from the document's text and
 * would otherwise keep the whole text of every document alive until the end of the run (≈ 20 KB per
 * generated document, measured). A full result is kept as it is (a copy would cost more than it saves).
 * A result listing every outcome is slimmed first when only `not-assessable` ones are kept (a run
 * whose JSON report was written while checking). `copied`: the result is already a copy that shares
 * nothing with a document's text (one a worker thread sent, one read back from a file), so it is
 * slimmed but not copied again. A `totals` result keeps no outcome and only the findings a baseline
 * suppressed (counted in the total line; none without a baseline), so there is next to nothing to copy.
 */
export function retainedResult(result: DocumentResult, kept: Retention, copied = false): DocumentResult {
  if (kept === 'all') return result;
  if (kept === 'totals') return totalsOf(result, copied);
  const outcomes = result.outcomes.filter((o) => o.status === 'not-assessable');
  const slim = outcomes.length === result.outcomes.length ? result : { ...result, outcomes };
  return copied ? slim : structuredClone(slim);
}

function totalsOf(result: DocumentResult, copied: boolean): DocumentResult {
  const totals: DocumentResult = { ...result, diagnostics: result.diagnostics.filter((d) => d.suppressed), outcomes: [] };
  // a small copy: the metadata's department name, for one, is cut from the document's text
  return copied ? totals : structuredClone(totals);
}
