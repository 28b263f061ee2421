import type { Diagnostic, DocumentResult, RuleOutcome } from '../engine/diagnostic.js';
import { labels, type Labels } from './i18n.js';
import { joinChunks } from './json-chunks.js';
import { TOOL_NAME } from './tool.js';
import type { ChunkedReporter, Reporter } from './types.js';
import { comparison, relatedText, where } from './where.js';
import { xmlAttrs, xmlEscape } from './xml.js';

/** The full text of one finding for a <failure> body. */
function findingText(d: Diagnostic, l: Labels, doc: string): string {
  const lines = [`${l[d.severity]}: ${d.message}`];
  const at = where(d.location, l, doc);
  if (at) lines.push(`  ${at}`);
  const cmp = comparison(d.data, l);
  if (cmp) lines.push(`  ${cmp}`);
  for (const rel of d.related) lines.push(`  ${l.related}: ${relatedText(rel, l, doc)}`);
  return lines.join('\n');
}

type CaseKind = 'pass' | 'failure' | 'skipped';

/** How an instance ends in JUnit: a failure unless it passed, was skipped, or all its findings are suppressed. */
function caseKind(o: RuleOutcome, findings: readonly Diagnostic[]): CaseKind {
  if (o.status === 'not-applicable' || o.status === 'not-assessable') return 'skipped';
  if (o.status === 'pass') return 'pass';
  return findings.length > 0 && findings.every((d) => d.suppressed) ? 'skipped' : 'failure';
}

function testcase(o: RuleOutcome, findings: readonly Diagnostic[], l: Labels, doc: string): string {
  const attrs = xmlAttrs({ name: `${o.ruleId} [${o.instance}]`, classname: o.ruleId });
  if (o.status === 'not-applicable' || o.status === 'not-assessable') {
    const label = o.status === 'not-applicable' ? l.notApplicable : l.notAssessable;
    return `    <testcase${attrs}>\n      <skipped${xmlAttrs({ message: o.reason ? `${label}: ${o.reason}` : label })}/>\n    </testcase>`;
  }
  if (o.status === 'pass') return `    <testcase${attrs}/>`;
  const open = findings.filter((d) => !d.suppressed);
  if (open.length === 0 && findings.length > 0) {
    const reasons = [...new Set(findings.map((d) => d.suppressed!.reason))].join('; ');
    return `    <testcase${attrs}>\n      <skipped${xmlAttrs({ message: `${l.suppressed}: ${reasons}` })}/>\n    </testcase>`;
  }
  const worst = open.find((d) => d.severity === 'error') ?? open.find((d) => d.severity === 'warning') ?? open[0];
  const body = open.map((d) => findingText(d, l, doc)).join('\n\n');
  const failure = `<failure${xmlAttrs({ message: worst?.message ?? l.fail, type: worst?.severity ?? 'error' })}>${xmlEscape(body)}</failure>`;
  return `    <testcase${attrs}>\n      ${failure}\n    </testcase>`;
}

/** One document's suite, planned: its test cases (rule instances) and their counts, before any XML is built. */
export interface JunitSuite {
  readonly r: DocumentResult;
  readonly outcomes: readonly RuleOutcome[];
  /** The findings of each outcome's instance (same index). */
  readonly findings: ReadonlyArray<readonly Diagnostic[]>;
  readonly tests: number;
  readonly failures: number;
  readonly errors: number;
  readonly skipped: number;
}

/** Test cases built per piece of the report. */
const CASES_PER_PIECE = 64;

const key = (ruleId: string, instance: string): string => `${ruleId}\u0000${instance}`;

function planSuite(r: DocumentResult): JunitSuite {
  if (r.fatal) return { r, outcomes: [], findings: [], tests: 1, failures: 0, errors: 1, skipped: 0 };
  const byInstance = new Map<string, Diagnostic[]>();
  for (const d of r.diagnostics) {
    const k = key(d.ruleId, d.instance);
    const list = byInstance.get(k);
    if (list) list.push(d);
    else byInstance.set(k, [d]);
  }
  // A finding always fails its instance; an outcome is synthesised should a check report without one.
  const outcomes: RuleOutcome[] = [...r.outcomes];
  const known = new Set(outcomes.map((o) => key(o.ruleId, o.instance)));
  for (const [k, ds] of byInstance) if (!known.has(k)) outcomes.push({ ruleId: ds[0]!.ruleId, instance: ds[0]!.instance, status: 'fail' });
  const none: readonly Diagnostic[] = [];
  const findings = outcomes.map((o) => byInstance.get(key(o.ruleId, o.instance)) ?? none);
  let failures = 0;
  let skipped = 0;
  outcomes.forEach((o, i) => {
    const kind = caseKind(o, findings[i]!);
    if (kind === 'failure') failures++;
    else if (kind === 'skipped') skipped++;
  });
  return { r, outcomes, findings, tests: outcomes.length, failures, errors: 0, skipped };
}

