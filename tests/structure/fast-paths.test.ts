import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { cannotBeHan, doubledWords } from '../../src/checks/structure/doubled-word.js';
import { statesNone } from '../../src/checks/structure/empty-table-note.js';

/** Han characters (BMP and astral), non-Han CJK letters (U+2E80 is the first unit a candidate may start at), punctuation, digits, line feeds and lone surrogates. */
const ALPHABET = ['支', '出', '经', '费', '一', '般', '𠀀', '𠀁', 'か', '，', '。', '（', '）', '、', '【', '〇', '〡', '1', 'a', ' ', '\n', '⺀', '々', '\ud840', '\udc00'];

function plainMatches(text: string): Array<[number, string, string]> {
  return [...text.matchAll(/(\p{Script=Han}{2,8})\1/gu)].map((m) => [m.index, m[0], m[1]!]);
}

describe('doubledWords', () => {
  it('finds what the plain global pattern finds, on random text', () => {
    const rng = new Rng(7);
    const next = (): number => rng.next();
    const differing: string[] = [];
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const length = Math.floor(next() * (n % 10 === 0 ? 300 : 40));
      for (let i = 0; i < length; i++) {
        // often repeat a recent stretch, so doubled words of every length occur
        if (next() < 0.2 && text.length > 2) {
          const from = Math.floor(next() * text.length);
          text += text.slice(from, from + 1 + Math.floor(next() * 16));
        } else text += ALPHABET[Math.floor(next() * ALPHABET.length)]!;
      }
      if (JSON.stringify(doubledWords(text).map((m) => [m.index, m[0], m[1]!])) !== JSON.stringify(plainMatches(text))) differing.push(text);
    }
    expect(differing).toEqual([]);
  });
  it('skips as word characters only code units that are not Han', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (cannotBeHan(c) && /\p{Script=Han}/u.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
    // the punctuation it is for
    for (const p of '，。、（）【】：；“”') expect(cannotBeHan(p.charCodeAt(0)), p).toBe(true);
  });
  it('finds a doubled name and an eight-character astral word', () => {
    expect(doubledWords('卫生健康支出支出（类）').map((m) => [m.index, m[1]])).toEqual([[4, '支出']]);
    const w = '𠀀𠀁𠀀𠀁𠀀𠀁𠀀支';
    expect(doubledWords(`x${w}${w}`).map((m) => m.index)).toEqual([1]);
  });
});

describe('repeated-text and department-name shortcuts', () => {
  it('withoutSpaces is the plain replace', async () => {
    const { withoutSpaces } = await import('../../src/char-sets.js');
    const rng = new Rng(9);
    const chars = ['a', '支', ' ', '\u3000', '\t', '\n', '\u00a0', '\u2009', '\ufeff', '。'];
    const differing: string[] = [];
    for (let n = 0; n < 3000; n++) {
      let text = '';
      for (let i = rng.int(0, 20); i > 0; i--) text += rng.pick(chars);
      if (withoutSpaces(text) !== text.replace(/[\s\u3000]+/g, '')) differing.push(text);
    }
    expect(differing).toEqual([]);
  });

  it('indexWithin finds the first word when it starts early enough', async () => {
    const { indexWithin } = await import('../../src/checks/structure/department-name.js');
    const rng = new Rng(13);
    const chars = ['部', '门', '）', '（', '单', '位', 'x'];
    for (let n = 0; n < 5000; n++) {
      let text = '';
      for (let i = rng.int(0, 60); i > 0; i--) text += rng.pick(chars);
      const word = rng.pick(['（部门）', '部门', '）', '单位预算']);
      const max = rng.int(0, 50);
      const i = text.indexOf(word);
      expect(indexWithin(text, word, max), JSON.stringify([text, word, max])).toBe(i <= max ? i : -1);
    }
  });
});

describe('statesNone', () => {
  it('holds for every text in which the pattern of a fund stated absent matches, on random text', () => {
    const rng = new Rng(29);
    const pieces = ['政府性基金预算', '本部门', '本单位', '本部门无', '本单位没有', '无', '没有', '未安排', '有', '排', '。', '；', '拨款', '0万元', '某'];
    const missed: string[] = [];
    let matched = 0;
    for (let n = 0; n < 5000; n++) {
      let text = '';
      for (let i = rng.int(0, 8); i > 0; i--) text += rng.pick(pieces);
      if (!/本(?:部门|单位)[^。；]{0,12}(?:无|没有|未安排)政府性基金预算/u.test(text)) continue;
      matched++;
      if (!statesNone(text, '政府性基金预算')) missed.push(text);
    }
    expect({ missed, some: matched > 20 }).toEqual({ missed: [], some: true });
  });
});
