import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BudgetDocument } from '../../src/model/document.js';
import { Decimal } from '../../src/model/decimal.js';
import { analyzeNarrative } from '../../src/narrative/analysis.js';
import { explainNarrative } from '../../src/narrative/explain.js';
import { findShares } from '../../src/narrative/shares.js';
import { judgeShare } from '../../src/narrative/share-ratio.js';
import { lintText, parseTextDoc } from '../support/lint.js';
import { findings, fixtureText, lintFixture, narrativeLineOffset } from './support.js';

const RULE = 'narrative/share-of-total';

/** The share outcomes of a result: instance → status. */
function outcomes(r: Awaited<ReturnType<typeof lintFixture>>): Record<string, string> {
  return Object.fromEntries(r.outcomes.filter((o) => o.ruleId === RULE).map((o) => [o.instance, o.status]));
}

/** One narrative paragraph over the shared mini tables (fixtures/narrative/_tables.txt: 支出预算 1396.58万元 = 基本支出 816.34 + 项目支出 580.25). */
async function lintSentence(sentence: string): Promise<Awaited<ReturnType<typeof lintFixture>>> {
  return lintText(`2023年部门预算编制说明\n\n${sentence}\n\n${readFileSync('fixtures/narrative/_tables.txt', 'utf8')}`, ['narrative'], 'sentence.txt');
}

