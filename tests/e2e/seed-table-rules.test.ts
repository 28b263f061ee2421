import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultLinter } from '../support/lint.js';

/**
 * Issue 3 done-when on the seed: every table and cross-table identity that holds is reported as
 * passed; the non-zero 一、财政拨款收入 with blank sub-lines is found; nothing else fails.
 */
describe('table arithmetic on the seed', async () => {
  const file = 'fixtures/seed/input.txt';
  const r = await defaultLinter().checkBuffer(readFileSync(file), file);
  const mine = (id: string): boolean => id.startsWith('table/') || id.startsWith('cross/');
  const outcomes = r.outcomes.filter((o) => mine(o.ruleId));

  it('finds the missing breakdown of 一、财政拨款收入 and no other error', () => {
    const errors = r.diagnostics.filter((d) => mine(d.ruleId) && d.severity === 'error');
    expect(errors.map((d) => ({ ruleId: d.ruleId, messageId: d.messageId, line: d.location.line, row: d.location.row, data: d.data }))).toEqual([
      {
        ruleId: 'table/t1-income-lines',
        messageId: 'missingBreakdown',
        line: 126,
        row: '一、财政拨款收入',
        data: { subject: 'T1 一、财政拨款收入 / 预算数', actual: '281,135,727', unit: '元', lines: '1. 一般公共预算、2. 政府性基金预算、3. 国有资本经营预算' },
      },
    ]);
    expect(r.diagnostics.filter((d) => mine(d.ruleId) && d.severity !== 'error')).toEqual([]);
  });

  it('passes every other identity, explaining each one that could not run', () => {
    const notPassed = outcomes.filter((o) => o.status !== 'pass').map((o) => [o.ruleId, o.instance, o.status]);
    expect(notPassed).toEqual([
      // the blank 1. 一般公共预算 line is the missing breakdown above; its comparison with T4 cannot run
      ['cross/t1-fund-lines-vs-t4', 'T1:1. 一般公共预算', 'not-assessable'],
      // the Shanghai layout carries nothing over: neither T4 二、上年结转 nor T1 上年结转结余 is printed
      ['cross/t4-carry-over-within-t1', 'identity', 'not-applicable'],
      ['table/t1-income-lines', 'T1:一、财政拨款收入:本年收入/预算数', 'fail'],
      // the 部门预算 summary table has no 人员经费/公用经费/项目支出 columns (单位预算 variant only)
      ['table/t1-unit-expense-columns', 'T1:预算数', 'not-applicable'],
    ]);
    expect(outcomes.filter((o) => o.status === 'pass').length).toBeGreaterThan(500);
  });

  it('runs every table and cross-table rule of the standard set', () => {
    const rules = defaultLinter().rules.filter((x) => mine(x.id)).map((x) => x.id);
    for (const id of rules) expect(outcomes.some((o) => o.ruleId === id), id).toBe(true);
  });
});
