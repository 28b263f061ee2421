import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocumentResult } from '../../src/engine/diagnostic.js';
import { scanForms } from '../../src/checks/performance/forms.js';
import { textToPdf } from '../../src/generate/render-pdf.js';
import { parseBuffer } from '../../src/parsers/index.js';
import { defaultLinter } from '../support/lint.js';

/**
 * Two 绩效目标 forms of projects with the same name print the same header rows (项目名称, 主管部门,
 * dates). The table reader takes a later part's header rows that repeat the first part's for a
 * repeated header: they are kept with the part (TablePart.repeatedHeader), and the forms reader reads
 * them in their place, so the second form keeps its project name; its findings name it
 * "社区服务中心运行（第2张）", distinct from the first form's, in tabbed text and in PDF alike.
 */
const FIXTURE = 'fixtures/performance/same-project-name/input.txt';
const TEXT = readFileSync(FIXTURE, 'utf8');
const RULES = new Set(['performance/form-parts', 'performance/forms-vs-narrative']);

function findings(r: DocumentResult): unknown[] {
  return r.diagnostics.filter((d) => RULES.has(d.ruleId)).map((d) => [d.ruleId, d.messageId, d.location.row, d.location.field, d.data['form'], d.data['actual'], d.data['expected']]);
}

const EXPECTED = [
  ['performance/form-parts', 'partsMismatch', '社区服务中心运行', '年度资金申请总额', 1, '1000000.00', '900000.00'],
  ['performance/form-parts', 'partsMismatch', '社区服务中心运行（第2张）', '年度资金申请总额', 2, '500000.50', '600000.50'],
];

describe('two 绩效目标 forms of projects with the same name', () => {
  it('tabbed text: both forms keep the name, told apart in findings and fingerprints', async () => {
    const doc = await parseBuffer(new TextEncoder().encode(TEXT), 'same.txt');
    expect(scanForms(doc).forms.map((f) => [f.index, f.project, f.subject, f.location.line])).toEqual([
      [1, '社区服务中心运行', '社区服务中心运行', 9],
      [2, '社区服务中心运行', '社区服务中心运行（第2张）', 25],
    ]);
    // the repeated header is not a row of the table: it stays with its part
    const [table] = doc.tables;
    expect(table!.rows.some((r) => r.label === '项目名称')).toBe(false);
    expect(table!.parts.map((p) => p.repeatedHeader.map((r) => r.location.line))).toEqual([[], [25, 26, 27]]);
    const r = await defaultLinter().checkBuffer(new TextEncoder().encode(TEXT), 'same.txt');
    expect(findings(r)).toEqual(EXPECTED);
    const prints = r.diagnostics.filter((d) => RULES.has(d.ruleId)).map((d) => d.fingerprint);
    expect(new Set(prints).size).toBe(2);
    expect(r.outcomes.find((o) => o.instance === 'statement-1/count')?.status).toBe('pass');
  });

  it('PDF (each form printed under its own title): the same forms and findings', async () => {
    const bytes = textToPdf(TEXT);
    const doc = await parseBuffer(bytes, 'same.pdf');
    expect(scanForms(doc).forms.map((f) => [f.index, f.project, f.subject])).toEqual([
      [1, '社区服务中心运行', '社区服务中心运行'],
      [2, '社区服务中心运行', '社区服务中心运行（第2张）'],
    ]);
    const r = await defaultLinter().checkBuffer(bytes, 'same.pdf');
    expect(findings(r)).toEqual(EXPECTED);
  }, 30_000);

  it('the second form without a title of its own (one printed part): its repeated header is kept too', async () => {
    const lines = TEXT.split('\n');
    const second = lines.indexOf('财政项目支出绩效目标填报表', lines.indexOf('财政项目支出绩效目标填报表') + 1);
    const untitled = [...lines.slice(0, second), ...lines.slice(second + 2)].join('\n');
    const doc = await parseBuffer(new TextEncoder().encode(untitled), 'same.txt');
    expect(doc.tables[0]!.parts.map((p) => p.repeatedHeader.map((r) => r.location.line))).toEqual([[23, 24, 25]]);
    expect(scanForms(doc).forms.map((f) => [f.project, f.subject])).toEqual([
      ['社区服务中心运行', '社区服务中心运行'],
      ['社区服务中心运行', '社区服务中心运行（第2张）'],
    ]);
  });

  it('forms printed as plain lines (no tabs): the same names', async () => {
    const plain = TEXT.replace(/\t+/g, ' ');
    const doc = await parseBuffer(new TextEncoder().encode(plain), 'same.txt');
    expect(scanForms(doc).forms.map((f) => [f.project, f.subject])).toEqual([
      ['社区服务中心运行', '社区服务中心运行'],
      ['社区服务中心运行', '社区服务中心运行（第2张）'],
    ]);
  });

  it('a form continued on a page that repeats its title and header is still one form', async () => {
    // the first form's indicators printed on a second page under the same title and header
    const lines = TEXT.split('\n');
    const first = lines.indexOf('财政项目支出绩效目标填报表');
    const second = lines.indexOf('财政项目支出绩效目标填报表', first + 1);
    const header = lines.slice(first, lines.findIndex((l) => l.startsWith('项目资金（元）')));
    const end = lines.lastIndexOf('', second - 1);
    const continued = [...lines.slice(0, end), '', ...header, '效益指标\t社会效益指标\t群众获得感\t≥90.00(%)', '', ...lines.slice(second)].join('\n');
    const doc = await parseBuffer(new TextEncoder().encode(continued), 'same.txt');
    expect(scanForms(doc).forms.map((f) => f.subject)).toEqual(['社区服务中心运行', '社区服务中心运行（第2张）']);
  });
});
