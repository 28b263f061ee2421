import type { BudgetDocument } from '../model/document.js';
import { compareLocations, compareStrings } from '../model/location.js';
import { BudgetlintError } from '../errors.js';
import { endOfDocument } from '../memo.js';
import type { CheckContext, Report, RunSettings, Target } from './define-check.js';
import { SEVERITY_RANK, type Diagnostic, type DocumentResult, type OutcomeStatus, type OutcomeSummary, type RuleOutcome, type Severity, type DiagnosticLocation } from './diagnostic.js';
import { fingerprintOf } from './fingerprint.js';
import { InstanceLog } from './instance-log.js';
import { createLocator } from './locate.js';
import { renderMessage } from './render.js';
import { MAX_FINDINGS_PER_RULE, MORE_FINDINGS_MESSAGE } from './report-cap.js';
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

/** fail beats not-assessable beats pass beats not-applicable */
const OUTCOME_RANK: Readonly<Record<OutcomeStatus, number>> = { fail: 4, 'not-assessable': 3, pass: 2, 'not-applicable': 1 };

/** The outcomes of one rule on one document, in instance order, and their counts by status. */
interface FinishedRule {
  readonly ruleId: string;
  /** Every outcome, or only the not-assessable ones (RunSettings.keptOutcomes). */
  readonly outcomes: readonly RuleOutcome[];
  readonly counts: OutcomeCounts;
}

type OutcomeCounts = { -readonly [K in Exclude<keyof OutcomeSummary, 'run'>]: number };

/**
 * The context of one rule on one document. A class rather than an object literal of closures:
 * its methods live on the prototype, so a run builds one object per rule instead of five.
 *
 * Instances are kept in the rule's log (instance-log.ts: parallel arrays reused from document to
 * document) and turned into outcome objects only at the end, and only those the result lists: a run
 * that lists only not-assessable outcomes (the terminal, SARIF, GitHub and Markdown reports) builds no
 * object for the ~1 000 passed instances of a document. Checks record almost all instances once and
 * most of them in code-unit order, so an instance greater than the last one is simply appended and
 * the list needs no sort; the same instance again replaces the last entry when its status is
 * stronger. Only when a rule records an instance below the last one is an index by instance built
 * (from then on it finds repeats anywhere), and the entries are sorted at the end. The result is the
 * same as keeping a map by instance and sorting its keys.
 */
class RuleRun implements CheckContext<Record<string, unknown>> {
  readonly options: Record<string, unknown>;
  readonly ruleId: string;
  private readonly severity: Severity;
  /** The greatest instance recorded so far, while every instance came in order. */
  private last: string | undefined = undefined;
  /** Position of each instance in the arrays; built once an instance comes out of order. */
  private positions: Map<string, number> | undefined = undefined;
  /** Findings listed so far, and the count, first target and severities of those past the bound. */
  private listed = 0;
  private unlisted = 0;
  private firstUnlisted: Target | undefined = undefined;
  private unlistedAllInfo = true;

  constructor(
    readonly document: BudgetDocument,
    private readonly rule: ResolvedRule,
    readonly settings: RunSettings,
    private readonly shared: DocumentRun,
    /** This rule's log, empty (see instance-log.ts). */
    private readonly log: InstanceLog,
  ) {
    this.options = rule.options;
    this.ruleId = rule.id;
    this.severity = rule.severity as Severity;
  }

