import { describe, expect, it } from 'vitest';
import type { DocumentResult } from '../../src/engine/diagnostic.js';
import { buildWorkbook, type CellSpec } from '../support/sheet-build.js';
import { defaultLinter } from '../support/lint.js';

const money = (n: number): CellSpec => ({ n, fmt: '#,##0.00' });

/** The same form as a workbook sheet: numbers stored as numbers, merged title, the narrative on its own sheet. */
function workbook(current: number): Promise<Buffer> {
  return buildWorkbook([
    { name: '说明', rows: [['四、绩效目标设置情况'], ['编报绩效目标的项目1个，涉及项目预算资金100.00万元。']] },
    {
      name: '绩效目标表',
      rows: [
        ['财政项目支出绩效目标填报表'],
        ['（2024年度）'],
        ['项目名称', '社区服务', '项目性质', '经常性项目'],
        ['主管部门', '某区测试局', '实施单位', '某区测试局'],
        ['项目资金（元）', '项目资金总额', money(1_000_000), '年度资金申请总额', money(1_000_000)],
        [null, '其中：财政资金', money(1_000_000), '其中：当年财政拨款', money(current)],
        [null, '其他资金', money(0), '上年结转资金', money(0)],
        [null, null, null, '其他资金', money(0)],
        ['项目总目标', '保障社区服务。', '年度总体目标', '保障社区服务。'],
        ['一级指标', '二级指标', '三级指标', '年度(/项目)指标值'],
        ['产出指标', '数量指标', '服务人次', '≥1000(人次)'],
      ],
      merges: ['A1:E1'],
    },
  ]);
}

function mine(r: DocumentResult): unknown[] {
  return r.diagnostics.filter((d) => d.ruleId.startsWith('performance/')).map((d) => [d.ruleId, d.messageId, d.location.sheet, d.location.cell, d.location.field, d.data['actual'], d.data['expected']]);
}

describe('绩效目标 forms in a workbook', () => {
  it('a consistent form passes both rules', async () => {
    const r = await defaultLinter().checkBuffer(await workbook(1_000_000), 'forms.xlsx');
    expect(mine(r)).toEqual([]);
    const status = Object.fromEntries(r.outcomes.filter((o) => o.ruleId.startsWith('performance/')).map((o) => [`${o.ruleId}#${o.instance}`, o.status]));
    expect(status).toEqual({
      'performance/form-parts#form-1/年度资金申请总额': 'pass',
      'performance/form-parts#form-1/项目资金总额': 'pass',
      'performance/forms-vs-narrative#statement-1/amount': 'pass',
      'performance/forms-vs-narrative#statement-1/count': 'pass',
    });
  });

  it('当年财政拨款 over 年度资金申请总额 is reported at its cell (the narrative still agrees with the total)', async () => {
    const r = await defaultLinter().checkBuffer(await workbook(1_200_000), 'forms.xlsx');
    expect(mine(r)).toEqual([['performance/form-parts', 'partExceedsTotal', '绩效目标表', 'E6', '当年财政拨款', '1200000.00', '1000000.00']]);
  });

  it('a 绩效目标 sheet the parser skips (no title row) makes the rules not assessable, not "not applicable"', async () => {
    const book = await buildWorkbook([
      { name: '说明', rows: [['四、绩效目标设置情况'], ['编报绩效目标的项目1个，涉及项目预算资金100.00万元。']] },
      { name: '项目绩效目标', rows: [['项目名称', '社区服务'], ['年度资金总额', money(1_000_000)]] },
    ]);
    const r = await defaultLinter().checkBuffer(book, 'forms.xlsx');
    const status = Object.fromEntries(r.outcomes.filter((o) => o.ruleId.startsWith('performance/')).map((o) => [`${o.ruleId}#${o.instance}`, o.status]));
    expect(status).toEqual({
      'performance/form-parts#region-1': 'not-assessable',
      'performance/forms-vs-narrative#statement-1/amount': 'not-assessable',
      'performance/forms-vs-narrative#statement-1/count': 'not-assessable',
    });
  });
});
