import type { DocumentResult } from '../engine/diagnostic.js';

/**
 * Which rule outcomes a run keeps once a document is checked. A document has about a thousand rule
 * instances; only the JSON and JUnit reports (and `--show-passed`) list them all. The other reports
 * show the not-assessable ones and the counts (the result's summary, computed before anything is
 * dropped), so a batch keeps just those and its memory no longer grows by every passed instance of
 * every document (≈ 0.3 MB per generated document before).
 */
export type KeptOutcomes = 'all' | 'not-assessable';

/** Report formats that list every rule instance. */
const LISTS_EVERY_INSTANCE: ReadonlySet<string> = new Set(['json', 'junit']);

/** What a run writing `formats` needs to keep (pretty lists every instance with --show-passed). */
export function keptOutcomesFor(formats: readonly string[], showPassed: boolean): KeptOutcomes {
  return formats.some((f) => LISTS_EVERY_INSTANCE.has(f) || (showPassed && f === 'pretty')) ? 'all' : 'not-assessable';
}

/**
 * The result with only the outcomes `kept` asks for (same keys in the same order; summary untouched).
 * A slimmed result is also a copy: the strings of its findings and reasons are often cut from the
 * document's text, and would otherwise keep the whole text of every document alive until the end
 * of the run (≈ 20 KB per generated document, measured).
 */
export function keepOutcomes(result: DocumentResult, kept: KeptOutcomes | undefined): DocumentResult {
  if (kept !== 'not-assessable') return result;
  return structuredClone({ ...result, outcomes: result.outcomes.filter((o) => o.status === 'not-assessable') });
}
