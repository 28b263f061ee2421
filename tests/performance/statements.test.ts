import { describe, expect, it } from 'vitest';
import { countValue, projectStatements, sentencesHolding } from '../../src/checks/performance/statements.js';
import { Rng } from '../../src/generate/random.js';
import { parseTextDoc } from '../support/lint.js';

async function statements(text: string): Promise<unknown[]> {
  const doc = await parseTextDoc(`四、绩效目标设置情况\n${text}\n`);
  return projectStatements(doc, new Set()).map((s) => ({
    count: s.count?.value,
    amount: s.amount ? `${s.amount.value.toFixed()} ${s.amount.unit}` : undefined,
    // the span of each figure in the paragraph
    countText: s.count ? s.paragraph.text.slice(s.count.offset, s.count.offset + s.count.length) : undefined,
    amountText: s.amount ? s.paragraph.text.slice(s.amount.offset, s.amount.offset + s.amount.length) : undefined,
  }));
}

describe('narrative statements of the projects with 绩效目标', () => {
  it('reads the wordings of the corpus documents', async () => {
    expect(await statements('按照本区预算绩效管理工作的总体要求，本部门2个预算单位开展了2023年项目预算绩效目标编报工作，编报绩效目标的项目5个，涉及项目预算资金3328.13万元。')).toEqual([
      { count: 5, amount: '3328.13 万元', countText: '5', amountText: '3328.13万元' },
    ]);
    expect(await statements('2025年度，本部门编报绩效目标的项目共25个，涉及项目预算资金11381.60万元。')).toEqual([
      { count: 25, amount: '11381.6 万元', countText: '25', amountText: '11381.60万元' },
    ]);
    expect(await statements('2025年度，本单位编报绩效目标的项目共11个，涉及项目预算资金6626万元。')).toEqual([
      { count: 11, amount: '6626 万元', countText: '11', amountText: '6626万元' },
    ]);
  });

  it('reads other wordings: N个项目 before the verb, Chinese numerals, full-width digits, 元 and 亿元, a thousands separator', async () => {
    expect(await statements('本部门共有5个项目编报绩效目标，涉及资金1,234.5万元。')).toEqual([{ count: 5, amount: '1234.5 万元', countText: '5', amountText: '1,234.5万元' }]);
    expect(await statements('编报绩效目标的项目十二个，涉及项目预算资金１２３．４５万元。')).toEqual([
      { count: 12, amount: '123.45 万元', countText: '十二', amountText: '１２３．４５万元' },
    ]);
    expect(await statements('纳入绩效目标管理的项目3个，涉及金额2.5亿元。')).toEqual([{ count: 3, amount: '2.5 亿元', countText: '3', amountText: '2.5亿元' }]);
    expect(await statements('实现绩效目标编报项目全覆盖，涉及项目预算资金3328130元。')).toEqual([
      { count: undefined, amount: '3328130 万元'.replace('万元', '元'), countText: undefined, amountText: '3328130元' },
    ]);
  });

  it('ignores sentences that do not state the projects with 绩效目标', async () => {
    expect(await statements('2023年本部门政府采购预算830.00万元。本部门2个预算单位开展了绩效目标编报工作。')).toEqual([]);
    expect(await statements('七、绩效目标\n详见单位的项目绩效目标表')).toEqual([]);
  });

  it('counts written in Chinese numerals', () => {
    expect([countValue('五'), countValue('十'), countValue('二十五'), countValue('一百零三'), countValue('两'), countValue('25'), countValue('２５')]).toEqual([5, 10, 25, 103, 2, 25, 25]);
    expect(countValue('若干')).toBeUndefined();
  });
});

describe('sentencesHolding', () => {
  it('finds the sentences of the plain split that hold the word, on random texts', () => {
    const rng = new Rng(7);
    const pieces = ['绩效目标', '绩效', '目标', '项目5个', '。', '；', ';', '！', '!', '？', '?', '，', '涉及资金1,234万元', ' ', '某'];
    const differing: string[] = [];
    for (let n = 0; n < 5000; n++) {
      let text = '';
      for (let i = rng.int(0, 12); i > 0; i--) text += rng.pick(pieces);
      const plain = [...text.matchAll(/[^。；;！!？?]+[。；;！!？?]?/g)].filter((m) => m[0].includes('绩效目标')).map((m) => ({ text: m[0], at: m.index }));
      if (JSON.stringify(sentencesHolding(text, '绩效目标')) !== JSON.stringify(plain)) differing.push(text);
    }
    expect(differing).toEqual([]);
  });
});
