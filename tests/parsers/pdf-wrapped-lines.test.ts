import { describe, expect, it } from 'vitest';
import { textToPdf } from '../../src/generate/render-pdf.js';
import { isHeading } from '../../src/parsers/paragraphs.js';
import { parseBuffer } from '../../src/parsers/index.js';

/**
 * A word processor does not start a line with a closing mark ("）", "”", "，"): it moves the character
 * before the mark down with it, so the line above ends one or two characters short of the margin.
 * Such a line, short and without punctuation ("10.“城乡社区支出（类）…支出（"), must still read as
 * the start of its paragraph, not as a heading of its own.
 */
describe('PDF lines that a closing mark made end early', () => {
  it('keeps every paragraph whole wherever its first line breaks', async () => {
    const path = '城乡社区支出类城乡社区公共设施款其他城乡社区公共设施支出项目经费保障'.repeat(2);
    // one paragraph for each length of the name: the first line breaks at every place around the "（项）”"
    const paragraphs = Array.from({ length: 18 }, (_, i) => `${i + 1}.“${path.slice(0, 26 + i)}（项）”12.47万元，主要用于城乡社区公共设施建设和维护支出，以及相关的日常运行维护工作。`);
    const text = ['部门预算编制说明', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n');
    const doc = await parseBuffer(textToPdf(text, { orientation: 'portrait' }), 'wrapped.pdf');
    const read = doc.paragraphs.map((p) => `${p.kind}:${p.text}`);
    expect(read).toEqual(['heading:部门预算编制说明', ...paragraphs.map((p) => `paragraph:${p}`)]);
  });

  it('does not take a line ending in an opening bracket or quote for a heading', () => {
    expect(isHeading('10.“城乡社区支出（类）城乡社区公共设施（款）其他城乡社区公共设施支出（')).toBe(false);
    expect(isHeading('关于“三公”经费的说明“')).toBe(false);
    expect(isHeading('其他相关情况说明')).toBe(true);
  });
});
