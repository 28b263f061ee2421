import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import repeatedText, { repeatedSentences } from '../../src/checks/structure/repeated-text.js';
import type { CheckContext, Report } from '../../src/engine/define-check.js';
import type { BudgetDocument } from '../../src/model/document.js';
import { MAX_PER_PLACE } from '../../src/checks/structure/proofread.js';

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

describe('repeated paragraphs', () => {
  it('reports what a map of every paragraph by its text without spaces, and a scan of every paragraph, report on random documents', () => {
    const rng = new Rng(23);
    const pieces = ['主要用于支持产业转型升级', '主要用于支持 产业转型升级', '产业转型', '升级', ' ', '\u3000', '\t', '。', '；', '一二三四五六七八九十', '主要用于支持产业转型升级。', '产业转型升级。', '升级。'];
    const differing: string[][] = [];
    let sentences = 0;
    for (let n = 0; n < 2000; n++) {
      const texts = Array.from({ length: rng.int(0, 8) }, () => {
        let text = '';
        for (let i = rng.int(0, 5); i > 0; i--) text += rng.pick(pieces);
        return text;
      });
      const paragraphs = texts.map((text, i) => ({ text, kind: rng.next() < 0.1 ? 'heading' : 'paragraph', location: { file: 'g.txt', line: i + 1 } }));
      const reported: string[] = [];
      const ctx = {
        document: { paragraphs } as unknown as BudgetDocument,
        report: (r: Report) => reported.push(r.messageId === 'paragraph' ? `${r.instance}@${String(r.data?.['firstLine'])}` : `${r.instance}:${String(r.data?.['sentence'])}`),
        pass: () => undefined,
      } as unknown as CheckContext<Record<string, never>>;
      repeatedText.run(ctx);
      const first = new Map<string, number>();
      const plain: string[] = [];
      paragraphs.forEach((p, i) => {
        const key = p.text.replace(/\s+/g, '');
        if (p.kind !== 'paragraph' || key.length < 20) return;
        const line = first.get(key);
        if (line !== undefined) plain.push(`p${i}@${line}`);
        else first.set(key, p.location.line);
      });
      // the repeated sentences of each paragraph, however short (the check skips texts too short to hold two)
      paragraphs.forEach((p, i) => {
        if (p.kind !== 'paragraph') return;
        for (const r of repeatedSentences(p.text, MAX_PER_PLACE)) plain.push(`p${i}:${r.offset}:${r.sentence}`);
      });
      sentences += plain.filter((r) => !r.includes('@')).length;
      // (the check reports each paragraph's findings together: compared as sets)
      if (reported.sort().join() !== plain.sort().join()) differing.push(texts);
    }
    expect({ differing, some: sentences > 50 }).toEqual({ differing: [], some: true });
  });
});
