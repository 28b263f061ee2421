import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { BudgetDocument } from '../../src/model/document.js';
import { defaultLinter, parseTextDoc } from '../support/lint.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * A batch keeps each document's result (findings, outcomes) until its report is written, so a result
 * must not keep its document: a finding's fingerprint getter once kept the report's target, and
 * through it the whole document (CLI peak RSS grew with the number of documents). The result, its
 * findings and their fingerprints stay usable while the document is collected.
 */
describe('a result does not keep its document', () => {
  it('lets the document be collected while the result and its findings are kept', async () => {
    const linter = defaultLinter();
    let doc: BudgetDocument | undefined = await parseTextDoc(readFileSync('fixtures/seed/input.txt', 'utf8'), 'fixtures/seed/input.txt');
    const result = linter.checkDocument(doc);
    expect(result.diagnostics.length).toBeGreaterThan(10);
    // the document and every paragraph and table of it (a finding's target points at one of them)
    const refs = [doc, ...doc.paragraphs, ...doc.tables].map((x) => new WeakRef(x));
    doc = undefined;
    // a WeakRef's target stays alive until the current job ends
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    expect(refs.filter((r) => r.deref() !== undefined).length).toBe(0);
    // the findings are whole: their fingerprints are worked out now, after the document went
    expect(result.diagnostics.every((d) => /^[0-9a-f]{24}$/.test(d.fingerprint))).toBe(true);
  });
});
