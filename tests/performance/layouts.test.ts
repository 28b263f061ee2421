import { describe, expect, it } from 'vitest';
import type { DocumentResult } from '../../src/engine/diagnostic.js';
import { scanForms } from '../../src/checks/performance/forms.js';
import { blocksOf } from '../../src/checks/performance/blocks.js';
import { lintText, parseTextDoc } from '../support/lint.js';

const RULES = ['performance/form-parts', 'performance/forms-vs-narrative'];
const HEAD = ['上海市某区2024年区级部门预算', '', '预算主管部门：上海市某区测试局', '', '四、绩效目标设置情况'];

function doc(narrative: string, ...forms: string[][]): string {
  return [...HEAD, narrative, '', ...forms.flatMap((f) => [...f, ''])].join('\n');
}

/** Findings as [rule, messageId, line, field, actual, expected] and the status of every instance. */
function view(r: DocumentResult): { findings: unknown[]; outcomes: Record<string, string> } {
  return {
    findings: r.diagnostics.map((d) => [d.ruleId, d.messageId, d.location.line, d.location.field ?? null, d.data['actual'], d.data['expected']]),
    outcomes: Object.fromEntries(r.outcomes.map((o) => [`${o.ruleId}#${o.instance}`, o.status])),
  };
}

const NARRATIVE = '编报绩效目标的项目1个，涉及项目预算资金100.00万元。';

/**
 * One Shanghai 财政项目支出绩效目标填报表 with its fund lines printed four ways: the two blocks side
 * by side (as budget systems export it), one block after the other, as plain lines without tabs, and
 * with 其他资金 of both blocks on one line (as the PDF text layer gives it). 当年财政拨款 1,050,000.00
 * exceeds 年度资金申请总额 1,000,000.00 in every one; the 项目资金 block holds.
 */
const LAYOUTS: Record<string, string[]> = {
  'side by side (tabs)': [
    '财政项目支出绩效目标填报表',
    '项目名称\t社区服务\t项目性质\t经常性项目',
    '项目资金（元）\t项目资金总额\t1,000,000.00\t年度资金申请总额\t1,000,000.00',
    '\t其中：财政资金\t1,000,000.00\t其中：当年财政拨款\t1,050,000.00',
    '\t其他资金\t0.00\t上年结转资金\t0.00',
    '\t\t\t其他资金\t0.00',
    '项目总目标\t保障社区服务。\t年度总体目标\t保障社区服务。',
  ],
  'one block after the other': [
    '财政项目支出绩效目标填报表',
    '项目名称\t社区服务',
    '项目资金（元）\t项目资金总额\t1,000,000.00',
    '\t其中：财政资金\t1,000,000.00',
    '\t其他资金\t0.00',
    '\t年度资金申请总额\t1,000,000.00',
    '\t其中：当年财政拨款\t1,050,000.00',
    '\t上年结转资金\t0.00',
    '\t其他资金\t0.00',
    '项目总目标\t保障社区服务。',
  ],
  'plain lines without tabs': [
    '财政项目支出绩效目标填报表',
    '项目名称 社区服务 项目性质 经常性项目',
    '项目资金总额 1,000,000.00 年度资金申请总额 1,000,000.00',
    '其中：当年财政拨款 1,050,000.00',
    '项目资金（元） 其中：财政资金 1,000,000.00',
    '上年结转资金 0.00',
    '其他资金 0.00 其他资金 0.00',
    '项目总目标 保障社区服务。 年度总体目标 保障社区服务。',
  ],
  'no space between amounts and labels': [
    '财政项目支出绩效目标填报表',
    '项目名称：社区服务',
    '项目资金总额1,000,000.00年度资金申请总额1,000,000.00',
    '其中：财政资金1,000,000.00其中：当年财政拨款1,050,000.00',
    '其他资金0.00上年结转资金0.00',
    '其他资金(元)0.00',
    '项目总目标：保障社区服务。',
  ],
  'label and amount in one cell': [
    '财政项目支出绩效目标填报表',
    '项目名称：社区服务\t项目性质：经常性项目',
    '项目资金总额：1,000,000.00元\t年度资金申请总额：1,000,000.00元',
    '其中：财政资金：1,000,000.00元\t其中：当年财政拨款：1,050,000.00元',
    '其他资金：0.00元\t上年结转资金：0.00元',
    '\t其他资金：0.00元',
    '项目总目标：保障社区服务。',
  ],
};

