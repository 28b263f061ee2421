import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocumentResult } from '../../src/engine/diagnostic.js';
import { textToPdf, totalFirst, type TextToPdfOptions } from '../../src/generate/render-pdf.js';
import { parseBuffer } from '../../src/parsers/index.js';
import { defaultLinter } from '../support/lint.js';
import { formatNeutralFindings } from '../support/sheet-compare.js';

/**
 * The MoF-layout cross-table fixtures printed to PDF as a word processor prints them (the printer of
 * tests/parsers/pdf-parity.test.ts) get the same table and cross-table findings and outcomes as their
 * text: the identities read the 本年收入 / 上年结转 groups and the 一、本年支出 line from the PDF too.
 * Places differ by nature (page and line against line and column) and are not compared.
 */
const FIXTURES = readdirSync('fixtures/cross').filter((c) => c.startsWith('mof-'));

const PRINTS: ReadonlyArray<readonly [string, (text: string) => string, TextToPdfOptions]> = [
  // MoF habits: 合计 first and centred over the label columns, title repeated, landscape tables in portrait text
  ['totalFirstMixed', totalFirst, { orientation: 'mixed', repeat: 'title', mergedTotal: true, codeAlign: 'center', pageNumbers: 'chinese' }],
  // names wrapped over several lines, short pages, tables following the text
  ['narrow', (text) => text, { nameEm: 6, maxRows: 5, tableBreak: 'flow' }],
];

function tableFindings(r: DocumentResult): { diagnostics: string[]; outcomes: string[] } {
  const n = formatNeutralFindings(r);
  const mine = (s: string): boolean => s.includes('"ruleId":"cross/') || s.includes('"ruleId":"table/');
  const squeeze = (s: string): string => s.replace(/\s+/g, '');
  return { diagnostics: n.diagnostics.filter(mine).map(squeeze).sort(), outcomes: n.outcomes.filter(mine).map(squeeze).sort() };
}

describe('MoF-layout cross fixtures printed to PDF', () => {
  it('has fixtures', () => expect(FIXTURES.length).toBeGreaterThan(10));
  for (const fixture of FIXTURES) {
    for (const [name, transform, options] of PRINTS) {
      it(`${fixture} (${name})`, async () => {
        const text = transform(readFileSync(`fixtures/cross/${fixture}/input.txt`, 'utf8'));
        const fromText = defaultLinter().checkDocument(await parseBuffer(new TextEncoder().encode(text), 'doc.txt'));
        const pdf = await parseBuffer(textToPdf(text, options), 'doc.pdf');
        expect(pdf.source.format).toBe('pdf');
        const fromPdf = defaultLinter().checkDocument(pdf);
        const [t, p] = [tableFindings(fromText), tableFindings(fromPdf)];
        expect(t.outcomes.length).toBeGreaterThan(100);
        expect(p.diagnostics).toEqual(t.diagnostics);
        expect(p.outcomes).toEqual(t.outcomes);
      });
    }
  }
});
