import type { Reporter } from './types.js';

/** Version of the JSON output format; bump the major on any incompatible change. */
export const JSON_FORMAT_VERSION = '1.0.0';

/**
 * Machine-readable results. Field names are a public interface: later versions may add fields but
 * never rename or remove them.
 */
export const jsonReporter: Reporter = (run) => {
  const out = {
    version: JSON_FORMAT_VERSION,
    tool: { name: 'budgetlint' },
    results: run.results.map((r) => ({
      file: r.file,
      ...(r.fatal ? { fatal: r.fatal } : {}),
      ...(r.metadata ? { metadata: r.metadata } : {}),
      summary: r.summary,
      counts: r.counts,
      diagnostics: r.diagnostics.map((d) => ({
        ruleId: d.ruleId,
        check: d.check,
        severity: d.severity,
        messageId: d.messageId,
        message: d.message,
        data: d.data,
        location: d.location,
        related: d.related,
        fingerprint: d.fingerprint,
        instance: d.instance,
        ...(d.suppressed ? { suppressed: d.suppressed } : {}),
      })),
      outcomes: r.outcomes,
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
};
