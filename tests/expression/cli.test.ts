import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../../src/api.js';
import { cli } from '../cli/support.js';
import { reportValidator } from '../reporters/support.js';

const DOC = resolve('fixtures/expression/examples-fail/input.txt');
const SEED = resolve('fixtures/seed/input.txt');
const EXAMPLES = resolve('fixtures/expression/worked-examples.rules.json');


function ruleFile(options: Record<string, unknown>, id = 'user/my-check'): string {
  return JSON.stringify({ rules: [{ id, check: 'expression', severity: 'error', description: { zh: '自定义', en: 'custom' }, options }] }, null, 2);
}

function tmp(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'budgetlint-expr-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('a malformed user expression exits 2 naming the file and the place', () => {
  it.each([
    ['T8[30217].合计 = T9.公务接待费', '/assert', "'=' is not an operator; write '==' to compare at column 14"],
    ['T8[30217].合计 <= T9.公务接待费 +', '/assert', 'the expression ended too early at column 27'],
    ['T8[302??].合计 <= T9.公务接待费', '/assert', 'a row pattern stands for several rows: wrap it in sum(…) at column 1'],
    ['T3[$].合计 >= T5[$].合计', '/assert', "'$' (the current code) needs the forEach option at column 4"],
  ])('%s', async (assert, pointer, message) => {
    const dir = tmp({ 'bad.json': ruleFile({ assert }) });
    const r = await cli(['check', DOC, '--rule-file', 'bad.json'], dir);
    expect(r.code).toBe(2);
    // the loader shows rule files outside the working directory by their base name
    const line = r.err.trim();
    expect(line.split('\n')).toHaveLength(1);
    expect(line.endsWith(`bad.json: invalid options at /rules/0/options${pointer}: ${message}`), line).toBe(true);
  });

  it('a bad forEach is reported at its own pointer', async () => {
    const dir = tmp({ 'bad.json': ruleFile({ assert: 'T3[$].合计 >= T5[$].合计', forEach: 'T5[项].合计' }) });
    const r = await cli(['check', DOC, '--rule-file', 'bad.json'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('bad.json: invalid options at /rules/0/options/forEach: forEach takes rows only, without a column at column 1');
  });

  it('schema problems (missing assert, unknown option) are reported too', async () => {
    const dir = tmp({ 'a.json': ruleFile({ asert: 'T8.合计 == 0' }) });
    const r = await cli(['check', DOC, '--rule-file', 'a.json'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/a\.json: invalid options at \/rules\/0\/options/);
  });

  it('an expression set through the config is checked as well', async () => {
    const dir = tmp({
      'user.json': ruleFile({ assert: 'T8.合计 >= 0' }),
      'budgetlint.config.json': JSON.stringify({ ruleFiles: ['user.json'], rules: { 'user/my-check': { options: { assert: 'T8.合计 >= ' } } } }),
    });
    const r = await cli(['check', DOC], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('budgetlint.config.json: invalid options at /rules/user~1my-check/options/assert: the expression ended too early at column 10');
  });
});

describe('user rule files through the CLI and the API', () => {
  it('reports the failing worked examples with exit 1 and JSON findings', async () => {
    const dir = tmp({ 'doc.txt': readFileSync(DOC, 'utf8') });
    const r = await cli(['check', 'doc.txt', '--format', 'json', '--rule-file', EXAMPLES], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { results: Array<{ diagnostics: Array<{ ruleId: string }> }> };
    const validate = reportValidator();
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    const user = json.results[0]!.diagnostics.filter((d) => d.ruleId.startsWith('user/'));
    expect(user.map((d) => d.ruleId).sort()).toEqual(['user/goods-services-by-kuan', 'user/project-total-by-class', 'user/reception-within-sangong', 'user/social-security-leaves', 'user/t3-covers-t5']);
  });

  it('points at the left-hand cell and lists every other participating cell with its value and unit', async () => {
    const linter = createLinter({ config: {}, ruleFiles: [EXAMPLES], lang: 'en' });
    const result = await linter.checkBuffer(readFileSync(DOC), 'doc.txt');
    const reception = result.diagnostics.find((d) => d.ruleId === 'user/reception-within-sangong')!;
    expect(reception.location).toMatchObject({ tableKind: 'T8', row: '30217', field: '一般公共预算基本支出/合计', line: 52 });
    expect(reception.related).toEqual([
      { location: expect.objectContaining({ tableKind: 'T9', row: '预算数', field: '“三公”经费预算数/公务接待费', line: 62 }), label: 'T9 预算数 / 公务接待费', value: '1.20', unit: '万元' },
    ]);
    expect(reception.message).toBe('T8[30217].合计 <= T9.公务接待费 does not hold: the left side is 15000 元, the right side 12000 元 (difference 3000 元)');
    const byClass = result.diagnostics.find((d) => d.ruleId === 'user/project-total-by-class')!;
    expect(byClass.related.map((x) => `${x.label}=${x.value}`)).toEqual(['T3 201 一般公共服务支出 / 项目支出=2100000', 'T3 208 社会保障和就业支出 / 项目支出=(blank)']);
  });

  it('renders a custom message in the run language', async () => {
    const linter = createLinter({ config: {}, ruleFiles: [EXAMPLES], lang: 'zh' });
    const result = await linter.checkBuffer(readFileSync(DOC), 'doc.txt');
    expect(result.diagnostics.find((d) => d.ruleId === 'user/goods-services-by-kuan')!.message).toBe('302 商品和服务支出为 50000元，而 302 下各款之和为 53000元（差额 -3000元）');
  });

  it('every worked example passes on the seed document', async () => {
    const linter = createLinter({ config: {}, ruleFiles: [EXAMPLES], lang: 'en' });
    const result = await linter.checkBuffer(readFileSync(SEED), 'seed.txt');
    const user = result.outcomes.filter((o) => o.ruleId.startsWith('user/'));
    expect(user.length).toBeGreaterThanOrEqual(6);
    expect(user.filter((o) => o.status !== 'pass')).toEqual([]);
    expect(result.diagnostics.filter((d) => d.ruleId.startsWith('user/'))).toEqual([]);
  });
});

describe('not-assessable outcomes carry the reason', () => {
  it('names the missing table, row, column or blank cell', async () => {
    const linter = createLinter({ config: {}, ruleFiles: [resolve('fixtures/expression/not-assessable.rules.json')], lang: 'en' });
    const result = await linter.checkBuffer(readFileSync('fixtures/expression/not-assessable/input.txt'), 'doc.txt');
    const reason = (id: string): string | undefined => result.outcomes.find((o) => o.ruleId === id)?.reason;
    expect(reason('user/absent-table')).toBe('table T9 is absent');
    expect(reason('user/absent-row')).toBe('T8 has no row 30299');
    expect(reason('user/absent-column')).toBe('T8 has no column "招待费"');
    expect(reason('user/blank-required')).toBe('T8 30217 公务接待费 / 人员经费 is blank');
    expect(reason('user/empty-pattern')).toBe('T8 has no row matching 303??');
    expect(reason('user/foreach-absent')).toBe('T5[项]: table T5 is absent');
  });
});

describe('forEach over the codes present in several tables', () => {
  // T5 without its 2011399 row: iterating T3's 项 leaves that code not assessable, the intersection skips it
  const text = (() => {
    const src = readFileSync('fixtures/expression/examples-pass/input.txt', 'utf8');
    const t5 = src.indexOf('2024年部门一般公共预算支出功能分类预算表');
    return src.slice(0, t5) + src.slice(t5).replace(/^201\t13\t99\t[^\n]*\n/m, '');
  })();

  async function outcomes(forEach: string | string[]): Promise<Record<string, string>> {
    const dir = tmp({ 'each.json': ruleFile({ forEach, assert: 'T3[$].合计 >= T5[$].合计' }) });
    const linter = createLinter({ config: {}, ruleFiles: [join(dir, 'each.json')], lang: 'en' });
    const result = await linter.checkBuffer(new TextEncoder().encode(text), 'doc.txt');
    return Object.fromEntries(result.outcomes.filter((o) => o.ruleId === 'user/my-check').map((o) => [o.instance, o.reason ? `${o.status}: ${o.reason}` : o.status]));
  }

  it('one row set: a code missing from the other table is not assessable', async () => {
    expect(await outcomes('T3[项]')).toEqual({ '2011301': 'pass', '2011399': 'not-assessable: T5 has no row 2011399', '2080505': 'pass', '2080506': 'pass' });
  });

  it('several row sets: only the codes present in all of them', async () => {
    expect(await outcomes(['T3[项]', 'T5[项]'])).toEqual({ '2011301': 'pass', '2080505': 'pass', '2080506': 'pass' });
    expect(await outcomes(['T3[项]', 'T5[2011???]'])).toEqual({ '2011301': 'pass' });
    expect(await outcomes(['T3[项]', 'T5[款]'])).toEqual({ forEach: 'not-applicable: T3[项] ∩ T5[款]: no coded rows to check' });
  });

  it('a mistake in the second row set is reported at its index', async () => {
    const dir = tmp({ 'bad.json': ruleFile({ forEach: ['T3[项]', 'T5[项'], assert: 'T3[$].合计 >= T5[$].合计' }) });
    const r = await cli(['check', DOC, '--rule-file', 'bad.json'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain("bad.json: invalid options at /rules/0/options/forEach/1: expected ']' but found the end of the expression at column 5");
  });
});

describe('printing values', () => {
  it('a value divided by a constant is printed with a bounded number of decimals', async () => {
    const dir = tmp({ 'div.json': ruleFile({ assert: 'T9.公务接待费 / 7 == T8[30217].合计' }) });
    const linter = createLinter({ config: {}, ruleFiles: [join(dir, 'div.json')], lang: 'en' });
    const result = await linter.checkBuffer(readFileSync('fixtures/expression/examples-pass/input.txt'), 'doc.txt');
    const d = result.diagnostics.find((x) => x.ruleId === 'user/my-check')!;
    // 1.20 万元 / 7 = 0.171428571428… 万元: 2 printed decimals + 6
    expect(d.data).toMatchObject({ actual: '0.17142857', expected: '1.20', difference: '-1.02857143', unit: '万元' });
  });
});
