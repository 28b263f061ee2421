import type { Diagnostic, DiagnosticLocation, Severity } from '../engine/diagnostic.js';
import { labels, type Labels } from './i18n.js';
import { runTotals } from './totals.js';
import type { Reporter } from './types.js';
import { comparison, position, relatedText } from './where.js';

/** Workflow-command data: %, CR and LF are percent-encoded so a message stays on one command line. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow-command property values additionally encode ':' and ','. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

function properties(loc: DiagnosticLocation, title: string): string {
  const props: Array<[string, string | number]> = [['file', loc.file]];
  // Only text files have lines GitHub can show; a PDF page line or a sheet cell goes into the message.
  if (loc.page === undefined && loc.sheet === undefined && loc.line !== undefined) {
    props.push(['line', loc.line]);
    if (loc.endLine !== undefined) props.push(['endLine', loc.endLine]);
    if (loc.column !== undefined) props.push(['col', loc.column]);
    if (loc.endColumn !== undefined) props.push(['endColumn', loc.endColumn]);
  }
  props.push(['title', title]);
  return props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
}

function annotation(d: Diagnostic, l: Labels): string {
  const lines = [d.message];
  if (d.location.page !== undefined || d.location.sheet !== undefined) lines[0] += ` (${position(d.location, l)})`;
  const cmp = comparison(d.data, l);
  if (cmp) lines.push(cmp);
  for (const rel of d.related) lines.push(`${l.related}: ${relatedText(rel, l)}`);
  return `::${COMMAND[d.severity]} ${properties(d.location, d.ruleId)}::${escapeData(lines.join('\n'))}`;
}

/**
 * GitHub Actions workflow commands: one ::error / ::warning / ::notice annotation per finding
 * (suppressed ones left out) and one ::error per unreadable document, then a plain summary line.
 * GitHub shows only the first annotations of each type, so the CLI also writes the Markdown
 * summary (markdown reporter) to $GITHUB_STEP_SUMMARY with the full counts.
 */
export const githubReporter: Reporter = (run, options) => {
  const l = labels(options.lang);
  const out: string[] = [];
  for (const r of run.results) {
    if (r.fatal) out.push(`::error file=${escapeProperty(r.file)},title=budgetlint::${escapeData(r.fatal.message)}`);
    for (const d of r.diagnostics) if (!d.suppressed) out.push(annotation(d, l));
  }
  const t = runTotals(run.results);
  out.push(`budgetlint: ${l.documents(t.documents)} · ${l.instancesSummary(t.summary)} · ${l.findingsSummary(t.counts)}`);
  return `${out.join('\n')}\n`;
};
