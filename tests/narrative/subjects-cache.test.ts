import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { cleanWords, readSubject, subjectFromWords } from '../../src/narrative/subjects.js';

/** Pieces of the phrases subjectFromWords knows, so that random words name many subjects. */
const PIECES = ['因公出国', '（境）', '境', '费', '公务用车', '公务车', '购置', '运行', '维护', '及', '其中', '公务接待费', '三公', '机关运行经费', '政府采购', '小微', '中小企业', '预留', '货物', '工程', '服务', '项目', '预算', '资金', '绩效', '政府性基金', '国有资本经营', '收入', '支出', '拨款', '一般公共预算', '基本支出', '项目支出', '年终', '结转', '结余', '上年', '事业收入', '其他收入', '人员经费', '公用经费', '财政拨款', '本年', '合计', '总计', ' ', '“', '(', ')', '，'];
const CONTEXTS = ['', '“三公”经费', '政府采购预算', '绩效目标', '三公 政府采购 绩效'];

describe('subjectFromWords: the cached reading answers as the plain one', () => {
  it('on random words read in random contexts, words repeating', () => {
    const rng = new Rng(31);
    const words: string[] = [];
    for (let n = 0; n < 300; n++) {
      let w = '';
      for (let i = rng.int(1, 5); i > 0; i--) w += rng.pick(PIECES);
      words.push(w);
    }
    let named = 0;
    // one assertion over all the cases (an expect per case costs more than the test itself)
    const wrong: string[] = [];
    for (let n = 0; n < 20_000; n++) {
      const clause = rng.pick(words);
      const context = rng.pick(CONTEXTS);
      const plain = readSubject(cleanWords(clause), () => context);
      const cached = subjectFromWords(clause, () => context);
      if (JSON.stringify(cached) !== JSON.stringify(plain)) wrong.push(JSON.stringify([clause, context]));
      if (plain) named++;
      // each call gives its own object (statements compare subjects by identity)
      if (cached && subjectFromWords(clause, context) === cached) wrong.push(`same object: ${JSON.stringify([clause, context])}`);
    }
    expect(wrong).toEqual([]);
    expect(named).toBeGreaterThan(5000);
  });
});
