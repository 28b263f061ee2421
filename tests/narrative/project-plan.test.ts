import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocumentResult } from '../../src/engine/diagnostic.js';
import type { BudgetDocument, Paragraph } from '../../src/model/document.js';
import { projectPlans } from '../../src/narrative/project-plans.js';
import { corpusResult } from '../support/corpus.js';
import { lintText, parseTextDoc } from '../support/lint.js';

/**
 * narrative/project-plan-sum on the seed: its one 项目经费情况说明 block states the year's money only in
 * parts ("包括产业资金1.39亿元、管理费337.54万元、待安排资金4808.56万元" = 19046.10万元 within the 亿元
 * figure's ±50万元), and its one 绩效目标 form gives 年度资金申请总额 19046.1万元.
 */
const SEED = 'fixtures/seed/input.txt';
const seed = readFileSync(SEED, 'utf8');
const PLAN = '包括产业资金1.39亿元、管理费337.54万元、待安排资金4808.56万元';
const line = seed.split('\n').findIndex((l) => l.startsWith(PLAN)) + 1;

const outcomes = (r: DocumentResult): string[] => r.outcomes.filter((o) => o.ruleId === 'narrative/project-plan-sum').map((o) => `${o.instance} ${o.status}`);
const findings = (r: DocumentResult): unknown[] =>
  r.diagnostics.filter((d) => d.ruleId === 'narrative/project-plan-sum').map((d) => ({ id: d.messageId, at: `${d.location.line}:${d.location.column}`, data: d.data, related: d.related.map((x) => `${x.label} = ${x.value}`) }));
const lint = (text: string): Promise<DocumentResult> => lintText(text, ['narrative/project-plan-sum'], SEED);

describe('narrative/project-plan-sum', () => {
  it('reads the seed\'s plan: three parts that 包括 lists, under 六、年度预算安排 of the project block', async () => {
    const plans = projectPlans(await parseTextDoc(seed, SEED));
    expect(plans.map((p) => [p.kind, p.name, p.parts.map((t) => `${t.raw}${t.unit}`)])).toEqual([['includes', undefined, ['1.39亿元', '337.54万元', '4808.56万元']]]);
  });

  it('passes the seed: the parts add up to the form\'s 年度资金申请总额 within the rounding of 1.39亿元', async () => {
    const r = await lint(seed);
    expect(findings(r)).toEqual([]);
    expect(outcomes(r)).toEqual(['plan-0 pass']);
  });

  it('finds a part 200万元 too large, pointing at the parts, with the form\'s total related', async () => {
    const r = await lint(seed.replace(PLAN, PLAN.replace('管理费337.54万元', '管理费537.54万元')));
    expect(findings(r)).toEqual([
      {
        id: 'includes',
        at: `${line}:7`,
        data: { project: '产业发展专项资金', parts: 3, sum: '19246.10', total: '19046.10', unit: '万元', difference: '200.00' },
        related: ['绩效目标表 产业发展专项资金 / 年度资金申请总额 = 19046.1'],
      },
    ]);
  });

  it('adds the four quarters\' 用款计划, and finds one that does not add up', async () => {
    const quarters = (q4: string): string => `第一季度用款计划5000.00万元，第二季度用款计划5000.00万元，第三季度用款计划5000.00万元，第四季度用款计划${q4}万元。`;
    const ok = await lint(seed.replace(PLAN, quarters('4046.10')));
    expect(findings(ok)).toEqual([]);
    expect(outcomes(ok)).toEqual(['plan-0 pass']);
    const slip = await lint(seed.replace(PLAN, quarters('4064.10')));
    expect(findings(slip)).toEqual([
      {
        id: 'quarters',
        at: `${line}:9`,
        data: { project: '产业发展专项资金', parts: 4, sum: '19064.10', total: '19046.10', unit: '万元', difference: '18.00' },
        related: ['绩效目标表 产业发展专项资金 / 年度资金申请总额 = 19046.1'],
      },
    ]);
  });

  it('is not assessable when no form is clearly the project\'s, and reads no partial list, rate or stated total as a plan', async () => {
    // a second form of another project: the block names neither, so neither is chosen (never by amount)
    const formStart = seed.indexOf('财政项目支出绩效目标表');
    const secondForm = seed.slice(formStart).replace('产业发展专项资金', '中小企业发展专项资金');
    const two = await lint(`${seed}\n${secondForm}`);
    expect(outcomes(two)).toEqual(['plan-0 not-assessable']);
    for (const text of [
      '包括产业资金1.39亿元、管理费337.54万元等',
      '包括产业资金1.39亿元、管理费每家企业20万元',
      '项目总预算19046.10万元，包括产业资金1.39亿元、管理费337.54万元、待安排资金4808.56万元',
      '第一季度用款计划5000.00万元，第二季度用款计划5000.00万元',
    ]) {
      const other = await lint(seed.replace(PLAN, text));
      expect(outcomes(other), text).toEqual(['plans not-applicable']);
    }
  });
});

