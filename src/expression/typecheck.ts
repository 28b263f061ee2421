import type { Decimal } from '../model/decimal.js';
import type { Expr, RowSelector } from './ast.js';
import { ExpressionError } from './errors.js';

/** What an expression stands for: an amount, a plain factor, or the literal 0 (either). */
type Kind = 'amount' | 'factor' | 'zero';

function isMultiRow(r: RowSelector): boolean {
  return r.type === 'prefix' || r.type === 'leaves' || r.type === 'level';
}

function hasReference(e: Expr): boolean {
  switch (e.type) {
    case 'ref':
      return true;
    case 'number':
      return false;
    case 'call':
      return e.args.some(hasReference);
    case 'neg':
      return hasReference(e.arg);
    case 'binary':
      return hasReference(e.left) || hasReference(e.right);
  }
}

/** The value of a constant (reference-free) expression, or undefined when it has references. */
export function constantValue(e: Expr): Decimal | undefined {
  switch (e.type) {
    case 'number':
      // an amount with a unit is not a plain factor
      return e.unit ? undefined : e.value;
    case 'ref':
    case 'call':
      return undefined;
    case 'neg':
      return constantValue(e.arg)?.negated();
    case 'binary': {
      const a = constantValue(e.left);
      const b = constantValue(e.right);
      if (a === undefined || b === undefined) return undefined;
      if (e.op === '+') return a.plus(b);
      if (e.op === '-') return a.minus(b);
      if (e.op === '*') return a.times(b);
      return b.isZero() ? undefined : a.dividedBy(b);
    }
  }
}

function kindOf(e: Expr, inSum: boolean): Kind {
  switch (e.type) {
    case 'number':
      if (e.unit) return 'amount';
      return e.value.isZero() ? 'zero' : 'factor';
    case 'ref':
      if (isMultiRow(e.row) && !inSum) throw new ExpressionError('a row pattern stands for several rows: wrap it in sum(…)', e.span.start);
      return 'amount';
    case 'neg':
      return kindOf(e.arg, inSum);
    case 'call': {
      if (e.fn === 'sum') {
        if (e.args.length === 0) throw new ExpressionError('sum() needs at least one reference', e.span.start);
        for (const a of e.args) {
          if (a.type !== 'ref') throw new ExpressionError('sum(…) takes table references, e.g. sum(T8[302??].合计)', a.span.start);
          kindOf(a, true);
        }
        return 'amount';
      }
      if (e.args.length !== 1) throw new ExpressionError(`${e.fn}(…) takes exactly one argument`, e.span.start);
      return kindOf(e.args[0]!, inSum);
    }
    case 'binary': {
      const a = kindOf(e.left, inSum);
      const b = kindOf(e.right, inSum);
      if (e.op === '+' || e.op === '-') {
        if (a === 'factor' && b === 'factor') return 'factor';
        if (a === 'factor' || b === 'factor') {
          const plain = a === 'factor' ? e.left : e.right;
          throw new ExpressionError('cannot add a plain number to an amount: give it a unit, e.g. 5万元', plain.span.start);
        }
        return a === 'zero' && b === 'zero' ? 'zero' : 'amount';
      }
      if (e.op === '*') {
        if (a === 'amount' && b === 'amount') throw new ExpressionError('cannot multiply two amounts (only by a plain number)', e.right.span.start);
        return a === 'amount' || b === 'amount' ? 'amount' : 'factor';
      }
      if (b === 'amount') throw new ExpressionError('can only divide by a plain number', e.right.span.start);
      const divisor = constantValue(e.right);
      if (divisor === undefined || divisor.isZero()) throw new ExpressionError('division by zero', e.right.span.start);
      return a;
    }
  }
}

/**
 * Checks what the grammar cannot: amounts are only added to amounts and multiplied by plain
 * numbers, row patterns are summed, divisors are non-zero constants, and a table value is compared.
 */
export function checkAssertion(left: Expr, right: Expr): void {
  const a = kindOf(left, false);
  const b = kindOf(right, false);
  if (a === 'factor') throw new ExpressionError('the left side is a plain number: give it a unit (元, 万元, 亿元) or compare table values', left.span.start);
  if (b === 'factor') throw new ExpressionError('the right side is a plain number: give it a unit (元, 万元, 亿元) or compare table values', right.span.start);
  if (!hasReference(left) && !hasReference(right)) throw new ExpressionError('the assertion compares no table values', left.span.start);
}
