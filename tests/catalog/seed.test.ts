import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocumentResult } from '../../src/engine/diagnostic.js';
import { defaultLinter } from '../support/lint.js';

const SEED = 'fixtures/seed/input.txt';

let cached: Promise<DocumentResult> | undefined;
function seedResult(): Promise<DocumentResult> {
  cached ??= defaultLinter().checkBuffer(readFileSync(SEED), SEED);
  return cached;
}

/** rule id, severity, line, row and the data that identifies the finding. */
function view(r: DocumentResult, group: string): Array<[string, string, number | null, string | null, Record<string, unknown>]> {
  return r.diagnostics
    .filter((d) => d.ruleId.startsWith(`${group}/`))
    .map((d) => {
      const { excerpt: _e, provenance: _p, place: _pl, referencePlace: _rp, ...data } = d.data as Record<string, unknown>;
      return [d.ruleId, d.severity, d.location.line ?? null, d.location.row ?? null, data];
    });
}

describe('seed: catalog and structure findings (issue 5 done-when)', () => {
  it('finds the code/name defects of the seed and nothing else', async () => {
    expect(view(await seedResult(), 'catalog')).toEqual([
      // 款 named differently in the tables (行政事业单位医疗) and in the narrative (行政单位医疗（款）)
      ['catalog/inconsistent-name', 'warning', 94, null, { code: '21011', printed: '行政单位医疗', reference: '行政事业单位医疗', where: 'narrative' }],
      ['catalog/inconsistent-name', 'warning', 112, null, { code: '21699', printed: '其他商业服务业等支出', reference: '其他商业流通事务支出', where: 'narrative' }],
      // names replaced before 2023
      ['catalog/obsolete-name', 'info', 151, '20805', { code: '20805', printed: '行政事业单位离退休', current: '行政事业单位养老支出', since: 2021, year: 2023, certainty: 'uncertain', places: 4 }],
      ['catalog/obsolete-name', 'info', 152, '2080501', { code: '2080501', printed: '归口管理的行政单位离退休', current: '行政单位离退休', since: 2021, year: 2023, certainty: 'uncertain', places: 4 }],
      ['catalog/obsolete-name', 'info', 163, '215', { code: '215', printed: '资源勘探信息等支出', current: '资源勘探工业信息等支出', since: 2019, year: 2023, certainty: 'uncertain', places: 8 }],
      // 21699 carries the name of 2160299
      ['catalog/name-mismatch', 'warning', 177, '21699', { code: '21699', printed: '其他商业流通事务支出', expected: '其他商业服务业等支出', year: 2023, otherCode: '2160299' }],
      // 30211 before 30209
      ['catalog/code-order', 'info', 357, '30209', { code: '30209', previous: '30211' }],
      // 30209 printed with 30213's name
      ['catalog/name-mismatch', 'warning', 357, '30209', { code: '30209', printed: '维修（护）费', expected: '物业管理费', year: 2023, otherCode: '30213' }],
      ['catalog/name-mismatch', 'warning', 379, '30399', { code: '30399', printed: '其他对个人和家庭的补助支出', expected: '其他对个人和家庭的补助', year: 2023 }],
    ]);
  });

  it('relates every other place of an obsolete or mismatched name', async () => {
    const r = await seedResult();
    const at = (rule: string, row: string): number[] => r.diagnostics.find((d) => d.ruleId === rule && d.location.row === row)!.related.map((x) => x.location.line!);
    expect(at('catalog/obsolete-name', '215')).toEqual([217, 286, 130, 248, 104, 106, 110]);
    expect(at('catalog/name-mismatch', '21699')).toEqual([223, 292]);
  });

  it('finds the text slips: the doubled word and the unbalanced quotes', async () => {
    expect(view(await seedResult(), 'structure')).toEqual([
      ['structure/doubled-word', 'warning', 94, null, { word: '支出' }],
      ['structure/unbalanced-quotes', 'warning', 96, null, { subject: '行政单位医疗（项）', mark: '”' }],
      ['structure/unbalanced-quotes', 'warning', 98, null, { subject: '本单位工作人员医疗保险费用支出', mark: '”' }],
    ]);
  });

  it('passes the seed’s consistent names and its structure', async () => {
    const r = await seedResult();
    const status = (rule: string, instance: string): string | undefined => r.outcomes.find((o) => o.ruleId === rule && o.instance === instance)?.status;
    for (const code of ['201', '20113', '2011301', '2101101', '2150899', '30101', '30217']) expect(status('catalog/inconsistent-name', code), code).toBe('pass');
    expect(status('catalog/name-mismatch', '2011301:行政运行')).toBe('pass');
    expect(status('catalog/name-mismatch', '30217:公务接待费')).toBe('pass');
    for (const k of ['T1', 'T6', 'T7', 'T9']) expect(status('structure/missing-table', k)).toBe('pass');
    // one 行政 and one 事业 unit: 机关运行经费 need not equal 公用经费
    expect(status('structure/admin-cost-equals-public', 'identity')).toBe('not-applicable');
  });
});
