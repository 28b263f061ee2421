import type { BudgetDocument } from '../model/document.js';
import { compareLocations } from '../model/location.js';
import { BudgetlintError } from '../errors.js';
import type { CheckContext, Report, RunSettings, Target } from './define-check.js';
import { SEVERITY_RANK, type Diagnostic, type DocumentResult, type OutcomeStatus, type RuleOutcome, type Severity, type DiagnosticLocation } from './diagnostic.js';
import { fingerprintOf } from './fingerprint.js';
import { createLocator } from './locate.js';
import { renderMessage } from './render.js';
import type { ResolvedRule } from './rule.js';

/**
 * Thrown when a check itself fails (a bug, not a finding). It is a BudgetlintError so that a batch
 * records it against the one document (exit 2) and goes on with the others.
 */
export class CheckCrash extends BudgetlintError {
  constructor(readonly ruleId: string, file: string, override readonly cause: unknown) {
    super(`${file}: internal error in rule ${ruleId}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/**
 * One rule's outcomes by instance (an instance is recorded once; a later, stronger status replaces
 * it). The outcome is built (and located) when recorded: most instances are recorded once, so this
 * needs no intermediate entry per instance.
 */
type RuleOutcomes = Map<string, RuleOutcome>;

/** fail beats not-assessable beats pass beats not-applicable */
const OUTCOME_RANK: Readonly<Record<OutcomeStatus, number>> = { fail: 4, 'not-assessable': 3, pass: 2, 'not-applicable': 1 };

/**
 * The context of one rule on one document. A class rather than an object literal of closures:
 * its methods live on the prototype, so a run builds one object per rule instead of five.
 */
class RuleRun implements CheckContext<Record<string, unknown>> {
  readonly options: Record<string, unknown>;
  readonly ruleId: string;
  readonly outcomes: RuleOutcomes = new Map();
  private readonly severity: Severity;

  constructor(
    readonly document: BudgetDocument,
    private readonly rule: ResolvedRule,
    readonly settings: RunSettings,
    private readonly shared: DocumentRun,
  ) {
    this.options = rule.options;
    this.ruleId = rule.id;
    this.severity = rule.severity as Severity;
  }

  report(r: Report): void {
    const { rule, severity, settings, shared } = this;
    const { locate } = shared;
    const own = r.severity && SEVERITY_RANK[r.severity] < SEVERITY_RANK[severity] ? r.severity : severity;
    const location = locate(r.at);
    // a report must point into this document (markdownlint and textlint validate the same way)
    if (!shared.ownFiles.has(location.file) || (location.line !== undefined && location.line < 1)) {
      throw new Error(`reported a location outside the document (${location.file}:${location.line ?? ''})`);
    }
    const templates = rule.module.meta.messages[r.messageId];
    shared.diagnostics.push({
      ruleId: rule.id,
      check: rule.check,
      severity: own,
      messageId: r.messageId,
      message: renderMessage(templates, r.data, settings.lang, r.messageId),
      data: r.data,
      location,
      related: (r.related ?? []).map((rel) => ({
        location: locate(rel.at),
        label: rel.label,
        ...(rel.value !== undefined ? { value: rel.value } : {}),
        ...(rel.unit !== undefined ? { unit: rel.unit } : {}),
      })),
      fingerprint: fingerprintOf(rule.id, r.messageId, location, 'paragraph' in r.at ? `${r.instance}` : ''),
      instance: r.instance,
    });
    this.record(r.instance, r.severity && own !== severity && own === 'info' ? 'pass' : 'fail', undefined, r.at);
  }

  pass(instance: string, at?: Target): void {
    this.record(instance, 'pass', undefined, at);
  }

  notApplicable(instance: string, reason: string): void {
    this.record(instance, 'not-applicable', reason, undefined);
  }

  notAssessable(instance: string, reason: string, at?: Target): void {
    this.record(instance, 'not-assessable', reason, at);
  }

  /** An instance is recorded once; a later, stronger status replaces it. */
  private record(instance: string, status: OutcomeStatus, reason: string | undefined, at: Target | undefined): void {
    const prev = this.outcomes.get(instance);
    if (prev !== undefined && OUTCOME_RANK[prev.status] >= OUTCOME_RANK[status]) return;
    this.outcomes.set(instance, toOutcome(this.ruleId, instance, status, reason, at, this.shared.locate));
  }
}

/** What the rules of one document run share: its findings, locator and own files. */
interface DocumentRun {
  readonly diagnostics: Diagnostic[];
  readonly locate: (t: Target) => DiagnosticLocation;
  readonly ownFiles: ReadonlySet<string>;
}

/** Runs every enabled rule on one document; returns sorted, de-duplicated findings and outcomes. */
export function lintDocument(document: BudgetDocument, rules: readonly ResolvedRule[], settings: RunSettings): DocumentResult {
  const diagnostics: Diagnostic[] = [];
  const locate = createLocator();
  const shared: DocumentRun = { diagnostics, locate, ownFiles: new Set([document.source.file, ...(document.source.files ?? [])]) };
  const runs: RuleRun[] = [];
  for (const rule of rules) {
    if (rule.severity === 'off') continue;
    const run = new RuleRun(document, rule, settings, shared);
    runs.push(run);
    try {
      rule.module.run(run);
    } catch (e) {
      throw new CheckCrash(rule.id, document.source.file, e);
    }
  }
  const sorted = dedupe(diagnostics).sort(compareDiagnostics);
  // ordered by rule id, then instance (the same as sorting the whole list on both, but cheaper)
  const outcomeList: RuleOutcome[] = [];
  for (const { outcomes } of runs.sort((a, b) => cmp(a.ruleId, b.ruleId))) {
    appendOutcomes(outcomeList, outcomes);
  }
  return {
    file: document.source.file,
    metadata: metadataRecord(document),
    diagnostics: sorted,
    outcomes: outcomeList,
    summary: summarize(outcomeList),
    counts: countSeverities(sorted),
  };
}

/**
 * Appends a rule's outcomes in code-unit order of their instances (the order of cmp). Many checks
 * record them in that order already and are walked as recorded; the others are sorted with the
 * built-in string order, which needs no comparator calls.
 */
function appendOutcomes(list: RuleOutcome[], outcomes: RuleOutcomes): void {
  if (isInOrder(outcomes)) {
    for (const outcome of outcomes.values()) list.push(outcome);
    return;
  }
  for (const instance of [...outcomes.keys()].sort()) list.push(outcomes.get(instance)!);
}

function isInOrder(outcomes: RuleOutcomes): boolean {
  let prev: string | undefined;
  for (const instance of outcomes.keys()) {
    if (prev !== undefined && prev > instance) return false;
    prev = instance;
  }
  return true;
}

function toOutcome(ruleId: string, instance: string, status: OutcomeStatus, reason: string | undefined, at: Target | undefined, locate: (t: Target) => DiagnosticLocation): RuleOutcome {
  // one literal per shape: objects are built whole rather than grown property by property
  if (!at) return reason ? { ruleId, instance, status, reason } : { ruleId, instance, status };
  const location = locate(at);
  return reason ? { ruleId, instance, status, reason, location } : { ruleId, instance, status, location };
}

function metadataRecord(d: BudgetDocument): Record<string, string | number> {
  const m = d.metadata;
  const out: Record<string, string | number> = { format: d.source.format };
  if (m.department) out['department'] = m.department;
  if (m.year) out['year'] = m.year;
  if (m.scope) out['scope'] = m.scope;
  if (m.stage) out['stage'] = m.stage;
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareLocations(a.location, b.location) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.location.field ?? '', b.location.field ?? '') ||
    cmp(a.messageId, b.messageId) ||
    cmp(a.message, b.message)
  );
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const l = d.location;
    const k = [d.ruleId, d.messageId, d.instance, l.file, l.page, l.sheet, l.cell, l.line, l.column, l.field, d.message].join('\u0000');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function summarize(outcomes: readonly RuleOutcome[]): DocumentResult['summary'] {
  let passed = 0, failed = 0, notApplicable = 0, notAssessable = 0;
  for (const o of outcomes) {
    if (o.status === 'pass') passed++;
    else if (o.status === 'fail') failed++;
    else if (o.status === 'not-applicable') notApplicable++;
    else notAssessable++;
  }
  return { run: outcomes.length, passed, failed, notApplicable, notAssessable };
}

export function countSeverities(list: readonly Diagnostic[]): DocumentResult['counts'] {
  const c = { error: 0, warning: 0, info: 0 };
  for (const d of list) if (!d.suppressed) c[d.severity]++;
  return c;
}