describe('绩效目标 forms printed in different layouts give the same verdicts', () => {
  for (const [name, form] of Object.entries(LAYOUTS)) {
    it(name, async () => {
      const r = await lintText(doc(NARRATIVE, form), RULES);
      const v = view(r);
      expect(v.findings.map((f) => (f as unknown[]).filter((_, i) => i !== 2))).toEqual([
        ['performance/form-parts', 'partExceedsTotal', '当年财政拨款', '1050000.00', '1000000.00'],
      ]);
      expect(v.outcomes).toMatchObject({
        'performance/form-parts#form-1/项目资金总额': 'pass',
        'performance/form-parts#form-1/年度资金申请总额': 'fail',
        'performance/forms-vs-narrative#statement-1/count': 'pass',
        'performance/forms-vs-narrative#statement-1/amount': 'pass',
      });
      // (a "项目名称" header cell of a tabbed table is the parser's name column, not kept in the model)
      const scan = scanForms(await parseTextDoc(doc(NARRATIVE, form)));
      expect(scan.forms.map((f) => f.unit)).toEqual(['元']);
    });
  }

  it('a header of value columns (中期资金总额 | 年度资金总额) with one amount per column', async () => {
    const form = [
      '项目支出绩效目标表',
      '项目名称\t社区服务',
      '项目资金（万元）\t中期资金总额\t年度资金总额',
      '\t资金总额\t300.00\t100.00',
      '\t其中：财政拨款\t250.00\t80.00',
      '\t其他资金\t40.00\t20.00',
      '年度绩效目标\t保障社区服务。',
    ];
    const r = await lintText(doc(NARRATIVE, form), RULES);
    expect(view(r).findings).toEqual([['performance/form-parts', 'partsMismatch', 11, '中期资金总额', '300.00', '290.00']]);
    expect(view(r).outcomes['performance/form-parts#form-1/年度资金总额']).toBe('pass');
    expect(view(r).outcomes['performance/forms-vs-narrative#statement-1/amount']).toBe('pass');
  });

  it('a header row of labels with the amounts on the line below', async () => {
    const form = ['项目支出绩效目标表', '项目名称\t社区服务', '单位：万元', '年度资金总额\t其中：财政拨款\t上年结转\t其他资金', '100.00\t70.00\t20.00\t10.00', '年度绩效目标\t保障社区服务。'];
    const d = await parseTextDoc(doc(NARRATIVE, form));
    const [form1] = scanForms(d).forms;
    const blocks = blocksOf(form1!);
    expect(blocks.map((b) => [b.total.label.text, b.parts.map((p) => p.label.text)])).toEqual([['年度资金总额', ['财政拨款', '上年结转', '其他资金']]]);
    const r = await lintText(doc(NARRATIVE, form), RULES);
    expect(view(r).findings).toEqual([]);
    expect(view(r).outcomes['performance/form-parts#form-1/年度资金总额']).toBe('pass');
  });

  it('two 其他资金 of different amounts that no layout rule can place: not assessable, never guessed', async () => {
    const form = [
      '财政项目支出绩效目标填报表',
      '项目名称 社区服务',
      '项目资金（元） 项目资金总额 1,000,000.00 年度资金申请总额 900,000.00',
      '其中：当年财政拨款 800,000.00',
      '其中：财政资金 900,000.00',
      '其他资金 100,000.00',
      '上年结转资金 0.00',
      '其他资金 100,000.00',
      '项目总目标 保障社区服务。',
    ];
    const r = await lintText(doc('编报绩效目标的项目1个，涉及项目预算资金90.00万元。', form), RULES);
    // the amounts are the same, so placing them either way changes nothing: both blocks are judged
    expect(view(r).findings).toEqual([]);
    expect(view(r).outcomes['performance/form-parts#form-1/项目资金总额']).toBe('pass');
    expect(view(r).outcomes['performance/form-parts#form-1/年度资金申请总额']).toBe('pass');
    const other = form.map((l) => l.replace(/^其他资金 100,000.00$/, '其他资金 50,000.00'));
    other[other.lastIndexOf('其他资金 50,000.00')] = '其他资金 100,000.00';
    const r2 = await lintText(doc('编报绩效目标的项目1个，涉及项目预算资金90.00万元。', other), RULES);
    const v = view(r2);
    expect(v.findings).toEqual([]);
    expect(v.outcomes['performance/form-parts#form-1/项目资金总额']).toBe('not-assessable');
    expect(v.outcomes['performance/form-parts#form-1/年度资金申请总额']).toBe('not-assessable');
    // the year's total itself is read, so the narrative can still be checked
    expect(v.outcomes['performance/forms-vs-narrative#statement-1/amount']).toBe('pass');
  });

  it('each block\'s parts on a line of their own (no columns): each 其中 list is one block\'s', async () => {
    // consistent: 3,000,000 = 2,800,000 + 200,000 and 1,000,000 = 900,000 + 0 + 100,000; the blocks
    // are not side by side (no line opens two 其中 lists), so "其他资金 200,000.00" in the list
    // opened by 财政资金 is the project's, not the year's
    const form = (annualParts: string): string[] => [
      '财政项目支出绩效目标填报表',
      '项目名称 社区服务',
      '项目资金（元） 项目资金总额 3,000,000.00 年度资金申请总额 1,000,000.00',
      '其中：财政资金 2,800,000.00 其他资金 200,000.00',
      annualParts,
      '项目总目标 保障社区服务。',
    ];
    for (const annual of ['其中：当年财政拨款 900,000.00 上年结转资金 0.00 其他资金 100,000.00', '其中：当年财政拨款 900,000.00 其他资金 100,000.00']) {
      const v = view(await lintText(doc(NARRATIVE, form(annual)), RULES));
      expect(v.findings).toEqual([]);
      expect(v.outcomes['performance/form-parts#form-1/项目资金总额']).toBe('pass');
      expect(v.outcomes['performance/form-parts#form-1/年度资金申请总额']).toBe('pass');
    }
    // the two lists without 其中 (nothing tells where one ends): the two 其他资金 differ and no layout
    // rule tells which is whose: not assessable, never guessed
    const unopened = form('当年财政拨款 900,000.00 上年结转资金 0.00 其他资金 100,000.00').map((l) => l.replace('其中：财政资金', '财政资金'));
    const v = view(await lintText(doc(NARRATIVE, unopened), RULES));
    expect(v.findings).toEqual([]);
    expect(v.outcomes['performance/form-parts#form-1/项目资金总额']).toBe('not-assessable');
    expect(v.outcomes['performance/form-parts#form-1/年度资金申请总额']).toBe('not-assessable');
  });

  it('totals side by side, each block\'s parts listed under them (tabs): a list that mixes the blocks is not read as lists', async () => {
    // side by side printed with the 项目资金 block's list starting a line below the year's: the list
    // "其中：财政资金 … 上年结转资金 … 其他资金" names both blocks, so the columns decide as before
    const form = [
      '财政项目支出绩效目标填报表',
      '项目名称 社区服务',
      '项目资金（元）\t项目资金总额\t1,000,000.00\t年度资金申请总额\t1,000,000.00',
      '\t\t\t其中：当年财政拨款\t1,050,000.00',
      '\t其中：财政资金\t1,000,000.00\t上年结转资金\t0.00',
      '\t其他资金\t0.00\t其他资金\t0.00',
      '项目总目标\t保障社区服务。',
    ];
    const v = view(await lintText(doc(NARRATIVE, form), RULES));
    expect(v.findings.map((f) => (f as unknown[]).filter((_, i) => i !== 2))).toEqual([['performance/form-parts', 'partExceedsTotal', '当年财政拨款', '1050000.00', '1000000.00']]);
    expect(v.outcomes['performance/form-parts#form-1/项目资金总额']).toBe('pass');
  });

  it('a form continued on the next page with its title and project name repeated is one form', async () => {
    const page1 = ['财政项目支出绩效目标填报表', '项目名称 社区服务', '项目资金（元） 年度资金申请总额 1,000,000.00', '其中：当年财政拨款 1,000,000.00', '其他资金 0.00', '年度总体目标 保障社区服务。', '一级指标 二级指标 三级指标 指标值'];
    const page2 = ['财政项目支出绩效目标填报表', '项目名称 社区服务', '效益指标 社会效益指标 居民满意度 ≥90%'];
    const r = await lintText(doc(NARRATIVE, page1, page2), RULES);
    expect(view(r).findings).toEqual([]);
    expect(view(r).outcomes).toMatchObject({ 'performance/forms-vs-narrative#statement-1/count': 'pass', 'performance/form-parts#form-1/年度资金申请总额': 'pass' });
    const other = page2.map((l) => l.replace('项目名称 社区服务', '项目名称 社区活动'));
    const r2 = await lintText(doc(NARRATIVE, page1, other), RULES);
    // a second project whose fund lines are missing: two forms, and its money is unknown
    expect(view(r2).findings).toEqual([['performance/forms-vs-narrative', 'moreForms', 6, null, undefined, undefined]]);
    expect(view(r2).outcomes['performance/form-parts#form-2']).toBe('not-assessable');
  });

  it('indicators after the fund lines are not read as fund lines (资金, units, amounts)', async () => {
    const form = [
      '财政项目支出绩效目标填报表',
      '项目名称\t社区服务',
      '项目资金（元）\t年度资金申请总额\t1,000,000.00',
      '\t其中：当年财政拨款\t1,000,000.00',
      '\t其他资金\t0.00',
      '一级指标\t二级指标\t三级指标\t年度(/项目)指标值',
      '产出指标\t成本指标\t其他资金 到位\t≤50(万元)',
      '效益指标\t社会效益指标\t资金总额 控制\t100',
    ];
    const r = await lintText(doc(NARRATIVE, form), RULES);
    expect(view(r).findings).toEqual([]);
    expect(view(r).outcomes['performance/form-parts#form-1/年度资金申请总额']).toBe('pass');
  });
});
