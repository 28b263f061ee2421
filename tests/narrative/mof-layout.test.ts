import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateBudget, renderDocument, type GeneratedBudget } from '../../src/generate/index.js';
import { explainNarrative } from '../../src/narrative/explain.js';
import type { DocumentResult } from '../../src/engine/diagnostic.js';
import { lintText, parseTextDoc } from '../support/lint.js';
import { findings, fixtureText, lintFixture, narrativeLineOffset } from './support.js';

/**
 * The Ministry of Finance layout used outside Shanghai (fixtures/narrative/_mof-tables.txt, the tables of
 * fixtures/cross/mof-layout-consistent): T1 with 一、一般公共预算拨款收入 … 本年收入合计 / 上年结转结余 / 收入总计;
 * T4 with 一、本年收入 (1. 一般公共预算资金 …) / 二、上年结转 (1. 一般公共预算资金 … again: last year's money) /
 * 收入总计 and 一、本年支出 / 二、年终结转结余 / 支出总计. Totals are linked by meaning in both layouts.
 */
/** A MoF-layout budget carrying over 财政拨款 and other sources' money both. */
const carriesBoth = (b: GeneratedBudget): boolean => b.style.mof !== undefined && b.items.some((i) => i.carried > 0n) && b.items.some((i) => i.otherCarried !== undefined);
/** The text of the first generated budget that carries over 财政拨款 and other sources' money both. */
function carryingBoth(): string {
  let seed = 1;
  while (!carriesBoth(generateBudget(seed))) seed++;
  return renderDocument(generateBudget(seed)).text;
}
/** Error and warning findings: messageId, subject and narrative figure. */
const problemData = (r: DocumentResult): unknown[] => r.diagnostics.filter((d) => d.severity !== 'info').map((d) => [d.messageId, d.data['subject'], d.data['narrative']]);

