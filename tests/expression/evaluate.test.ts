import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Decimal } from '../../src/model/decimal.js';
import type { BudgetDocument } from '../../src/model/document.js';
import type { Interval } from '../../src/engine/interval.js';
import { evaluate, type Evaluation } from '../../src/expression/evaluate.js';
import { judge } from '../../src/expression/judge.js';
import { parseAssertion } from '../../src/expression/parser.js';
import { parseTextDoc } from '../support/lint.js';

// T3 and T5 in 元, T8 in 元 (30217 公务接待费 12,000), T9 in 万元 (公务接待费 1.20)
let doc: BudgetDocument;
let rounding: BudgetDocument;
beforeAll(async () => {
  doc = await parseTextDoc(readFileSync('fixtures/expression/examples-pass/input.txt', 'utf8'), 'examples.txt');
  rounding = await parseTextDoc(readFileSync('fixtures/expression/rounding/input.txt', 'utf8'), 'rounding.txt');
});

/** Evaluates the left side of `<expr> == 0` (so any amount expression can be tested). */
function value(expr: string, d = doc, code?: string): Evaluation {
  const a = parseAssertion(`${expr} == 0`);
  return evaluate(a.left, { document: d, ...(code !== undefined ? { code } : {}) });
}

function ok(e: Evaluation): { value: string; radius: string; cells: string[] } {
  if (!e.ok) throw new Error(`not assessable: ${e.reasons.join('; ')}`);
  return { value: e.interval.value.toFixed(), radius: e.interval.radius.toFixed(), cells: e.cells.map((c) => c.label) };
}

function reasons(e: Evaluation): readonly string[] {
  if (e.ok) throw new Error('expected not assessable');
  return e.reasons;
}

function iv(value: string, radius = '0'): Interval {
  return { value: new Decimal(value), radius: new Decimal(radius) };
}

describe('evaluating references (values in 元, as intervals)', () => {
  it('reads a cell by code and column name; 元 is exact', () => {
    expect(ok(value('T8[30217].合计'))).toEqual({ value: '12000', radius: '0', cells: ['T8 30217 公务接待费 / 合计'] });
  });

  it('converts 万元 and carries its rounding: 1.20 万元 = 12,000 ± 50 元', () => {
    expect(ok(value('T9.公务接待费'))).toEqual({ value: '12000', radius: '50', cells: ['T9 预算数 / 公务接待费'] });
    expect(ok(value('T9.合计')).value).toBe('12000');
    expect(ok(value('T9."因公出国(境)费"')).value).toBe('0');
  });

  it('reads the total row when no row is named, and rows by label', () => {
    expect(ok(value('T3.项目支出')).value).toBe('2000000');
    expect(ok(value('T3[合计].项目支出')).value).toBe('2000000');
    expect(ok(value('T8[办公费].公用经费')).value).toBe('38000');
    expect(ok(value('T8["商品和服务支出"]')).value).toBe('50000');
  });

  it('sums code patterns: ?? is one level under a prefix, * the leaves under it, 类/款/项 a level', () => {
    expect(ok(value('sum(T8[302??].合计)'))).toMatchObject({ value: '50000', cells: ['T8 30201 办公费 / 合计', 'T8 30217 公务接待费 / 合计'] });
    expect(ok(value('sum(T8[3????].合计)')).value).toBe('1300000');
    expect(ok(value('sum(T3[2*].合计)')).cells).toHaveLength(4);
    expect(ok(value('sum(T3[2*].合计)')).value).toBe('3300000');
    expect(ok(value('sum(T3[2080*].合计)')).value).toBe('300000');
    expect(ok(value('sum(T3[类].项目支出)')).value).toBe('2000000');
    expect(ok(value('sum(T3[项].合计, T8[款].合计)')).value).toBe(String(3_300_000 + 1_300_000));
  });

  it('adds and subtracts intervals; scaling scales the rounding too', () => {
    expect(ok(value('T9.公务接待费 + T9.合计'))).toMatchObject({ value: '24000', radius: '100' });
    expect(ok(value('T9.公务接待费 - T8[30217].合计'))).toMatchObject({ value: '0', radius: '50' });
    expect(ok(value('T9.公务接待费 * 3'))).toMatchObject({ value: '36000', radius: '150' });
    expect(ok(value('-2 * T9.公务接待费'))).toMatchObject({ value: '-24000', radius: '100' });
    expect(ok(value('T9.公务接待费 / 4'))).toMatchObject({ value: '3000', radius: '12.5' });
    expect(ok(value('T8[30217].合计 + 1.5万元'))).toMatchObject({ value: '27000', radius: '0' });
  });

  it('fills $ with the current code', () => {
    expect(ok(value('T3[$].合计 - T5[$].合计', doc, '2011301'))).toMatchObject({ value: '0', cells: ['T3 2011301 行政运行 / 合计', 'T5 2011301 行政运行 / 合计'] });
  });

  it('reads a 万元 table with its rounding', () => {
    expect(ok(value('sum(T3[类].项目支出)', rounding))).toMatchObject({ value: '27200', radius: '100' });
  });
});

