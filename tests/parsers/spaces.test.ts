import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { JS_SPACES } from '../../src/char-sets.js';
import { firstVisibleCharCode, isBlankText, trimmed } from '../../src/parsers/spaces.js';

describe('blank tests and trims by character code (as trim() gives them)', () => {
  it('agree with trim, trimStart and \\s on random texts of spaces and other characters', () => {
    const rng = new Rng(41);
    const others = ['a', '1', '合', '\u3001', '\u200b', '\u0085', '\u180e', '\u001c', '\ufffe', '.'];
    // one assertion over all the texts (an expect per text costs more than the test itself)
    const wrong: string[] = [];
    for (let n = 0; n < 20000; n++) {
      let text = '';
      for (let k = rng.int(0, 6); k > 0; k--) text += rng.chance(0.5) ? JS_SPACES[rng.int(0, JS_SPACES.length - 1)] : rng.pick(others);
      const blank = isBlankText(text);
      const first = firstVisibleCharCode(text);
      const expectedFirst = text.trimStart().charCodeAt(0);
      const sameFirst = first === expectedFirst || (Number.isNaN(first) && Number.isNaN(expectedFirst));
      if (blank !== (text.trim() === '') || blank !== /^\s*$/.test(text) || trimmed(text) !== text.trim() || !sameFirst) wrong.push(JSON.stringify(text));
    }
    expect(wrong).toEqual([]);
  });
});
