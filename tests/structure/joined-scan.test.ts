import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import type { CheckContext } from '../../src/engine/define-check.js';
import type { BudgetDocument } from '../../src/model/document.js';
import { proofreadCheck, scanOfRowNames, type Slip } from '../../src/checks/structure/proofread.js';
import { placeholderSlips } from '../../src/checks/structure/placeholder.js';
import { doubledPunctuationSlips } from '../../src/checks/structure/doubled-punctuation.js';
import { cutOffSlips } from '../../src/checks/structure/cut-off-sentence.js';
import { doubledWordSlips } from '../../src/checks/structure/doubled-word.js';
import { quoteSlips } from '../../src/checks/structure/unbalanced-quotes.js';
import { joinedTexts, placeAt, textPlaces } from '../../src/checks/structure/text-places.js';

/** Pieces of text holding the slips of the joinable scans, their near misses and line feeds. */
const PIECES = ['支出支出', '卫生健康', '支出', '，，', '，', '。', '。。。', 'XX', 'X', '……', '…', '......', '主要原因是。', '主要用于：；', '为万元', '万元', '待补充', '某', '\n', ' ', 'a', '𠀀𠀁𠀀𠀁', '研究研究', '合计'];

function randomTextOf(rng: Rng, pieces: readonly string[]): string {
  let text = '';
  for (let i = rng.int(0, 6); i > 0; i--) text += rng.pick(pieces);
  return text;
}

/** A document of random paragraphs, notes and row names (only what the text places read), from PIECES and `more`. */
function randomDocument(rng: Rng, more: readonly string[] = []): BudgetDocument {
  const pieces = [...PIECES, ...more];
  const randomText = (r: Rng): string => randomTextOf(r, pieces);
  const location = { file: 'g.txt', line: 1 };
  const paragraph = (): object => ({ text: randomText(rng), kind: rng.pick(['paragraph', 'heading']), location });
  const tables = Array.from({ length: rng.int(0, 3) }, (_, t) => ({
    id: `T${t + 1}`,
    kind: `T${t + 1}`,
    title: '',
    notes: Array.from({ length: rng.int(0, 2) }, () => ({ text: randomText(rng), kind: 'paragraph', location })),
    rows: Array.from({ length: rng.int(0, 5) }, (_, r) => ({ name: rng.next() < 0.2 ? ' ' : randomText(rng), isTotal: rng.next() < 0.1, code: `20${r}`, cells: {}, location: { file: 'g.txt', line: r + 2 } })),
  }));
  return { paragraphs: Array.from({ length: rng.int(0, 5) }, paragraph), tables, metadata: {}, source: { file: 'g.txt', format: 'text' } } as unknown as BudgetDocument;
}

/** What a check records on a document, in order. */
function outcomes(check: ReturnType<typeof proofreadCheck>, doc: BudgetDocument): unknown[] {
  const out: unknown[] = [];
  const ctx = {
    document: doc,
    options: {},
    ruleId: check.id,
    settings: { lang: 'en' },
    report: (r: unknown) => out.push(['report', r]),
    pass: (i: string, at?: unknown) => out.push(['pass', i, at]),
    notApplicable: (i: string, reason: string) => out.push(['na', i, reason]),
    notAssessable: (i: string, reason: string) => out.push(['ns', i, reason]),
  } as unknown as CheckContext<Record<string, never>>;
  check.run(ctx);
  return out;
}

describe('proof-reading on the joined texts', () => {
  const scans: Array<[string, (text: string) => readonly Slip[], boolean]> = [
    ['placeholder', placeholderSlips, true],
    ['doubled-punctuation', doubledPunctuationSlips, true],
    ['cut-off-sentence', cutOffSlips, false],
    ['doubled-word', doubledWordSlips, true],
  ];
  for (const [id, scan, rows] of scans) {
    it(`${id}: one scan of the joined texts records what a scan of each text records, on random documents`, () => {
      const rng = new Rng(id.length * 31);
      const messages = { x: { zh: '', en: '' } };
      const joined = proofreadCheck({ id, description: { zh: '', en: '' }, messages, rows, scan, joinable: true });
      const separate = proofreadCheck({ id, description: { zh: '', en: '' }, messages, rows, scan, joinable: false });
      for (let n = 0; n < 1500; n++) {
        const doc = randomDocument(rng);
        expect(outcomes(joined, doc)).toEqual(outcomes(separate, doc));
      }
    });
  }

  it('doubled-word: the joined texts without rows, then each row name through its memoised scan, record what a scan of each text records, on random documents', () => {
    const rng = new Rng(23);
    const messages = { x: { zh: '', en: '' } };
    const spec = { id: 'doubled-word', description: { zh: '', en: '' }, messages, rows: true, scan: doubledWordSlips };
    const byRowName = proofreadCheck({ ...spec, joinable: true, rowNameScan: scanOfRowNames(doubledWordSlips) });
    const separate = proofreadCheck({ ...spec, joinable: false });
    // one assertion over all the documents; a memo shared by them all, as in a run
    const differing: number[] = [];
    for (let n = 0; n < 1500; n++) {
      const doc = randomDocument(rng, ['工资福利支出', '工资福利支出工资福利支出', '某某']);
      if (JSON.stringify(outcomes(byRowName, doc)) !== JSON.stringify(outcomes(separate, doc))) differing.push(n);
    }
    expect(differing).toEqual([]);
  });

  it('unbalanced-quotes: scanning only the texts holding a quotation mark records what a scan of each text records, on random documents', () => {
    const rng = new Rng(41);
    const messages = { x: { zh: '', en: '' } };
    const spec = { id: 'unbalanced-quotes', description: { zh: '', en: '' }, messages, rows: false, scan: quoteSlips, joinable: false };
    const marked = proofreadCheck({ ...spec, marks: '“”' });
    const separate = proofreadCheck(spec);
    const differing: number[] = [];
    for (let n = 0; n < 1500; n++) {
      const doc = randomDocument(rng, ['“', '”', '“支出”', '支出”', '“支出']);
      if (JSON.stringify(outcomes(marked, doc)) !== JSON.stringify(outcomes(separate, doc))) differing.push(n);
    }
    expect(differing).toEqual([]);
  });

  it('placeAt finds the place of each offset of the joined texts', () => {
    const rng = new Rng(5);
    // one assertion over all the offsets (an expect per offset costs more than the test itself)
    const wrong: string[] = [];
    for (let n = 0; n < 300; n++) {
      const doc = randomDocument(rng);
      for (const rows of [true, false]) {
        const places = textPlaces(doc, { rows });
        const joined = joinedTexts(doc, { rows });
        expect(joined.text).toBe(places.map((p) => p.text).join('\n'));
        places.forEach((p, i) => {
          for (let k = 0; k <= p.text.length; k++) {
            const at = placeAt(joined, joined.starts[i]! + k);
            if (at !== i) wrong.push(`document ${n}, place ${i}, offset ${k}: ${at}`);
          }
        });
      }
    }
    expect(wrong).toEqual([]);
  });
});

