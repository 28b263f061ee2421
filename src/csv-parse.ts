import { createRequire } from 'node:module';

/**
 * csv-parse's synchronous parser, loaded on first use: most runs read no CSV file (text and PDF
 * documents, the built-in catalog read by a plain split), and loading the library costs ≈ 5 ms of a
 * cold start's ≈ 170 ms above bare Node.
 */
export function csvParse(): typeof import('csv-parse/sync').parse {
  return createRequire(import.meta.url)('csv-parse/sync').parse;
}
