import type { Diagnostic, DocumentResult, RuleOutcome } from '../engine/diagnostic.js';
import { labels, type Labels } from './i18n.js';
import { TOOL_NAME } from './tool.js';
import type { Reporter } from './types.js';
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

interface Case {
  readonly xml: string;
  readonly kind: 'pass' | 'failure' | 'skipped';
}

function testcase(o: RuleOutcome, findings: readonly Diagnostic[], l: Labels, doc: string): Case {
  const attrs = xmlAttrs({ name: `${o.ruleId} [${o.instance}]`, classname: o.ruleId });
  if (o.status === 'not-applicable' || o.status === 'not-assessable') {
    const label = o.status === 'not-applicable' ? l.notApplicable : l.notAssessable;
    return { xml: `    <testcase${attrs}>\n      <skipped${xmlAttrs({ message: o.reason ? `${label}: ${o.reason}` : label })}/>\n    </testcase>`, kind: 'skipped' };
  }
  if (o.status === 'pass') return { xml: `    <testcase${attrs}/>`, kind: 'pass' };
  const open = findings.filter((d) => !d.suppressed);
  if (open.length === 0 && findings.length > 0) {
    const reasons = [...new Set(findings.map((d) => d.suppressed!.reason))].join('; ');
    return { xml: `    <testcase${attrs}>\n      <skipped${xmlAttrs({ message: `${l.suppressed}: ${reasons}` })}/>\n    </testcase>`, kind: 'skipped' };
  }
  const worst = open.find((d) => d.severity === 'error') ?? open.find((d) => d.severity === 'warning') ?? open[0];
  const body = open.map((d) => findingText(d, l, doc)).join('\n\n');
  const failure = `<failure${xmlAttrs({ message: worst?.message ?? l.fail, type: worst?.severity ?? 'error' })}>${xmlEscape(body)}</failure>`;
  return { xml: `    <testcase${attrs}>\n      ${failure}\n    </testcase>`, kind: 'failure' };
}

function suite(r: DocumentResult, l: Labels): { xml: string; tests: number; failures: number; errors: number; skipped: number } {
  if (r.fatal) {
    const tc = `    <testcase${xmlAttrs({ name: `${TOOL_NAME} [read document]`, classname: TOOL_NAME })}>\n      <error${xmlAttrs({ message: r.fatal.message, type: 'fatal' })}/>\n    </testcase>`;
    return { xml: `  <testsuite${xmlAttrs({ name: r.file, tests: 1, failures: 0, errors: 1, skipped: 0 })}>\n${tc}\n  </testsuite>`, tests: 1, failures: 0, errors: 1, skipped: 0 };
  }
  const byInstance = new Map<string, Diagnostic[]>();
  for (const d of r.diagnostics) {
    const k = `${d.ruleId}\u0000${d.instance}`;
    const list = byInstance.get(k);
    if (list) list.push(d);
    else byInstance.set(k, [d]);
  }
  // A finding always fails its instance; an outcome is synthesised should a check report without one.
  const outcomes: RuleOutcome[] = [...r.outcomes];
  const known = new Set(outcomes.map((o) => `${o.ruleId}\u0000${o.instance}`));
  for (const [k, ds] of byInstance) if (!known.has(k)) outcomes.push({ ruleId: ds[0]!.ruleId, instance: ds[0]!.instance, status: 'fail' });
  const cases = outcomes.map((o) => testcase(o, byInstance.get(`${o.ruleId}\u0000${o.instance}`) ?? [], l, r.file));
  const failures = cases.filter((c) => c.kind === 'failure').length;
  const skipped = cases.filter((c) => c.kind === 'skipped').length;
  const head = `  <testsuite${xmlAttrs({ name: r.file, tests: cases.length, failures, errors: 0, skipped })}>`;
  const props = r.metadata
    ? `\n    <properties>\n${Object.entries(r.metadata).map(([k, v]) => `      <property${xmlAttrs({ name: k, value: String(v) })}/>`).join('\n')}\n    </properties>`
    : '';
  const body = cases.map((c) => c.xml).join('\n');
  return { xml: `${head}${props}${body ? `\n${body}` : ''}\n  </testsuite>`, tests: cases.length, failures, errors: 0, skipped };
}

/**
 * JUnit XML: one testsuite per document, one testcase per rule instance (passes included; named
 * "<rule id> [<instance>]", unique within the suite), a <failure> carrying the text of the
 * instance's findings, <skipped> for instances that did not apply, could not be assessed or are
 * accepted by the baseline, and an <error> for a document that could not be read.
 */
export const junitReporter: Reporter = (run, options) => {
  const l = labels(options.lang);
  const suites = run.results.map((r) => suite(r, l));
  const sum = (k: 'tests' | 'failures' | 'errors' | 'skipped'): number => suites.reduce((n, s) => n + s[k], 0);
  const head = `<testsuites${xmlAttrs({ name: TOOL_NAME, tests: sum('tests'), failures: sum('failures'), errors: sum('errors'), skipped: sum('skipped') })}>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}\n${suites.map((s) => s.xml).join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
};