describe('narrative/share-of-total', () => {
  it('passes the shares of a consistent narrative in every wording, and leaves limits and non-money ratios alone', async () => {
    const r = await lintFixture('shares-ok.txt');
    expect(findings(r).filter((f) => f.rule === RULE)).toEqual([]);
    expect(outcomes(r)).toEqual({
      '财政拨款收入÷收入预算#1': 'pass',
      '基本支出÷支出预算#1': 'pass',
      '项目支出÷支出预算#1': 'pass',
      '一般公共预算拨款支出÷财政拨款支出#1': 'pass',
      '20113 商贸事务（款）÷一般公共预算拨款支出#1': 'pass',
      '2011301 行政运行（项）÷20113 商贸事务（款）#1': 'pass',
      '2011350 事业运行（项）÷20113 商贸事务（款）#1': 'pass',
      '政府采购预留中小企业÷政府采购预算#1': 'pass',
      '政府采购预留小微企业÷政府采购预留中小企业#1': 'pass',
      '208 社会保障和就业支出（类）÷支出预算#1': 'pass',
      // a whole no table holds and the narrative does not state: not assessable, never passed
      '本年度拟购置办公设备÷全市财政支出#1': 'not-assessable',
    });
  });

  it('finds a truncated share, a wrong share of a table total and a wrong share of a narrative total', async () => {
    const r = await lintFixture('shares-fail.txt');
    expect(findings(r).filter((f) => f.rule === RULE)).toEqual([
      {
        rule: RULE,
        id: 'truncated',
        at: '3:33',
        data: { part: '基本支出', partValue: '816.34', partUnit: '万元', whole: '支出预算', wholeValue: '1396.58', wholeUnit: '万元', wholeSource: 'narrative', percent: '58.4', computed: '58.453', unit: '%', expected: '58.5', actual: '58.4', difference: '-0.1' },
      },
      {
        rule: RULE,
        id: 'mismatch',
        at: '5:40',
        data: {
          part: '201 一般公共服务支出（类）',
          // the whole is read in the tables only: so is the part (12,345,678 元)
          partValue: '1234.5678',
          partUnit: '万元',
          whole: '一般公共预算拨款支出',
          wholeValue: '1396.5844',
          wholeUnit: '万元',
          wholeSource: 'table',
          percent: '78.40',
          computed: '88.3991',
          unit: '%',
          expected: '88.40',
          actual: '78.40',
          difference: '-10.00',
        },
      },
      {
        rule: RULE,
        id: 'mismatch',
        at: '9:99',
        data: { part: '政府采购预留中小企业', partValue: '25', partUnit: '万元', whole: '政府采购预算', wholeValue: '30', wholeUnit: '万元', wholeSource: 'narrative', percent: '50', computed: '83.33', unit: '%', expected: '83', actual: '50', difference: '-33' },
      },
    ]);
    // 580.25 ÷ 1396.58 = 41.548 %: "41.5%" is rounded correctly
    expect(outcomes(r)['项目支出÷支出预算#1']).toBe('pass');
    // related values: the part where it is printed, the whole in the narrative or in its table cell
    const related = r.diagnostics.filter((d) => d.ruleId === RULE).map((d) => d.related.map((x) => [x.location.line, x.location.tableKind ?? null, x.value]));
    expect(related).toEqual([
      [
        [3, null, '816.34'],
        [3, null, '1396.58'],
      ],
      [
        [5, null, '1234.57'],
        [50, 'T4', '1396.5844'],
      ],
      [
        [9, null, '25'],
        [9, null, '30'],
      ],
    ]);
  });

  it.each([
    ['占…的', '支出预算1396.58万元，其中：基本支出816.34万元，占支出预算的58.5%。', 'pass'],
    ['no 的', '支出预算1396.58万元，其中：基本支出816.34万元，占支出预算58.5%。', 'pass'],
    ['的比重为', '支出预算1396.58万元，其中：基本支出816.34万元，占总支出的比重为58.5%。', 'pass'],
    ['的比例为', '支出预算1396.58万元，其中：项目支出580.25万元，占支出总额的比例为41.5%。', 'pass'],
    ['占比', '支出预算1396.58万元，其中：基本支出816.34万元，占比58.5%。', 'pass'],
    ['占比为', '支出预算1396.58万元，其中：基本支出816.34万元，占比为58.5%。', 'pass'],
    ['所占比例为, in brackets', '支出预算1396.58万元，其中：基本支出816.34万元（所占比例为58.5%）。', 'pass'],
    ['bare 占', '支出预算1396.58万元，其中：基本支出816.34万元，占58.5%。', 'pass'],
    ['约占', '支出预算1396.58万元，其中：基本支出816.34万元，约占58%。', 'pass'],
    ['full-width ％', '支出预算1396.58万元，其中：基本支出816.34万元，占比５８．５％。', 'pass'],
    ['after the amount\'s change', '支出预算1396.58万元，其中：基本支出816.34万元，比上年预算增加16.34万元，占支出预算的58.5%。', 'pass'],
    ['a whole only the tables hold', '基本支出816.34万元，占支出预算的58.5%。', 'pass'],
    ['a share of the change before it', '支出预算1396.58万元，其中：项目支出580.25万元，比上年预算增加100万元，占支出预算的7.2%。', 'pass'],
    ['"基本支出" after "一般公共预算基本支出" outside a list', '一般公共预算基本支出816.34万元。一般公共服务支出（类）商贸事务（款）行政运行（项）654.32万元，占基本支出的80.2%。', 'pass'],
    ['"总额": the list\'s total', '支出预算1396.58万元，其中：基本支出816.34万元，占总额的58.5%。', 'pass'],
    ['"本部门收入"', '一般公共预算拨款收入1396.58万元，占本部门收入的100%。', 'pass'],
    ['"财政拨款总额" (either side)', '一般公共服务支出（类）1234.57万元，占财政拨款总额的88.4%。', 'pass'],
    ['a wrong share of "财政拨款总额"', '一般公共服务支出（类）1234.57万元，占财政拨款总额的98.4%。', 'fail'],
    ['a total the tables do not hold, stated before', '截至2022年底，本部门资产总额1500.00万元，其中：流动资产300.00万元，占资产总额的20.0%。', 'pass'],
    ['a wrong share of a total the tables do not hold', '截至2022年底，本部门资产总额1500.00万元，其中：流动资产300.00万元，占资产总额的30.0%。', 'fail'],
    ['a share of last year\'s amount', '基本支出816.34万元，占上年支出预算的105.0%。', 'not-assessable'],
    ['"占X%" after a share naming its whole, in one sentence', '2023年，本部门收入预算1396.58万元。其中：财政拨款收入1000.00万元，占收入预算的71.60%；事业收入396.58万元，占28.40%。', 'pass,pass'],
    ['a wrong "占X%" after a share naming its whole', '2023年，本部门收入预算1396.58万元。其中：财政拨款收入1000.00万元，占收入预算的71.60%；事业收入396.58万元，占38.40%。', 'pass,fail'],
    ['a classification item named as the whole', '“一般公共服务支出（类）商贸事务（款）” 1234.57万元，其中：“行政运行（项）” 654.32万元，占“一般公共服务支出（类）商贸事务（款）”的53.0%。', 'pass'],
    ['a wrong share of a classification item', '“行政运行（项）” 654.32万元，占“商贸事务（款）”的63.0%。', 'fail'],
    ['"占比：" with a colon', '支出预算1396.58万元，其中：基本支出816.34万元，占比：58.5%。', 'pass'],
    ['"占年度预算的"', '基本支出816.34万元，占本部门年度预算的58.5%。', 'pass'],
    ['"分别占" (not read)', '基本支出816.34万元、项目支出580.25万元，分别占支出预算的58.5%和41.5%。', 'not-applicable'],
    ['a wrong whole-number share', '支出预算1396.58万元，其中：基本支出816.34万元，占比60%。', 'fail'],
    ['a share named by no total', '基本支出816.34万元，占比58.5%。', 'not-assessable'],
  ])('reads %s', async (_name, sentence, status) => {
    const r = await lintSentence(sentence);
    expect(Object.values(outcomes(r)).sort()).toEqual(status.split(',').sort());
  });

  it.each([
    ['a share of the region\'s spending (全区), no total of the document', '本部门支出预算1396.58万元，比上年增加96.58万元，增长7.43%，占全区一般公共预算支出的0.5%。', 'not-assessable'],
    ['a share of the city\'s budget (全市)', '一般公共服务支出（类）1234.57万元，占全市一般公共预算支出的0.2%。', 'not-assessable'],
    ['a share of the district\'s own-level spending (区级)', '基本支出816.34万元，占区级财政支出的1.1%。', 'not-assessable'],
  ])('holds no share of a total beyond the document to the document\'s own total: %s', async (_name, sentence, status) => {
    const r = await lintSentence(sentence);
    expect(Object.values(outcomes(r))).toEqual([status]);
    expect(findings(r).filter((f) => f.rule === RULE)).toEqual([]);
  });

  it('holds a share of a total named with another year than the document\'s to nothing, and one named with its own year to that total', async () => {
    // the title says 2023: "2022年支出预算" is last year's
    expect(Object.values(outcomes(await lintSentence('基本支出816.34万元，占2022年支出预算的70.1%。')))).toEqual(['not-assessable']);
    expect(Object.values(outcomes(await lintSentence('基本支出816.34万元，占2023年支出预算的58.45%。')))).toEqual(['pass']);
    expect(Object.values(outcomes(await lintSentence('基本支出816.34万元，占2023年支出预算的85.45%。')))).toEqual(['fail']);
  });

  it('holds a share of the budget in final accounts (决算) to nothing: the budget is another stage there', async () => {
    const final = async (sentence: string) => lintText(`XX区商务委员会2022年度部门决算\n\n${sentence}\n\n${readFileSync('fixtures/narrative/_tables.txt', 'utf8')}`, ['narrative'], 'final.txt');
    for (const s of ['2022年度支出决算1396.58万元，占全年预算的108.3%。', '2022年度支出决算1396.58万元，占预算的108.33%。', '2022年度一般公共预算财政拨款支出1396.58万元，占财政拨款预算的108.33%。']) {
      const r = await final(s);
      expect(Object.values(outcomes(r)), s).toEqual(['not-assessable']);
    }
    // a share of a total of the accounts themselves is still read
    expect(Object.values(outcomes(await final('2022年度支出决算1396.58万元，其中：基本支出816.34万元，占58.45%。')))).toEqual(['pass']);
    // the funds' names are no stage
    expect(Object.values(outcomes(await final('一般公共服务支出（类）1234.57万元，占一般公共预算财政拨款支出的88.4%。')))).toEqual(['pass']);
  });

  it('takes no amount smaller than the part as its whole (a sibling whose words end like the whole\'s)', async () => {
    // "支出" ends "项目支出": 816.34 ÷ 580.25 = 140.69 % is no share of a total
    expect(Object.values(outcomes(await lintSentence('项目支出580.25万元，基本支出816.34万元，占支出的140.69%。')))).toEqual(['fail']);
    const r = await lintSentence('项目支出580.25万元；基本支出816.34万元，占支出的85.45%。');
    expect(findings(r).filter((f) => f.rule === RULE).map((f) => [f.id, f.data.whole, f.data.expected])).toEqual([['mismatch', '支出预算', '58.45']]);
    expect(Object.values(outcomes(await lintSentence('项目支出580.25万元；基本支出816.34万元，占支出的58.45%。')))).toEqual(['pass']);
  });

  it('holds a share of amounts the tables hold to the printed figures or the tables\' values, not to any value within the printed rounding', async () => {
    // T3: 基本支出 8,163,376 ÷ 13,965,844 元 = 58.4526 %; printed in whole 万元: 816 ÷ 1397 = 58.4109 %
    for (const p of ['58.45', '58.41', '58.5', '58.4']) expect(Object.values(outcomes(await lintSentence(`支出预算1397万元，其中：基本支出816万元，占${p}%。`))), p).toEqual(['pass']);
    // 815.5 ÷ 1397.5 … 816.5 ÷ 1396.5 spans 58.35 … 58.47 %: a writer has the printed figures or the exact ones, and neither gives these
    for (const p of ['58.43', '58.38', '58.47']) expect(Object.values(outcomes(await lintSentence(`支出预算1397万元，其中：基本支出816万元，占${p}%。`))), p).toEqual(['fail']);
    // a whole the tables do not hold keeps its rounding: 300 ÷ 1500 = 20 %, 299.5 ÷ 1500.5 = 19.96 %
    expect(Object.values(outcomes(await lintSentence('截至2022年底，本部门资产总额1500万元，其中：流动资产300万元，占资产总额的19.97%。')))).toEqual(['pass']);
  });

  it('holds a share worked out from the table to the table, leaving a wrong amount to narrative/amount-matches-table', async () => {
    // 861.34 printed for T3 基本支出 8,163,376 元 (816.34万元); 816.3376 ÷ 1396.58 = 58.45 %
    const r = await lintSentence('支出预算1396.58万元，其中：基本支出861.34万元，占比58.5%。');
    expect(Object.values(outcomes(r))).toEqual(['pass']);
    expect(findings(r).map((f) => [f.rule, f.id, f.data.narrative])).toEqual([['narrative/amount-matches-table', 'mismatch', '861.34']]);
  });

  it('reads no share in limits, targets and ratios of things that are no amount', async () => {
    for (const s of ['补贴资金50万元，占项目总投资的比例不超过30%。', '工业增加值占GDP比重不低于33%，战略性新兴产业产值占规模以上工业总产值的比重达到30%左右。', '支出预算1396.58万元，比上年预算增加96.58万元，增长7.43%。', '基本支出816.34万元，占比30%以上。']) {
      const r = await lintSentence(s);
      expect(r.outcomes.filter((o) => o.ruleId === RULE).map((o) => o.status), s).toEqual(['not-applicable']);
    }
  });
});

