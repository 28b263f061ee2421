/**
 * Reports in pieces (issue 9, output memory): the CLI writes JSON, SARIF and JUnit one finding or
 * rule instance at a time instead of building one string. The pieces must join to exactly the text
 * of the one-string reporters (and, for JSON and SARIF, of JSON.stringify(…, null, 2)), and must be
 * built while they are consumed, not all ahead.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, DocumentResult } from '../../src/engine/diagnostic.js';
import { CHUNKED_REPORTERS, REPORTERS, ReportTooLargeError, type RunResult } from '../../src/reporters/index.js';
import { JSON_BATCH, JsonArray, jsonChunks, JsonObject, materialize, ONE_PIECE_ITEMS } from '../../src/reporters/json-chunks.js';
import { jsonChunkedReporter } from '../../src/reporters/json.js';
import { sarifChunkedReporter } from '../../src/reporters/sarif.js';
import { seedResult, syntheticRun } from './support.js';

const FORMATS = ['github', 'json', 'junit', 'markdown', 'pretty', 'sarif'] as const;
const STREAMED = ['json', 'sarif', 'junit'] as const;

/**
 * A JSON value whose outer arrays and objects are partly turned into JsonArray / JsonObject (produced
 * lazily); below an ordinary array or object everything stays ordinary, as in the reporters.
 */
function lazify(v: unknown, pick: () => boolean): unknown {
  if (v === null || typeof v !== 'object' || !pick()) return v;
  if (Array.isArray(v)) {
    const items = v.map((x) => lazify(x, pick));
    return new JsonArray(
      (function* () {
        yield* items;
      })(),
    );
  }
  // a lazily produced object may also carry undefined members, which JSON leaves out
  return new JsonObject([...Object.entries(v).map(([k, x]) => [k, lazify(x, pick)] as const), ['left out', undefined]]);
}

describe('jsonChunks', () => {
  it('writes exactly what JSON.stringify(value, null, 2) writes, whatever is produced lazily', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.infiniteStream(fc.boolean()), (value, coins) => {
        const it = coins[Symbol.iterator]();
        const lazy = lazify(value, () => it.next().value as boolean);
        expect([...jsonChunks(lazy)].join('')).toBe(JSON.stringify(value, null, 2));
        expect(JSON.stringify(materialize(lazify(value, () => true)), null, 2)).toBe(JSON.stringify(value, null, 2));
      }),
      // a fixed seed keeps CI deterministic; BUDGETLINT_FC_SEED explores others
      { numRuns: 500, seed: Number(process.env['BUDGETLINT_FC_SEED'] ?? 20261127) },
    );
  });

  it('keeps a member named "__proto__" (found by the property above)', () => {
    const value = JSON.parse('{"__proto__": "", "a": [{"__proto__": 1}]}') as unknown;
    const lazy = new JsonObject([['__proto__', ''], ['a', new JsonArray([new JsonObject([['__proto__', 1]])])]]);
    expect([...jsonChunks(lazy)].join('')).toBe(JSON.stringify(value, null, 2));
    expect(JSON.stringify(materialize(lazy), null, 2)).toBe(JSON.stringify(value, null, 2));
  });

  it('empty lazy arrays and objects, strings with line breaks, nesting', () => {
    const text = (v: unknown): string => [...jsonChunks(v)].join('');
    expect(text(new JsonArray([]))).toBe('[]');
    expect(text(new JsonObject([['a', undefined]]))).toBe('{}');
    expect(text(new JsonArray([undefined, () => 1]))).toBe(JSON.stringify([undefined, () => 1], null, 2));
    // more elements than one batch, with lazily produced ones among them, three levels down
    const many = Array.from({ length: 3 * JSON_BATCH + 5 }, (_, i) => (i % 50 === 7 ? [i, { s: `x\n${i}` }] : { i, s: 'y' }));
    const lazyMany = new JsonArray(many.map((x) => (Array.isArray(x) ? new JsonArray(x) : x)));
    expect(text(new JsonObject([['a', new JsonArray([new JsonObject([['b', lazyMany]])])]]))).toBe(JSON.stringify({ a: [{ b: many }] }, null, 2));
    const value = { a: 'line\nbreak', b: [[], {}, [1, { c: 'd' }]] };
    expect(text(new JsonObject([['a', value.a], ['b', new JsonArray([new JsonArray([]), new JsonObject([]), value.b[2]])]]))).toBe(JSON.stringify(value, null, 2));
  });
});

/** The hand-made run with n related values on its first finding (as a sum over a long table has). */
function manyRelated(n: number): RunResult {
  const run = syntheticRun();
  const pdf = run.results[0]!;
  const first = pdf.diagnostics[0]!;
  const related = Array.from({ length: n }, (_, i) => ({ ...first.related[0]!, label: `T3 row ${i}`, location: { ...first.related[0]!.location, line: i + 1 } }));
  return { ...run, results: [{ ...pdf, diagnostics: [{ ...first, related }, ...pdf.diagnostics.slice(1)] }, ...run.results.slice(1)] };
}