describe('missing data is not assessable, with the reason', () => {
  it('absent table, row and column', () => {
    expect(reasons(value('T6.合计'))).toEqual(['table T6 is absent']);
    expect(reasons(value('T8[30299].合计'))).toEqual(['T8 has no row 30299']);
    expect(reasons(value('T8[30217].招待费'))).toEqual(['T8 has no column "招待费"']);
    expect(reasons(value('sum(T8[303??].合计)'))).toEqual(['T8 has no row matching 303??']);
    expect(reasons(value('T8["不存在的科目"]'))).toEqual(['T8 has no row "不存在的科目"']);
    expect(reasons(value('table("决算").合计'))).toEqual(['no table title contains "决算"']);
  });

  it('collects every reason of a side', () => {
    expect(reasons(value('T6.合计 + T7.合计'))).toEqual(['table T6 is absent', 'table T7 is absent']);
  });

  it('zero(…) counts absent tables and rows as zero, never a wrong column', () => {
    expect(ok(value('zero(T6.合计)'))).toEqual({ value: '0', radius: '0', cells: [] });
    expect(ok(value('zero(T8[30299].合计) + T8[30217].合计')).value).toBe('12000');
    expect(ok(value('zero(sum(T8[303??].合计))')).value).toBe('0');
    expect(reasons(value('zero(T8[30217].招待费)'))).toEqual(['T8 has no column "招待费"']);
  });

  it('a blank cell is zero, unless required(…)', () => {
    expect(ok(value('T8[30217].人员经费'))).toMatchObject({ value: '0', cells: ['T8 30217 公务接待费 / 人员经费'] });
    expect(reasons(value('required(T8[30217].人员经费)'))).toEqual(['T8 30217 公务接待费 / 人员经费 is blank']);
    expect(ok(value('required(T8[30217].公用经费)')).value).toBe('12000');
  });

  it('an ambiguous table title is not assessable', () => {
    expect(reasons(value('table("预算").合计'))[0]).toMatch(/table titles contain "预算"/);
  });
});

