import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainNarrative } from '../../src/narrative/explain.js';
import { parseBuffer } from '../../src/parsers/index.js';
import { lintText } from '../support/lint.js';

const SEED = 'fixtures/seed/input.txt';

/**
 * Every amount statement of the seed narrative: position of the number (line:column), the number with
 * its unit, its subject, the table cell(s) it was compared with, the exact table value in the
 * narrative's unit, and the outcome (the comparison with the table, then the narrative's own checks:
 * breakdown sums, procurement shares, year-on-year). Table values were checked by hand against the seed's tables
 * (e.g. 20805 行政事业单位离退休 6,792,466 元 = 679.2466 万元, printed 679.24: truncated).
 */
const EXPECTED = [
  ['78:14', '28113.57万元', '收入预算', 'T1 收入总计 / 预算数', '28113.5727', 'pass; breakdown: pass; year-on-year: pass'],
  ['78:32', '8216.79万元', '收入预算', '-', '-', 'year-on-year: pass'],
  ['78:67', '28113.57万元', '财政拨款收入', 'T1 一、财政拨款收入 / 预算数', '28113.5727', 'pass; year-on-year: pass'],
  ['78:85', '8216.79万元', '财政拨款收入', '-', '-', 'year-on-year: pass'],
  ['80:5', '28113.57万元', '支出预算', 'T1 支出总计 / 预算数', '28113.5727', 'pass; breakdown: pass; year-on-year: pass'],
  ['80:23', '8216.79万元', '支出预算', '-', '-', 'year-on-year: pass'],
  ['80:60', '28113.57万元', '财政拨款支出', 'T4 支出总计 / 合计', '28113.5727', 'pass; year-on-year: pass'],
  ['80:78', '8216.79万元', '财政拨款支出', '-', '-', 'year-on-year: pass'],
  ['80:110', '28113.57万元', '一般公共预算拨款支出', 'T4 支出总计 / 一般公共预算', '28113.5727', 'pass; year-on-year: pass'],
  ['80:128', '8216.79万元', '一般公共预算拨款支出', '-', '-', 'year-on-year: pass'],
  ['80:167', '0万元', '政府性基金拨款支出', 'T4 支出总计 / 政府性基金预算', '0', 'pass; year-on-year: not assessable'],
  ['80:194', '0万元', '国有资本经营拨款支出', 'T4 支出总计 / 国有资本经营预算', '0', 'pass; year-on-year: not assessable'],
  ['82:25', '3015.04万元', '20113 商贸事务（款）', 'T5 20113 商贸事务 / 合计', '3015.0443', 'pass; breakdown: pass'],
  ['82:48', '726.41万元', '2011301 行政运行（项）', 'T5 2011301 行政运行 / 合计', '726.4096', 'pass'],
  ['82:91', '572.63万元', '2011350 事业运行（项）', 'T5 2011350 事业运行 / 合计', '572.6347', 'pass'],
  ['82:153', '1716万元', '2011399 其他商贸事务支出（项）', 'T5 2011399 其他商贸事务支出 / 合计', '1716', 'pass'],
  ['84:31', '679.24万元', '20805 行政事业单位离退休（款）', 'T5 20805 行政事业单位离退休 / 合计', '679.2466', 'truncated; breakdown: pass'],
  ['86:19', '387.79万元', '2080501 归口管理的行政单位离退休（项）', 'T5 2080501 归口管理的行政单位离退休 / 合计', '387.792', 'pass'],
  ['88:14', '129.44万元', '2080502 事业单位离退休（项）', 'T5 2080502 事业单位离退休 / 合计', '129.438', 'pass'],
  ['90:23', '108.01万元', '2080505 机关事业单位基本养老保险缴费支出（项）', 'T5 2080505 机关事业单位基本养老保险缴费支出 / 合计', '108.0102', 'pass'],
  ['92:21', '54.01万元', '2080506 机关事业单位职业年金缴费支出（项）', 'T5 2080506 机关事业单位职业年金缴费支出 / 合计', '54.0064', 'pass'],
  ['94:27', '70.88万元', '21011 行政单位医疗（款）', 'T5 21011 行政事业单位医疗 / 合计', '70.8818', 'pass; breakdown: pass'],
  ['96:12', '43.38万元', '2101101 行政单位医疗（项）', 'T5 2101101 行政单位医疗 / 合计', '43.3785', 'pass'],
  ['98:13', '27.5万元', '2101102 事业单位医疗（项）', 'T5 2101102 事业单位医疗 / 合计', '27.5033', 'pass'],
  ['100:23', '7054.6万元', '21111 污染减排（款）', 'T5 21111 污染减排 / 合计', '7054.6', 'pass; breakdown: pass'],
  ['102:13', '7054.6万元', '2111103 减排专项支出（项）', 'T5 2111103 减排专项支出 / 合计', '7054.6', 'pass'],
  ['104:19', '16407.1万元', '215 资源勘探信息等支出（类）', 'T5 215 资源勘探信息等支出 / 合计', '16407.1', 'pass; breakdown: pass'],
  ['106:26', '7361万元', '21502 制造业（款）', 'T5 21502 制造业 / 合计', '7361', 'pass; breakdown: pass'],
  ['108:14', '7361万元', '2150299 其他制造业支出（项）', 'T5 2150299 其他制造业支出 / 合计', '7361', 'pass'],
  ['110:36', '9046.1万元', '21508 支持中小企业发展和管理支出（款）', 'T5 21508 支持中小企业发展和管理支出 / 合计', '9046.1', 'pass; breakdown: pass'],
  ['110:69', '9046.1万元', '2150899 其他支持中小企业发展和管理支出（项）', 'T5 2150899 其他支持中小企业发展和管理支出 / 合计', '9046.1', 'pass'],
  ['112:31', '800万元', '21699 其他商业服务业等支出（款）', 'T5 21699 其他商业流通事务支出 / 合计', '800', 'pass; breakdown: pass'],
  ['114:17', '800万元', '2169999 其他商业服务业等支出（项）', 'T5 2169999 其他商业服务业等支出 / 合计', '800', 'pass'],
  ['116:25', '86.7万元', '22102 住房改革支出（款）', 'T5 22102 住房改革支出 / 合计', '86.7', 'pass; breakdown: pass'],
  ['118:12', '86.7万元', '2210201 住房公积金（项）', 'T5 2210201 住房公积金 / 合计', '86.7', 'pass'],
  ['395:16', '3.6万元', '“三公”经费', 'T9 预算数 / 合计', '3.6', 'pass; breakdown: pass; year-on-year: not assessable'],
  ['395:29', '1.5万元', '“三公”经费', '-', '-', 'year-on-year: not assessable'],
  ['397:12', '0万元', '因公出国（境）费', 'T9 预算数 / 因公出国（境）费', '0', 'pass; year-on-year: not assessable'],
  ['399:16', '0万元', '公务用车购置及运行维护费', 'T9 预算数 / 小计', '0', 'pass; breakdown: pass; year-on-year: not assessable'],
  ['399:38', '0万元', '公务用车购置费', 'T9 预算数 / 购置费', '0', 'pass; year-on-year: not assessable'],
  ['399:59', '0万元', '公务用车运行维护费', 'T9 预算数 / 运行维护费', '0', 'pass; year-on-year: not assessable'],
  ['401:9', '3.6万元', '公务接待费', 'T9 预算数 / 公务接待费', '3.6', 'pass; year-on-year: not assessable'],
  ['401:22', '1.5万元', '公务接待费', '-', '-', 'year-on-year: not assessable'],
  ['405:38', '77.02万元', '机关运行经费', 'T9 预算数 / 机关运行经费预算数', '77.02', 'pass'],
  ['409:15', '22万元', '政府采购预算', '-', '-', 'internal; breakdown: pass'],
  ['409:31', '0万元', '政府采购货物', '-', '-', 'internal'],
  ['409:43', '0万元', '政府采购工程', '-', '-', 'internal'],
  ['409:55', '22万元', '政府采购服务', '-', '-', 'internal'],
  ['411:27', '22万元', '政府采购预留中小企业', '-', '-', 'internal; procurement-shares: pass'],
  ['411:55', '22万元', '政府采购预留小微企业', '-', '-', 'internal; procurement-shares: pass'],
  ['415:69', '26197.7万元', '绩效目标项目资金', 'T3 合计 / 项目支出', '26197.7', 'pass'],
  ['419:21', '50万元', '-', '-', '-', 'unlinked: a limit or a rate, not a restated amount'],
  ['419:41', '100万元', '-', '-', '-', 'unlinked: a limit or a rate, not a restated amount'],
  ['419:68', '3.61万元', '-', '-', '-', 'unlinked: the words before the amount name nothing found in the tables'],
  ['445:7', '1.39亿元', '-', '-', '-', 'unlinked: the words before the amount name nothing found in the tables'],
  ['445:17', '337.54万元', '-', '-', '-', 'unlinked: the words before the amount name nothing found in the tables'],
  ['445:31', '4808.56万元', '-', '-', '-', 'unlinked: the words before the amount name nothing found in the tables'],
];

