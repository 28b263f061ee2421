import { describe, expect, it } from 'vitest';
import { analyzeNarrative } from '../../src/narrative/analysis.js';
import { ANCHOR, anchorsOf, STATED_SUM, statesSum, withoutSpacesAndQuotes, type Breakdown } from '../../src/narrative/breakdowns.js';
import { Rng } from '../../src/generate/random.js';
import { parseTextDoc } from '../support/lint.js';

/** The "其中" lists of a one-paragraph narrative: total, parts, stated 合计 (printed) and whether complete. */
async function lists(text: string): Promise<Array<{ total: string; parts: string[]; stated?: string; exhaustive: boolean }>> {
  const doc = await parseTextDoc(`2023年部门预算编制说明\n\n${text}\n`);
  const show = (b: Breakdown): { total: string; parts: string[]; stated?: string; exhaustive: boolean } => ({
    total: b.parent.token.raw,
    parts: b.parts.map((p) => p.token.raw),
    ...(b.stated ? { stated: b.stated.token.raw } : {}),
    exhaustive: b.exhaustive,
  });
  return analyzeNarrative(doc).breakdowns.filter((b) => b.kind === 'listed').map(show);
}

describe('"其中" lists under an amount', () => {
  it('reads a list closed by a stated 合计 as complete, whatever separates the 合计', async () => {
    expect(await lists('项目总预算1170.00万，其中支持A 870.00万，支持B 70.00万，支持C 180.00万，支持D 50.00万，合计1170.00万。')).toEqual([
      { total: '1170.00', parts: ['870.00', '70.00', '180.00', '50.00'], stated: '1170.00', exhaustive: true },
    ]);
    expect(await lists('调研经费1.00万元，包括：一季度0.33万元、二季度0.33万元、三季度0.33万元，共计1.00万元。')).toEqual([
      { total: '1.00', parts: ['0.33', '0.33', '0.33'], stated: '1.00', exhaustive: true },
    ]);
  });

  it('takes an amount after "主要用于" for a detail of the part before it, not a part of the total', async () => {
    expect(await lists('2023年，本部门支出预算1396.58万元，其中：基本支出816.34万元，主要用于人员经费700.00万元；项目支出580.25万元，主要用于产业发展。')).toEqual([
      { total: '1396.58', parts: ['816.34', '580.25'], exhaustive: false },
    ]);
  });

  it('reads "其余…" as the rest of the total, and a list without either as possibly partial', async () => {
    expect(await lists('培训经费100万元，其中讲课费60万元，其余40万元用于场地租赁。')).toEqual([{ total: '100', parts: ['60', '40'], exhaustive: true }]);
    expect(await lists('资金300万元，其中：设备200万元、软件50万元。')).toEqual([{ total: '300', parts: ['200', '50'], exhaustive: false }]);
  });

  it('keeps the separator of the list: a list separated by "，" ends at "；", one separated by "；" at the sentence end', async () => {
    expect(await lists('公务用车费2万元，其中：购置费0.5万元，运行费1.5万元；会议费2.1万元。')).toEqual([{ total: '2', parts: ['0.5', '1.5'], exhaustive: false }]);
    expect(await lists('收入预算100万元，比上年增加5万元，其中：财政拨款收入90万元，比上年增加4万元；事业收入10万元；其他收入0万元。')).toEqual([
      { total: '100', parts: ['90', '10', '0'], exhaustive: false },
    ]);
  });

  it('gives a nested "其中" to the part before it, and ends a list opened inside parentheses at the closing one', async () => {
    expect(await lists('宣传经费50万元，其中：印刷费30万元，其中彩印10万元、黑白20万元；展览费20万元。')).toEqual([
      { total: '50', parts: ['30'], exhaustive: false },
      { total: '30', parts: ['10', '20'], exhaustive: false },
    ]);
    expect(await lists('宣传费1.00万元（其中：印刷费0万元，设计费1.00万元），会议费5.00万元。')).toEqual([{ total: '1.00', parts: ['0', '1.00'], exhaustive: false }]);
  });

  it('finds no list where the amounts are no breakdown of the amount before "其中"', async () => {
    // the first item of the list is no amount: a later amount of the sentence is not its first part
    expect(await lists('固定资产3149.52万元，其中：房屋14609.83平方米；车辆7辆；其他固定资产0万元。')).toEqual([]);
    // last year's amount, a limit, or a sentence break before "其中"
    expect(await lists('上年预算为50万元，其中：设备20万元。')).toEqual([]);
    expect(await lists('单价100万元以上设备，其中：专用设备20万元。')).toEqual([]);
    expect(await lists('资金300万元。其中：设备200万元。')).toEqual([]);
    // a limit ends the list
    expect(await lists('资金300万元，其中：设备200万元，单价50万元以上的10台。')).toEqual([{ total: '300', parts: ['200'], exhaustive: false }]);
  });
});

describe('anchorsOf finds "其中" / "包括" as the regex does', () => {
  it('on random text made of their characters', () => {
    const rng = new Rng(53);
    const pieces = ['其', '中', '包', '括', '其中', '包括', '其中包括', '，', '1'];
    // one assertion over all the cases (an expect per case costs more than the test itself)
    const wrong: string[] = [];
    for (let n = 0; n < 5_000; n++) {
      let text = '';
      for (let i = rng.int(0, 12); i > 0; i--) text += rng.pick(pieces);
      const plain = [...text.matchAll(ANCHOR)].map((m) => m.index);
      if (JSON.stringify(anchorsOf(text)) !== JSON.stringify(plain)) wrong.push(text);
    }
    expect(wrong).toEqual([]);
  });
});

describe('statesSum', () => {
  it('answers as STATED_SUM on the words without spaces and quotes, on random words', () => {
    const rng = new Rng(3);
    // the words of STATED_SUM, spaces and quotes of every kind, and other characters
    const alphabet = ['以上', '上述', '各项', '项目', '合计', '共计', '总计', '总额', '小计', '总共', '共', '金额', '为', '是', '计', '额', ' ', '\u3000', '“', '”', '‘', '’', '「', '』', '支出', '：'];
    const wrong: string[] = [];
    let stated = 0;
    for (let n = 0; n < 20_000; n++) {
      let words = '';
      for (let i = rng.int(0, 6); i > 0; i--) words += rng.pick(alphabet);
      const plain = STATED_SUM.test(withoutSpacesAndQuotes(words));
      if (plain) stated++;
      if (statesSum(words) !== plain) wrong.push(words);
    }
    expect({ wrong, enough: stated > 500 }).toEqual({ wrong: [], enough: true });
  });
});
