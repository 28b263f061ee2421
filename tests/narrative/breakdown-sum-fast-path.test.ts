import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { randomFigure } from '../support/narrative-figures.js';
import { Decimal } from '../../src/model/decimal.js';
import { addIntervals, compareIntervals, lessOrEqual, type Interval } from '../../src/engine/interval.js';
import { findNumbers } from '../../src/narrative/numbers.js';
import { statementInterval } from '../../src/narrative/intervals.js';
import type { Breakdown } from '../../src/narrative/breakdowns.js';
import type { Statement } from '../../src/narrative/statements.js';
import { passesOnPrintedFigures } from '../../src/checks/narrative/breakdown-sum.js';

/** The check's plain decision on the Decimal intervals: no finding is reported. */
function plainPasses(b: Breakdown): boolean {
  const disagree = (x: Interval, y: Interval): boolean => compareIntervals(x, y) === 'mismatch';
  const total = statementInterval(b.parent);
  const sum = addIntervals(b.parts.map(statementInterval));
  if (b.stated) {
    const s = statementInterval(b.stated);
    return !disagree(s, sum) && !disagree(total, s);
  }
  return b.exhaustive ? !disagree(total, sum) : lessOrEqual(sum, total);
}

describe('breakdown-sum decides on the printed figures as on the Decimal intervals', () => {
  it('on random totals, parts and stated sums, complete lists or not', () => {
    const rng = new Rng(20261127);
    const wrong: string[] = [];
    let decided = 0;
    let passed = 0;
    for (let n = 0; n < 4_000; n++) {
      const unit = rng.pick(['元', '万元', '亿元']);
      const parts = findNumbers(Array.from({ length: rng.int(1, 5) }, () => randomFigure(rng, unit)).join('，'));
      if (parts.length === 0) continue;
      // the total and the stated sum: the parts' sum rounded and moved by a few last digits, or any figure
      const sum = parts.reduce((a, t) => a.plus(t.value), new Decimal(0));
      const near = (): string => {
        const decimals = rng.int(0, 3);
        const v = sum.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).plus(new Decimal(rng.int(-2, 2)).times(new Decimal(10).pow(-decimals)));
        return rng.next() < 0.9 ? `${v.toFixed(decimals)}${unit}` : randomFigure(rng, unit);
      };
      const [parent, stated] = findNumbers(`${near()}，${near()}`);
      if (!parent || !stated) continue;
      const b = {
        kind: 'listed',
        parent: { token: parent },
        parts: parts.map((token) => ({ token })),
        ...(rng.next() < 0.3 ? { stated: { token: stated } } : {}),
        exhaustive: rng.next() < 0.5,
      } as unknown as Breakdown;
      const fast = passesOnPrintedFigures(b);
      const plain = plainPasses(b);
      // the fast path answers "passes" only; false leaves the decision to the plain way
      if (fast) passed++;
      if (fast !== plain) {
        const plainFigures = [b.parent, ...b.parts, ...(b.stated ? [b.stated] : [])].every((s: Statement) => /^\d+(\.\d+)?$/.test(s.token.raw) && s.token.unit === b.parent.token.unit);
        if (fast || plainFigures) wrong.push(JSON.stringify([b.parent.token.raw, b.parts.map((s) => s.token.raw), b.stated?.token.raw, b.exhaustive, fast, plain]));
      } else decided++;
    }
    expect({ wrong, enough: decided > 3_000 && passed > 1_000 }).toEqual({ wrong: [], enough: true });
  });
});
