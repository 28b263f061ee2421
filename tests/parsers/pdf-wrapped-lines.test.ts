import { describe, expect, it } from 'vitest';
import { textToPdf } from '../../src/generate/render-pdf.js';
import { isHeading } from '../../src/parsers/paragraphs.js';
import { parseBuffer } from '../../src/parsers/index.js';
import type { PhysLine } from '../../src/parsers/pdf/geometry.js';
import { paragraphStart, type Margins } from '../../src/parsers/pdf/index.js';

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

describe('a line under one that a closing mark may have pulled short', () => {
  // a page with text from x = 60 to 528, 12 pt characters
  const margins = new Map<number, Margins>([[1, { left: 60, right: 528 }], [0, { left: 60, right: 528 }]]);
  const line = (n: number, text: string, x1: number, x0 = 60): PhysLine => ({
    page: 1,
    line: n,
    fragments: [{ text, x0, x1, top: n * 20, bottom: n * 20 + 12, size: 12 }],
    x0,
    x1,
    top: n * 20,
    bottom: n * 20 + 12,
    size: 12,
  });

  it('continues the paragraph when the line above stops two characters short without ending a sentence', () => {
    // "…设施支出（" then "项）”12.47万元…": the word processor moved "项" down with "）”"
    expect(paragraphStart(line(2, '项）”12.47万元，主要用于…', 300), line(1, '10.“城乡社区支出（类）城乡社区公共设施（款）其他城乡社区公共设施支出（', 504), margins)).toBe('continues');
  });

  it('does not join a numbered line to a sentence that ends two characters short of the margin', () => {
    // "…工作。" then "二、部门机构设置" at the margin in the same size: the line above ended the paragraph
    expect(paragraphStart(line(2, '二、部门机构设置', 156), line(1, '负责本区相关行政管理工作。', 504), margins)).toBe('unclear');
  });
});
