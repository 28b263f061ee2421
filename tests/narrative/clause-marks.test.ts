import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { charSet, inSet, JS_SPACES } from '../../src/char-sets.js';
import { clean, cleanEndsIn, execAtEnd, hasYoyMark, lastOfAny, onlyOf, SPACE_OR_ANY_QUOTE, SPACE_OR_QUOTE, SPACES_AND_ALL_QUOTES, SPACES_AND_QUOTES, thresholdAfter, THRESHOLD_AFTER, YOY_MARK } from '../../src/narrative/clause-marks.js';
import { cleanWords } from '../../src/narrative/subjects.js';
import { withoutSpacesAndQuotes } from '../../src/narrative/breakdowns.js';
import { END_PATTERNS, FILLER, FILLER_CHARS } from '../../src/narrative/statements.js';

/** The characters the marks look for, their neighbours, spaces of every kind, quotes, digits, brackets. */
const ALPHABET = [...'上去年同比较与一2023年以上下内及左右/（）()含为是预算：', ' ', '\u3000', '\u00a0', '\u2009', '\ufeff', '\n', '“', '”', '"', '‘', '’', '「', '」', '『', '』', '支', '出', '万', '元', '，', '\ud840'];

function randomText(rng: Rng, max: number): string {
  let text = '';
  const length = rng.int(0, max);
  for (let i = 0; i < length; i++) text += rng.pick(ALPHABET);
  return text;
}

const QUOTES_AND_SPACES = /[\s\u3000“”"‘’「」『』]/g;

describe('clause marks: the pre-tested forms answer as the plain regexes', () => {
  it('on random text', () => {
    const rng = new Rng(11);
    for (let n = 0; n < 5000; n++) {
      const text = randomText(rng, 30);
      const clause = randomText(rng, 12);
      const from = rng.int(0, text.length + 2);
      const to = rng.int(0, text.length + 2);
      const label = JSON.stringify([text, clause, from, to]);
      expect(clean(clause), label).toBe(clause.replace(SPACES_AND_QUOTES, ''));
      expect(withoutSpacesAndQuotes(clause), label).toBe(clause.replace(QUOTES_AND_SPACES, ''));
      expect(cleanWords(clause), label).toBe(clause.replace(QUOTES_AND_SPACES, '').replaceAll('(', '（').replaceAll(')', '）'));
      expect(hasYoyMark(clause, text, from, to), label).toBe(YOY_MARK.test(clause) || YOY_MARK.test(text.slice(from, to)));
      expect(thresholdAfter(text, from), label).toBe(THRESHOLD_AFTER.test(text.slice(from, from + 6)));
      const end = Math.min(to, text.length); // callers ask about ranges inside the text
      expect(onlyOf(text, from, end, FILLER_CHARS), label).toBe(text.slice(from, end).replace(FILLER, '') === '');
    }
  });

  it('words whose cleaned last character ends no statement mark match none of the marks', () => {
    const rng = new Rng(13);
    const last = lastOfAny(END_PATTERNS);
    // the marks' own characters, so that many words match one
    const alphabet = [' ', '\u3000', '“', '”', '"', '支出', '（项）', '，', '增加', '减少', '下降了', '约', '本年', '上年度', '2023年当年', '预算数', '执行数为', '安排', '超过', '每家企业', '≥', '='];
    const wrong: string[] = [];
    let matched = 0;
    for (let n = 0; n < 20_000; n++) {
      let words = '';
      for (let i = rng.int(0, 5); i > 0; i--) words += rng.pick(alphabet);
      const c = clean(words);
      const plainEnds = c.length > 0 && inSet(last, c.charCodeAt(c.length - 1));
      const anyMatch = END_PATTERNS.some((p) => p.pattern.test(c));
      if (anyMatch) matched++;
      if (cleanEndsIn(words, last) !== plainEnds || (anyMatch && !plainEnds)) wrong.push(words);
    }
    expect({ wrong, enough: matched > 5_000 }).toEqual({ wrong: [], enough: true });
  });

  it('each set of code units is exactly what its pattern matches, on every code unit', () => {
    const one = (pattern: RegExp): RegExp => new RegExp(pattern.source);
    for (const [set, pattern] of [[charSet(JS_SPACES), /\s/], [SPACE_OR_QUOTE, one(SPACES_AND_QUOTES)], [SPACE_OR_ANY_QUOTE, one(SPACES_AND_ALL_QUOTES)], [SPACE_OR_ANY_QUOTE, one(QUOTES_AND_SPACES)], [FILLER_CHARS, one(FILLER)]] as const) {
      const wrong: number[] = [];
      for (let c = 0; c < 0x10000; c++) if (inSet(set, c) !== pattern.test(String.fromCharCode(c))) wrong.push(c);
      expect(wrong, pattern.source).toEqual([]);
    }
  });

  it('an end-anchored statement pattern matches only texts ending in one of its last characters, within its longest match', () => {
    const rng = new Rng(12);
    for (const p of END_PATTERNS) {
      const { pattern, last, longest } = p;
      // texts made of the pattern's own characters (and digits, for \d), so that many of them match
      const alphabet = [...new Set(pattern.source.replace(/\\d/g, '0123456789').replace(/[()|?$\\{}\d]/g, '') + '0123456789年，')];
      // and of its words ("上一年度", "2023年当年预算"), so that long matches come up too
      const words = pattern.source.replace(/\\d\{4\}/g, '2023').replace(/[()?$]/g, '').split('|');
      let matched = 0;
      const wrong: string[] = [];
      const differ: string[] = [];
      for (let n = 0; n < 50_000; n++) {
        let text = '';
        if (n % 2 === 0) for (let i = rng.int(1, 20); i > 0; i--) text += rng.pick(alphabet);
        else for (let i = rng.int(1, 6); i > 0; i--) text += rng.pick(words);
        const m = pattern.exec(text);
        // one assertion over all the texts (an expect per text costs more than the test itself)
        const fast = execAtEnd(p, text);
        if (m?.[0] !== fast?.[0] || m?.index !== fast?.index || JSON.stringify(m) !== JSON.stringify(fast)) differ.push(text);
        if (!m) continue;
        matched++;
        if (!inSet(last, text.charCodeAt(text.length - 1)) || m[0].length > longest) wrong.push(text);
      }
      expect(differ, pattern.source).toEqual([]);
      expect(matched, pattern.source).toBeGreaterThan(100);
      expect(wrong, pattern.source).toEqual([]);
    }
  });

  it('a character set holds exactly its characters', () => {
    const set = charSet('，。a\u3000\uffff');
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (inSet(set, c) !== '，。a\u3000\uffff'.includes(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
    expect(inSet(set, NaN)).toBe(false);
  });
});
