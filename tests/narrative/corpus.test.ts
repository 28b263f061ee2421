import { describe, expect, it } from 'vitest';
import narrativeBreakdown from '../../src/checks/narrative/breakdown-sum.js';
import type { BudgetDocument } from '../../src/model/document.js';
import { analyzeNarrative } from '../../src/narrative/analysis.js';
import { explainNarrative } from '../../src/narrative/explain.js';
import { corpusDocument, corpusResult } from '../support/corpus.js';

const COMMERCE = 'fixtures/corpus/putuo-2025-commerce-dept-budget.pdf';
const WANLI = 'fixtures/corpus/putuo-2023-wanli-street-budget.pdf';

describe('narrative of the corpus PDFs', () => {
  it('adds up the project budgets of 商务委 (pp. 23–26) and links the project that restates a 项', async () => {
    const doc = await corpusDocument(COMMERCE);
    const rows = explainNarrative(doc).filter((r) => (r.page ?? 0) >= 23);
    expect(rows.map((r) => [`p${r.page} ${r.line}:${r.column}`, r.text, r.subject ?? '-', r.table ?? '-', r.outcome])).toEqual([
      // 科技创新专项: the one 项 with project money of a similar name is 2060503 科技条件专项 (17,200,000 元)
      ['p23 15:12', '1720.00万', '项目“科技创新专项”', 'T3 2060503 科技条件专项 / 项目支出', 'pass; breakdown: pass'],
      // "其中" with one part and no 合计: a part, only bounded by the total, still listed for a reader
      ['p23 15:38', '1720.00万', '-', '-', 'unlinked: the words before the amount name nothing found in the tables'],
      // 870 + 70 + 180 + 50 = 1170 = 合计 = 项目总预算
      ['p24 14:12', '1170.00万', '项目“生命健康专项（政策资金）”', '-', 'internal; breakdown: pass'],
      ...['p24 14:32', 'p24 14:49', 'p24 15:1', 'p24 15:18', 'p24 15:27'].map((at, i) => [at, ['870.00万', '70.00万', '180.00万', '50.00万', '1170.00万'][i], '-', '-', 'internal']),
      // 340 + 120 + 800 + 70 + 80 = 1410
      ['p25 18:12', '1410.00万', '项目“商业创新专项（政策资金）”', '-', 'internal; breakdown: pass'],
      ...['p25 18:31', 'p25 18:47', 'p25 18:64', 'p25 19:9', 'p25 19:28', 'p25 19:38'].map((at, i) => [at, ['340.00万', '120.00万', '800.00万', '70.00万', '80.00万元', '1410.00万'][i], '-', '-', 'internal']),
      // 370 + 30 + 1106 + 1262 + 153 = 2921
      ['p26 17:12', '2921.00万', '项目“贸易高质量发展专项（政策资金）”', '-', 'internal; breakdown: pass'],
      ...['p26 17:29', 'p26 17:44', 'p26 17:59', 'p26 18:4', 'p26 18:20', 'p26 18:30'].map((at, i) => [at, ['370.00万', '30.00万', '1106.00万', '1262.00万', '153.00万', '2921.00万'][i], '-', '-', 'internal']),
    ]);
    // of the 24 amounts left unlinked before, 3 remain: two limits ("单价100万元以上") and the single part
    expect(analyzeNarrative(doc).levels.filter((l) => l.link.kind === 'unlinked')).toHaveLength(3);
    const r = await corpusResult(COMMERCE);
    expect(r.diagnostics.filter((d) => d.ruleId.startsWith('narrative/') && d.severity !== 'info')).toEqual([]);
  });

  it('reports 万里街道\'s two wrong percentages in %', async () => {
    const r = await corpusResult(WANLI);
    const percents = r.diagnostics.filter((d) => d.ruleId === 'narrative/year-on-year' && d.messageId === 'percent');
    expect(percents.map((d) => [d.location.page, d.location.line, d.data])).toEqual([
      // (45.41 − 11.67) / 11.67 = 289.12 %
      [6, 14, { subject: '2012902 一般行政管理事务（项）', unit: '%', percent: '314.82', expected: '289.12', actual: '314.82', difference: '25.70', change: '33.74', base: '11.67', amountUnit: '万元' }],
      // (220.63 − 132.59) / 132.59 = 66.40 %
      [7, 23, { subject: '2080506 机关事业单位职业年金缴费支出（项）', unit: '%', percent: '60.54', expected: '66.40', actual: '60.54', difference: '-5.86', change: '88.04', base: '132.59', amountUnit: '万元' }],
    ]);
  });

  it('finds any one-digit slip in those lists, except a part\'s last decimal, which the rounding of the list covers', async () => {
    const doc = await corpusDocument(COMMERCE);
    const failures = (d: BudgetDocument): string[] => {
      const out: string[] = [];
      narrativeBreakdown.run({ document: d, options: {}, ruleId: 'narrative/breakdown-sum', settings: { lang: 'en' }, report: (r) => out.push(r.messageId), pass: () => undefined, notApplicable: () => undefined, notAssessable: () => undefined });
      return out;
    };
    expect(failures(doc)).toEqual([]);
    const lists = analyzeNarrative(doc).breakdowns.filter((b) => b.kind === 'listed' && b.stated);
    expect(lists).toHaveLength(3);
    let tried = 0;
    for (const b of lists) {
      for (const s of [b.parent, ...b.parts, b.stated!]) {
        const isPart = b.parts.includes(s);
        const raw = s.token.raw;
        for (let i = 0; i < raw.length; i++) {
          if (!/\d/.test(raw[i]!)) continue;
          for (const k of [1, 9]) {
            const m = raw.slice(0, i) + ((Number(raw[i]) + k) % 10) + raw.slice(i + 1);
            if (/^0\d/.test(m)) continue;
            const text = s.paragraph.text;
            const mutated = { ...doc, paragraphs: doc.paragraphs.map((p, j) => (j === s.paragraphIndex ? { ...p, text: text.slice(0, s.token.offset) + m + text.slice(s.token.offset + s.token.numberLength) } : p)) };
            // a part moved by 0.01 万元 moves the sum by less than the ±0.005 of each of the four or five parts and
            // the 合计 together (the figures have two decimals); the total and the 合计 are two figures of ±0.005
            const moved = Math.abs(Number(m.replace(/,/g, '')) - Number(raw.replace(/,/g, '')));
            const withinRounding = isPart && moved < (b.parts.length + 1) * 0.005;
            expect(failures(mutated).length > 0, `${raw} → ${m}`).toBe(!withinRounding);
            tried++;
          }
        }
      }
    }
    expect(tried).toBe(197);
  });
});