describe('judgeShare', () => {
  const wan = (v: string, scale: number): { value: Decimal; radius: Decimal } => ({ value: new Decimal(v).times(10_000), radius: new Decimal(5).times(new Decimal(10).pow(-(scale + 1))).times(10_000) });
  const exact = (v: string): { value: Decimal; radius: Decimal } => ({ value: new Decimal(v), radius: new Decimal(0) });
  const judge = (p: string, scale: number, part: ReturnType<typeof exact>, whole: ReturnType<typeof exact>): string | undefined => judgeShare(new Decimal(p), scale, part, whole)?.outcome;

  it('accepts the percentage any ratio within the figures\' rounding rounds half-up to', () => {
    // 1 ÷ 3 = 33.333… %
    expect(judge('33.3', 1, exact('1'), exact('3'))).toBe('pass');
    expect(judge('33.33', 2, exact('1'), exact('3'))).toBe('pass');
    expect(judge('33.34', 2, exact('1'), exact('3'))).toBe('mismatch');
    // 2 ÷ 3 = 66.666… %: 66.6 is truncated, 66.7 rounded
    expect(judge('66.7', 1, exact('2'), exact('3'))).toBe('pass');
    expect(judge('66.6', 1, exact('2'), exact('3'))).toBe('truncated');
    expect(judge('66', 0, exact('2'), exact('3'))).toBe('truncated');
    expect(judge('65', 0, exact('2'), exact('3'))).toBe('mismatch');
    // whole 万元 figures (±0.5万元) leave room: 25 ÷ 30 anywhere from 24.5 ÷ 30.5 = 80.3 % to 25.5 ÷ 29.5 = 86.4 %
    expect(judge('80', 0, wan('25', 0), wan('30', 0))).toBe('pass');
    expect(judge('87', 0, wan('25', 0), wan('30', 0))).toBe('mismatch');
    // a tie is taken both ways (never reported): 1 ÷ 8 = 12.5 % is 13 % half-up, 12 % half-even
    expect(judge('13', 0, exact('1'), exact('8'))).toBe('pass');
    expect(judge('12', 0, exact('1'), exact('8'))).toBe('pass');
    expect(judge('0', 0, exact('0'), exact('8'))).toBe('pass');
    expect(judge('100', 0, exact('8'), exact('8'))).toBe('pass');
  });

  it('does not judge a share of a whole that may be zero', () => {
    expect(judge('50', 0, exact('1'), exact('0'))).toBeUndefined();
    expect(judge('50', 0, wan('1', 0), wan('0', 0))).toBeUndefined();
  });
});

