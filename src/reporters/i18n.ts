/** Fixed words of the human-readable reports (terminal, Markdown summary, JUnit texts) in zh and en. */
export interface Labels {
  readonly error: string;
  readonly warning: string;
  readonly info: string;
  readonly fatal: string;
  readonly pass: string;
  readonly fail: string;
  readonly notApplicable: string;
  readonly notAssessable: string;
  readonly line: string;
  readonly page: string;
  readonly row: string;
  readonly column: string;
  readonly table: string;
  readonly document: string;
  readonly expected: string;
  readonly actual: string;
  readonly difference: string;
  readonly related: string;
  readonly blank: string;
  readonly suppressed: string;
  readonly ruleInstances: string;
  readonly findings: string;
  readonly total: string;
  readonly documents: (n: number) => string;
  readonly unreadable: string;
  readonly staleEntries: string;
  readonly staleEntry: string;
  readonly baseline: string;
  readonly noFindings: string;
  readonly reason: string;
  readonly more: (n: number) => string;
  readonly instancesSummary: (s: { run: number; passed: number; failed: number; notApplicable: number; notAssessable: number }) => string;
  readonly findingsSummary: (c: { error: number; warning: number; info: number }) => string;
}

const en: Labels = {
  error: 'error',
  warning: 'warning',
  info: 'info',
  fatal: 'fatal',
  pass: 'pass',
  fail: 'fail',
  notApplicable: 'not applicable',
  notAssessable: 'not assessable',
  line: 'line',
  page: 'page',
  row: 'row',
  column: 'column',
  table: 'table',
  document: '(narrative and other text)',
  expected: 'expected',
  actual: 'actual',
  difference: 'difference',
  related: 'related',
  blank: '(blank)',
  suppressed: 'suppressed by baseline',
  ruleInstances: 'rule instances',
  findings: 'findings',
  total: 'Total',
  documents: (n) => `${n} ${n === 1 ? 'document' : 'documents'}`,
  unreadable: 'unreadable',
  staleEntries: 'stale baseline entries (they no longer match a finding)',
  staleEntry: 'stale baseline entry (it no longer matches a finding)',
  baseline: 'baseline',
  noFindings: 'no findings',
  reason: 'reason',
  more: (n) => `… and ${n} more`,
  instancesSummary: (s) =>
    `${s.run} rule ${s.run === 1 ? 'instance' : 'instances'}: ${s.passed} passed, ${s.failed} failed, ${s.notApplicable} not applicable, ${s.notAssessable} not assessable`,
  findingsSummary: (c) => `findings: ${c.error} ${c.error === 1 ? 'error' : 'errors'}, ${c.warning} ${c.warning === 1 ? 'warning' : 'warnings'}, ${c.info} info`,
};

const zh: Labels = {
  error: '错误',
  warning: '警告',
  info: '提示',
  fatal: '无法检查',
  pass: '通过',
  fail: '未通过',
  notApplicable: '不适用',
  notAssessable: '无法判断',
  line: '行',
  page: '页',
  row: '行项目',
  column: '列',
  table: '表',
  document: '（文字说明等）',
  expected: '应为',
  actual: '实为',
  difference: '差额',
  related: '相关数值',
  blank: '（空白）',
  suppressed: '已由基线豁免',
  ruleInstances: '项规则检查',
  findings: '问题',
  total: '合计',
  documents: (n) => `${n} 份文档`,
  unreadable: '无法读取',
  staleEntries: '条基线记录已过期（不再对应任何问题）',
  staleEntry: '条基线记录已过期（不再对应任何问题）',
  baseline: '基线',
  noFindings: '未发现问题',
  reason: '理由',
  more: (n) => `……另有 ${n} 条`,
  instancesSummary: (s) =>
    `${s.run} 项规则检查：${s.passed} 项通过，${s.failed} 项未通过，${s.notApplicable} 项不适用，${s.notAssessable} 项无法判断`,
  findingsSummary: (c) => `问题：错误 ${c.error} 个，警告 ${c.warning} 个，提示 ${c.info} 个`,
};

export function labels(lang: 'zh' | 'en'): Labels {
  return lang === 'zh' ? zh : en;
}
