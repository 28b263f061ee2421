import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { decimalOrder, wrongYears, yearsWritten } from '../../src/checks/structure/title-year.js';
import { MAX_PER_PLACE } from '../../src/checks/structure/proofread.js';

/** The rule's plain form: every match of the year pattern, judged with the same patterns. */
function plainWrongYears(text: string, year: number): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/(?<!\d)(20\d{2})(?=年)/gu)) {
    const printed = Number(m[1]);
    if (printed === year) continue;
    const before = text.slice(0, m.index);
    const after = text.slice(m.index + 4);
    if (printed === year - 1 && (/(比|较|上年|同比|对比|与|截至|截止|至|[-—–~～])\s*$/u.test(before) || /执行|决算|完成情况|上年/u.test(text))) continue;
    if (/(比|较|上年|同比|对比|与|截至|截止|至|[-—–~～])\s*$/u.test(before) && /[-—–~～至]\s*$/u.test(before)) continue;
    if (/^年?(度)?\s*[-—–~～至]/u.test(after)) continue;
    out.push(m.index);
    if (out.length === MAX_PER_PLACE) break;
  }
  return out;
}

describe('title-year shortcuts', () => {
  it('yearsWritten and wrongYears find what the year pattern finds, on random titles', () => {
    const rng = new Rng(21);
    const pieces = ['2', '0', '1', '9', '3', '年', '度', '至', '-', ' ', '比', '执行', '预算', '2023', '2024', '2022年', '12', '𠀀', '\ud840'];
    for (let n = 0; n < 5000; n++) {
      let text = '';
      for (let i = rng.int(0, 16); i > 0; i--) text += rng.pick(pieces);
      const expected = [...text.matchAll(/(?<!\d)(20\d{2})(?=年)/gu)].map((m) => m.index);
      expect(yearsWritten(text) ?? [], JSON.stringify(text)).toEqual(expected);
      expect([...wrongYears(text, 2023)], JSON.stringify(text)).toEqual(plainWrongYears(text, 2023));
    }
  });

  it('decimalOrder is the order of the decimal strings', () => {
    for (let n = 0; n <= 1200; n++) {
      const plain = Array.from({ length: n }, (_, i) => i).sort((a, b) => (String(a) < String(b) ? -1 : 1));
      expect([...decimalOrder(n)]).toEqual(plain);
    }
  });
});