describe('share reading runs in linear time on adversarial text', () => {
  const docOf = (texts: readonly string[]): BudgetDocument => ({
    source: { file: 'x.txt', format: 'text' },
    metadata: {},
    tables: [],
    paragraphs: texts.map((text, i) => ({ text, kind: 'paragraph', location: { file: 'x.txt', line: i + 1, column: 1 }, segments: [{ start: 0, location: { file: 'x.txt', line: i + 1, column: 1 } }] })),
    issues: [],
  });
  const shares = (doc: BudgetDocument): number => {
    const a = analyzeNarrative(doc);
    return findShares(doc, a.statements, a.mentions).length;
  };
  it.each([
    ['one "占" before a million characters of percentages', ['占' + '5%，'.repeat(300_000)]],
    ['a million "占" before a share', ['基本支出1万元，' + '占'.repeat(1_000_000) + '5%']],
    ['shares without breaks', ['基本支出1万元，占支出预算的5%'.repeat(40_000)]],
    ['shares as 20 000 paragraphs', Array.from({ length: 20_000 }, () => '支出预算20万元，其中：基本支出1万元，占比5%；项目支出19万元，占支出预算的95%。')],
  ])('%s', (_name, texts) => {
    const t = performance.now();
    const n = shares(docOf(texts));
    expect(n).toBeGreaterThanOrEqual(0);
    // generous: the suite shares two cores with other work; a quadratic pass would take minutes
    expect(performance.now() - t).toBeLessThan(15_000);
  });
});

