import type { DocumentResult } from '../engine/diagnostic.js';
import { UsageError } from '../errors.js';
import { formatPosition } from '../model/location.js';
import { BASELINE_VERSION, type Baseline, type BaselineEntry } from './baseline.js';

/**
 * The baseline after this run: every current finding of the checked documents, keeping the reason
 * of entries that already existed; entries of documents not checked in this run are kept as they
 * are, stale entries of checked documents are dropped. New entries take `reason`, which is then
 * required.
 */
export function updatedBaseline(previous: Baseline | undefined, results: readonly DocumentResult[], reason?: string): Baseline {
  const key = (file: string, fp: string): string => `${file}\u0000${fp}`;
  const old = new Map((previous?.entries ?? []).map((e) => [key(e.file, e.fingerprint), e]));
  const checked = new Set(results.filter((r) => !r.fatal).map((r) => r.file));
  const entries = new Map<string, BaselineEntry>();
  for (const e of previous?.entries ?? []) if (!checked.has(e.file)) entries.set(key(e.file, e.fingerprint), e);
  let missingReason = 0;
  for (const r of results) {
    if (r.fatal) continue;
    for (const d of r.diagnostics) {
      const k = key(r.file, d.fingerprint);
      if (entries.has(k)) continue;
      const prior = old.get(k);
      const why = prior?.reason ?? reason?.trim();
      if (!why) {
        missingReason++;
        continue;
      }
      const pos = formatPosition(d.location);
      const where = [pos, d.location.tableKind, d.location.row, d.location.field].filter(Boolean).join(' · ');
      entries.set(k, { file: r.file, fingerprint: d.fingerprint, ruleId: d.ruleId, reason: why, ...(where ? { where } : {}), message: d.message });
    }
  }
  if (missingReason > 0) {
    throw new UsageError(
      `--update-baseline: ${missingReason} new finding(s) need a reason`,
      'give one with --reason "<why these findings are accepted>"',
    );
  }
  return { version: BASELINE_VERSION, entries: [...entries.values()] };
}
