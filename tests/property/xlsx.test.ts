/**
 * The same generated document as text and as an XLSX workbook (tables) plus a narrative file must
 * be judged alike: no error or warning, and the same rule outcomes counted (issue 9 + issue 8).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinter } from '../../src/api.js';
import { generateBudget, generateDocument, renderXlsx } from '../../src/generate/index.js';

const RUNS = Math.min(Number(process.env['BUDGETLINT_PROPERTY_RUNS'] ?? 4), 20);
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'budgetlint-xlsx-prop-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The first seed from `seed` on whose document is in the MoF layout (a third of them). */
function nextMofSeed(seed: number): number {
  for (let s = seed; ; s++) if (generateBudget(s).style.mof) return s;
}

describe('generated workbooks', () => {
  it.each([
    ['either layout', fc.integer({ min: 1, max: 0x7fffffff })],
    ['the MoF layout', fc.integer({ min: 1, max: 0x7ffff000 }).map(nextMofSeed)],
  ])('check like the text document: no error or warning, same outcome counts (%s)', async (_, seeds) => {
    const linter = createLinter({ config: {}, lang: 'en', cwd: dir });
    await fc.assert(
      fc.asyncProperty(seeds, async (seed) => {
        const doc = generateDocument(seed);
        const { workbook, narrative } = await renderXlsx(doc);
        const book = join(dir, `gen-${seed}.xlsx`);
        const text = join(dir, `gen-${seed}.md`);
        writeFileSync(book, workbook);
        writeFileSync(text, narrative);
        const x = await linter.checkFile(book, { narrative: text });
        const t = await linter.checkBuffer(new TextEncoder().encode(doc.text), `gen-${seed}.txt`);
        expect(x.fatal).toBeUndefined();
        expect(x.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.ruleId}: ${d.message}`), `seed ${seed}`).toEqual([]);
        expect(x.summary, `seed ${seed}`).toEqual(t.summary);
      }),
      { numRuns: RUNS, seed: 20261127 },
    );
  });
});
