/**
 * The corpus PDFs, read and checked once per test worker. Reading one takes 0.2–0.4 s (pdfjs text
 * extraction) and four test files read the same three; test files share their worker's modules
 * (vitest.config.ts), so they share these too. Documents and results are never modified by the
 * checks or the tests (a test that needs a changed document builds a copy).
 */
import { readFileSync } from 'node:fs';
import type { DocumentResult } from '../../src/engine/diagnostic.js';
import type { BudgetDocument } from '../../src/model/document.js';
import { parseBuffer } from '../../src/parsers/index.js';
import { defaultLinter } from './lint.js';

const documents = new Map<string, Promise<BudgetDocument>>();
const results = new Map<string, Promise<DocumentResult>>();

/** The parsed document of a corpus file (its path relative to the repository, as in locations). */
export function corpusDocument(file: string): Promise<BudgetDocument> {
  let doc = documents.get(file);
  if (!doc) documents.set(file, (doc = parseBuffer(readFileSync(file), file)));
  return doc;
}

/** The default linter's result for a corpus file (the same as checkBuffer of its bytes). */
export function corpusResult(file: string): Promise<DocumentResult> {
  let result = results.get(file);
  if (!result) results.set(file, (result = corpusDocument(file).then((d) => defaultLinter().checkDocument(d))));
  return result;
}