function* suiteXml(s: JunitSuite, l: Labels): Generator<string> {
  const r = s.r;
  if (r.fatal) {
    const tc = `    <testcase${xmlAttrs({ name: `${TOOL_NAME} [read document]`, classname: TOOL_NAME })}>\n      <error${xmlAttrs({ message: r.fatal.message, type: 'fatal' })}/>\n    </testcase>`;
    yield `  <testsuite${xmlAttrs({ name: r.file, tests: 1, failures: 0, errors: 1, skipped: 0 })}>\n${tc}\n  </testsuite>`;
    return;
  }
  const head = `  <testsuite${xmlAttrs({ name: r.file, tests: s.tests, failures: s.failures, errors: 0, skipped: s.skipped })}>`;
  const props = r.metadata
    ? `\n    <properties>\n${Object.entries(r.metadata).map(([k, v]) => `      <property${xmlAttrs({ name: k, value: String(v) })}/>`).join('\n')}\n    </properties>`
    : '';
  // a few dozen test cases per piece
  let piece = `${head}${props}`;
  for (let i = 0; i < s.outcomes.length; i++) {
    piece += `\n${testcase(s.outcomes[i]!, s.findings[i]!, l, r.file)}`;
    if (i % CASES_PER_PIECE === CASES_PER_PIECE - 1) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}\n  </testsuite>`;
}

/** The counts on <testsuites>: the sums of the suites'. */
export interface JunitTotals {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

/**
 * The JUnit report in parts, so that a run can build each document's suite as its result comes:
 * `plan` a result's suite (its test cases and counts), `add` its counts to the totals, write it
 * (`suite`); the head carries the totals, so it goes first but can be built only at the end.
 * junitChunkedReporter is head + suites + tail.
 */
export const junitReportParts = {
  plan: planSuite,
  emptyTotals(): JunitTotals {
    return { tests: 0, failures: 0, errors: 0, skipped: 0 };
  },
  add(totals: JunitTotals, s: JunitSuite): void {
    totals.tests += s.tests;
    totals.failures += s.failures;
    totals.errors += s.errors;
    totals.skipped += s.skipped;
  },
  /** The `index`-th suite (from 0), after the line break that separates it from the one before. */
  *suite(s: JunitSuite, index: number, lang: 'zh' | 'en'): Generator<string, void, undefined> {
    if (index > 0) yield '\n';
    yield* suiteXml(s, labels(lang));
  },
  head(totals: JunitTotals): string {
    return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${xmlAttrs({ name: TOOL_NAME, tests: totals.tests, failures: totals.failures, errors: totals.errors, skipped: totals.skipped })}>\n`;
  },
  /** `documents`: how many suites there are. */
  tail(documents: number): string {
    return `${documents ? '\n' : ''}</testsuites>\n`;
  },
};

/**
 * JUnit XML: one testsuite per document, one testcase per rule instance (passes included; named
 * "<rule id> [<instance>]", unique within the suite), a <failure> carrying the text of the
 * instance's findings, <skipped> for instances that did not apply, could not be assessed or are
 * accepted by the baseline, and an <error> for a document that could not be read.
 *
 * In pieces, one per test case: the counts are worked out first, then the XML is built as it is
 * written, so that 100 000+ rule instances never make one string.
 */
export const junitChunkedReporter: ChunkedReporter = function* (run, options) {
  const parts = junitReportParts;
  const suites = run.results.map(parts.plan);
  const totals = parts.emptyTotals();
  for (const s of suites) parts.add(totals, s);
  yield parts.head(totals);
  for (let i = 0; i < suites.length; i++) yield* parts.suite(suites[i]!, i, options.lang);
  yield parts.tail(suites.length);
};

/** The JUnit XML as one string (see junitChunkedReporter). */
export const junitReporter: Reporter = (run, options) => joinChunks(junitChunkedReporter(run, options));
