import { describe, expect, it } from 'vitest';
import { blocksOf, yearTotal } from '../../src/checks/performance/blocks.js';
import { scanForms } from '../../src/checks/performance/forms.js';
import { projectStatements } from '../../src/checks/performance/statements.js';
import { corpusDocument, corpusResult } from '../support/corpus.js';

const DIR = 'fixtures/corpus';

function amount(v: unknown): string {
  return typeof v === 'object' && v !== null && 'raw' in v ? (v as { raw: string }).raw : String(v);
}

describe('绩效目标 forms of the corpus PDFs', () => {
  it('万里街道 2023: five 财政项目支出绩效目标填报表 (pages 31–35), each with both fund blocks', async () => {
    const file = `${DIR}/putuo-2023-wanli-street-budget.pdf`;
    const doc = await corpusDocument(file);
    const scan = scanForms(doc);
    expect(scan.present).toBe(true);
    expect(scan.unreadable).toEqual([]);
    expect(scan.forms.map((f) => [f.location.page, f.unit, f.problems])).toEqual([31, 32, 33, 34, 35].map((p) => [p, '元', []]));
    // (the wrapped-name reader, src/parsers/pdf/form-names.ts, finds no wrapped name here)
    expect(scan.forms.map((f) => f.project)).toEqual(['新建万里街道社区公共服务中心', '就业援助基地补贴', '社区环境整治和建设经费', '各类工作经费', '公共服务设施运行经费']);
    expect(scan.forms.map((f) => amount(yearTotal(f)!.total.value))).toEqual(['4,100,000.00', '6,351,000.00', '4,563,800.00', '7595500.00', '10,903,043.00']);
    // form 5: 年度资金申请总额 10,903,043.00 over 当年财政拨款 11,419,043.00 + 上年结转资金 0.00 + 其他资金 0.00
    const blocks = blocksOf(scan.forms[4]!).map((b) => [b.total.label.text, amount(b.total.value), b.parts.map((p) => `${p.label.text} ${amount(p.value)}`), b.problems]);
    expect(blocks).toEqual([
      ['项目资金总额', '10,903,043.00', ['财政资金 10,903,043.00', '其他资金 0.00'], []],
      ['年度资金申请总额', '10,903,043.00', ['当年财政拨款 11,419,043.00', '上年结转资金 0.00', '其他资金 0.00'], []],
    ]);
    const [s] = projectStatements(doc, scan.formParagraphs);
    expect([s!.count!.value, s!.amount!.value.toFixed(2), s!.amount!.unit]).toEqual([5, '3328.13', '万元']);

    const r = await corpusResult(file);
    const mine = r.diagnostics.filter((d) => d.ruleId.startsWith('performance/'));
    expect(mine.map((d) => [d.ruleId, d.messageId, d.location.page, d.location.line, d.location.field ?? null, d.data])).toEqual([
      ['performance/forms-vs-narrative', 'amountMismatch', 29, 18, null, { forms: 5, formsTotal: '3351.3343', actual: '3328.13', expected: '3351.33', difference: '-23.20', unit: '万元' }],
      [
        'performance/form-parts',
        'partExceedsTotal',
        35,
        7,
        '当年财政拨款',
        { form: 5, subject: mine[1]!.data['subject']!, total: '年度资金申请总额', unit: '元', part: '当年财政拨款', actual: '11419043.00', expected: '10903043.00', difference: '516000.00' },
      ],
    ]);
    // the five totals are the related values of the narrative finding, each where it is printed
    expect(mine[0]!.related.map((x) => [x.location.page, x.location.line, x.value, x.unit])).toEqual([
      [31, 6, '4100000.00', '元'],
      [32, 6, '6351000.00', '元'],
      [33, 6, '4563800.00', '元'],
      [34, 6, '7595500.00', '元'],
      [35, 6, '10903043.00', '元'],
    ]);
    const outcome = (id: string): string | undefined => r.outcomes.find((o) => `${o.ruleId}#${o.instance}` === id)?.status;
    expect(outcome('performance/forms-vs-narrative#statement-1/count')).toBe('pass');
    expect(r.outcomes.filter((o) => o.ruleId === 'performance/form-parts' && o.status === 'pass')).toHaveLength(9);
  }, 30_000);

  it.each([
    ['putuo-2025-commerce-dept-budget', 25, '11381.60'],
    ['putuo-2025-govoffice-unit-budget', 11, '6626'],
  ])('%s: the forms are not printed ("详见单位的项目绩效目标表"), so both rules are not applicable', async (name, count, money) => {
    const file = `${DIR}/${name}.pdf`;
    const doc = await corpusDocument(file);
    const scan = scanForms(doc);
    expect(scan.present).toBe(false);
    const [s] = projectStatements(doc, scan.formParagraphs);
    expect([s!.count!.value, s!.amount!.raw]).toEqual([count, money]);
    const r = await corpusResult(file);
    expect(r.outcomes.filter((o) => o.ruleId.startsWith('performance/')).map((o) => [o.ruleId, o.instance, o.status])).toEqual([
      ['performance/form-parts', 'forms', 'not-applicable'],
      ['performance/forms-vs-narrative', 'statement-1/amount', 'not-applicable'],
      ['performance/forms-vs-narrative', 'statement-1/count', 'not-applicable'],
    ]);
  }, 30_000);
});
