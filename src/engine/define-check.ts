import type { RuleTiming } from './rule-timing.js';
import type { BudgetDocument, Cell, Column, Paragraph, Row, Table } from '../model/document.js';
import type { SourceLocation } from '../model/location.js';
import type { DiagnosticData, DiagnosticLocation, Severity } from './diagnostic.js';

export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}

/** What a finding or outcome points at: a table node, a paragraph span, or a bare location. */
export type Target =
  | { readonly table: Table; readonly row?: Row; readonly column?: Column | string; readonly cell?: Cell }
  | { readonly paragraph: Paragraph; readonly offset?: number; readonly length?: number }
  | { readonly location: DiagnosticLocation };

export interface RelatedTarget {
  readonly at: Target;
  readonly label: string;
  readonly value?: string;
  readonly unit?: string;
}

export interface Report {
  /** The rule instance (one identity on one place) this finding fails. */
  readonly instance: string;
  readonly messageId: string;
  readonly data: DiagnosticData;
  readonly at: Target;
  readonly related?: readonly RelatedTarget[];
  /**
   * Severity for this finding instead of the rule's. Use 'info' for notes that do not fail the
   * instance (a difference rounding explains): an instance whose only findings are downgraded notes
   * counts as passed.
   */
  readonly severity?: Severity;
}

/** Settings of the run that checks may consult. */
export interface RunSettings {
  readonly lang: 'zh' | 'en';
  /** User catalog files (CSV code,name,level), highest precedence first. */
  readonly catalogFiles?: readonly string[];
  /** Free-form settings from the config for checks that need them. */
  readonly extra?: Readonly<Record<string, unknown>>;
  /**
   * Which rule outcomes a result lists (default all). With 'not-assessable' a result lists only the
   * not-assessable ones (its summary still counts every instance), and passed instances are not
   * located at all: a run whose reports print no passed instance skips ~1 000 look-ups per document.
   */
  readonly keptOutcomes?: KeptOutcomes;
  /** Where each rule's time goes when TIMING asks for it (see rule-timing.ts). */
  readonly timing?: RuleTiming;
}

/** Which rule outcomes a result lists: every one, or only the not-assessable ones (see RunSettings). */
export type KeptOutcomes = 'all' | 'not-assessable';

export interface CheckContext<O> {
  readonly document: BudgetDocument;
  readonly options: O;
  readonly ruleId: string;
  readonly settings: RunSettings;
  report(r: Report): void;
  pass(instance: string, at?: Target): void;
  notApplicable(instance: string, reason: string): void;
  notAssessable(instance: string, reason: string, at?: Target): void;
}

export interface CheckMeta {
  readonly description: LocalizedText;
  /** JSON Schema of the options object (additionalProperties false). */
  readonly schema: Readonly<Record<string, unknown>>;
  /** messageId → templates with {placeholders} filled from the report's data. */
  readonly messages: Readonly<Record<string, LocalizedText>>;
  /**
   * Extra validation after the schema (e.g. parsing an expression): returns a problem as
   * { pointer (relative to the options), message }, or undefined when the options are fine.
   */
  readonly validate?: (options: Record<string, unknown>) => { pointer: string; message: string } | undefined;
}

export interface CheckModule<O = Record<string, unknown>> {
  readonly id: string;
  readonly meta: CheckMeta;
  run(ctx: CheckContext<O>): void;
}

/** Identity helper that types a check module. */
export function defineCheck<O>(module: CheckModule<O>): CheckModule<O> {
  return module;
}

export type { SourceLocation };
