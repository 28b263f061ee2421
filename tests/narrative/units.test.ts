import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPORTERS } from '../../src/reporters/index.js';
import { defaultLinter, lintText } from '../support/lint.js';
import { findings, fixtureText } from './support.js';

const tables = readFileSync('fixtures/narrative/_tables.txt', 'utf8');
const lint = async (narrative: string): ReturnType<typeof lintText> => lintText(`2023年部门预算编制说明\n\n${narrative}\n\n${tables}`, ['narrative']);

/**
 * Every value of a finding is in the unit its data says: `unit` is the unit of the compared values
 * (expected / actual / difference, which the reporters print with it) — "%" for a percentage, whose
 * change and base are in `amountUnit`; figures printed in another unit than the amount's are converted.
 */
describe('units of the narrative findings', () => {
  it('reports a wrong percentage in %, its change and base in the amount\'s unit, and the terminal report says so', async () => {
    const linter = defaultLinter();
    const result = await linter.checkBuffer(new TextEncoder().encode(fixtureText('yoy-percent.txt')), 'yoy-percent.txt');
    const percent = result.diagnostics.find((d) => d.messageId === 'percent')!;
    expect(percent.data).toMatchObject({ unit: '%', percent: '8.43', expected: '7.43', actual: '8.43', difference: '1.00', change: '96.58', base: '1300.00', amountUnit: '万元' });
    const text = REPORTERS['pretty']!({ results: [result], rules: linter.rules }, { lang: 'en', color: false });
    expect(text).toContain('expected 7.43 % · actual 8.43 % · difference 1.00 %');
    expect(text).not.toMatch(/7\.43 万元/);
    expect(percent.message).toContain('a change of 96.58 万元 on a base of 1300.00 万元 is 7.43%');
  });

  it('reports a negative percentage in %', async () => {
    const r = await lint('2023年，本部门收入预算1396.58万元，比上年预算增加96.58万元，增长-7.43%。');
    expect(findings(r).filter((f) => f.id === 'negative').map((f) => f.data)).toEqual([{ subject: '收入预算', unit: '%', word: '增加', wordEn: 'an increase', change: '-7.43' }]);
  });

  it('converts figures printed in another unit to the amount\'s', async () => {
    // 0.14 − 0.10 亿元 is 0.04 亿元, not the 2000万元 (0.20 亿元) said
    const r = await lint('2023年，本部门收入预算0.14亿元，上年预算为0.10亿元，比上年增加2000万元。');
    expect(findings(r).filter((f) => f.id === 'changeAmount').map((f) => f.data)).toEqual([{ subject: '收入预算', unit: '亿元', current: '0.14', previous: '0.10', actual: '0.04', change: '0.20' }]);
    // the reservation (万元) above the total (亿元): the limit in 万元
    const p = await lint('2023年本部门政府采购预算0.0030亿元。面向中小企业预留政府采购项目预算金额35万元。');
    expect(findings(p).filter((f) => f.id === 'exceeds').map((f) => f.data)).toEqual([{ part: '政府采购预留中小企业', value: '35', unit: '万元', whole: '政府采购预算', limit: '30' }]);
  });
});
