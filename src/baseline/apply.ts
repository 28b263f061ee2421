import type { Diagnostic, DocumentResult } from '../engine/diagnostic.js';
import { countSeverities } from '../engine/lint.js';
import type { Baseline, BaselineEntry } from './baseline.js';

/** What the baseline did in this run. */
export interface BaselineReport {
  /** The baseline file as given. */
  readonly file: string;
  /** Findings it suppressed. */
  readonly suppressed: number;
  /** Entries for documents checked in this run that matched no finding. */
  readonly stale: readonly BaselineEntry[];
}

const keyOf = (file: string, fingerprint: string): string => `${file}\u0000${fingerprint}`;

/**
 * Marks findings recorded in the baseline as suppressed (they stay in the results) and recounts
 * severities without them. Entries of documents that were not checked (or could not be read) are
 * neither used nor stale.
 */
export function applyBaseline(
  results: readonly DocumentResult[],
  baseline: Baseline,
  file: string,
): { results: DocumentResult[]; report: BaselineReport } {
  const applier = baselineApplier(baseline, file);
  const out = results.map((r) => applier.apply(r));
  return { results: out, report: applier.report(out) };
}

/**
 * applyBaseline one document at a time, for a run that writes each result as it comes: `apply` each
 * result once, then `report` with every result of the run.
 */
export function baselineApplier(baseline: Baseline, file: string): { apply(r: DocumentResult): DocumentResult; report(results: readonly DocumentResult[]): BaselineReport } {
  const byKey = new Map<string, BaselineEntry>();
  for (const e of baseline.entries) byKey.set(keyOf(e.file, e.fingerprint), e);
  const used = new Set<string>();
  let suppressed = 0;
  return {
    apply(r) {
      if (r.fatal) return r;
      const diagnostics: Diagnostic[] = r.diagnostics.map((d) => {
        const entry = byKey.get(keyOf(r.file, d.fingerprint));
        if (!entry) return d;
        used.add(keyOf(entry.file, entry.fingerprint));
        suppressed++;
        return { ...d, suppressed: { reason: entry.reason } };
      });
      return { ...r, diagnostics, counts: countSeverities(diagnostics) };
    },
    report(results) {
      const checked = new Set(results.filter((r) => !r.fatal).map((r) => r.file));
      const stale = baseline.entries.filter((e) => checked.has(e.file) && !used.has(keyOf(e.file, e.fingerprint)));
      return { file, suppressed, stale };
    },
  };
}
