import { TOOL_NAME, TOOL_VERSION } from './tool.js';
import { runTotals } from './totals.js';
import type { Reporter } from './types.js';

/**
 * Version of the JSON output format (schemas/report.schema.json). Field names are a public
 * interface: minor versions only add fields; a rename or removal would bump the major.
 * 1.1.0 added tool.version, the whole-run `totals` and `baseline`.
 */
export const JSON_FORMAT_VERSION = '1.1.0';

/** Machine-readable results, valid against schemas/report.schema.json. */
export const jsonReporter: Reporter = (run) => {
  const out = {
    version: JSON_FORMAT_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
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
    totals: runTotals(run.results),
    ...(run.baseline ? { baseline: run.baseline } : {}),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
};