/** Half-up rounding of a decimal string to `d` decimals, in BigInt arithmetic (independent of the code). */
function roundHalfUp(value: string, d: number): string {
  const [i, f = ''] = value.split('.');
  const digits = BigInt(i + f.padEnd(d + 1, '0').slice(0, d + 1));
  const rounded = (digits + 5n) / 10n;
  const s = rounded.toString().padStart(d + 1, '0');
  return d === 0 ? s : `${s.slice(0, -d)}.${s.slice(-d)}`;
}

describe('the seed narrative', async () => {
  const doc = await parseBuffer(readFileSync(SEED), SEED);
  const lines = readFileSync(SEED, 'utf8').split('\n');

  it('lists each statement with its linked table value and outcome', () => {
    const rows = explainNarrative(doc).map((r) => [`${r.line}:${r.column}`, r.text, r.subject ?? '-', r.table ?? '-', r.tableValue ?? '-', r.outcome]);
    expect(rows).toEqual(EXPECTED);
  });

  it('points at the exact number in the source line', () => {
    for (const [at, text] of EXPECTED) {
      const [line, column] = at!.split(':').map(Number);
      expect(lines[line! - 1]!.slice(column! - 1).startsWith(text!)).toBe(true);
    }
  });

  it('passes exactly the amounts that equal their table value rounded half-up (checked independently)', () => {
    for (const [, text, , , tableValue, outcome] of EXPECTED) {
      if (tableValue === '-') continue;
      const printed = text!.replace(/[万亿]?元$/, '');
      const d = printed.includes('.') ? printed.split('.')[1]!.length : 0;
      expect(outcome!.split('; ')[0] === 'pass').toBe(roundHalfUp(tableValue!, d) === printed);
    }
  });

  it('reports the truncated 679.24 as the one disagreement and lists the unlinked amounts', async () => {
    const r = await lintText(readFileSync(SEED, 'utf8'), ['narrative'], SEED);
    const errors = r.diagnostics.filter((d) => d.severity !== 'info');
    expect(errors.map((d) => [d.ruleId, d.messageId, d.location.line, d.location.column, d.data.narrative, d.data.expected, d.data.tableValue])).toEqual([
      ['narrative/amount-matches-table', 'truncated', 84, 31, '679.24', '679.25', '679.2466'],
    ]);
    expect(errors[0]!.related.map((x) => [x.location.tableKind, x.location.row, x.value])).toEqual([['T5', '20805', '679.2466']]);
    const infos = r.diagnostics.filter((d) => d.severity === 'info');
    expect(infos.map((d) => [d.ruleId, `${d.location.line}:${d.location.column}`])).toEqual(
      EXPECTED.filter((e) => e[5]!.startsWith('unlinked')).map((e) => ['narrative/unlinked-amount', e[0]]),
    );
  });
});
