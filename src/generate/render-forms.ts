import type { CellAnchor, FigureAnchor, LineInfo } from './document.js';
import { wan, yuanCell } from './money.js';
import type { GeneratedBudget, ProjectPlan, TargetForm } from './model.js';

/** A 元 amount as the forms print it: "1,000,000.00", zero "0.00". */
function formAmount(v: bigint): string {
  return `${yuanCell(v, '0')}.00`;
}

/**
 * The 绩效目标 forms (财政项目支出绩效目标填报表) printed at the end of a document, one per project, in
 * the Shanghai layout the parser reads as tab-separated tables (fixtures/performance/forms-agree):
 * project, units and dates; 项目资金总额 with 财政资金 / 其他资金; 年度资金申请总额 with 当年财政拨款 /
 * 上年结转资金 / 其他资金; the targets and a few indicators. A form may follow its project's 项目经费情况说明
 * block (as the seed prints it), whose 年度预算安排 gives the year's money in parts.
 */
export function targetFormLines(b: GeneratedBudget): Array<{ readonly text: string; readonly info: LineInfo }> {
  const lines: Array<{ text: string; info: LineInfo }> = [];
  b.targetForms.forEach((f, k) => {
    if (f.plan) lines.push(...planLines(f.project, f.plan));
    for (const fields of formLines(b, f)) lines.push({ text: fields.map((x) => (typeof x === 'string' ? x : x[0])).join('\t'), info: { form: k + 1, cells: cellsOf(fields) } });
    lines.push({ text: '', info: {} });
  });
  return lines;
}

/**
 * A 项目经费情况说明 block: its heading names the project ("社区服务中心运行经费情况说明"), and its 年度预算安排
 * lists the parts, each figure a planted-error target (the parts add up to the form's 年度资金申请总额).
 */
function planLines(project: string, plan: ProjectPlan): Array<{ text: string; info: LineInfo }> {
  const heading = /(经费|资金)$/.test(project) ? `${project}情况说明` : `${project}经费情况说明`;
  const figures: FigureAnchor[] = [];
  let text = plan.kind === 'quarters' ? '' : '本项目年度预算包括';
  plan.parts.forEach((p, i) => {
    const figure = wan(p.amount, 'fixed2');
    text += plan.kind === 'quarters' ? `${i > 0 ? '，' : ''}${p.label}用款计划` : `${i > 0 ? '、' : ''}${p.label}`;
    figures.push({ offset: text.length, text: figure, checkable: true });
    text += `${figure}万元`;
  });
  text += '。';
  const para = (t: string, info: LineInfo = {}): Array<{ text: string; info: LineInfo }> => [
    { text: t, info },
    { text: '', info: {} },
  ];
  return [
    ...para(heading),
    ...para('一、项目概述'),
    ...para(`${project}用于保障本部门相关工作的正常开展。`),
    ...para('二、年度预算安排'),
    ...para(text, { narrative: { codes: [], totals: false, sanGong: false, figures } }),
  ];
}

/** A form line's fields: text, or [amount, label] for an amount cell (a planted-error target). */
type FormField = string | readonly [string, string];

function cellsOf(fields: readonly FormField[]): CellAnchor[] {
  const cells: CellAnchor[] = [];
  fields.forEach((x, field) => {
    if (typeof x !== 'string') cells.push({ field, column: x[1], text: x[0] });
  });
  return cells;
}

function formLines(b: GeneratedBudget, f: TargetForm): FormField[][] {
  const y = b.year;
  const end = f.nature === '阶段性项目' ? y + Number(f.total / f.year) - 1 : y;
  const amount = (v: bigint, label: string): FormField => [formAmount(v), label];
  return [
    ['财政项目支出绩效目标填报表'],
    [`（${y}年度）`],
    ['项目名称', f.project, '项目性质', f.nature, '项目类别', '其他运转类'],
    ['主管部门', b.department, '实施单位', b.department],
    ['计划开始日期', `${y}-01-01`, '计划完成日期', `${end}-12-31`],
    ['项目资金（元）', '项目资金总额', amount(f.total, '项目资金总额'), '年度资金申请总额', amount(f.year, '年度资金申请总额')],
    ['', '其中：财政资金', amount(f.total - f.totalOther, '财政资金'), '其中：当年财政拨款', amount(f.appropriation, '当年财政拨款')],
    ['', '其他资金', amount(f.totalOther, '其他资金'), '上年结转资金', amount(f.carriedOver, '上年结转资金')],
    ['', '', '', '其他资金', amount(f.other, '其他资金')],
    ['项目总目标', '完成项目各项工作任务。', '年度总体目标', '完成年度工作任务。'],
    ['一级指标', '二级指标', '三级指标', '年度(/项目)指标值'],
    ['产出指标', '数量指标', '完成率', '≥95(%)'],
    ['满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90.00(%)'],
  ];
}
