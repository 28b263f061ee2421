import { Chalk } from 'chalk';
import { formatPosition } from '../model/location.js';
import type { Reporter } from './types.js';

/** Terminal report: findings grouped by document and table, then a summary per document. */
export const prettyReporter: Reporter = (run, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const sev = { error: c.red('error'), warning: c.yellow('warning'), info: c.blue('info') };
  const lines: string[] = [];
  for (const r of run.results) {
    lines.push(c.underline(r.file));
    if (r.fatal) {
      lines.push(`  ${c.red('fatal')}  ${r.fatal.message}`, '');
      continue;
    }
    let table: string | undefined;
    for (const d of r.diagnostics) {
      if (d.suppressed) continue;
      const t = d.location.table ?? '';
      if (t !== table) {
        table = t;
        if (t) lines.push(`  ${c.bold(t)}`);
      }
      const where = [formatPosition(d.location), d.location.row, d.location.field].filter(Boolean).join('  ');
      lines.push(`    ${where.padEnd(28)} ${sev[d.severity]}  ${d.message}  ${c.dim(d.ruleId)}`);
      for (const rel of d.related) {
        lines.push(c.dim(`        ↳ ${rel.label}${rel.value !== undefined ? ` = ${rel.value}${rel.unit ?? ''}` : ''} (${formatPosition(rel.location)})`));
      }
    }
    const s = r.summary;
    lines.push(
      `  ${s.run} checks: ${s.passed} passed, ${s.failed} failed, ${s.notApplicable} not applicable, ${s.notAssessable} not assessable; ` +
        `${r.counts.error} errors, ${r.counts.warning} warnings, ${r.counts.info} info`,
      '',
    );
  }
  return `${lines.join('\n')}\n`;
};
