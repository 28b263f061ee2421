import { describe, expect, it } from 'vitest';
import { compareIntervals, type Interval } from '../../src/engine/interval.js';
import { Decimal, ZERO } from '../../src/model/decimal.js';

const exact = (v: string): Interval => ({ value: new Decimal(v), radius: ZERO });
/** A figure printed in 万元 with two decimals, in 元. */
const printed = (v: string): Interval => ({ value: new Decimal(v), radius: new Decimal(50) });

describe('compareIntervals at the end of a half-open rounding interval', () => {
  it('takes an exact value at the end nearer zero as rounding, for positive figures', () => {
    // 139.215 万元 rounds half-up to 139.22; 139.225 to 139.23
    expect(compareIntervals(exact('1392150'), printed('1392200'))).toBe('rounding');
    expect(compareIntervals(printed('1392200'), exact('1392150'))).toBe('rounding');
    expect(compareIntervals(exact('1392250'), printed('1392200'))).toBe('mismatch');
    expect(compareIntervals(printed('1392200'), exact('1392250'))).toBe('mismatch');
  });

  it('does the same for negative figures, whose interval is closed at its upper end', () => {
    // ROUND_HALF_UP takes a tie away from zero: −139.215 → −139.22, −139.225 → −139.23
    expect(new Decimal('-139.215').toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString()).toBe('-139.22');
    expect(compareIntervals(exact('-1392150'), printed('-1392200'))).toBe('rounding');
    expect(compareIntervals(printed('-1392200'), exact('-1392150'))).toBe('rounding');
    expect(compareIntervals(exact('-1392250'), printed('-1392200'))).toBe('mismatch');
    expect(compareIntervals(printed('-1392200'), exact('-1392250'))).toBe('mismatch');
  });

  it('never meets a printed zero at either end, nor two printed figures at their touching ends', () => {
    // 0.00 stands for (−0.005, 0.005): ±0.005 round to ±0.01
    expect(compareIntervals(exact('50'), printed('0'))).toBe('mismatch');
    expect(compareIntervals(exact('-50'), printed('0'))).toBe('mismatch');
    expect(compareIntervals(printed('1392200'), printed('1392300'))).toBe('mismatch');
    expect(compareIntervals(exact('1'), exact('2'))).toBe('mismatch');
  });
});
