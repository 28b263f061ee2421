import type { CheckModule, LocalizedText } from './define-check.js';
import type { Severity } from './diagnostic.js';

/** A rule as written in rules/*.json (after validation). */
export interface RuleDefinition {
  readonly id: string;
  readonly check: string;
  readonly severity: Severity | 'off';
  readonly description: LocalizedText;
  readonly rationale?: LocalizedText;
  /** A short failing document excerpt for `budgetlint explain`. */
  readonly example?: string;
  readonly options: Readonly<Record<string, unknown>>;
  /** Rule file it came from (relative), for messages. */
  readonly source: string;
}

/** A rule bound to its check module, with config overrides applied. */
export interface ResolvedRule extends RuleDefinition {
  readonly module: CheckModule<Record<string, unknown>>;
}
