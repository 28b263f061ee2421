import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/model/decimal.js';
import { compareRestatement } from '../../src/narrative/compare.js';
import type { LinkedValue } from '../../src/narrative/link.js';

/** A link to `n` cells of a 万元 table (two decimals) whose printed values add up to `wan` 万元. */
function wanCells(wan: string, n: number): LinkedValue {
  return { cells: Array.from({ length: n }, () => ({})), value: new Decimal(wan).times(10_000), unit: '万元', scale: 2 } as unknown as LinkedValue;
}

describe('a narrative amount against a sum of cells of a 万元 table', () => {
  it('allows the rounding of every cell: 3195.31 restates T1 2688.18 + 507.12 (31,953,091 元 rounded), 3195.33 does not', () => {
    const outcome = (text: string, cells: number): string => compareRestatement(new Decimal(text), 2, '万元', wanCells('3195.30', cells)).outcome;
    // two cells each within ±0.005 of their value: the sum may be 3195.29–3195.31
    expect(outcome('3195.31', 2)).toBe('pass');
    expect(outcome('3195.29', 2)).toBe('pass');
    expect(outcome('3195.33', 2)).toBe('mismatch');
    // one cell printed as precisely as the text: the text restates it exactly
    expect(outcome('3195.31', 1)).toBe('mismatch');
    expect(outcome('3195.30', 1)).toBe('pass');
    // 元 cells are exact, however many
    const yuan = { cells: [{}, {}], value: new Decimal('31953000'), unit: '元', scale: 0 } as unknown as LinkedValue;
    expect(compareRestatement(new Decimal('3195.31'), 2, '万元', yuan).outcome).toBe('mismatch');
  });
});
