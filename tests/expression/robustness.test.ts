import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BudgetDocument } from '../../src/model/document.js';
import { ExpressionError } from '../../src/expression/errors.js';
import { evaluate } from '../../src/expression/evaluate.js';
import { judge } from '../../src/expression/judge.js';
import { parseAssertion } from '../../src/expression/parser.js';
import { parseTextDoc } from '../support/lint.js';

// pieces of the grammar, so that random sequences often get deep into the parser
const PIECES = [
  'T3', 'T8', 'T9', 'T6', 'table("三公")', '[', ']', '[302??]', '[30217]', '[类]', '[2080*]', '[合计]', '[$]', '.合计', '.公务接待费', '.项目支出',
  '."因公出国(境)费"', 'sum(', 'zero(', 'required(', '(', ')', ',', '+', '-', '*', '/', '2', '0', '5万元', '==', '<=', '<', '>=', '>', '!=', ' ', '?', '=', '"', '#',
];

let doc: BudgetDocument;
beforeAll(async () => {
  doc = await parseTextDoc(readFileSync('fixtures/expression/examples-pass/input.txt', 'utf8'), 'examples.txt');
});

describe('bad expressions never crash', () => {
  it('any text parses or fails with an ExpressionError whose column lies in the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((a) => a.join(''))), (src) => {
        try {
          const a = parseAssertion(src);
          // whatever parses also evaluates without throwing (values or not-assessable reasons)
          const env = { document: doc, code: '2011301' };
          const l = evaluate(a.left, env);
          const r = evaluate(a.right, env);
          if (l.ok && r.ok) judge(a.op, l.interval, r.interval);
        } catch (e) {
          if (!(e instanceof ExpressionError)) throw e;
          expect(e.column).toBeGreaterThanOrEqual(1);
          expect(e.column).toBeLessThanOrEqual(Array.from(src).length + 1);
        }
      }),
      { numRuns: 1500, seed: 20261127 },
    );
  });

  it('nesting is bounded: 60 levels parse, 100 000 are refused with a column instead of exhausting the stack', () => {
    expect(parseAssertion(`${'('.repeat(60)}T8.合计${')'.repeat(60)} >= ${'-'.repeat(60)}0`).op).toBe('>=');
    const deep = `${'('.repeat(100_000)}T8.合计${')'.repeat(100_000)} >= 0`;
    expect(() => parseAssertion(deep)).toThrow(/nested more than 64 levels deep at column 65$/);
    expect(() => parseAssertion(`T8.合计 >= ${'-'.repeat(100_000)}0`)).toThrow(ExpressionError);
  });
});
