import { defineCheck } from '../../engine/define-check.js';
import { MAX_PER_PLACE } from './proofread.js';
import type { Paragraph } from '../../model/document.js';
import { holdsOneOf, holdsSpace, JS_SPACE_SET, withoutSpaces } from '../../char-sets.js';

/** Shortest paragraph or sentence whose repetition is reported (shorter ones repeat by nature). */
const MIN_PARAGRAPH = 20;
const MIN_SENTENCE = 10;


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
    const paragraphs = ctx.document.paragraphs;
    // the key of each paragraph long enough to count (with the paragraph), by its length: a new key is
    // compared with the keys of its length only (most paragraphs have a length of their own), and no
    // key is hashed or worked out twice
    const byLength = new Map<number, Array<{ readonly key: string; readonly paragraph: Paragraph }>>();
    let found = 0;
    for (let i = 0; i < paragraphs.length; i++) {
      const p = paragraphs[i]!;
      if (p.kind !== 'paragraph') continue;
      // (a shorter text has a shorter key: no key needed)
      const k = p.text.length >= MIN_PARAGRAPH ? withoutSpaces(p.text) : '';
      if (k.length >= MIN_PARAGRAPH) {
        const same = byLength.get(k.length);
        const first = same?.find((q) => q.key === k)?.paragraph;
        if (first) {
          found++;
          ctx.report({
            instance: `p${i}`,
            messageId: 'paragraph',
            data: { firstLine: first.location.line ?? first.location.page ?? '' },
            at: { paragraph: p, offset: 0, length: p.text.length },
            related: [{ at: { paragraph: first, offset: 0, length: first.text.length }, label: 'first printed here' }],
          });
        } else if (same) same.push({ key: k, paragraph: p });
        else byLength.set(k.length, [{ key: k, paragraph: p }]);
      }
      // two sentences of MIN_SENTENCE characters at least: a shorter text repeats none
      if (p.text.length < 2 * MIN_SENTENCE) continue;
      // a paragraph of one sentence printed 10 000 times is one problem: its first findings say enough;
      // a key that is the text itself tells that the text holds no space
      for (const r of repeatedSentences(p.text, MAX_PER_PLACE, k === p.text ? false : undefined)) {
        found++;
        ctx.report({ instance: `p${i}:${r.offset}`, messageId: 'sentence', data: { sentence: r.sentence }, at: { paragraph: p, offset: r.offset, length: r.sentence.length } });
      }
    }
    if (found === 0) ctx.pass('text');
  },
});

/**
 * A sentence end, 。！？；, found by the regex engine (native code from the first document on, unlike a
 * loop over the characters); global, so that test() moves lastIndex past the end it finds without
 * building a match.
 */
const SENTENCE_END = /[。！？；]/g;

/** The answer for a paragraph without a repeated sentence (shared: nearly every paragraph). */
const NO_REPEATS: ReadonlyArray<{ offset: number; sentence: string }> = Object.freeze([]);

/**
 * Sentences (ending in 。！？；) printed twice in a row — the second repeats the whole sentence before it,
 * or its end ("…1716万元，主要用于X。主要用于X。"): the second copy's offset and the sentence.
 * One pass over the text, no backreference, so the cost stays linear in the paragraph's length.
 * `holdsSpaces`: false when the caller knows the text holds no space (then none is looked for).
 */
export function repeatedSentences(text: string, max = Infinity, holdsSpaces?: false): ReadonlyArray<{ offset: number; sentence: string }> {
  let out: Array<{ offset: number; sentence: string }> | undefined;
  // a text known to hold no space has no sentence holding one; else one search tells (most hold none)
  const spacesToFind = holdsSpaces !== false && holdsSpace(text);
  let start = 0;
  // the sentence before: text[prevStart, prevEnd), and whether it holds a space
  let prevStart = -1;
  let prevEnd = -1;
  let prevSpaced = false;
  SENTENCE_END.lastIndex = 0;
  while ((out === undefined || out.length < max) && SENTENCE_END.test(text)) {
    const end = SENTENCE_END.lastIndex;
    const spaced = spacesToFind && holdsOneOf(text, start, end, JS_SPACE_SET);
    if (prevStart >= 0 && endsWithSentence(text, prevStart, prevEnd, prevSpaced, start, end, spaced)) (out ??= []).push({ offset: start, sentence: text.slice(start, end) });
    prevStart = start;
    prevEnd = end;
    prevSpaced = spaced;
    start = end;
  }
  // (a search stopped by `max` leaves lastIndex behind)
  SENTENCE_END.lastIndex = 0;
  return out ?? NO_REPEATS;
}

/**
 * Whether the sentence text[from, to) is long enough to count and, without spaces, ends the sentence
 * text[prevFrom, prevTo) without spaces. Sentences without spaces (most) are compared in place.
 */
function endsWithSentence(text: string, prevFrom: number, prevTo: number, prevSpaced: boolean, from: number, to: number, spaced: boolean): boolean {
  if (prevSpaced || spaced) {
    const k = withoutSpaces(text.slice(from, to));
    return k.length >= MIN_SENTENCE && withoutSpaces(text.slice(prevFrom, prevTo)).endsWith(k);
  }
  const length = to - from;
  if (length < MIN_SENTENCE || prevTo - prevFrom < length) return false;
  for (let j = 0, at = prevTo - length; j < length; j++) if (text.charCodeAt(at + j) !== text.charCodeAt(from + j)) return false;
  return true;
}
