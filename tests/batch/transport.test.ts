/**
 * The packed form in which batch workers send results: decoding gives back exactly the result the
 * worker had (same JSON, key order included), and a value the codes cannot carry falls back to the
 * plain result instead of being altered.
 */
import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { createLinter, fatalResult } from '../../src/api.js';
import type { DocumentResult } from '../../src/engine/diagnostic.js';
import { packResult, unpackResult, type PackedResult } from '../../src/batch/transport.js';
import { generateDocument } from '../../src/generate/index.js';
import { perturb } from '../../src/generate/perturb.js';

const linter = createLinter({ config: {}, lang: 'en', cwd: process.cwd() });

/** Packs, sends through the structured-clone serializer (as postMessage does) and unpacks. */
function roundTrip(result: DocumentResult): DocumentResult {
  const packed = packResult(result);
  expect(packed).toBeDefined();
  return unpackResult(deserialize(serialize(packed)) as PackedResult);
}

describe('batch result transport', () => {
  it('round-trips the seed result (findings, outcomes with and without locations, reasons)', async () => {
    const result = await linter.checkBuffer(readFileSync('fixtures/seed/input.txt'), 'fixtures/seed/input.txt');
    expect(result.outcomes.some((o) => o.reason !== undefined)).toBe(true);
    expect(result.outcomes.some((o) => o.location === undefined)).toBe(true);
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(JSON.stringify(roundTrip(result))).toBe(JSON.stringify(result));
  });

  it('round-trips generated documents with planted errors', async () => {
    for (const seed of [11, 12, 13]) {
      const text = perturb(generateDocument(seed), 'amount', seed).text;
      const result = await linter.checkBuffer(Buffer.from(text), `gen-${seed}.txt`);
      expect(result.counts.error).toBeGreaterThan(0);
      expect(JSON.stringify(roundTrip(result))).toBe(JSON.stringify(result));
    }
  });

  it('is much smaller than the plain result', async () => {
    const result = await linter.checkBuffer(Buffer.from(generateDocument(21).text), 'gen-21.txt');
    expect(serialize(packResult(result)).length * 2).toBeLessThan(serialize(result).length);
  });

  it('cuts instances of any content by their lengths and shares a location among its outcomes', () => {
    const cell = { file: 'x.txt', line: 7, column: 2, table: '支出总表', tableKind: 'T3', row: '2010101', field: '合计' };
    const result: DocumentResult = {
      file: 'x.txt',
      diagnostics: [],
      outcomes: [
        { ruleId: 'a', instance: '', status: 'pass', location: cell },
        { ruleId: 'a', instance: 'T3:2010101:合计', status: 'fail', location: cell },
        { ruleId: 'b', instance: '𠀀\u0000\t\n', status: 'not-assessable', reason: '无法判断' },
        { ruleId: 'b', instance: 'x'.repeat(5000), status: 'not-applicable', reason: '无法判断', location: { file: 'x.txt', line: 8 } },
      ],
      summary: { run: 4, passed: 1, failed: 1, notApplicable: 1, notAssessable: 1 },
      counts: { error: 0, warning: 0, info: 0 },
    };
    const back = roundTrip(result);
    expect(JSON.stringify(back)).toBe(JSON.stringify(result));
    expect(back.outcomes[0]!.location).toBe(back.outcomes[1]!.location);
  });

  it('round-trips a fatal result and an empty one', () => {
    const fatal = fatalResult('x.txt', 'x.txt: not a budget document');
    expect(JSON.stringify(roundTrip(fatal))).toBe(JSON.stringify(fatal));
    const { fatal: _fatal, ...empty } = fatal;
    expect(JSON.stringify(roundTrip(empty))).toBe(JSON.stringify(empty));
  });

  it('declines values it cannot encode (negative, fractional or non-scalar location values)', () => {
    const base: DocumentResult = {
      file: 'x.txt',
      diagnostics: [],
      outcomes: [{ ruleId: 'r', instance: 'i', status: 'pass', location: { file: 'x.txt', line: 3 } }],
      summary: { run: 1, passed: 1, failed: 0, notApplicable: 0, notAssessable: 0 },
      counts: { error: 0, warning: 0, info: 0 },
    };
    expect(packResult(base)).toBeDefined();
    for (const line of [-1, 1.5, 2 ** 40]) {
      expect(packResult({ ...base, outcomes: [{ ...base.outcomes[0]!, location: { file: 'x.txt', line } }] })).toBeUndefined();
    }
  });
});
