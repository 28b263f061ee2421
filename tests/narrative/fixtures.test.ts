import { describe, expect, it } from 'vitest';
import { findings, fixtureText, lintFixture, outcomesOf } from './support.js';

/**
 * Narrative fixtures (fixtures/narrative/*.txt) over the shared mini tables (_tables.txt):
 * 行政运行 6,543,210 元 → 654.32 万元, 事业运行 5,802,468 → 580.25 (truncated 580.24), 商贸事务
 * 12,345,678 → 1234.57, totals 13,965,844 → 1396.58 万元 / 0.14 亿元; T9 三公 5.10 = 1.00 + 2.10 + 2.00.
 */
describe('narrative fixtures', () => {
  it('passes a correct narrative in both units, with breakdowns, 三公, 政府采购 and year-on-year figures', async () => {
    const r = await lintFixture('ok.txt');
    expect(findings(r)).toEqual([]);
    const passed = (rule: string): string[] => r.outcomes.filter((o) => o.ruleId === rule && o.status === 'pass').map((o) => o.instance);
    expect(passed('narrative/amount-matches-table')).toHaveLength(20);
    // "收入预算…，其中：财政拨款收入…" names only some parts of its total: they add up to at most it
    expect(passed('narrative/breakdown-sum').sort()).toEqual(['20113#1', '20805#1', 'procurement:合计#1', 'sangong:公务用车购置及运行维护费#1', 'sangong:合计#1', 'total:支出预算#1', 'total:收入预算#1']);
    expect(passed('narrative/procurement-shares')).toHaveLength(2);
    expect(passed('narrative/year-on-year').sort()).toEqual(['“三公”经费#1', '收入预算#1']);
    // "与上年预算持平" alone cannot be checked without last year's amount: not assessable, never passed
    expect(r.outcomes.filter((o) => o.ruleId === 'narrative/year-on-year' && o.status === 'not-assessable')).toHaveLength(2);
  });

  it('reads the code style ("（201类）", "（13款）", "（01项）", compact "（2080505）") and finds the swapped digits', async () => {
    const r = await lintFixture('code-style.txt');
    expect(findings(r)).toEqual([
      { rule: 'narrative/breakdown-sum', id: 'sum', at: '3:37', data: { subject: '20113 商贸事务（款）', total: '1234.57', unit: '万元', items: 2, sum: '1234.84', difference: '-0.27' } },
      {
        rule: 'narrative/amount-matches-table',
        id: 'mismatch',
        at: '3:77',
        data: { subject: '2011350 事业运行（项）', narrative: '580.52', unit: '万元', tableValue: '580.2468', expected: '580.25', truncated: '580.24', difference: '0.27', table: 'T5 2011350 事业运行 / 合计' },
      },
    ]);
    const passed = r.outcomes.filter((o) => o.ruleId === 'narrative/amount-matches-table' && o.status === 'pass').map((o) => o.instance);
    expect(passed.sort()).toEqual(['20113#1', '2011301#1', '20805#1', '2080505#1', '2080506#1']);
  });

  it('compares 亿元 and whole 万元 figures at their printed precision', async () => {
    const r = await lintFixture('yi-and-whole.txt');
    expect(findings(r).map((f) => [f.id, f.at, f.data.narrative, f.data.unit, f.data.expected])).toEqual([
      ['mismatch', '3:38', '1.4', '亿元', '0.1'],
      ['truncated', '3:56', '1396', '万元', '1397'],
    ]);
    expect(r.outcomes.filter((o) => o.status === 'pass' && o.ruleId === 'narrative/amount-matches-table').map((o) => o.instance).sort()).toEqual(['total:支出预算#1', 'total:收入预算#1']);
  });

  it('takes a bare "0亿元" / "0万元" for nothing: a warning when the table value only rounds to 0, a mismatch when it rounds to more', async () => {
    const r = await lintFixture('bare-zero.txt');
    expect(findings(r)).toEqual([
      // 1396.5844 万元 is 0.14 亿元: "0亿元" is it rounded to whole 亿元, yet says nothing was budgeted
      { rule: 'narrative/amount-matches-table', id: 'zero', at: '3:14', data: { subject: '收入预算', narrative: '0', unit: '亿元', tableValue: '0.13965844', expected: '0', truncated: '0', difference: '0', table: 'T1 收入总计 / 预算数' } },
      { rule: 'narrative/amount-matches-table', id: 'mismatch', at: '3:37', data: { subject: '因公出国（境）费', narrative: '0', unit: '万元', tableValue: '1', expected: '1', truncated: '1', difference: '-1', table: 'T9 预算数 / 因公出国（境）费' } },
    ]);
    expect(r.diagnostics.map((d) => d.severity)).toEqual(['warning', 'error']);
    expect(r.outcomes.filter((o) => o.status === 'pass' && o.ruleId === 'narrative/amount-matches-table').map((o) => o.instance)).toEqual(['total:支出预算#1']);
  });

  it('reports truncation as its own finding with both values, and a sum of truncated parts still adds up', async () => {
    const r = await lintFixture('truncation.txt');
    expect(findings(r)).toEqual([
      {
        rule: 'narrative/amount-matches-table',
        id: 'truncated',
        at: '3:25',
        data: { subject: '20113 商贸事务（款）', narrative: '1234.56', unit: '万元', tableValue: '1234.5678', expected: '1234.57', truncated: '1234.56', difference: '-0.01', table: 'T5 20113 商贸事务 / 合计' },
      },
      {
        rule: 'narrative/amount-matches-table',
        id: 'truncated',
        at: '3:67',
        data: { subject: '2011350 事业运行（项）', narrative: '580.24', unit: '万元', tableValue: '580.2468', expected: '580.25', truncated: '580.24', difference: '-0.01', table: 'T5 2011350 事业运行 / 合计' },
      },
    ]);
  });

  it('finds an extra digit (6654.32 for 654.32) in the amount and in the breakdown', async () => {
    const r = await lintFixture('extra-digit.txt');
    expect(findings(r).map((f) => [f.rule, f.id, f.at, f.data.difference])).toEqual([
      ['narrative/breakdown-sum', 'sum', '3:25', '-6000.00'],
      ['narrative/amount-matches-table', 'mismatch', '3:48', '6000.00'],
    ]);
    const d = r.diagnostics.find((x) => x.messageId === 'mismatch')!;
    expect(d.related.map((x) => [x.location.tableKind, x.location.row, x.location.field, x.value])).toEqual([['T5', '2011301', '一般公共预算支出/合计', '654.321']]);
  });

  it('finds year-on-year direction contradictions and an increase larger than the amount', async () => {
    const r = await lintFixture('yoy-direction.txt');
    expect(findings(r)).toEqual([
      { rule: 'narrative/year-on-year', id: 'direction', at: '3:37', data: { subject: '“三公”经费', unit: '万元', first: '减少1.5万元', second: '增长22.73%' } },
      { rule: 'narrative/year-on-year', id: 'direction', at: '5:17', data: { subject: '公务接待费', unit: '万元', first: '增加0.3万元', second: '持平' } },
      { rule: 'narrative/year-on-year', id: 'baseNegative', at: '7:20', data: { subject: '因公出国（境）费', unit: '万元', current: '1', change: '3', base: '-2' } },
    ]);
  });

  it('finds a wrong percentage (base derived as this year − change) and a change that differs from this year − last year', async () => {
    const r = await lintFixture('yoy-percent.txt');
    expect(findings(r)).toEqual([
      // percentages in %, the change and its base in the amount's unit (amountUnit)
      {
        rule: 'narrative/year-on-year',
        id: 'percent',
        at: '3:41',
        data: { subject: '收入预算', unit: '%', percent: '8.43', expected: '7.43', actual: '8.43', difference: '1.00', change: '96.58', base: '1300.00', amountUnit: '万元' },
      },
      { rule: 'narrative/year-on-year', id: 'changeAmount', at: '5:32', data: { subject: '支出预算', unit: '万元', current: '1396.58', previous: '1300', actual: '96.58', change: '86.58' } },
    ]);
  });

  it('finds a 政府采购 sum mismatch and a reservation above the total', async () => {
    const r = await lintFixture('procurement.txt');
    expect(findings(r)).toEqual([
      { rule: 'narrative/breakdown-sum', id: 'sum', at: '3:15', data: { subject: '政府采购预算', total: '30', unit: '万元', items: 3, sum: '35', difference: '-5' } },
      { rule: 'narrative/procurement-shares', id: 'exceeds', at: '5:27', data: { part: '政府采购预留中小企业', value: '35', unit: '万元', whole: '政府采购预算', limit: '30' } },
    ]);
    expect(r.outcomes.find((o) => o.instance === '预留小微企业≤预留中小企业')?.status).toBe('pass');
  });

  it('finds a 三公 part that disagrees with T9 and with the 三公 total', async () => {
    const r = await lintFixture('sangong.txt');
    expect(findings(r).map((f) => [f.rule, f.id, f.at, f.data.difference])).toEqual([
      ['narrative/breakdown-sum', 'sum', '3:16', '-0.50'],
      ['narrative/amount-matches-table', 'mismatch', '3:64', '0.50'],
    ]);
    const d = r.diagnostics.find((x) => x.messageId === 'mismatch')!;
    expect(d.related.map((x) => [x.location.tableKind, x.location.field, x.value])).toEqual([['T9', '“三公”经费预算数/公务接待费', '2.1']]);
  });

  it('copes with missing quotes, full-width digits and a sentence broken over lines, pointing at the exact number', async () => {
    const r = await lintFixture('broken-punctuation.txt');
    expect(findings(r).map((f) => [f.id, f.at, f.data.subject, f.data.narrative])).toEqual([['truncated', '4:12', '2011350 事业运行（项）', '580.24']]);
    const passed = r.outcomes.filter((o) => o.ruleId === 'narrative/amount-matches-table' && o.status === 'pass');
    // columns counted independently of the parser: where the numbers stand in the fixture's third line
    const line3 = fixtureText('broken-punctuation.txt').split('\n')[2]!;
    expect(passed.map((o) => [o.instance, `${o.location?.line}:${o.location?.column}`])).toEqual([
      ['20113#1', `3:${line3.indexOf('1234.57') + 1}`],
      ['2011301#1', `3:${line3.indexOf('６５４') + 1}`],
    ]);
  });

  it('reads the styles of the corpus: 类-款-项 科目 paths, 比YYYY年, last year\'s 执行数, YYYY年预算安排 restatements, bare 万', async () => {
    const r = await lintFixture('corpus-styles.txt');
    expect(findings(r).filter((f) => f.rule !== 'narrative/unlinked-amount')).toEqual([
      // 0 this year cannot have grown by 96.58 (a copy-paste slip seen in a published document)
      { rule: 'narrative/year-on-year', id: 'baseNegative', at: '5:26', data: { subject: '政府性基金拨款支出', unit: '万元', current: '0', change: '96.58', base: '-96.58' } },
      // 500 → 580.25 is +16.05%, not 20.05%
      {
        rule: 'narrative/year-on-year',
        id: 'percent',
        at: '9:88',
        data: { subject: '2011350 事业运行（项）', unit: '%', percent: '20.05', expected: '16.05', actual: '20.05', difference: '4.00', change: '80.25', base: '500.00', amountUnit: '万元' },
      },
      // the restatement "2023年预算安排108.01万元" disagrees with the item's own 54.01 and with T5
      {
        rule: 'narrative/amount-matches-table',
        id: 'mismatch',
        at: '11:86',
        data: { subject: '2080506 机关事业单位职业年金缴费支出（项）', narrative: '108.01', unit: '万元', tableValue: '54.0064', expected: '54.01', truncated: '54.00', difference: '54.00', table: 'T5 2080506 机关事业单位职业年金缴费支出 / 合计' },
      },
    ]);
    const status = (rule: string, instance: string): string | undefined => r.outcomes.find((o) => o.ruleId === rule && o.instance === instance)?.status;
    // path style linked by name; 600 → 654.32 is +9.05%; 50 → 54.01 is +8.02%
    expect(status('narrative/amount-matches-table', '2011301#1')).toBe('pass');
    expect(status('narrative/year-on-year', '2011301 行政运行（项）#1')).toBe('pass');
    expect(status('narrative/year-on-year', '2080506 机关事业单位职业年金缴费支出（项）#1')).toBe('pass');
    // 公务用车运行费 is the 运行维护费 column; 绩效目标 money may be less than T3 项目支出
    expect(status('narrative/amount-matches-table', 'sangong:公务用车运行维护费#1')).toBe('pass');
    expect(status('narrative/amount-matches-table', 'performance-projects#1')).toBe('pass');
    expect(status('narrative/breakdown-sum', 'sangong:公务用车购置及运行维护费#1')).toBe('pass');
    // a limit and amounts written "30.00万" are listed, not guessed
    expect(findings(r).filter((f) => f.rule === 'narrative/unlinked-amount').map((f) => [f.at, f.data.text, f.data.reason])).toEqual([
      ['19:3', '100万元', 'a limit or a rate, not a restated amount'],
      ['19:32', '30.00万', 'the words before the amount name nothing found in the tables'],
      ['19:45', '10.00万', 'the words before the amount name nothing found in the tables'],
    ]);
  });

  it('holds the "持平" of a restatement ("2023年预算安排X，比2022年预算执行数持平") to last year\'s 执行数, in its paragraph or the next', async () => {
    const r = await lintFixture('yoy-restated-flat.txt');
    // 654.32 both years: 持平 holds; 500.00 → 580.25 is an increase, not 持平
    expect(findings(r).filter((f) => f.rule === 'narrative/year-on-year')).toEqual([
      { rule: 'narrative/year-on-year', id: 'direction', at: '7:14', data: { subject: '2011350 事业运行（项）', unit: '万元', first: '持平', second: '上年500.00万元（增加）' } },
    ]);
    const finding = r.diagnostics.find((d) => d.ruleId === 'narrative/year-on-year')!;
    // the amount, the restatement whose sentence says 持平, and last year's amount
    expect(finding.related.map((x) => `${x.location.line}:${x.location.column}`)).toEqual(['5:26', '7:32', '7:14']);
    // one instance per amount: the restatements are not instances of their own
    expect(outcomesOf(r, 'narrative/year-on-year')).toEqual([
      ['2011301 行政运行（项）#1', 'pass'],
      ['2011350 事业运行（项）#1', 'fail'],
    ]);
  });

  it('takes last year\'s amount as agreeing with any direction when its rounding interval overlaps this year\'s, and still holds the percentage to both', async () => {
    const r = await lintFixture('yoy-rounded-previous.txt');
    // "654万元" may be 653.5–654.5: 654.32 may have grown 0.05 % (it was reported as "持平" against 增长)
    // 580.25 both years cannot have grown 5.00 %: one finding, on the percentage (not also its direction)
    expect(findings(r).filter((f) => f.rule === 'narrative/year-on-year')).toEqual([
      {
        rule: 'narrative/year-on-year',
        id: 'percent',
        at: '5:102',
        data: { subject: '2011350 事业运行（项）', unit: '%', percent: '5.00', expected: '0.00', actual: '5.00', difference: '5.00', change: '0.00', base: '580.25', amountUnit: '万元' },
      },
    ]);
    expect(r.outcomes.find((o) => o.ruleId === 'narrative/year-on-year' && o.instance === '2011301 行政运行（项）#1')?.status).toBe('pass');
  });

  it('reads 收入总预算 / 支出总预算 as the totals, 因公出国（境）经费 / 公务接待经费 as the 三公 parts and a bare 财政拨款 as its total\'s', async () => {
    const r = await lintFixture('subject-variants.txt');
    // 支出总预算 1396.85 for 1396.58, 公务接待经费 2.01 for 2.10 (and so the three parts add up to 5.01,
    // not 5.10), the 财政拨款 of 支出预算 1390.58 for 1396.58 (a part below its total: no breakdown finding)
    expect(findings(r).map((f) => [f.rule, f.id, f.at, f.data.subject])).toEqual([
      ['narrative/amount-matches-table', 'mismatch', '3:30', '支出预算'],
      ['narrative/breakdown-sum', 'sum', '5:16', '“三公”经费'],
      ['narrative/amount-matches-table', 'mismatch', '5:48', '公务接待费'],
      ['narrative/amount-matches-table', 'mismatch', '7:62', '财政拨款支出'],
    ]);
    const passed = r.outcomes.filter((o) => o.ruleId === 'narrative/amount-matches-table' && o.status === 'pass').map((o) => o.instance);
    expect(passed.sort()).toEqual(['sangong:公务用车购置及运行维护费#1', 'sangong:合计#1', 'sangong:因公出国（境）费#1', 'total:支出预算#2', 'total:收入预算#1', 'total:收入预算#2', 'total:财政拨款收入#1']);
  });

  it('holds a percentage to last year\'s amount when this year\'s rounding interval holds it ("5.1万元" against 5.12)', async () => {
    const r = await lintFixture('yoy-percent-straddle.txt');
    // "5.1" stands for 5.05–5.15: against 5.12 the change may be anything from 0 to 1.4 %, 0.39 % among them;
    // "1" stands for 0.5–1.5: against 1.24 a decrease is at most 59.8 %, never 69.35 %
    expect(findings(r).filter((f) => f.rule === 'narrative/year-on-year').map((f) => [f.id, f.at, f.data.percent])).toEqual([['percent', '5:44', '69.35']]);
    expect(outcomesOf(r, 'narrative/year-on-year')).toEqual([
      ['“三公”经费#1', 'pass'],
      ['因公出国（境）费#1', 'fail'],
    ]);
  });

  it('takes a percentage printed as zero ("增长0.0%") as agreeing with any direction, and still holds it to the amounts', async () => {
    const r = await lintFixture('yoy-zero-percent.txt');
    // 0.01 on 1396.57 is 0.0007 %, which prints as 0.0; 96.58 on 1300.00 is 7.43 %, not 0.0 (one finding, on the size)
    expect(findings(r).filter((f) => f.rule === 'narrative/year-on-year').map((f) => [f.id, f.at, f.data.percent, f.data.expected])).toEqual([['percent', '5:32', '0.0', '7.4']]);
    expect(outcomesOf(r, 'narrative/year-on-year')).toEqual([
      ['支出预算#1', 'fail'],
      ['收入预算#1', 'pass'],
    ]);
  });

  it('reads 增幅 / 降幅 (and 增幅为) before a percentage as its direction and holds the percentage to the amounts', async () => {
    const r = await lintFixture('yoy-rate-words.txt');
    // 96.58 on a base of 1396.58 − 96.58 = 1300.00 is 7.43 %: neither 8.02 % nor 18.43 %; 1.50 on 6.60 is 22.73 %
    expect(findings(r).filter((f) => f.rule === 'narrative/year-on-year').map((f) => [f.id, f.at, f.data.percent, f.data.expected])).toEqual([
      ['percent', '3:41', '8.02', '7.43'],
      ['percent', '5:33', '18.43', '7.43'],
    ]);
    expect(outcomesOf(r, 'narrative/year-on-year')).toEqual([
      ['“三公”经费#1', 'pass'],
      ['支出预算#1', 'fail'],
      ['收入预算#1', 'fail'],
    ]);
  });

  it('holds a "持平" after last year\'s amount ("上年预算为X万元，与上年预算持平") to both amounts', async () => {
    const r = await lintFixture('yoy-previous-flat.txt');
    // 1300.00 → 1396.58 and 0.42 → 1.00 are increases, not 持平; 5.10 both years is 持平
    expect(findings(r).filter((f) => f.rule === 'narrative/year-on-year')).toEqual([
      { rule: 'narrative/year-on-year', id: 'direction', at: '3:20', data: { subject: '支出预算', unit: '万元', first: '持平', second: '上年1300.00万元（增加）' } },
      { rule: 'narrative/year-on-year', id: 'direction', at: '7:24', data: { subject: '因公出国（境）费', unit: '万元', first: '持平', second: '上年0.42万元（增加）' } },
    ]);
    // the finding names the amount, the sentence that says 持平 (last year's amount's) and last year's amount
    const first = r.diagnostics.find((d) => d.ruleId === 'narrative/year-on-year')!;
    expect(first.related.map((x) => `${x.location.line}:${x.location.column}`)).toEqual(['3:5', '3:20']);
    expect(outcomesOf(r, 'narrative/year-on-year')).toEqual([
      ['“三公”经费#1', 'pass'],
      ['因公出国（境）费#1', 'fail'],
      ['支出预算#1', 'fail'],
    ]);
  });

  it('holds a change to last year\'s amount of its own base: 比上年预算 (the budget) and 比…预算执行数 (what was spent) may differ', async () => {
    const r = await lintFixture('yoy-two-bases.txt');
    // item 1: +5.00 on last year's budget and 持平 on last year's execution are no contradiction;
    // item 2: 500.00 → 580.25 on the execution is +80.25, not the +70.25 said of it
    expect(findings(r).filter((f) => f.rule === 'narrative/year-on-year')).toEqual([
      {
        rule: 'narrative/year-on-year',
        id: 'changeAmount',
        at: '5:116',
        data: { subject: '2011350 事业运行（项）', unit: '万元', current: '580.25', previous: '500.00', actual: '80.25', change: '70.25' },
      },
    ]);
    expect(r.outcomes.find((o) => o.ruleId === 'narrative/year-on-year' && o.instance === '2011301 行政运行（项）#1')?.status).toBe('pass');
  });

  it('reads "其中：基本支出 / 项目支出" after an item as that item\'s columns, and after a total as the totals', async () => {
    const r = await lintFixture('item-parts.txt');
    const line5 = fixtureText('item-parts.txt').split('\n')[4]!;
    expect(findings(r).map((f) => [f.id, f.at, f.data.subject, f.data.narrative ?? f.data.sum, f.data.expected ?? f.data.total, f.data.table ?? f.data.difference])).toEqual([
      // the part (基本支出 162.20) is larger than the item it is part of (162.02), and differs from its column
      ['partsExceed', `5:${line5.indexOf('162.02') + 1}`, '20805 行政事业单位养老支出（款）', '162.20', '162.02', '0.18'],
      ['mismatch', `5:${line5.indexOf('162.20') + 1}`, '20805 行政事业单位养老支出（款） 基本支出', '162.20', '162.02', 'T5 20805 行政事业单位养老支出 / 基本支出'],
    ]);
    const passed = r.outcomes.filter((o) => o.ruleId === 'narrative/amount-matches-table' && o.status === 'pass').map((o) => o.instance);
    expect(passed.sort()).toEqual(['20113#1', '20113/基本支出#1', '20113/项目支出#1', '2011301#1', '2011350#1', '20805#1', 'total:基本支出#1', 'total:支出预算#1', 'total:项目支出#1']);
    // the item's parts are not counted as its children
    expect(r.outcomes.find((o) => o.ruleId === 'narrative/breakdown-sum' && o.instance === '20113#1')?.status).toBe('pass');
  });

  it('reads an item\'s parts across "；" and after its change as its columns, and gives the item back last year\'s figures after its parts', async () => {
    const r = await lintFixture('item-parts-history.txt');
    // "其中：项目支出0万元；基本支出162.02万元" — 20805's 基本支出, not the department's (816.34); the
    // history after "基本支出…，项目支出…，主要用于…。" is 商贸事务's (1000.00 → 1234.57, +23.46 %), not 项目支出's;
    // "162.02万元，比上年预算减少7.98万元，其中：基本支出162.02万元" — the item's part, after the item's change
    expect(findings(r)).toEqual([]);
    const status = (rule: string): string[] => r.outcomes.filter((o) => o.ruleId === rule).map((o) => `${o.instance} ${o.status}`).sort();
    expect(status('narrative/amount-matches-table')).toEqual([
      '20113#1 pass',
      '20113#2 pass',
      '20113/基本支出#1 pass',
      '20113/项目支出#1 pass',
      '20805#1 pass',
      '20805#2 pass',
      '20805/基本支出#1 pass',
      '20805/基本支出#2 pass',
      '20805/项目支出#1 pass',
    ]);
    expect(status('narrative/year-on-year')).toEqual(['20113 商贸事务（款）#1 pass', '20805 行政事业单位养老支出（款）#1 not-assessable']);
  });

  it('adds up "其中" lists: complete ones (stated 合计, "其余…") to their total and 合计, partial ones to at most the total', async () => {
    const r = await lintFixture('listed.txt');
    const lines = fixtureText('listed.txt').split('\n');
    const col = (line: number, text: string, nth = 0): string => {
      let at = -1;
      for (let i = 0; i <= nth; i++) at = lines[line - 1]!.indexOf(text, at + 1);
      return `${line}:${at + 1}`;
    };
    expect(findings(r).filter((f) => f.rule !== 'narrative/unlinked-amount')).toEqual([
      // 60.00 + 40.50 (the rest) = 100.50, not 100.00
      { rule: 'narrative/breakdown-sum', id: 'sum', at: col(3, '100.00'), data: { subject: '本部门培训经费', unit: '万元', total: '100.00', items: 2, sum: '100.50', difference: '-0.50' } },
      // a partial list may add up to less, never to more: 200 + 150 > 300, and the nested 120 + 90 > 200
      { rule: 'narrative/breakdown-sum', id: 'partsExceed', at: col(5, '300'), data: { subject: '信息化项目资金', unit: '万元', total: '300', items: 2, sum: '350', difference: '50' } },
      { rule: 'narrative/breakdown-sum', id: 'partsExceed', at: col(5, '200', 1), data: { subject: '印刷费', unit: '万元', total: '200', items: 2, sum: '210', difference: '10' } },
      // 30.00 + 15.00 = the stated 45.00, but the total is 50.00
      { rule: 'narrative/breakdown-sum', id: 'statedTotal', at: col(9, '50.00'), data: { subject: '会议经费', unit: '万元', total: '50.00', stated: '45.00', difference: '5.00' } },
      // parts = total 1410.00, the stated 合计 1420.00 is the slip: one finding, at the 合计
      { rule: 'narrative/breakdown-sum', id: 'statedSum', at: col(23, '1420.00'), data: { subject: '项目“商业创新专项”', unit: '万元', stated: '1420.00', items: 5, sum: '1410.00', difference: '10.00' } },
      // 370 + 30 + 1106 + 1262 + 163 = 2931, not the stated 2921 (= the total)
      { rule: 'narrative/breakdown-sum', id: 'statedSum', at: col(29, '2921.00', 1), data: { subject: '项目“贸易高质量发展专项”', unit: '万元', stated: '2921.00', items: 5, sum: '2931.00', difference: '-10.00' } },
      // the project's name links it to 2011350 事业运行 (项目支出 5,802,468 元): a part of it, not more
      {
        rule: 'narrative/amount-matches-table',
        id: 'exceeds',
        at: col(35, '600.00'),
        data: { subject: '项目“事业运行专项”', narrative: '600.00', unit: '万元', tableValue: '580.2468', expected: '580.25', truncated: '580.24', difference: '19.75', table: 'T3 2011350 事业运行 / 项目支出' },
      },
    ]);
    const status = (instance: string): string | undefined => r.outcomes.find((o) => o.ruleId === 'narrative/breakdown-sum' && o.instance === instance)?.status;
    // 0.33 × 3 = 0.99 against 1.00: three rounded parts carry ±0.015, the 合计 ±0.005 — rounding explains 0.01
    expect(status('text:3.调研经费1.00万元#1')).toBe('pass');
    expect(status('project:生命健康专项#1')).toBe('pass');
    expect(status('text:宣传项目资金300万元#1')).toBe('pass');
    // the amounts of complete lists are checked against each other, so they are not listed as unlinked;
    // those of partial lists are (their parts are only bounded)
    expect(findings(r).filter((f) => f.rule === 'narrative/unlinked-amount').map((f) => f.at)).toEqual([
      // every amount of line 5 (300 = 200 + 150?, 300 ⊇ 200 ⊇ 120 + 90, 50)
      ...[...lines[4]!.matchAll(/\d+万元/g)].map((m) => `5:${m.index + 1}`),
      col(35, '400.00'),
    ]);
  });
});
