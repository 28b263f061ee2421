/**
 * Errors that stop the processing of one input or of the whole run. Each carries a one-line message
 * that names the file (and line, page or JSON pointer) and maps to exit code 2.
 */
export class BudgetlintError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The input file cannot be read or parsed at all (missing, binary, damaged, encrypted, scan). */
export class InputError extends BudgetlintError {}

/** A rule file, config file or user expression is invalid. */
export class ConfigError extends BudgetlintError {}

/** The command line is wrong (unknown option, rule id, format). */
export class UsageError extends BudgetlintError {}

export function isBudgetlintError(e: unknown): e is BudgetlintError {
  return e instanceof BudgetlintError;
}
