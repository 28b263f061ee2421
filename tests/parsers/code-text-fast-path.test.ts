import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { toHalfWidth } from '../../src/model/amount.js';
import { codeText } from '../../src/parsers/row-parse.js';

/** codeText without its fast path for plain digits. */
function plainCodeText(text: string): string | undefined {
  const t = toHalfWidth(text).replace(/\s+/g, '');
  return /^\d{1,7}$/.test(t) ? t : undefined;
}

describe('codeText', () => {
  it('reads a code cell as the normalising way does, plain digits or not', () => {
    const rng = new Rng(1127);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]!;
    const chars = ['0', '1', '2', '9', '０', '７', ' ', '\u3000', '\t', 'a', '-', '类', '.'];
    const differing: string[] = [];
    for (let n = 0; n < 5000; n++) {
      const length = Math.floor(rng.next() * 10);
      let text = '';
      // mostly plain digits, as printed
      const plain = rng.next() < 0.6;
      for (let i = 0; i < length; i++) text += plain ? String(Math.floor(rng.next() * 10)) : pick(chars);
      if (codeText(text) !== plainCodeText(text)) differing.push(JSON.stringify(text));
    }
    expect(differing).toEqual([]);
  });
});
