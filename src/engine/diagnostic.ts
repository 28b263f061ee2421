import type { SourceLocation } from '../model/location.js';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

/** A physical location plus the logical place: table title, row code or label, column key. */
export interface DiagnosticLocation extends SourceLocation {
  readonly table?: string;
  /** T1…T9 or unknown. */
  readonly tableKind?: string;
  readonly row?: string;
  readonly field?: string;
}

/** Another value that took part in the finding (the items of a sum, the other table's cell…). */
export interface RelatedValue {
  readonly location: DiagnosticLocation;
  readonly label: string;
  /** The value as a decimal string in `unit`, when the participant is an amount. */
  readonly value?: string;
  readonly unit?: string;
}

export type DiagnosticData = Readonly<Record<string, string | number>>;

export interface Diagnostic {
  readonly ruleId: string;
  /** The check kind that produced it. */
  readonly check: string;
  readonly severity: Severity;
  readonly messageId: string;
  readonly message: string;
  readonly data: DiagnosticData;
  readonly location: DiagnosticLocation;
  readonly related: readonly RelatedValue[];
  /** Stable identity across runs: rule id + table + row + column + message id (never line numbers). */
  readonly fingerprint: string;
  /** The rule instance this finding belongs to. */
  readonly instance: string;
  /** Set when a baseline entry suppresses the finding. */
  readonly suppressed?: { readonly reason: string };
}

export type OutcomeStatus = 'pass' | 'fail' | 'not-applicable' | 'not-assessable';

/** How one rule instance (one identity on one place) ended. */
export interface RuleOutcome {
  readonly ruleId: string;
  readonly instance: string;
  readonly status: OutcomeStatus;
  readonly reason?: string;
  readonly location?: DiagnosticLocation;
}

export interface OutcomeSummary {
  readonly run: number;
  readonly passed: number;
  readonly failed: number;
  readonly notApplicable: number;
  readonly notAssessable: number;
}

export interface SeverityCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

export interface DocumentResult {
  /** The input as given, relative, with `/` separators. */
  readonly file: string;
  readonly metadata?: Readonly<Record<string, string | number>>;
  readonly diagnostics: readonly Diagnostic[];
  readonly outcomes: readonly RuleOutcome[];
  readonly summary: OutcomeSummary;
  readonly counts: SeverityCounts;
  /** Set when the file could not be read or parsed; its message is one line. */
  readonly fatal?: { readonly message: string };
}
