import { githubReporter } from './github.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';
import { prettyReporter } from './pretty.js';
import { sarifReporter } from './sarif.js';
import type { Reporter } from './types.js';

export type { Reporter, ReporterOptions, RunResult } from './types.js';

/** Output format name → reporter; the source of the CLI's --format and --output choices. */
export const REPORTERS: Readonly<Record<string, Reporter>> = {
  github: githubReporter,
  json: jsonReporter,
  junit: junitReporter,
  markdown: markdownReporter,
  pretty: prettyReporter,
  sarif: sarifReporter,
};
