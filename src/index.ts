/**
 * budgetlint's programmatic API. Nothing here touches process.stdout, process.exit or the console:
 * parse a file or buffer into the document model, check a document, format results.
 */
export { createLinter, displayPath, fatalResult, type Linter, type LinterOptions } from './api.js';
export { loadConfig, rulesForConfig, type Config } from './config/load-config.js';
export type { Diagnostic, DiagnosticLocation, DocumentResult, RuleOutcome, Severity } from './engine/diagnostic.js';
export type { CheckModule, CheckContext } from './engine/define-check.js';
export { lintDocument } from './engine/lint.js';
export { BudgetlintError, ConfigError, InputError, UsageError } from './errors.js';
export * from './model/index.js';
export { parseBuffer, parseFile } from './parsers/index.js';
export { documentToJson } from './model/to-json.js';
export { REPORTERS, type Reporter, type RunResult } from './reporters/index.js';
