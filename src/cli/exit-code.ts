import type { DocumentResult } from '../engine/diagnostic.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FATAL = 2;

/**
 * 0: no error-level finding (and warnings within --max-warnings); 1: at least one error-level
 * finding or too many warnings; 2: some input could not be read or parsed.
 */
export function exitCodeFor(results: readonly DocumentResult[], maxWarnings?: number): number {
  if (results.some((r) => r.fatal)) return EXIT_FATAL;
  const errors = results.reduce((n, r) => n + r.counts.error, 0);
  const warnings = results.reduce((n, r) => n + r.counts.warning, 0);
  if (errors > 0) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && warnings > maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}

/** Shown after --help. */
export const EXIT_CODES_HELP = `
Exit codes:
  0  no error-level finding (and no more warnings than --max-warnings)
  1  at least one error-level finding, or more warnings than --max-warnings
  2  usage error, invalid config/rule/baseline file, unreadable or unparseable input, internal failure
`;
