import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostic.js';
import { corpusResult } from '../support/corpus.js';

/** One error-level finding a careful auditor expects (fixtures/corpus/<name>/expected.md explains each). */
interface Expected {
  readonly ruleId?: string;
  readonly page: number;
  readonly line: number;
  readonly data?: Readonly<Record<string, string>>;
  /** false: a real defect that no rule reports yet; reported or not, the test accepts it. */
  readonly required: boolean;
  readonly finding: string;
}

const DIR = 'fixtures/corpus';
const NAMES = readdirSync(DIR).filter((n) => n.endsWith('.pdf')).map((n) => n.slice(0, -4));

function matches(d: Diagnostic, e: Expected): boolean {
  if (d.location.page !== e.page || d.location.line !== e.line) return false;
  if (e.ruleId !== undefined && d.ruleId !== e.ruleId) return false;
  return Object.entries(e.data ?? {}).every(([k, v]) => String(d.data[k]) === v);
}

describe('check on the corpus PDFs reports what a careful auditor finds, and nothing false at error level', () => {
  it.each(NAMES)('%s', async (name) => {
    const expected = JSON.parse(readFileSync(`${DIR}/${name}/expected.json`, 'utf8')) as { errors: Expected[] };
    const file = `${DIR}/${name}.pdf`;
    const result = await corpusResult(file);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    const unexpected = errors.filter((d) => !expected.errors.some((e) => matches(d, e)));
    expect(unexpected.map((d) => ({ ruleId: d.ruleId, page: d.location.page, line: d.location.line, data: d.data }))).toEqual([]);
    const missing = expected.errors.filter((e) => e.required && !errors.some((d) => matches(d, e)));
    expect(missing.map((e) => e.finding)).toEqual([]);
  }, 30_000);
});
