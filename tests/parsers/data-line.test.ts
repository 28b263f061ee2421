import { describe, expect, it } from 'vitest';
import { looksNumeric } from '../../src/model/amount.js';
import { Rng } from '../../src/generate/random.js';
import { isCodeCell, isDataLine, isNumberedLabel, isTotalLabel } from '../../src/parsers/row-parse.js';

/** isDataLine as first written: the trimmed non-blank texts gathered, then each test over them. */
function plainIsDataLine(texts: readonly string[]): boolean {
  const cells = texts.map((t) => t.trim()).filter((t) => t !== '');
  if (cells.length === 0) return false;
  for (let i = 0; i < texts.length && i < 3; i++) if (isCodeCell(texts[i]!)) return true;
  if (cells.some((t) => looksNumeric(t) && !/^\d{2}$/.test(t))) return true;
  if (isNumberedLabel(cells[0]!)) return true;
  if (cells.some(isTotalLabel)) return cells.every((t) => isTotalLabel(t) || looksNumeric(t) || /^[-—–]+$/.test(t));
  return false;
}

describe('isDataLine (tests taken from the line without gathering its texts)', () => {
  it('answers random lines as the plain reading does', () => {
    const pieces = ['', ' ', '\u3000', '201', '13', '01', '2011301', '１２', '合计', ' 合 计 ', '总计', '项目', '预算数', '一、', '1.', '（一）', '1,234', '56.7', '—', '-', '--', '(12)', '收入', '12', '05', 'a'];
    const rng = new Rng(23);
    const wrong: string[][] = [];
    for (let n = 0; n < 6000; n++) {
      const texts: string[] = [];
      for (let k = rng.int(1, 6); k > 0; k--) {
        let t = rng.pick(pieces);
        if (rng.chance(0.2)) t += rng.pick(pieces);
        texts.push(t);
      }
      if (isDataLine(texts) !== plainIsDataLine(texts)) wrong.push(texts);
    }
    expect(wrong).toEqual([]);
  });
});
