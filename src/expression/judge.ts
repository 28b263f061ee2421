import { compareIntervals, lessOrEqual, type Interval } from '../engine/interval.js';
import type { CompareOp } from './ast.js';

/**
 * pass: the printed values satisfy the relation; rounding: they do not, but values the printed
 * figures may stand for do (an info note, never an error); fail: no such values exist.
 */
export type Verdict = 'pass' | 'rounding' | 'fail';

/** Some value of a is strictly below some value of b (intervals half-open, [v − r, v + r)). */
function possiblyLess(a: Interval, b: Interval): boolean {
  return a.value.minus(a.radius).lt(b.value.plus(b.radius));
}

/**
 * Judges `left op right` with the engine's interval semantics (src/engine/interval.ts): 元 values
 * are exact, 万元/亿元 values stand for ±½ of their last printed digit, and equality means the
 * intervals meet. `!=` holds when the printed values differ.
 */
export function judge(op: CompareOp, left: Interval, right: Interval): Verdict {
  switch (op) {
    case '==': {
      const a = compareIntervals(left, right);
      return a === 'equal' ? 'pass' : a === 'rounding' ? 'rounding' : 'fail';
    }
    case '!=':
      return left.value.eq(right.value) ? 'fail' : 'pass';
    case '<=':
      if (left.value.lte(right.value)) return 'pass';
      return lessOrEqual(left, right) ? 'rounding' : 'fail';
    case '<':
      if (left.value.lt(right.value)) return 'pass';
      return possiblyLess(left, right) ? 'rounding' : 'fail';
    case '>=':
      return judge('<=', right, left);
    case '>':
      return judge('<', right, left);
  }
}
