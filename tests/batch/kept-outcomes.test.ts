/**
 * A run keeps every rule outcome only for the reports that list them all (JSON, JUnit, pretty with
 * --show-passed); the others must print exactly the same text from the slimmed results.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../../src/api.js';
import { keepOutcomes, keptOutcomesFor } from '../../src/batch/kept-outcomes.js';
import type { DocumentResult } from '../../src/engine/diagnostic.js';
import { generateDocument } from '../../src/generate/index.js';
import { perturb } from '../../src/generate/perturb.js';
import { REPORTERS, type RunResult } from '../../src/reporters/index.js';

const linter = createLinter({ config: {}, lang: 'en', cwd: process.cwd() });

async function results(): Promise<DocumentResult[]> {
  const seed = await linter.checkBuffer(readFileSync('fixtures/seed/input.txt'), 'fixtures/seed/input.txt');
  const planted = await linter.checkBuffer(Buffer.from(perturb(generateDocument(31), 'amount', 31).text), 'gen-31.txt');
  const clean = await linter.checkBuffer(Buffer.from(generateDocument(32).text), 'gen-32.txt');
  return [seed, planted, clean];
}

describe('kept outcomes', () => {
  it('keeps all outcomes exactly when a report lists every rule instance', () => {
    expect(keptOutcomesFor(['pretty'], false)).toBe('not-assessable');
    expect(keptOutcomesFor(['sarif', 'github', 'markdown'], false)).toBe('not-assessable');
    expect(keptOutcomesFor(['pretty'], true)).toBe('all');
    expect(keptOutcomesFor(['pretty', 'json'], false)).toBe('all');
    expect(keptOutcomesFor(['sarif', 'junit'], false)).toBe('all');
  });

  it('keeps the not-assessable outcomes in order, the findings and the counts', async () => {
    for (const r of await results()) {
      const slim = keepOutcomes(r, 'not-assessable');
      expect(slim.outcomes).toEqual(r.outcomes.filter((o) => o.status === 'not-assessable'));
      expect(slim.summary).toEqual(r.summary);
      expect(slim.diagnostics).toEqual(r.diagnostics);
      expect(Object.keys(slim)).toEqual(Object.keys(r));
      expect(keepOutcomes(r, 'all')).toBe(r);
    }
    const seed = (await results())[0]!;
    expect(seed.outcomes.some((o) => o.status === 'not-assessable')).toBe(true);
  });

  it('gives the reports that do not list every instance the same text', async () => {
    const full = await results();
    const rules = linter.rules;
    const run: RunResult = { results: full, rules };
    const slim: RunResult = { results: full.map((r) => keepOutcomes(r, 'not-assessable')), rules };
    for (const format of ['pretty', 'sarif', 'github', 'markdown']) {
      for (const lang of ['en', 'zh'] as const) {
        expect(REPORTERS[format]!(slim, { lang, color: false }), format).toBe(REPORTERS[format]!(run, { lang, color: false }));
      }
    }
  });
});
