import { yuanCell } from './money.js';
import type { GeneratedBudget, TargetForm } from './model.js';

/** A 元 amount as the forms print it: "1,000,000.00", zero "0.00". */
function formAmount(v: bigint): string {
  return `${yuanCell(v, '0')}.00`;
}

/**
 * The 绩效目标 forms (财政项目支出绩效目标填报表) printed at the end of a document, one per project, in
 * the Shanghai layout the parser reads as tab-separated tables (fixtures/performance/forms-agree):
 * project, units and dates; 项目资金总额 with 财政资金 / 其他资金; 年度资金申请总额 with 当年财政拨款 /
 * 上年结转资金 / 其他资金; the targets and a few indicators.
 */
export function targetFormLines(b: GeneratedBudget): string[] {
  const lines: string[] = [];
  for (const f of b.targetForms) lines.push(...formLines(b, f), '');
  return lines;
}

function formLines(b: GeneratedBudget, f: TargetForm): string[] {
  const y = b.year;
  const end = f.nature === '阶段性项目' ? y + Number(f.total / f.year) - 1 : y;
  return [
    '财政项目支出绩效目标填报表',
    `（${y}年度）`,
    `项目名称\t${f.project}\t项目性质\t${f.nature}\t项目类别\t其他运转类`,
    `主管部门\t${b.department}\t实施单位\t${b.department}`,
    `计划开始日期\t${y}-01-01\t计划完成日期\t${end}-12-31`,
    `项目资金（元）\t项目资金总额\t${formAmount(f.total)}\t年度资金申请总额\t${formAmount(f.year)}`,
    `\t其中：财政资金\t${formAmount(f.total - f.totalOther)}\t其中：当年财政拨款\t${formAmount(f.appropriation)}`,
    `\t其他资金\t${formAmount(f.totalOther)}\t上年结转资金\t${formAmount(f.carriedOver)}`,
    `\t\t\t其他资金\t${formAmount(f.other)}`,
    '项目总目标\t完成项目各项工作任务。\t年度总体目标\t完成年度工作任务。',
    '一级指标\t二级指标\t三级指标\t年度(/项目)指标值',
    '产出指标\t数量指标\t完成率\t≥95(%)',
    '满意度指标\t服务对象满意度指标\t服务对象满意度\t≥90.00(%)',
  ];
}