describe('judging comparisons with rounding intervals', () => {
  it('==: equal, rounding (info) or mismatch', () => {
    expect(judge('==', iv('12000'), iv('12000', '50'))).toBe('pass');
    expect(judge('==', iv('12040'), iv('12000', '50'))).toBe('rounding');
    expect(judge('==', iv('12050'), iv('12000', '50'))).toBe('fail'); // half-open: 1.205 rounds to 1.21
    expect(judge('==', iv('11950'), iv('12000', '50'))).toBe('rounding'); // …and 1.195 to 1.20
    expect(judge('==', iv('12000', '50'), iv('11950'))).toBe('rounding');
    expect(judge('==', iv('12000', '50'), iv('12050'))).toBe('fail');
    expect(judge('==', iv('11949'), iv('12000', '50'))).toBe('fail');
    expect(judge('==', iv('12001'), iv('12000'))).toBe('fail'); // 元 is exact: 1 元 off is an error
    expect(judge('==', iv('36000', '50'), iv('36100', '100'))).toBe('rounding');
  });

  it('<= and <: printed values decide pass; rounding may only excuse, never pass silently', () => {
    expect(judge('<=', iv('11000'), iv('12000', '50'))).toBe('pass');
    expect(judge('<=', iv('12000'), iv('12000', '50'))).toBe('pass');
    expect(judge('<=', iv('12049'), iv('12000', '50'))).toBe('rounding');
    expect(judge('<=', iv('12050'), iv('12000', '50'))).toBe('fail');
    expect(judge('<=', iv('12001'), iv('12000'))).toBe('fail');
    expect(judge('<', iv('12000'), iv('12000'))).toBe('fail');
    expect(judge('<', iv('12000'), iv('12000', '50'))).toBe('rounding');
    expect(judge('<', iv('11999'), iv('12000'))).toBe('pass');
  });

  it('>= and > mirror <= and <', () => {
    expect(judge('>=', iv('12000', '50'), iv('12049'))).toBe('rounding');
    expect(judge('>=', iv('12000', '50'), iv('12050'))).toBe('fail');
    expect(judge('>', iv('12001'), iv('12000'))).toBe('pass');
    expect(judge('>', iv('12000'), iv('12000'))).toBe('fail');
  });

  it('!= holds when the printed values differ', () => {
    expect(judge('!=', iv('1'), iv('2'))).toBe('pass');
    expect(judge('!=', iv('2', '50'), iv('2', '50'))).toBe('fail');
  });
});

describe('two-sided summary tables (T1, T4) on the seed', () => {
  let seed: BudgetDocument;
  beforeAll(async () => {
    seed = await parseTextDoc(readFileSync('fixtures/seed/input.txt', 'utf8'), 'seed.txt');
  });

  it('reads labelled lines on their own side', () => {
    expect(ok(value('T1[收入总计]', seed))).toMatchObject({ value: '281135727', cells: ['T1 收入总计 / 预算数'] });
    expect(ok(value('T1[支出总计]', seed)).value).toBe('281135727');
    expect(ok(value('T1["一、财政拨款收入"]', seed)).value).toBe('281135727');
    expect(ok(value('T1[财政拨款收入]', seed)).value).toBe('281135727');
    expect(ok(value('T1["1. 一般公共预算"] + T1["2. 政府性基金预算"]', seed)).value).toBe('0');
    expect(ok(value('T4[支出总计].一般公共预算', seed)).value).toBe('281135727');
  });

  it('picks the total row by the column when it names one side only, and refuses to guess otherwise', () => {
    expect(ok(value('T4.一般公共预算', seed))).toMatchObject({ value: '281135727', cells: ['T4 支出总计 / 一般公共预算'] });
    expect(reasons(value('T1.预算数', seed))[0]).toMatch(/T1 has several total rows \(收入总计, 支出总计\); name one/);
    // the full column key names the side
    expect(ok(value('T1."本年支出/预算数"', seed))).toMatchObject({ value: '281135727', cells: ['T1 支出总计 / 预算数'] });
  });

  it('reads the single row of the 三公 table in 万元', () => {
    expect(ok(value('T9.公务接待费', seed))).toMatchObject({ value: '36000', radius: '50' });
    expect(ok(value('T9.机关运行经费', seed)).value).toBe('770200');
  });
});

describe('a table without a 合计 row', () => {
  it('asks for a row, suggesting the first one', async () => {
    const src = readFileSync('fixtures/expression/examples-pass/input.txt', 'utf8');
    // a second data row in the 三公 table: a reference without a row no longer knows which to read
    const two = await parseTextDoc(src.replace(/^1\.20\t\t1\.20\t\t\t\t5\.00$/m, '1.20\t\t1.20\t\t\t\t5.00\n1.50\t\t1.50\t\t\t\t5.00'), 'two.txt');
    const t9 = two.tables.find((t) => t.kind === 'T9')!;
    expect(t9.rows.length).toBe(2);
    expect(reasons(value('T9.公务接待费', two))).toEqual(['T9 has no 合计 row; name the row, e.g. T9["预算数"]']);
  });
});