  /** Lists a finding, or counts it once MAX_FINDINGS_PER_RULE are listed (see report-cap.ts). */
  report(r: Report): void {
    if (this.listed < MAX_FINDINGS_PER_RULE) {
      this.listed++;
      this.list(r);
      return;
    }
    this.unlisted++;
    this.firstUnlisted ??= r.at;
    if (r.severity !== 'info') this.unlistedAllInfo = false;
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

  /**
   * Ends the run: lists the count of the findings past the bound, if any; returns the outcomes the
   * result keeps, in instance order, with the counts of all of them.
   */
  finish(): FinishedRule {
    const { firstUnlisted, unlisted, log } = this;
    if (firstUnlisted) {
      const data = { count: unlisted, max: MAX_FINDINGS_PER_RULE };
      const more: Report = { instance: 'more', messageId: 'moreFindings', at: firstUnlisted, data, ...(this.unlistedAllInfo ? { severity: 'info' as const } : {}) };
      this.list(more, MORE_FINDINGS_MESSAGE.moreFindings);
    }
    const counts: OutcomeCounts = { passed: 0, failed: 0, notApplicable: 0, notAssessable: 0 };
    const all = this.settings.keptOutcomes !== 'not-assessable';
    // the entries the result lists, by index; counting needs no order, so only these are ordered
    const listed: number[] = [];
    const { statuses, size } = log;
    for (let i = 0; i < size; i++) {
      const status = statuses[i]!;
      if (status === 'pass') counts.passed++;
      else if (status === 'fail') counts.failed++;
      else if (status === 'not-applicable') counts.notApplicable++;
      else counts.notAssessable++;
      if (all || status === 'not-assessable') listed.push(i);
    }
    // instances are unique here: code-unit order of the instances, as cmp orders them
    if (this.positions !== undefined) inInstanceOrder(listed, log.instances);
    const outcomes: RuleOutcome[] = [];
    for (const i of listed) outcomes.push(this.outcome(i));
    return { ruleId: this.ruleId, outcomes, counts };
  }

  /** Lists a finding; `templates`: its message when it is not one of the rule's (the engine's own count). */
  private list(r: Report, templates = this.rule.module.meta.messages[r.messageId]): void {
    const { rule, severity, settings, shared } = this;
    const { locate } = shared;
    const own = r.severity && SEVERITY_RANK[r.severity] < SEVERITY_RANK[severity] ? r.severity : severity;
    const location = locate(r.at);
    // a report must point into this document (markdownlint and textlint validate the same way)
    if (!shared.ownFiles.has(location.file) || (location.line !== undefined && location.line < 1)) {
      throw new Error(`reported a location outside the document (${location.file}:${location.line ?? ''})`);
    }
    shared.diagnostics.push(withFingerprint({
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
      instance: r.instance,
    }, 'paragraph' in r.at ? `${r.instance}` : ''));
    this.record(r.instance, r.severity && own !== severity && own === 'info' ? 'pass' : 'fail', undefined, r.at);
  }

  /** An instance is recorded once; a later, stronger status replaces it. */
  private record(instance: string, status: OutcomeStatus, reason: string | undefined, at: Target | undefined): void {
    let positions = this.positions;
    if (positions === undefined) {
      const last = this.last;
      if (last === undefined || last < instance) {
        this.last = instance;
        this.log.append(instance, status, reason, at);
        return;
      }
      if (last === instance) {
        this.replaceIfStronger(this.log.size - 1, status, reason, at);
        return;
      }
      this.positions = positions = positionsOf(this.log.instances, this.log.size);
    }
    const i = positions.get(instance);
    if (i !== undefined) {
      this.replaceIfStronger(i, status, reason, at);
      return;
    }
    positions.set(instance, this.log.size);
    this.log.append(instance, status, reason, at);
  }

  private replaceIfStronger(i: number, status: OutcomeStatus, reason: string | undefined, at: Target | undefined): void {
    const { statuses, reasons, targets } = this.log;
    if (OUTCOME_RANK[statuses[i]!] >= OUTCOME_RANK[status]) return;
    statuses[i] = status;
    reasons[i] = reason;
    targets[i] = at;
  }

  /** The outcome object of entry i, built whole (one literal per shape) and located. */
  private outcome(i: number): RuleOutcome {
    const { ruleId } = this;
    const { log } = this;
    const instance = log.instances[i]!;
    const status = log.statuses[i]!;
    const reason = log.reasons[i];
    const at = log.targets[i];
    if (!at) return reason ? { ruleId, instance, status, reason } : { ruleId, instance, status };
    const location = this.shared.locate(at);
    return reason ? { ruleId, instance, status, reason, location } : { ruleId, instance, status, location };
  }
}

/**
 * The finding with its fingerprint, worked out when first read (a getter): only the JSON and SARIF
 * reports and baselines read it, and node:crypto loads with the first one. The getter keeps the
 * strings it needs and the location only: a closure made where the report is made would keep the
 * report's target, and through it the document, for as long as the finding lives (a batch keeps them).
 */
function withFingerprint(d: Omit<Diagnostic, 'fingerprint'>, extra: string): Diagnostic {
  const { ruleId, messageId, location } = d;
  let value: string | undefined;
  return {
    ...d,
    get fingerprint() {
      return (value ??= fingerprintOf(ruleId, messageId, location, extra));
    },
  };
}

function positionsOf(instances: readonly string[], size: number): Map<string, number> {
  const positions = new Map<string, number>();
  for (let i = 0; i < size; i++) positions.set(instances[i]!, i);
  return positions;
}

/** Sorts `indexes` by code-unit order of their instances (which are unique). */
function inInstanceOrder(indexes: number[], instances: readonly string[]): void {
  if (indexes.length > 1) indexes.sort((a, b) => (instances[a]! < instances[b]! ? -1 : 1));
}

/** The positions of each rule list in rule-id order (a stable sort), worked out once per list: a linter's rules do not change. */
const idOrders = new WeakMap<readonly ResolvedRule[], readonly number[]>();

function idOrderOf(rules: readonly ResolvedRule[]): readonly number[] {
  let order = idOrders.get(rules);
  if (order === undefined) {
    order = rules.map((_, i) => i).sort((a, b) => compareStrings(rules[a]!.id, rules[b]!.id));
    idOrders.set(rules, order);
  }
  return order;
}

/** Each rule's instance log, reused from document to document (instance-log.ts). */
const logs = new WeakMap<ResolvedRule, InstanceLog>();

function logOf(rule: ResolvedRule): InstanceLog {
  let log = logs.get(rule);
  if (log === undefined) logs.set(rule, (log = new InstanceLog()));
  return log;
}

/** What the rules of one document run share: its findings, locator and own files. */
interface DocumentRun {
  readonly diagnostics: Diagnostic[];
  readonly locate: (t: Target) => DiagnosticLocation;
  readonly ownFiles: ReadonlySet<string>;
}

/**
 * Runs the enabled rules on the document; the data they derived from it is dropped at the end
 * (memo.ts). Returns each rule's run by its position in `rules` (undefined for a rule that is off).
 */
function runRules(document: BudgetDocument, rules: readonly ResolvedRule[], settings: RunSettings, shared: DocumentRun): Array<FinishedRule | undefined> {
  const finished: Array<FinishedRule | undefined> = [];
  const timing = settings.timing;
  try {
    for (const rule of rules) {
      if (rule.severity === 'off') {
        finished.push(undefined);
        continue;
      }
      const log = logOf(rule);
      const run = new RuleRun(document, rule, settings, shared, log);
      try {
        const start = timing ? performance.now() : 0;
        rule.module.run(run);
        if (timing) timing.add(rule.id, performance.now() - start);
        finished.push(run.finish());
      } catch (e) {
        throw new CheckCrash(rule.id, document.source.file, e);
      } finally {
        log.clear();
      }
    }
  } finally {
    endOfDocument();
  }
  return finished;
}

/** Runs every enabled rule on one document; returns sorted, de-duplicated findings and outcomes. */
export function lintDocument(document: BudgetDocument, rules: readonly ResolvedRule[], settings: RunSettings): DocumentResult {
  const diagnostics: Diagnostic[] = [];
  const locate = createLocator();
  const shared: DocumentRun = { diagnostics, locate, ownFiles: new Set([document.source.file, ...(document.source.files ?? [])]) };
  const finished = runRules(document, rules, settings, shared);
  const sorted = dedupe(diagnostics).sort(compareDiagnostics);
  // ordered by rule id, then instance (the same as sorting the whole list on both, but cheaper)
  const outcomes: RuleOutcome[] = [];
  let passed = 0, failed = 0, notApplicable = 0, notAssessable = 0;
  for (const i of idOrderOf(rules)) {
    const f = finished[i];
    if (f === undefined) continue;
    for (const outcome of f.outcomes) outcomes.push(outcome);
    passed += f.counts.passed;
    failed += f.counts.failed;
    notApplicable += f.counts.notApplicable;
    notAssessable += f.counts.notAssessable;
  }
  return {
    file: document.source.file,
    metadata: metadataRecord(document),
    diagnostics: sorted,
    outcomes,
    summary: { run: passed + failed + notApplicable + notAssessable, passed, failed, notApplicable, notAssessable },
    counts: countSeverities(sorted),
  };
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


export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareLocations(a.location, b.location) ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.location.field ?? '', b.location.field ?? '') ||
    compareStrings(a.messageId, b.messageId) ||
    compareStrings(a.message, b.message)
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

export function countSeverities(list: readonly Diagnostic[]): DocumentResult['counts'] {
  const c = { error: 0, warning: 0, info: 0 };
  for (const d of list) if (!d.suppressed) c[d.severity]++;
  return c;
}