describe('narrative/project-plan-sum: the block\'s heading', () => {
  it('reads a block whose heading names its project without 经费 / 资金 / 项目 ("产业发展专项情况说明")', async () => {
    const r = await lint(seed.replace(/^项目经费情况说明$/m, '产业发展专项情况说明'));
    expect(outcomes(r)).toEqual(['plan-0 pass']);
  });
});

describe('narrative/project-plan-sum: 新建 and 续建 are two projects', () => {
  it('does not hold a block on 续建… to the form of 新建…, named or only mentioned', async () => {
    const newForm = seed.replace('项目名称\t产业发展专项资金', '项目名称\t新建产业发展专项资金');
    // a block named after the project: 续建 against the 新建 form is no match
    const named = await lint(newForm.replace(/^项目经费情况说明$/m, '续建产业发展专项资金情况说明'));
    expect(outcomes(named)).toEqual(['plan-0 not-assessable']);
    // the same prefix matches
    const same = await lint(newForm.replace(/^项目经费情况说明$/m, '新建产业发展专项资金情况说明'));
    expect(outcomes(same)).toEqual(['plan-0 pass']);
  });
});

describe('narrative/project-plan-sum on the corpus', () => {
  it('adds up 万里街道\'s quarters (25.88 + 180.74 + 186.60 + 16.78 = 410.00万元) to its form 新建万里街道社区公共服务中心 (4,100,000.00 元)', async () => {
    const r = await corpusResult('fixtures/corpus/putuo-2023-wanli-street-budget.pdf');
    expect(r.outcomes.filter((o) => o.ruleId === 'narrative/project-plan-sum').map((o) => [o.instance, o.status, o.location?.page, o.location?.line])).toEqual([['plan-0', 'pass', 30, 25]]);
  });
});

