import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { JS_SPACES } from '../../src/char-sets.js';
import { firstVisibleCharCode, isBlankText, trimmed } from '../../src/parsers/spaces.js';

describe('blank tests and trims by character code (as trim() gives them)', () => {
  it('agree with trim, trimStart and \\s on random texts of spaces and other characters', () => {
    const rng = new Rng(41);
    const others = ['a', '1', '合', '\u3001', '\u200b', '\u0085', '\u180e', '\u001c', '\ufffe', '.'];
    for (let n = 0; n < 20000; n++) {
      let text = '';
      for (let k = rng.int(0, 6); k > 0; k--) text += rng.chance(0.5) ? JS_SPACES[rng.int(0, JS_SPACES.length - 1)] : rng.pick(others);
      expect(isBlankText(text), JSON.stringify(text)).toBe(text.trim() === '');
      expect(isBlankText(text)).toBe(/^\s*$/.test(text));
      expect(trimmed(text)).toBe(text.trim());
      expect(firstVisibleCharCode(text)).toBe(text.trimStart().charCodeAt(0));
    }
  });
});
