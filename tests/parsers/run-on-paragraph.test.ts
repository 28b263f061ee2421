/**
 * A run-on paragraph (tens of thousands of lines without sentence punctuation) is read as one
 * paragraph whose every line keeps its place: the reader tests only the last joined line for an end
 * of sentence and locates offsets by binary search, so this stays linear (it was quadratic).
 */
import { describe, expect, it } from 'vitest';
import { paragraphLocation } from '../../src/model/document.js';
import { parseBuffer } from '../../src/parsers/index.js';

describe('run-on paragraphs', () => {
  it('joins 30 000 unpunctuated lines into one paragraph and locates every line', async () => {
    const line = '一般公共服务支出行政运行1万元';
    const n = 30_000;
    const text = ['部门预算编制说明', '', '本部门说明如下', ...Array.from({ length: n }, () => line), '以上。'].join('\n');
    const doc = await parseBuffer(Buffer.from(text), 'run-on.txt');
    const p = doc.paragraphs.find((x) => x.segments.length > 1000)!;
    expect(p).toBeDefined();
    // "本部门说明如下" is a heading; the paragraph is the n lines and "以上。"
    expect(p.segments.length).toBe(n + 1);
    expect(p.text.endsWith('以上。')).toBe(true);
    // the k-th repeated line starts at line 4 + k
    for (const k of [0, 1, 12_345, n - 1]) {
      const offset = p.segments[k]!.start;
      expect(paragraphLocation(p, offset + 2).line).toBe(4 + k);
      expect(paragraphLocation(p, offset + 2).column).toBe(3);
    }
  });
});
