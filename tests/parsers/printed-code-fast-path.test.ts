import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { toHalfWidth } from '../../src/model/amount.js';
import type { HeaderColumn } from '../../src/parsers/header.js';
import { sharedCode, type SharedCode } from '../../src/parsers/interned.js';
import { textLayoutLine } from '../../src/parsers/layout.js';
import { textLocation } from '../../src/model/location.js';
import { printedCode, wholeCode } from '../../src/parsers/printed-code.js';

/** printedCode the plain way: each part normalised and tested, then sharedCode of the parts. */
function plainPrintedCode(texts: readonly string[], partCols: readonly HeaderColumn[]): SharedCode | undefined {
  const parts: string[] = [];
  for (const c of partCols) {
    const p = toHalfWidth(texts[c.index] ?? '').replace(/\s+/g, '');
    if (p === '') continue;
    if (!/^\d+$/.test(p)) return undefined;
    parts.push(p);
  }
  return parts.length > 0 ? sharedCode(parts) : undefined;
}

describe('printedCode', () => {
  it('reads random code parts as normalising each and sharing them does', () => {
    const rng = new Rng(2027);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]!;
    const runs = ['', '', '0', '01', '1', '10', '201', '2011', '13', '99', '01301', '20113', '2011301', '99999999', '１３', ' 01', '2 01', '\u3000', 'a', '类', '1.', '12345678901234567890'];
    const differing: string[] = [];
    for (let n = 0; n < 4000; n++) {
      const width = Math.floor(rng.next() * 6) + 1;
      const texts: string[] = [];
      for (let i = 0; i < width; i++) texts.push(pick(runs));
      const partCols: HeaderColumn[] = [];
      // up to four part columns, some past the line's end
      for (let i = 0, k = Math.floor(rng.next() * 5); i < k; i++) partCols.push({ index: Math.floor(rng.next() * (width + 1)), path: [], role: 'code-class', side: undefined });
      const line = textLayoutLine(texts, textLocation('t.txt', 1, 1), true);
      const fast = JSON.stringify(printedCode(line, partCols));
      const plain = JSON.stringify(plainPrintedCode(texts, partCols));
      if (fast !== plain) differing.push(`${JSON.stringify(texts)} ${JSON.stringify(partCols.map((c) => c.index))}: ${fast} ≠ ${plain}`);
      // a code printed whole, as codeText and splitCodeName give it
      const whole = pick(runs).replace(/\D/g, '') || '201';
      if (JSON.stringify(wholeCode(whole)) !== JSON.stringify(sharedCode([whole]))) differing.push(`whole ${whole}`);
    }
    expect(differing).toEqual([]);
  });
});
