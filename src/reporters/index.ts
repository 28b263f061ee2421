import { jsonReporter } from './json.js';
import { prettyReporter } from './pretty.js';
import type { Reporter } from './types.js';

export type { Reporter, ReporterOptions, RunResult } from './types.js';

/** Output format name → reporter; the source of the CLI's --format choices. */
export const REPORTERS: Readonly<Record<string, Reporter>> = {
  json: jsonReporter,
  pretty: prettyReporter,
};