describe('narrative/share-of-total in the Ministry of Finance layout', () => {
  it('reads shares of 元 amounts and of 万元 三公 figures, and finds the wrong one', async () => {
    const r = await lintFixture('mof-shares.txt');
    const offset = narrativeLineOffset('mof-shares.txt');
    expect(outcomes(r)).toEqual({
      '基本支出÷支出预算#1': 'pass',
      '项目支出÷支出预算#1': 'pass',
      '人员经费÷一般公共预算基本支出#1': 'pass',
      '公用经费÷一般公共预算基本支出#1': 'pass',
      '因公出国（境）费÷“三公”经费#1': 'pass',
      '公务用车购置及运行维护费÷“三公”经费#1': 'fail',
      '公务接待费÷“三公”经费#1': 'pass',
    });
    // 1.00 ÷ 8.00 = 12.5 %
    expect(findings(r).filter((f) => f.rule === RULE)).toEqual([
      {
        rule: RULE,
        id: 'mismatch',
        at: `${offset + 13}:83`,
        data: { part: '公务用车购置及运行维护费', partValue: '1.00', partUnit: '万元', whole: '“三公”经费', wholeValue: '8.00', wholeUnit: '万元', wholeSource: 'narrative', percent: '13.5', computed: '12.500', unit: '%', expected: '12.5', actual: '13.5', difference: '1.0' },
      },
    ]);
  });
});

describe('the narrative explanation (budgetlint narrative)', () => {
  it('shows each share\'s outcome at the amount it is a share of', async () => {
    const doc = await parseTextDoc(fixtureText('shares-fail.txt'), 'shares-fail.txt');
    const rows = explainNarrative(doc).filter((x) => x.outcome.includes('share-of-total:'));
    expect(rows.map((x) => [`${x.line}:${x.column}`, x.text, x.outcome])).toEqual([
      ['3:22', '816.34万元', 'pass; share-of-total: truncated'],
      ['3:43', '580.25万元', 'pass; share-of-total: pass'],
      ['5:18', '1234.57万元', 'pass; share-of-total: mismatch'],
      ['9:79', '25万元', 'internal; procurement-shares: pass; share-of-total: mismatch'],
    ]);
  });
});