describe('narrative/project-plan-sum: parts that are not the year\'s money of the form chosen', () => {
  const formStart = seed.indexOf('\n财政项目支出绩效目标表');

  it('compares with the form\'s money for the year only: a form printing only the project\'s total (over its years) is not assessable', async () => {
    const multiYear = seed
      .replace('项目资金总额\t19046.1\t年度资金申请总额\t19046.1', '项目资金总额\t50000\t\t')
      .replace('其中：财政资金\t19046.1\t其中：当年财政拨款\t19046.1', '其中：财政资金\t50000\t\t');
    const r = await lint(multiYear);
    expect(findings(r)).toEqual([]);
    expect(outcomes(r)).toEqual(['plan-0 not-assessable']);
  });

  it('takes a block whose heading names a project to be that project\'s only: no form of another name is chosen by the block\'s words or for being the only one', async () => {
    const other = seed.replace('\n项目经费情况说明\n', '\n科技创新专项经费情况说明\n').replace(PLAN, '包括产业资金1000万元、管理费300万元');
    const r = await lint(other);
    expect(findings(r)).toEqual([]);
    expect(outcomes(r)).toEqual(['plan-0 not-assessable']);
    // the heading's name with words around the form's: still the project's form
    const wider = await lint(seed.replace('\n项目经费情况说明\n', '\n2023年产业发展专项资金项目经费情况说明\n'));
    expect(outcomes(wider)).toEqual(['plan-0 pass']);
  });

  it('reads no list of a part of the year\'s money, of limits or estimates, or of the project\'s money over its years as a plan', async () => {
    for (const text of [
      '其中财政资金包括产业资金1000万元、管理费300万元',
      '包括产业资金最高1000万元、管理费最高300万元',
      '包括产业资金1000万元左右、管理费300万元左右',
      '项目总投资包括建安费30000万元、设备费5000万元',
      '中期预算包括2023年19046.10万元、2024年20000万元',
    ]) {
      const r = await lint(seed.replace(PLAN, text));
      expect(outcomes(r), text).toEqual(['plans not-applicable']);
    }
  });

  it('reads a second project described under the same 项目经费情况说明 (its numbering starts again at 一、) by its own words only', async () => {
    const second = '\n一、项目概述\n\n中小企业服务项目，为中小企业提供服务。\n\n六、年度预算安排\n\n包括服务费100万元、管理费20万元\n\n七、绩效目标\n\n见表\n';
    const r = await lint(seed.slice(0, formStart) + second + seed.slice(formStart));
    expect(findings(r)).toEqual([]);
    expect(outcomes(r)).toEqual(['plan-0 pass', 'plan-1 not-assessable']);
  });

  it('reads no cumulative quarters (累计 to the end of each quarter) as the four quarters\' parts', async () => {
    const text = '第一季度累计用款5000.00万元，第二季度累计用款10000.00万元，第三季度累计用款15000.00万元，第四季度累计用款19046.10万元。';
    const r = await lint(seed.replace(PLAN, text));
    expect(findings(r)).toEqual([]);
    expect(outcomes(r)).toEqual(['plans not-applicable']);
  });

  it('reads no quarters of one source of the money (其中财政资金…, 上年结转资金…) as the year\'s plan', async () => {
    for (const source of ['其中财政资金', '上年结转资金', '总投资']) {
      const text = `${source}第一季度用款计划1000.00万元，第二季度用款计划1000.00万元，第三季度用款计划1000.00万元，第四季度用款计划1000.00万元。`;
      const r = await lint(seed.replace(PLAN, text));
      expect(outcomes(r), text).toEqual(['plans not-applicable']);
    }
  });
});


describe('narrative/project-plan-sum on hostile input', () => {
  it('stays linear with thousands of plans and descriptions under one endless block', () => {
    const at = { file: 'x.txt', line: 1, column: 1 };
    const para = (text: string, kind: 'heading' | 'paragraph'): Paragraph => ({ text, kind, location: at, segments: [{ start: 0, location: at }] });
    const paragraphs: Paragraph[] = [para('项目经费情况说明', 'heading')];
    for (let i = 0; i < 20_000; i++) {
      paragraphs.push(para('二、项目概况', 'heading'), para('万里街道社区公共服务中心新建工程的说明文字。'.repeat(20), 'paragraph'));
      paragraphs.push(para('六、年度预算安排', 'heading'), para('第一季度用款计划1.00万元，第二季度用款计划2.00万元，第三季度用款计划3.00万元，第四季度用款计划4.00万元。', 'paragraph'));
    }
    const doc: BudgetDocument = { source: { file: 'x.txt', format: 'text' }, metadata: {}, tables: [], paragraphs, issues: [] };
    const t = performance.now();
    const plans = projectPlans(doc);
    expect(plans).toHaveLength(20_000);
    expect(Math.max(...plans.map((p) => p.blockText.length))).toBeLessThanOrEqual(4000);
    expect(performance.now() - t).toBeLessThan(15_000);
  });
});