describe('chunked reporters', () => {
  it('join to the one-string reporters’ text for every format (seed and hand-made run, both languages)', async () => {
    expect(Object.keys(CHUNKED_REPORTERS)).toEqual(Object.keys(REPORTERS));
    expect(Object.keys(REPORTERS)).toEqual([...FORMATS]);
    for (const [run, lang] of [[await seedResult('en'), 'en'], [await seedResult('zh'), 'zh'], [syntheticRun(), 'en']] as const) {
      for (const format of FORMATS) {
        for (const showPassed of [false, true]) {
          const options = { lang, color: false, ...(showPassed ? { showPassed } : {}) };
          expect([...CHUNKED_REPORTERS[format]!(run, options)].join(''), format).toBe(REPORTERS[format]!(run, options));
        }
      }
    }
  });

  it('JSON and SARIF are JSON.stringify(…, null, 2) of what they hold, byte for byte, in one piece or in many', async () => {
    for (const run of [await seedResult(), syntheticRun(), manyRelated(5 * JSON_BATCH)]) {
      for (const [format, reporter] of [['json', jsonChunkedReporter], ['sarif', sarifChunkedReporter]] as const) {
        const whole = REPORTERS[format]!(run, { lang: 'en', color: false });
        expect(whole).toBe(`${JSON.stringify(JSON.parse(whole), null, 2)}\n`);
        // a document-sized run is one piece (one native JSON.stringify); forced into pieces, the same text
        expect([...reporter(run, { lang: 'en', color: false })]).toHaveLength(2);
        const pieces = [...reporter(run, { lang: 'en', color: false }, 0)];
        expect(pieces.length).toBeGreaterThan(5);
        expect(pieces.join(''), format).toBe(whole);
      }
    }
  });

  it('a finding with thousands of related values is written in pieces too', () => {
    const n = ONE_PIECE_ITEMS + 1_000;
    const run = manyRelated(n);
    for (const format of ['json', 'sarif']) {
      const pieces = [...CHUNKED_REPORTERS[format]!(run, { lang: 'en', color: false })];
      expect(pieces.length, format).toBeGreaterThan(n / JSON_BATCH);
      expect(Math.max(...pieces.map((p) => p.length)), format).toBeLessThan(JSON_BATCH * 1_000);
      const text = pieces.join('');
      expect(text).toBe(REPORTERS[format]!(run, { lang: 'en', color: false }));
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    }
  });

  it('build each finding while it is consumed: the first pieces do not format the whole run', () => {
    let formatted = 0;
    const n = ONE_PIECE_ITEMS + 100; // more than a report written in one piece
    const diagnostics: Diagnostic[] = [];
    for (let i = 0; i < n; i++) {
      const d = {
        ruleId: 'table/demo',
        check: 'demo',
        severity: 'error',
        messageId: 'mismatch',
        data: {},
        location: { file: 'big.txt', line: i + 1, column: 1 },
        related: [],
        fingerprint: String(i).padStart(24, '0'),
        instance: `i${i}`,
      } as unknown as Diagnostic;
      Object.defineProperty(d, 'message', {
        enumerable: true,
        get: () => {
          formatted++;
          return `finding ${i}`;
        },
      });
      diagnostics.push(d);
    }
    const result: DocumentResult = {
      file: 'big.txt',
      diagnostics,
      outcomes: diagnostics.map((d) => ({ ruleId: d.ruleId, instance: d.instance, status: 'fail' as const })),
      summary: { run: n, passed: 0, failed: n, notApplicable: 0, notAssessable: 0 },
      counts: { error: n, warning: 0, info: 0 },
    };
    const run: RunResult = { results: [result], rules: [] };
    for (const format of STREAMED) {
      formatted = 0;
      let pieces = 0;
      for (const piece of CHUNKED_REPORTERS[format]!(run, { lang: 'en', color: false })) {
        pieces++;
        if (piece.includes('finding 0')) break;
      }
      // JSON and SARIF stringify a few dozen findings per piece, JUnit one rule instance
      expect(formatted, format).toBeLessThanOrEqual(2 * JSON_BATCH);
      expect(pieces, format).toBeLessThan(20);
      // and the whole report comes in many pieces, none of them large
      const all = [...CHUNKED_REPORTERS[format]!(run, { lang: 'en', color: false })];
      expect(all.length, format).toBeGreaterThanOrEqual(n / JSON_BATCH);
      expect(Math.max(...all.map((p) => p.length)), format).toBeLessThan(JSON_BATCH * 1_000);
    }
  });

  it('a piece too large to build is the one-line "report is too large" error', () => {
    const run = syntheticRun();
    const broken = { ...run.results[0]!.diagnostics[0]! };
    Object.defineProperty(broken, 'message', {
      get() {
        throw new RangeError('Invalid string length');
      },
    });
    const bad: RunResult = { ...run, results: [{ ...run.results[0]!, diagnostics: [broken] }] };
    for (const [format, reporter] of Object.entries(CHUNKED_REPORTERS)) {
      expect(() => [...reporter(bad, { lang: 'en', color: false })], format).toThrow(ReportTooLargeError);
      expect(() => [...reporter(bad, { lang: 'en', color: false })], format).toThrow(new RegExp(`^the ${format} report is too large`));
    }
  });
});
