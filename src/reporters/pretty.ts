import type { Diagnostic, DocumentResult, OutcomeStatus, RuleOutcome, Severity } from '../engine/diagnostic.js';
import { painter, type Paint } from './color.js';
import { labels, type Labels } from './i18n.js';
import { runTotals, suppressedCount } from './totals.js';
import type { ChunkedReporter, Reporter, ReporterOptions, RunResult } from './types.js';
import { comparison, relatedText, tableHeading, where } from './where.js';

/**
 * Terminal report: findings grouped by document and table, each with severity, rule id, message,
 * where it is, expected / actual / difference and the related values; a summary per document and
 * for the whole run. With showPassed every rule instance is listed with its outcome.
 */
export const prettyReporter: Reporter = (run, options) => [...prettyChunkedReporter(run, options)].join('');

/** The terminal report one document's section at a time (joined, prettyReporter's text). */
export const prettyChunkedReporter = function* (run: RunResult, options: ReporterOptions): Generator<string, void, undefined> {
  const parts = prettyReportParts(options);
  for (const r of run.results) yield parts.document(r);
  yield parts.tail(run.results, run.baseline);
} satisfies ChunkedReporter;

/**
 * The terminal report in parts, so that a run can write it while its documents are checked: each
 * document's section, then the tail (the stale baseline entries and the run's total). Written one
 * after another they are prettyReporter's text.
 */
export function prettyReportParts(options: ReporterOptions): {
  document(r: DocumentResult): string;
  tail(results: readonly DocumentResult[], baseline: RunResult['baseline']): string;
} {
  const c = painter(options.color);
  const l = labels(options.lang);
  const showPassed = options.showPassed ?? false;
  return {
    document: (r) => `${linesText(documentSection(r, c, l, showPassed))}\n`,
    tail(results, baseline) {
      const out: string[] = [];
      if (baseline && baseline.stale.length > 0) {
        const n = baseline.stale.length;
        out.push(c.yellow(`${l.baseline} ${baseline.file}: ${n} ${n === 1 ? l.staleEntry : l.staleEntries}`));
        for (const e of baseline.stale) out.push(`  ${e.file}  ${e.ruleId}  ${c.dim(e.fingerprint)}  ${e.where ?? ''}`.trimEnd());
        out.push('');
      }
      const t = runTotals(results);
      const docs = `${l.documents(t.documents)}${t.fatal > 0 ? ` (${t.fatal} ${l.unreadable})` : ''}`;
      const suppressed = t.suppressed > 0 ? ` · ${t.suppressed} ${l.suppressed}` : '';
      out.push(c.bold(`${l.total}: ${docs} · ${l.instancesSummary(t.summary)} · ${l.findingsSummary(t.counts)}${suppressed}`));
      return linesText(out);
    },
  };
}

/** Lines as text, each ended by a line break. */
function linesText(list: readonly string[]): string {
  return `${list.join('\n')}\n`;
}

/**
 * Document text reaches the terminal through messages and labels: control characters (which could
 * move the cursor or recolour the screen) are dropped, and a line break continues indented.
 */
export function terminalText(s: string, indent = '      '): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '').replace(/\n/g, `\n${indent}`);
}

function documentSection(r: DocumentResult, c: Paint, l: Labels, showPassed: boolean): string[] {
  const lines: string[] = [];
  const meta = r.metadata ? [r.metadata['department'], r.metadata['year'], r.metadata['scope']].filter((x) => x !== undefined).join(' ') : '';
  lines.push(c.underline(r.file) + (meta ? `  ${c.dim(meta)}` : ''));
  if (r.fatal) {
    lines.push(`  ${c.red(`✖ ${l.fatal}`)}  ${terminalText(r.fatal.message)}`);
    return lines;
  }
  const shown = r.diagnostics.filter((d) => !d.suppressed);
  const groups = new Map<string, Diagnostic[]>();
  for (const d of shown) {
    const k = tableHeading(d.location) ?? l.document;
    const list = groups.get(k);
    if (list) list.push(d);
    else groups.set(k, [d]);
  }
  for (const [heading, list] of groups) {
    lines.push(`  ${c.bold(heading)}`);
    for (const d of list) lines.push(...finding(d, c, l, r.file));
  }
  if (shown.length === 0) lines.push(`  ${c.green(`✔ ${l.noFindings}`)}`);
  const outcomes = showPassed ? r.outcomes : r.outcomes.filter((o) => o.status === 'not-assessable');
  if (outcomes.length > 0) {
    lines.push(`  ${c.bold(showPassed ? l.ruleInstances : l.notAssessable)}`);
    for (const o of outcomes) lines.push(outcomeLine(o, c, l, r.file));
  }
  const s = suppressedCount(r);
  lines.push(`  ${l.instancesSummary(r.summary)} · ${l.findingsSummary(r.counts)}${s > 0 ? ` · ${s} ${l.suppressed}` : ''}`);
  return lines;
}

const MARK: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ' };

function finding(d: Diagnostic, c: Paint, l: Labels, doc: string): string[] {
  const paint = d.severity === 'error' ? c.red : d.severity === 'warning' ? c.yellow : c.blue;
  const lines = [`    ${paint(`${MARK[d.severity]} ${l[d.severity]}`)}  ${terminalText(d.message)}  ${c.dim(d.ruleId)}`];
  const at = where(d.location, l, doc);
  if (at) lines.push(`      ${c.dim(terminalText(at))}`);
  const cmp = comparison(d.data, l);
  if (cmp) lines.push(`      ${terminalText(cmp)}`);
  d.related.forEach((rel, i) => lines.push(c.dim(`      ${i === 0 ? `${l.related}:` : ' '.repeat(l.related.length + 1)} ${terminalText(relatedText(rel, l, doc))}`)));
  return lines;
}

const STATUS: Record<OutcomeStatus, { mark: string; label: keyof Labels }> = {
  pass: { mark: '✔', label: 'pass' },
  fail: { mark: '✖', label: 'fail' },
  'not-applicable': { mark: '–', label: 'notApplicable' },
  'not-assessable': { mark: '?', label: 'notAssessable' },
};

function outcomeLine(o: RuleOutcome, c: Paint, l: Labels, doc: string): string {
  const s = STATUS[o.status];
  const paint = o.status === 'pass' ? c.green : o.status === 'fail' ? c.red : o.status === 'not-assessable' ? c.yellow : c.dim;
  const at = o.location ? where(o.location, l, doc) : '';
  const reason = o.reason ? `  — ${o.reason}` : '';
  return `    ${paint(`${s.mark} ${String(l[s.label])}`)}  ${o.ruleId}  ${terminalText(o.instance)}${at ? c.dim(`  (${terminalText(at)})`) : ''}${terminalText(reason)}`;
}
