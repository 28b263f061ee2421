import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findClassificationMentions } from '../../src/narrative/mentions.js';
import { extractStatements } from '../../src/narrative/statements.js';
import { parseBuffer } from '../../src/parsers/index.js';

const SEED = 'fixtures/seed/input.txt';

describe('extractStatements', () => {
  it('reads the same statements from mentions out of paragraph order (grouped by paragraph) as from mentions in order (one run each)', async () => {
    const doc = await parseBuffer(readFileSync(SEED), SEED);
    const mentions = findClassificationMentions(doc);
    // later paragraphs first, each paragraph's mentions in their order
    const shuffled = mentions.map((m, i) => ({ m, i })).sort((a, b) => b.m.paragraphIndex - a.m.paragraphIndex || a.i - b.i).map(({ m }) => m);
    const paragraphs = new Set(mentions.map((m) => m.paragraphIndex));
    const inOrder = extractStatements(doc, mentions);
    const outOfOrder = extractStatements(doc, shuffled);
    const withMention = inOrder.filter((s) => s.subject?.kind === 'classification').length;
    expect({ paragraphs: paragraphs.size > 3, withMention: withMention > 3, same: outOfOrder }).toEqual({ paragraphs: true, withMention: true, same: inOrder });
  });
});
