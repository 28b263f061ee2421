import { labels } from './i18n.js';
import { runTotals, suppressedCount } from './totals.js';
import type { Reporter } from './types.js';
import { where } from './where.js';

/** Findings listed in full up to this many; the counts above the list are always complete. */
export const MARKDOWN_FINDINGS_LIMIT = 500;

function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/**
 * Markdown summary for $GITHUB_STEP_SUMMARY (or any Markdown page): whole-run counts, a table of
 * documents with their counts, and the findings (the first MARKDOWN_FINDINGS_LIMIT of them).
 */
export const markdownReporter: Reporter = (run, options) => {
  const l = labels(options.lang);
  const zh = options.lang === 'zh';
  const t = runTotals(run.results);
  const out: string[] = ['## budgetlint', ''];
  const docs = `${l.documents(t.documents)}${t.fatal > 0 ? ` (${t.fatal} ${l.unreadable})` : ''}`;
  out.push(`**${docs}** · ${l.instancesSummary(t.summary)} · **${l.findingsSummary(t.counts)}**${t.suppressed > 0 ? ` · ${t.suppressed} ${l.suppressed}` : ''}`, '');
  const head = zh
    ? ['文档', '检查项', '通过', '未通过', '不适用', '无法判断', '错误', '警告', '提示', '豁免']
    : ['Document', 'Rule instances', 'Passed', 'Failed', 'Not applicable', 'Not assessable', 'Errors', 'Warnings', 'Info', 'Suppressed'];
  out.push(`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
  for (const r of run.results) {
    if (r.fatal) {
      out.push(`| ${cell(r.file)} | ${cell(`${l.fatal}: ${r.fatal.message}`)} |${' |'.repeat(head.length - 2)}`);
      continue;
    }
    const s = r.summary;
    const c = r.counts;
    out.push(`| ${cell(r.file)} | ${s.run} | ${s.passed} | ${s.failed} | ${s.notApplicable} | ${s.notAssessable} | ${c.error} | ${c.warning} | ${c.info} | ${suppressedCount(r)} |`);
  }
  const findings = run.results.flatMap((r) => r.diagnostics.filter((d) => !d.suppressed).map((d) => ({ r, d })));
  if (findings.length > 0) {
    out.push('', zh ? `### 问题（${findings.length}）` : `### Findings (${findings.length})`, '');
    const fh = zh ? ['级别', '规则', '文档', '位置', '说明'] : ['Severity', 'Rule', 'Document', 'Where', 'Message'];
    out.push(`| ${fh.join(' | ')} |`, `|${fh.map(() => '---').join('|')}|`);
    for (const { r, d } of findings.slice(0, MARKDOWN_FINDINGS_LIMIT)) {
      out.push(`| ${l[d.severity]} | \`${d.ruleId}\` | ${cell(r.file)} | ${cell(where(d.location, l, r.file))} | ${cell(d.message)} |`);
    }
    if (findings.length > MARKDOWN_FINDINGS_LIMIT) out.push('', l.more(findings.length - MARKDOWN_FINDINGS_LIMIT));
  }
  if (run.baseline && run.baseline.stale.length > 0) {
    const n = run.baseline.stale.length;
    out.push('', `${l.baseline} \`${run.baseline.file}\`: ${n} ${n === 1 ? l.staleEntry : l.staleEntries}`);
  }
  return `${out.join('\n')}\n`;
};
