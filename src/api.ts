import { resolve } from 'node:path';
import { loadUserCatalog } from './catalog/load.js';
import { loadConfig, rulesForConfig, type Config } from './config/load-config.js';
import { displayPath } from './config/paths.js';
import type { KeptOutcomes, RunSettings } from './engine/define-check.js';
import type { DocumentResult } from './engine/diagnostic.js';
import { lintDocument } from './engine/lint.js';
import type { ResolvedRule } from './engine/rule.js';
import type { RuleTiming } from './engine/rule-timing.js';
import { isBudgetlintError } from './errors.js';
import type { BudgetDocument } from './model/document.js';
import { parseJoined } from './parsers/csv-folder.js';
import { parseBuffer, parseFile } from './parsers/index.js';

export interface LinterOptions {
  /** Path of a config file; default: budgetlint.config.json in `cwd` when present. */
  readonly configPath?: string;
  /** A config object instead of a file. */
  readonly config?: Config;
  /** Extra rule files on top of the config's (relative paths against `cwd`; messages name them as given). */
  readonly ruleFiles?: readonly string[];
  /** Extra catalog files (take precedence over the config's; relative paths against `cwd`). */
  readonly catalogFiles?: readonly string[];
  readonly lang?: 'zh' | 'en';
  readonly cwd?: string;
  /** Which rule outcomes results list (default all; see RunSettings.keptOutcomes). */
  readonly keptOutcomes?: KeptOutcomes;
  /** Collects each rule's time (TIMING; see src/engine/rule-timing.ts). */
  readonly timing?: RuleTiming;
}

export interface Linter {
  readonly rules: readonly ResolvedRule[];
  readonly settings: RunSettings;
  readonly config: Config;
  /** Checks a parsed document. */
  checkDocument(document: BudgetDocument): DocumentResult;
  /**
   * Reads, parses and checks one file (or CSV folder); unreadable input gives a result with `fatal`
   * set. `options.narrative` joins a narrative text/Markdown file to a workbook, CSV file or folder.
   */
  checkFile(path: string, options?: { readonly narrative?: string }): Promise<DocumentResult>;
  /** Parses and checks bytes in memory; `file` names them in locations. */
  checkBuffer(bytes: Uint8Array, file: string): Promise<DocumentResult>;
}

export { displayPath };

/** Loads config and rules once; the returned linter checks any number of documents. */
export function createLinter(options: LinterOptions = {}): Linter {
  const cwd = options.cwd ?? process.cwd();
  const config = options.config ?? loadConfig(options.configPath, cwd);
  const rules = rulesForConfig(config, options.ruleFiles ?? [], cwd);
  const catalogFiles = [...(options.catalogFiles ?? []).map((f) => resolve(cwd, f)), ...(config.catalog ?? [])];
  // read user catalogs now, so a bad file stops the run with its own message (exit 2)
  for (const f of catalogFiles) loadUserCatalog(f);
  const settings: RunSettings = {
    lang: options.lang ?? config.lang ?? 'en',
    ...(catalogFiles.length > 0 ? { catalogFiles } : {}),
    ...(config.settings ? { extra: config.settings } : {}),
    ...(options.keptOutcomes ? { keptOutcomes: options.keptOutcomes } : {}),
    ...(options.timing ? { timing: options.timing } : {}),
  };
  const checkDocument = (document: BudgetDocument): DocumentResult => lintDocument(document, rules, settings);
  const guard = async (file: string, parse: () => Promise<BudgetDocument>): Promise<DocumentResult> => {
    try {
      return checkDocument(await parse());
    } catch (e) {
      if (!isBudgetlintError(e)) throw e;
      return fatalResult(file, e.message);
    }
  };
  return {
    rules,
    settings,
    config,
    checkDocument,
    checkFile: (path, fileOptions) => {
      const file = displayPath(path, cwd);
      const narrative = fileOptions?.narrative;
      if (narrative !== undefined) return guard(file, () => parseJoined(path, file, { path: narrative, display: displayPath(narrative, cwd) }));
      return guard(file, () => parseFile(path, file));
    },
    checkBuffer: (bytes, file) => guard(file, () => parseBuffer(bytes, file)),
  };
}

export function fatalResult(file: string, message: string): DocumentResult {
  return {
    file,
    diagnostics: [],
    outcomes: [],
    summary: { run: 0, passed: 0, failed: 0, notApplicable: 0, notAssessable: 0 },
    counts: { error: 0, warning: 0, info: 0 },
    fatal: { message },
  };
}
