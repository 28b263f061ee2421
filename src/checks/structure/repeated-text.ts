import { defineCheck } from '../../engine/define-check.js';
import type { Paragraph } from '../../model/document.js';

/** Shortest paragraph or sentence whose repetition is reported (shorter ones repeat by nature). */
const MIN_PARAGRAPH = 20;
const MIN_SENTENCE = 10;

const key = (s: string): string => s.replace(/[\s\u3000]+/g, '');

/**
 * A block of text printed twice (DOMAIN.md §6): a paragraph identical to an earlier one, or a sentence
 * repeated at once inside a paragraph. Headings are not read (the table of contents repeats them).
 */
export default defineCheck<Record<string, never>>({
  id: 'repeated-text',
  meta: {
    description: { zh: '同一段文字不重复印出', en: 'No block of text is printed twice' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      paragraph: { zh: '本段与前文第{firstLine}行的段落完全相同', en: 'this paragraph repeats the one at line {firstLine}' },
      sentence: { zh: '句子重复：“{sentence}”', en: 'sentence printed twice: “{sentence}”' },
    },
  },
  run(ctx) {
    const seen = new Map<string, Paragraph>();
    let found = 0;
    ctx.document.paragraphs.forEach((p, i) => {
      if (p.kind !== 'paragraph') return;
      const k = key(p.text);
      const first = k.length >= MIN_PARAGRAPH ? seen.get(k) : undefined;
      if (first) {
        found++;
        ctx.report({
          instance: `p${i}`,
          messageId: 'paragraph',
          data: { firstLine: first.location.line ?? first.location.page ?? '' },
          at: { paragraph: p, offset: 0, length: p.text.length },
          related: [{ at: { paragraph: first, offset: 0, length: first.text.length }, label: 'first printed here' }],
        });
      } else if (k.length >= MIN_PARAGRAPH) seen.set(k, p);
      for (const m of p.text.matchAll(/([^。！？；]{10,}[。！？；])\1/gu)) {
        if (key(m[1]!).length < MIN_SENTENCE) continue;
        found++;
        ctx.report({
          instance: `p${i}:${m.index}`,
          messageId: 'sentence',
          data: { sentence: m[1]! },
          at: { paragraph: p, offset: m.index + m[1]!.length, length: m[1]!.length },
        });
      }
    });
    if (found === 0) ctx.pass('text');
  },
});
