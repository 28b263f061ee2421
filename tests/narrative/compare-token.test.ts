import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { UNIT_FACTOR, type Unit } from '../../src/model/amount.js';
import { Decimal } from '../../src/model/decimal.js';
import { compareAtMost, compareRestatement, compareToken } from '../../src/narrative/compare.js';
import type { LinkedValue } from '../../src/narrative/link.js';
import { findNumbers } from '../../src/narrative/numbers.js';

const UNITS: Unit[] = ['元', '万元', '亿元'];

/** What a comparison says: its outcome and the values a finding's message reads. */
function shown(c: ReturnType<typeof compareToken>): string {
  return [c.outcome, c.tableValue.toString(), c.expected.toString(), c.truncated.toString(), c.difference.toString()].join(' ');
}

/** A one-cell link: the cell prints `printed` (grouped by thousands now and then, signed when `value` is negative). */
function oneCell(rng: Rng, printed: Decimal, value: Decimal, unit: Unit, scale: number): object {
  let raw = printed.toFixed(scale);
  if (rng.next() < 0.3) raw = raw.replace(/^\d+/, (int) => int.replace(/\B(?=(\d{3})+$)/g, ','));
  if (value.isNegative()) raw = `-${raw}`;
  const amount = { raw, value: value.dividedBy(UNIT_FACTOR[unit]), scale, unit };
  return { cells: [{ cell: { amount } }], value, unit, scale };
}

describe('compareToken compares as compareRestatement and compareAtMost on the Decimal', () => {
  it('on random table values (元 and coarser 万元 tables) and narrative figures, plain or not', () => {
    const rng = new Rng(20261127);
    const wrong: string[] = [];
    let fastPasses = 0;
    for (let n = 0; n < 6_000; n++) {
      const unit = rng.pick(UNITS);
      const scale = rng.int(0, 3);
      // a table printed in 元 (exact) or, as T9, in 万元 with 0 to 2 decimals
      const tableUnit: Unit = rng.next() < 0.7 ? '元' : '万元';
      const tableScale = tableUnit === '元' ? rng.int(0, 2) : rng.int(0, 2);
      const printed = new Decimal(rng.int(0, 99_999_999)).times(new Decimal(10).pow(-tableScale));
      const value = (rng.next() < 0.05 ? printed.negated() : printed).times(UNIT_FACTOR[tableUnit]);
      // a sum of cells (decided on its value) or, half the time, one cell (decided on its printed text)
      const table = (rng.next() < 0.5 ? { cells: [], value, unit: tableUnit, scale: tableScale } : oneCell(rng, printed, value, tableUnit, tableScale)) as LinkedValue;
      // the figure: the right one most of the time, else one near it; signed, full-width or with a separator now and then
      const right = value.dividedBy(UNIT_FACTOR[unit]).toDecimalPlaces(scale, Decimal.ROUND_HALF_UP);
      const figure = rng.next() < 0.6 ? right : right.plus(new Decimal(rng.int(-3, 3)).times(new Decimal(10).pow(-scale)));
      let text = figure.toFixed(scale);
      const form = rng.next();
      if (form < 0.05) text = text.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
      else if (form < 0.1) text = `0${text}`;
      const [token] = findNumbers(`支出${text}${unit}。`);
      if (!token) continue;
      for (const atMost of [false, true]) {
        const fast = compareToken(token, table, atMost);
        const plain = (atMost ? compareAtMost : compareRestatement)(token.value, token.scale, unit, table);
        if (fast.outcome === 'pass' && !atMost) fastPasses++;
        if (shown(fast) !== shown(plain)) wrong.push(JSON.stringify([text, unit, value.toString(), tableUnit, tableScale, atMost, shown(fast), shown(plain)]));
      }
    }
    expect({ wrong, enough: fastPasses > 3_000 }).toEqual({ wrong: [], enough: true });
  });
});
