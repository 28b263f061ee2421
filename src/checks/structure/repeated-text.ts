import { defineCheck } from '../../engine/define-check.js';
import { MAX_PER_PLACE } from './proofread.js';
import type { Paragraph } from '../../model/document.js';
import { charSet, JS_SPACES, removeIfAny } from '../../narrative/clause-marks.js';

/** Shortest paragraph or sentence whose repetition is reported (shorter ones repeat by nature). */
const MIN_PARAGRAPH = 20;
const MIN_SENTENCE = 10;

/** Spaces a paragraph's key leaves out (\s holds U+3000 too). */
export const SPACES = /[\s\u3000]+/g;

const SPACE = charSet(JS_SPACES);

/** The text without its spaces (the key paragraphs and sentences are compared by); most texts have none and are their own key (no copy made). */
export function withoutSpaces(s: string): string {
  return removeIfAny(s, SPACE, SPACES);
}

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
      const k = withoutSpaces(p.text);
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
      // a paragraph of one sentence printed 10 000 times is one problem: its first findings say enough
      for (const r of repeatedSentences(p.text, MAX_PER_PLACE)) {
        found++;
        ctx.report({ instance: `p${i}:${r.offset}`, messageId: 'sentence', data: { sentence: r.sentence }, at: { paragraph: p, offset: r.offset, length: r.sentence.length } });
      }
    });
    if (found === 0) ctx.pass('text');
  },
});

const [FULL_STOP, EXCLAMATION, QUESTION, SEMICOLON] = [...'。！？；'].map((c) => c.charCodeAt(0));

/** 。！？； by character code (no one-character string per character of the text). */
function isSentenceEnd(c: number): boolean {
  return c === FULL_STOP || c === EXCLAMATION || c === QUESTION || c === SEMICOLON;
}

/**
 * Sentences (ending in 。！？；) printed twice in a row — the second repeats the whole sentence before it,
 * or its end ("…1716万元，主要用于X。主要用于X。"): the second copy's offset and the sentence.
 * One pass over the text, no backreference, so the cost stays linear in the paragraph's length.
 */
export function repeatedSentences(text: string, max = Infinity): Array<{ offset: number; sentence: string }> {
  const out: Array<{ offset: number; sentence: string }> = [];
  let start = 0;
  let prev: { text: string; key: string } | undefined;
  for (let i = 0; i < text.length && out.length < max; i++) {
    if (!isSentenceEnd(text.charCodeAt(i))) continue;
    const sentence = text.slice(start, i + 1);
    const k = withoutSpaces(sentence);
    if (prev && k.length >= MIN_SENTENCE && prev.key.endsWith(k)) out.push({ offset: start, sentence });
    prev = { text: sentence, key: k };
    start = i + 1;
  }
  return out;
}
