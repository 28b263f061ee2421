/**
 * Reporters on huge results (issue 9): a result too large for a JavaScript string is a one-line
 * error naming the format (exit 2), never "internal error: Invalid string length"; and the text
 * formats handle 100 000+ findings without overflowing the call stack or going quadratic.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic, DocumentResult } from '../../src/engine/diagnostic.js';
import { isBudgetlintError } from '../../src/errors.js';
import { guardedReporter, REPORTERS, ReportTooLargeError, type Reporter, type RunResult } from '../../src/reporters/index.js';

function manyFindings(n: number, sameInstance = false): RunResult {
  const diagnostics: Diagnostic[] = [];
  for (let i = 0; i < n; i++) {
    diagnostics.push({
      ruleId: 'catalog/code-parent',
      check: 'code-parent',
      severity: 'error',
      messageId: 'notUnder',
      message: `项 ${i} belongs elsewhere`,
      data: {},
      location: { file: 'big.txt', line: i + 1, column: 1, table: '支出预算总表', tableKind: 'T3', row: String(i) },
      related: [],
      fingerprint: String(i).padStart(24, '0'),
      instance: sameInstance ? 'one' : `i${i}`,
    });
  }
  const result: DocumentResult = {
    file: 'big.txt',
    diagnostics,
    outcomes: sameInstance ? [{ ruleId: 'catalog/code-parent', instance: 'one', status: 'fail' }] : diagnostics.map((d) => ({ ruleId: d.ruleId, instance: d.instance, status: 'fail' as const })),
    summary: { run: sameInstance ? 1 : n, passed: 0, failed: sameInstance ? 1 : n, notApplicable: 0, notAssessable: 0 },
    counts: { error: n, warning: 0, info: 0 },
  };
  return { results: [result], rules: [] };
}

describe('a report too large to build', () => {
  it('becomes a one-line error naming the format and the size of the run', () => {
    const failing: Reporter = () => {
      throw new RangeError('Invalid string length');
    };
    const run = manyFindings(3);
    let caught: unknown;
    try {
      guardedReporter('json', failing)(run, { lang: 'en', color: false });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ReportTooLargeError);
    expect(isBudgetlintError(caught)).toBe(true); // the CLI prints it as one line, exit 2
    const message = (caught as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toBe('the json report is too large to build (1 document, 3 findings, 3 rule instances: Invalid string length); check fewer documents per run or turn off the rules with the most findings');
  });

  it('the shipped reporters are guarded: a RangeError while building any format is that error', () => {
    const run = manyFindings(1);
    // a finding whose message cannot be read stands in for a string over V8's limit
    const broken = { ...run.results[0]!.diagnostics[0]! };
    Object.defineProperty(broken, 'message', {
      get() {
        throw new RangeError('Invalid string length');
      },
    });
    const bad: RunResult = { ...run, results: [{ ...run.results[0]!, diagnostics: [broken] }] };
    for (const [format, reporter] of Object.entries(REPORTERS)) {
      expect(() => reporter(bad, { lang: 'en', color: false }), format).toThrow(ReportTooLargeError);
      expect(() => reporter(bad, { lang: 'en', color: false }), format).toThrow(new RegExp(`^the ${format} report is too large`));
    }
  });

  it('other errors pass through unchanged', () => {
    const failing: Reporter = () => {
      throw new TypeError('a bug');
    };
    expect(() => guardedReporter('pretty', failing)(manyFindings(1), { lang: 'en', color: false })).toThrow(TypeError);
  });
});

describe('text formats on 150 000 findings', () => {
  it('pretty lists every finding (no call-stack overflow from spreading 600 000 lines)', () => {
    const n = 150_000;
    const out = REPORTERS['pretty']!(manyFindings(n), { lang: 'en', color: false });
    expect(out.split('\n').filter((l) => l.includes('belongs elsewhere'))).toHaveLength(n);
  });

  it('junit groups 150 000 findings of one rule instance into one failure', () => {
    const out = REPORTERS['junit']!(manyFindings(150_000, true), { lang: 'en', color: false });
    expect(out.match(/<testcase /g)).toHaveLength(1);
    expect(out.match(/<failure /g)).toHaveLength(1);
  });
});
