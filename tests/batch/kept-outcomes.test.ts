/**
 * A run keeps every rule outcome only for the reports that list them all (JSON, JUnit, pretty with
 * --show-passed). A linter built with keptOutcomes 'not-assessable' lists only those (without
 * locating the passed instances at all); the other reports must print exactly the same text from its
 * results as from full ones.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLinter, type Linter } from '../../src/api.js';
import { keptOutcomesFor, retainedResult, retentionFor } from '../../src/batch/kept-outcomes.js';
import type { DocumentResult } from '../../src/engine/diagnostic.js';
import { generateDocument } from '../../src/generate/index.js';
import { perturb } from '../../src/generate/perturb.js';
import { REPORTERS, type RunResult } from '../../src/reporters/index.js';
import { runTotals } from '../../src/reporters/totals.js';
import { baselineApplier } from '../../src/baseline/apply.js';

const full = createLinter({ config: {}, lang: 'en', cwd: process.cwd() });
const slim = createLinter({ config: {}, lang: 'en', cwd: process.cwd(), keptOutcomes: 'not-assessable' });

async function results(linter: Linter): Promise<DocumentResult[]> {
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

  it('lists the not-assessable outcomes in order, with the same findings and counts', async () => {
    const before = await results(full);
    const after = await results(slim);
    for (let i = 0; i < before.length; i++) {
      const r = before[i]!;
      const s = after[i]!;
      expect(s.outcomes).toEqual(r.outcomes.filter((o) => o.status === 'not-assessable'));
      expect(s.summary).toEqual(r.summary);
      expect(s.diagnostics).toEqual(r.diagnostics);
      expect(Object.keys(s)).toEqual(Object.keys(r));
    }
    expect(before[0]!.outcomes.some((o) => o.status === 'not-assessable')).toBe(true);
    expect(before[1]!.counts.error).toBeGreaterThan(0);
  });

  it('gives the reports that do not list every instance the same text', async () => {
    const rules = full.rules;
    const run: RunResult = { results: await results(full), rules };
    const slimRun: RunResult = { results: await results(slim), rules };
    for (const format of ['pretty', 'sarif', 'github', 'markdown']) {
      for (const lang of ['en', 'zh'] as const) {
        expect(REPORTERS[format]!(slimRun, { lang, color: false }), format).toBe(REPORTERS[format]!(run, { lang, color: false }));
      }
    }
  });

  it('keeps just the totals when every report was written while checking and no update reads the findings', () => {
    expect(retentionFor([], false, false)).toBe('totals');
    expect(retentionFor([], true, false)).toBe('totals');
    expect(retentionFor([], false, true)).toBe('not-assessable');
    expect(retentionFor(['sarif'], false, false)).toBe('not-assessable');
    expect(retentionFor(['json'], false, false)).toBe('all');
  });

  it('retains for the totals a small copy that adds up to the same run totals, with the findings a baseline suppressed', async () => {
    const all = await results(full);
    const planted = all[1]!;
    // a baseline that suppresses the first finding of the planted document
    const first = planted.diagnostics[0]!;
    const applier = baselineApplier({ version: 1, entries: [{ file: planted.file, ruleId: first.ruleId, fingerprint: first.fingerprint, reason: 'known' }] }, 'b.json');
    const applied = all.map((r) => applier.apply(r));
    const kept = applied.map((r) => retainedResult(r, 'totals'));
    expect(runTotals(kept)).toEqual(runTotals(applied));
    expect(runTotals(kept).suppressed).toBe(1);
    expect(kept.map((r) => [r.file, r.metadata, r.summary, r.counts, r.fatal])).toEqual(applied.map((r) => [r.file, r.metadata, r.summary, r.counts, r.fatal]));
    expect(kept.map((r) => [r.outcomes.length, r.diagnostics.length])).toEqual([[0, 0], [0, 1], [0, 0]]);
    expect(kept[0]!.metadata).not.toBe(applied[0]!.metadata);
    expect(retainedResult(applied[0]!, 'totals', true).metadata).toBe(applied[0]!.metadata);
  });

  it('retains a slim result as an equal copy and a full one as it is', async () => {
    const [seed] = await results(slim);
    const kept = retainedResult(seed!, 'not-assessable');
    expect(kept).not.toBe(seed);
    expect(JSON.stringify(kept)).toBe(JSON.stringify(seed));
    expect(retainedResult(seed!, 'all')).toBe(seed);
  });

  it('slims a result already copied (from a worker) without copying it again', async () => {
    const [seed] = await results(full);
    const kept = retainedResult(seed!, 'not-assessable', true);
    expect(kept.diagnostics).toBe(seed!.diagnostics);
    expect(kept.outcomes.map((o) => o.status)).toEqual(seed!.outcomes.filter((o) => o.status === 'not-assessable').map((o) => o.status));
    expect(JSON.stringify(kept)).toBe(JSON.stringify(retainedResult(seed!, 'not-assessable')));
  });
});
