import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { repeatedSentences } from '../../src/checks/structure/repeated-text.js';

/** The plain form: each sentence sliced, its spaces removed, compared with the end of the one before. */
function plainRepeatedSentences(text: string, max = Infinity): Array<{ offset: number; sentence: string }> {
  const out: Array<{ offset: number; sentence: string }> = [];
  let start = 0;
  let prev: string | undefined;
  for (let i = 0; i < text.length && out.length < max; i++) {
    if (!'。！？；'.includes(text[i]!)) continue;
    const sentence = text.slice(start, i + 1);
    const k = sentence.replace(/[\s\u3000]+/g, '');
    if (prev !== undefined && k.length >= 10 && prev.endsWith(k)) out.push({ offset: start, sentence });
    prev = k;
    start = i + 1;
  }
  return out;
}

describe('repeatedSentences', () => {
  it('finds what the plain slicing form finds, on random text', () => {
    const rng = new Rng(17);
    const pieces = ['主要用于支持产业转型升级。', '主要用于支持 产业转型升级。', '产业转型升级。', '用于', '支持', '。', '；', '！', ' ', '\u3000', '\u00a0', '很短。', 'a', '升级'];
    for (let n = 0; n < 5000; n++) {
      let text = '';
      for (let i = rng.int(0, 12); i > 0; i--) text += rng.pick(pieces);
      const max = rng.pick([Infinity, 1, 2, 5]);
      expect([...repeatedSentences(text, max)], JSON.stringify(text)).toEqual(plainRepeatedSentences(text, max));
      const unspaced = text.replace(/[\s\u3000]+/g, '');
      expect([...repeatedSentences(unspaced, max, false)], JSON.stringify(unspaced)).toEqual(plainRepeatedSentences(unspaced, max));
    }
  });
});
