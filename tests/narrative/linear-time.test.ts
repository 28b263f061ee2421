import { describe, expect, it } from 'vitest';
import type { BudgetDocument, Paragraph } from '../../src/model/document.js';
import { analyzeNarrative } from '../../src/narrative/analysis.js';
import { findClassificationMentions } from '../../src/narrative/mentions.js';
import { findNumbers } from '../../src/narrative/numbers.js';
import { MAX_AMOUNTS_PER_PARAGRAPH } from '../../src/narrative/statements.js';

function docOf(text: string): BudgetDocument {
  const p: Paragraph = { text, kind: 'paragraph', location: { file: 'x.txt', line: 1, column: 1 }, segments: [{ start: 0, location: { file: 'x.txt', line: 1, column: 1 } }] };
  return { source: { file: 'x.txt', format: 'text' }, metadata: {}, tables: [], paragraphs: [p], issues: [] };
}

/**
 * Adversarial inputs of about `chars` characters each. A quadratic pass over 10^6 characters takes
 * about 10^12 steps (hours); a linear one takes well under a second, so a generous bound tells them
 * apart even on a busy machine.
 */
const ADVERSARIAL: Record<string, { make: (n: number) => string; chars: number }> = {
  'numbers without breaks': { make: (n) => '收入预算1万元比上年增加2万元增长3%'.repeat(n / 19), chars: 150_000 },
  'long digit runs without unit': { make: (n) => '9'.repeat(n) + '万', chars: 1_000_000 },
  'digits with separators': { make: (n) => '1,234,'.repeat(n / 6) + '5万元', chars: 1_000_000 },
  'markers without names': { make: (n) => '（类）（01款）(项)'.repeat(n / 12), chars: 1_000_000 },
  'names without markers': { make: (n) => '一般公共服务支出'.repeat(n / 8) + '（类）1万元', chars: 1_000_000 },
  'open brackets': { make: (n) => '（'.repeat(n) + '类）', chars: 1_000_000 },
  'quotes and fillers': { make: (n) => '“行政运行（项）”'.repeat(n / 20) + '：'.repeat(n / 2) + '5万元', chars: 1_000_000 },
  'one long clause before a number': { make: (n) => '比上年'.repeat(n / 3) + '增加5万元', chars: 1_000_000 },
};

describe('narrative extraction runs in linear time on adversarial text', () => {
  for (const [name, { make, chars }] of Object.entries(ADVERSARIAL)) {
    it(name, () => {
      const text = make(chars);
      const t = performance.now();
      analyzeNarrative(docOf(text));
      expect(performance.now() - t).toBeLessThan(15_000);
    });
  }

  it('scans 300 KB of dense mixed text without hanging', () => {
    const text = '2023年，“一般公共服务支出（201类）商贸事务（13款）” 3015.04万元，其中：行政运行（01项）726.41万元，比上年减少1.5万元，下降2.3%；'.repeat(3600);
    const t = performance.now();
    const doc = docOf(text);
    expect(findNumbers(text).length).toBe(14400);
    expect(findClassificationMentions(doc).length).toBe(10800);
    // one paragraph is read up to MAX_AMOUNTS_PER_PARAGRAPH amounts; where reading stopped is kept
    const a = analyzeNarrative(doc);
    expect(a.statements.length).toBe(MAX_AMOUNTS_PER_PARAGRAPH);
    expect(a.unread).toHaveLength(1);
    expect(a.unread[0]!.offset).toBe(findNumbers(text)[MAX_AMOUNTS_PER_PARAGRAPH]!.offset);
    // the same text as 3 600 paragraphs is read in full
    const paragraphs = text.split('；').filter(Boolean).map((s) => `${s}；`);
    const many = analyzeNarrative(docOfParagraphs(paragraphs));
    expect(many.statements.length).toBe(14400);
    expect(many.unread).toHaveLength(0);
    // generous: the suite shares two cores with other work; a quadratic pass would take minutes
    expect(performance.now() - t).toBeLessThan(20000);
  });
});

function docOfParagraphs(texts: readonly string[]): BudgetDocument {
  const paragraphs: Paragraph[] = texts.map((text, i) => ({ text, kind: 'paragraph', location: { file: 'x.txt', line: i + 1, column: 1 }, segments: [{ start: 0, location: { file: 'x.txt', line: i + 1, column: 1 } }] }));
  return { source: { file: 'x.txt', format: 'text' }, metadata: {}, tables: [], paragraphs, issues: [] };
}