describe('the narrative of a document in the MoF layout', () => {
  it('links the cross-table fixture\'s sentence: 收入总计, this year\'s 一般公共预算资金 (not the carry-over\'s), 上年结转结余', async () => {
    const file = 'fixtures/cross/mof-layout-consistent/input.txt';
    const text = readFileSync(file, 'utf8');
    const rows = explainNarrative(await parseTextDoc(text, file)).map((r) => [r.text, r.subject, r.table, r.outcome]);
    expect(rows).toEqual([
      ['7,600,000元', '收入预算', 'T1 收入总计 / 预算数', 'pass; breakdown: pass'],
      ['7,500,000元', '一般公共预算拨款收入', 'T4 1. 一般公共预算资金 / 预算数', 'pass'],
      ['100,000元', '上年结转', 'T1 上年结转结余 / 预算数', 'pass'],
    ]);
    const r = await lintText(text, ['narrative'], file);
    expect(r.diagnostics).toEqual([]);
  });

  it('links every total of a MoF-style narrative by meaning, and all agree', async () => {
    const r = await lintFixture('mof-ok.txt');
    expect(findings(r)).toEqual([]);
    const rows = explainNarrative(await parseTextDoc(fixtureText('mof-ok.txt'))).map((x) => [x.text, x.subject, x.table, x.outcome]);
    const fiscalIncome = 'T1 一、一般公共预算拨款收入 / 预算数 + T1 二、政府性基金预算拨款收入 / 预算数 + T1 三、国有资本经营预算拨款收入 / 预算数';
    expect(rows).toEqual([
      // 收入预算 is the grand total 收入总计 (= 本年收入合计 + 上年结转结余)
      ['7,600,000元', '收入预算', 'T1 收入总计 / 预算数', 'pass; breakdown: pass'],
      ['7,500,000元', '本年收入', 'T1 本年收入合计 / 预算数', 'pass'],
      ['100,000元', '上年结转', 'T1 上年结转结余 / 预算数', 'pass'],
      ['7,500,000元', '一般公共预算拨款收入', 'T4 1. 一般公共预算资金 / 预算数', 'pass'],
      ['0元', '政府性基金拨款收入', 'T4 2. 政府性基金预算资金 / 预算数', 'pass'],
      ['0元', '国有资本经营拨款收入', 'T4 3. 国有资本经营预算资金 / 预算数', 'pass'],
      ['0元', '事业收入', 'T1 四、事业收入 / 预算数', 'pass'],
      ['0元', '事业单位经营收入', 'T1 五、事业单位经营收入 / 预算数', 'pass'],
      ['0元', '其他收入', 'T1 六、其他收入 / 预算数', 'pass'],
      ['7,600,000元', '支出预算', 'T1 支出总计 / 预算数', 'pass; breakdown: pass'],
      ['5,500,000元', '基本支出', 'T3 合计 / 基本支出', 'pass'],
      ['2,100,000元', '项目支出', 'T3 合计 / 项目支出', 'pass'],
      ['0元', '年终结转结余', 'T1 年终结转结余 / 预算数', 'pass'],
      // 财政拨款收入: this year's three 拨款收入 lines, without the carry-over
      ['7,500,000元', '财政拨款收入', fiscalIncome, 'pass'],
      // in the 财政拨款 section, 上年结转 is the 财政拨款 carried over: T4's line, not all of T1's
      ['100,000元', '财政拨款上年结转', 'T4 二、上年结转 / 预算数', 'pass'],
      // 财政拨款支出 and its funds: T4's 本年支出 line (支出总计 also holds 年终结转结余)
      ['7,600,000元', '财政拨款支出', 'T4 一、本年支出 / 合计', 'pass'],
      ['760.00万元', '一般公共预算拨款支出', 'T4 一、本年支出 / 一般公共预算财政拨款', 'pass; breakdown: pass'],
      // its 基本支出 / 项目支出 are T5's, not the department's (T3)
      ['550.00万元', '一般公共预算基本支出', 'T5 合计 / 基本支出', 'pass'],
      ['210.00万元', '一般公共预算项目支出', 'T5 合计 / 项目支出', 'pass'],
      ['5,500,000元', '一般公共预算基本支出', 'T5 合计 / 基本支出', 'pass; breakdown: pass'],
      ['4,500,000元', '人员经费', 'T8 合计 / 人员经费', 'pass'],
      ['1,000,000元', '公用经费', 'T8 合计 / 公用经费', 'pass'],
      ['0元', '政府性基金拨款支出', 'T4 一、本年支出 / 政府性基金预算财政拨款', 'pass'],
      ['0元', '国有资本经营拨款支出', 'T4 一、本年支出 / 国有资本经营预算财政拨款', 'pass'],
      // "一般公共预算财政拨款安排的“三公”经费" and MoF T9's 公务用车购置费 / 公务用车运行费 columns
      ['8.00万元', '“三公”经费', 'T9 预算数 / 合计', 'pass; breakdown: pass'],
      ['2.00万元', '因公出国（境）费', 'T9 预算数 / 因公出国（境）费', 'pass'],
      ['1.00万元', '公务用车购置及运行维护费', 'T9 预算数 / 小计', 'pass; breakdown: pass'],
      ['0万元', '公务用车购置费', 'T9 预算数 / 公务用车购置费', 'pass'],
      ['1.00万元', '公务用车运行维护费', 'T9 预算数 / 公务用车运行费', 'pass'],
      ['5.00万元', '公务接待费', 'T9 预算数 / 公务接待费', 'pass'],
    ]);
  });

  it('finds the MoF-layout slips: carry-over counted into 财政拨款收入, wrong digits, parts above their totals', async () => {
    const r = await lintFixture('mof-fail.txt');
    const base = narrativeLineOffset('mof-fail.txt');
    const lines = fixtureText('mof-fail.txt').split('\n');
    const at = (narrativeLine: number, text: string): string => `${base + narrativeLine}:${lines[base + narrativeLine - 1]!.indexOf(text) + 1}`;
    expect(findings(r)).toEqual([
      // 7,500,000 + 1,000,000 > 7,600,000 (the list names only some parts, so no more than the total)
      { rule: 'narrative/breakdown-sum', id: 'partsExceed', at: at(3, '7,600,000'), data: { subject: '收入预算', unit: '元', total: '7600000', items: 2, sum: '8500000', difference: '900000' } },
      {
        rule: 'narrative/amount-matches-table',
        id: 'mismatch',
        at: at(3, '1,000,000'),
        data: { subject: '上年结转', narrative: '1000000', unit: '元', tableValue: '100000', expected: '100000', truncated: '100000', difference: '900000', table: 'T1 上年结转结余 / 预算数' },
      },
      {
        rule: 'narrative/amount-matches-table',
        id: 'mismatch',
        at: at(3, '7,050,000'),
        data: { subject: '一般公共预算拨款收入', narrative: '7050000', unit: '元', tableValue: '7500000', expected: '7500000', truncated: '7500000', difference: '-450000', table: 'T4 1. 一般公共预算资金 / 预算数' },
      },
      // 财政拨款收入 is this year's money: 7,500,000, not 收入总计 7,600,000
      {
        rule: 'narrative/amount-matches-table',
        id: 'mismatch',
        at: at(5, '7,600,000'),
        data: {
          subject: '财政拨款收入',
          narrative: '7600000',
          unit: '元',
          tableValue: '7500000',
          expected: '7500000',
          truncated: '7500000',
          difference: '100000',
          table: 'T1 一、一般公共预算拨款收入 / 预算数 + T1 二、政府性基金预算拨款收入 / 预算数 + T1 三、国有资本经营预算拨款收入 / 预算数',
        },
      },
      {
        rule: 'narrative/amount-matches-table',
        id: 'mismatch',
        at: at(7, '510.00'),
        data: { subject: '一般公共预算基本支出', narrative: '510.00', unit: '万元', tableValue: '550', expected: '550.00', truncated: '550.00', difference: '-40.00', table: 'T5 合计 / 基本支出' },
      },
      { rule: 'narrative/breakdown-sum', id: 'sum', at: at(9, '8.00'), data: { subject: '“三公”经费', unit: '万元', total: '8.00', items: 3, sum: '8.50', difference: '-0.50' } },
      {
        rule: 'narrative/amount-matches-table',
        id: 'mismatch',
        at: at(9, '5.50'),
        data: { subject: '公务接待费', narrative: '5.50', unit: '万元', tableValue: '5', expected: '5.00', truncated: '5.00', difference: '0.50', table: 'T9 预算数 / 公务接待费' },
      },
    ]);
  });

  it('holds 上年结转 in the 财政拨款 section to the 财政拨款 carried over (T4), not to all the money carried over (T1)', async () => {
    // a generated document whose 事业收入 … is carried over too: T1 上年结转结余 is more than T4 二、上年结转
    const text = carryingBoth();
    const all = /其中：本年收入[\d.]+万元，上年结转结余([\d.]+)万元/.exec(text)![1]!;
    const fiscal = /财政拨款收入[^；]*，上年结转([\d.]+)万元；/.exec(text)!;
    expect(all).not.toBe(fiscal[1]);
    const problems = (r: DocumentResult): DocumentResult['diagnostics'] => r.diagnostics.filter((d) => d.severity !== 'info');
    expect(problems(await lintText(text, ['narrative'], 'gen.txt'))).toEqual([]);
    // the 财政拨款 section stating all the carry-over
    const slip = text.replace(fiscal[0], fiscal[0].replace(`上年结转${fiscal[1]}万元`, `上年结转${all}万元`));
    const r = await lintText(slip, ['narrative'], 'gen.txt');
    expect(problems(r).map((d) => [d.ruleId, d.messageId, d.data['subject'], d.data['narrative'], d.data['table']])).toEqual([
      ['narrative/amount-matches-table', 'mismatch', '财政拨款上年结转', all, 'T4 二、上年结转 / 预算数'],
    ]);
  });

  it('does not take 上年结转 that includes 财政拨款 (含…) or leaves it out (非财政拨款, 不含…) for the 财政拨款 carried over', async () => {
    const text = carryingBoth();
    const sentence = /其中：本年收入([\d.]+)万元，上年结转结余([\d.]+)万元/.exec(text)!;
    const fiscal = /财政拨款收入[^；]*，上年结转([\d.]+)万元；/.exec(text)![1]!;
    const other = (Number(sentence[2]) - Number(fiscal)).toFixed(2);
    for (const words of [`上年结转结余（含财政拨款结转）${sentence[2]}万元`, `上年结转结余${sentence[2]}万元（其中非财政拨款上年结转${other}万元）`, `不含财政拨款的上年结转结余${other}万元`]) {
      const t = text.replace(sentence[0], `其中：本年收入${sentence[1]}万元，${words}`);
      expect(problemData(await lintText(t, ['narrative'], 'gen.txt')), words).toEqual([]);
    }
  });

  it('knows the 财政拨款 section by its other wordings (财政拨款收入支出, 财政拨款收、支)', async () => {
    const text = carryingBoth();
    expect(text).toContain('\n二、财政拨款收支预算情况\n');
    for (const heading of ['二、财政拨款收入支出预算情况', '二、财政拨款收、支预算情况']) {
      const t = text.replace('\n二、财政拨款收支预算情况\n', `\n${heading}\n`);
      expect(problemData(await lintText(t, ['narrative'], 'gen.txt')), heading).toEqual([]);
    }
  });
});

