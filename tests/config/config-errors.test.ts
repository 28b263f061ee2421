import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/support.js';

const SEED = join(process.cwd(), 'fixtures/seed/input.txt');


function tmp(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'budgetlint-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('malformed rule files and configs exit 2 naming the file and the place', () => {
  it('rule file with an unknown property', async () => {
    const dir = tmp({ 'bad.json': JSON.stringify({ rules: [{ id: 'x/y', check: 'cell-compare', severity: 'error', description: { zh: 'a', en: 'b' }, colour: 'red' }] }) });
    const r = await cli(['check', SEED, '--rule-file', 'bad.json'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.json: invalid rule file at \/rules\/0: unknown property "colour"/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('rule file with invalid JSON', async () => {
    const dir = tmp({ 'broken.json': '{"rules": [' });
    const r = await cli(['check', SEED, '--rule-file', 'broken.json'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/broken\.json: invalid JSON/);
  });

  it('rule file with an unknown check kind gets a suggestion', async () => {
    const dir = tmp({ 'k.json': JSON.stringify({ rules: [{ id: 'x/y', check: 'hierarchy-sums', severity: 'error', description: { zh: 'a', en: 'b' }, options: {} }] }) });
    const r = await cli(['check', SEED, '--rule-file', 'k.json'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/k\.json: at \/rules\/0\/check: unknown check kind "hierarchy-sums" \(did you mean "hierarchy-sum"\?\)/);
  });

  it('rule options that do not fit the check kind', async () => {
    const dir = tmp({ 'o.json': JSON.stringify({ rules: [{ id: 'x/y', check: 'hierarchy-sum', severity: 'error', description: { zh: 'a', en: 'b' }, options: { tables: ['T10'] } }] }) });
    const r = await cli(['check', SEED, '--rule-file', 'o.json'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/o\.json: invalid options at \/rules\/0\/options\/tables\/0: must match pattern/);
  });

  it('a rule id defined twice', async () => {
    const dir = tmp({ 'd.json': JSON.stringify({ rules: [{ id: 'table/hierarchy-sum', check: 'hierarchy-sum', severity: 'error', description: { zh: 'a', en: 'b' }, options: { tables: ['T3'] } }] }) });
    const r = await cli(['check', SEED, '--rule-file', 'd.json'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/d\.json: rule id "table\/hierarchy-sum" is already defined in rules\/table\.json/);
  });

  it('config with a bad severity', async () => {
    const dir = tmp({ 'budgetlint.config.json': JSON.stringify({ rules: { 'table/hierarchy-sum': 'fatal' } }) });
    const r = await cli(['check', SEED], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/budgetlint\.config\.json: invalid config at \/rules\/table~1hierarchy-sum/);
  });

  it('config with options that do not fit the rule, at an escaped JSON pointer', async () => {
    const dir = tmp({ 'budgetlint.config.json': JSON.stringify({ rules: { 'table/hierarchy-sum': { options: { tables: ['T99'] } } } }) });
    const r = await cli(['check', SEED], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/budgetlint\.config\.json: invalid options at \/rules\/table~1hierarchy-sum\/options\/tables\/0: must match pattern/);
  });

  it('config naming an unknown rule gets a suggestion', async () => {
    const dir = tmp({ 'c.json': JSON.stringify({ rules: { 'table/hierarchy-summ': 'off' } }) });
    const r = await cli(['check', SEED, '--config', 'c.json'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/c\.json: at \/rules\/table~1hierarchy-summ: unknown rule id "table\/hierarchy-summ" \(did you mean "table\/hierarchy-sum"\?\)/);
  });
});

describe('configuration sets severities and options', () => {
  it('turns a rule off and another down to a warning', async () => {
    const dir = tmp({
      'budgetlint.config.json': JSON.stringify({ rules: { 'table/t1-income-lines': 'warning', 'table/hierarchy-sum': 'off' } }),
    });
    const r = await cli(['check', SEED, '--format', 'json'], dir);
    const json = JSON.parse(r.out) as { results: Array<{ diagnostics: Array<{ ruleId: string; severity: string }>; outcomes: Array<{ ruleId: string }> }> };
    const res = json.results[0]!;
    expect(res.diagnostics.filter((d) => d.ruleId === 'table/t1-income-lines').map((d) => d.severity)).toEqual(['warning']);
    expect(res.outcomes.some((o) => o.ruleId === 'table/hierarchy-sum')).toBe(false);
  });

  it('overrides a rule option', async () => {
    const dir = tmp({ 'budgetlint.config.json': JSON.stringify({ rules: { 'table/hierarchy-sum': { options: { tables: ['T8'] } } } }) });
    const r = await cli(['check', SEED, '--format', 'json'], dir);
    const json = JSON.parse(r.out) as { results: Array<{ outcomes: Array<{ ruleId: string; instance: string }> }> };
    const inst = json.results[0]!.outcomes.filter((o) => o.ruleId === 'table/hierarchy-sum').map((o) => o.instance.split(':')[0]);
    expect(new Set(inst)).toEqual(new Set(['T8']));
  });
});
