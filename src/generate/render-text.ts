/**
 * A generated budget as a text document in the Shanghai district layout (fixtures/seed/input.txt): the
 * cover and front matter, the nine tables (tab-separated, in parts of `pageRows` rows) and, from
 * render-narrative.ts, the narrative. The table helpers are shared with render-mof.ts.
 */
import type { StandardKind } from '../model/document.js';
import { codeOrder, emptySums, functionalSums, fundTotal, type FunctionalSums } from './aggregate.js';
import { ECONOMIC_NAMES, FUNCTIONAL_NAMES } from './catalog-data.js';
import type { GeneratedDocument, LineInfo } from './document.js';
import { wanCell, yuanCell } from './money.js';
import { OTHER_SOURCES, type GeneratedBudget } from './model.js';
import { targetFormLines } from './render-forms.js';
import { renderItems, renderOther, renderTotals } from './render-narrative.js';
import { ordinal, Writer } from './writer.js';

const TABLE_TITLES: Readonly<Record<StandardKind, string>> = {
  T1: '部门财务收支预算总表',
  T2: '部门收入预算总表',
  T3: '部门支出预算总表',
  T4: '部门财政拨款收支预算总表',
  T5: '部门一般公共预算支出功能分类预算表',
  T6: '部门政府性基金预算支出功能分类预算表',
  T7: '部门国有资本经营预算支出功能分类预算表',
  T8: '部门一般公共预算基本支出部门预算经济分类预算表',
  T9: '部门“三公”经费和机关运行经费预算表',
};

/** Renders a generated budget as a text document in the style of the seed (fixtures/seed/input.txt), the Shanghai layout. */
export function renderText(b: GeneratedBudget): GeneratedDocument {
  const w = new Writer();
  const y = b.year;
  const all = functionalSums(b);
  const general = functionalSums(b, (i) => i.fund === 'general');
  const govfund = functionalSums(b, (i) => i.fund === 'govfund');
  const generalTotal = fundTotal(b, 'general');
  const govfundTotal = fundTotal(b, 'govfund');

  // Cover, contents, functions, units, glossary.
  w.blank();
  w.para(`${b.region}${y}年区级部门预算`);
  w.para(`预算主管部门：${b.department}`);
  w.para('目 录');
  for (const s of ['一、部门主要职能', '二、部门机构设置', '三、名词解释', '四、部门预算编制说明', '五、部门预算表']) w.line(`- ${s}`);
  (['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9'] as const).forEach((k, i) => w.line(` - ${i + 1}. ${k === 'T9' ? '' : `${y}年`}${TABLE_TITLES[k]}`));
  w.line('- 六、其他相关情况说明');
  w.blank();
  w.para(`${b.department}（部门）主要职能`);
  w.para(`${b.department}是负责本区相关行政管理工作的区政府工作部门。`);
  w.para(`${b.department}（部门）机构设置`);
  const count = (k: string): number => b.units.filter((u) => u.kind === k).length;
  const kinds = [
    ['行政单位', count('行政')],
    ['参照公务员法管理事业单位', count('参公')],
    ['事业单位', count('事业')],
  ].filter(([, n]) => (n as number) > 0);
  w.para(
    `${b.department}部门预算是包括${b.department}本部以及下属${b.units.length - 1}家预算单位的综合收支计划。本部门中，${kinds
      .map(([k, n]) => `${k}${n}家`)
      .join('，')}，具体包括（列示至基层预算单位）：`,
  );
  b.units.forEach((u, i) => w.line(`${i + 1}. ${u.name}`));
  w.blank();
  w.para('名词解释');
  w.para('财政拨款收入：是区级预算主管部门及所属预算单位本年度从本级财政部门取得的财政拨款，包括一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。');
  w.para('基本支出预算：是区级预算主管部门及所属预算单位为保障其机构正常运转、完成日常工作任务而编制的年度基本支出计划，包括人员经费和公用经费两部分。');
  w.para('机关运行经费：指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。');

  renderTotals(w, b, all);
  renderItems(w, b, all);

  renderTables(w, b, all, general, govfund, generalTotal, govfundTotal);
  renderOther(w, b, all.get('')!);
  for (const { text, info } of targetFormLines(b)) w.line(text, info);
  return { seed: b.seed, text: `${w.lines.join('\n')}\n`, lines: w.lines, info: w.info };
}

const T2_HEADER = [
  '项目\t\t\t收入预算\t\t\t\t\t\t\t\t',
  '功能分类科目编码\t\t\t功能分类科目名称\t合计\t财政拨款收入\t事业收入\t事业单位经营收入\t其他收入\t财政专项资金\t非同级财政拨款收入\t自筹资金',
  '类\t款\t项\t\t\t\t\t\t\t\t\t',
];
const spendHeader = (group: string): string[] => [
  `项目\t\t\t${group}\t\t\t`,
  '功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出',
  '类\t款\t项\t\t\t\t',
];
const T8_HEADER = [
  '项目\t\t一般公共预算基本支出\t\t\t',
  '部门预算经济分类科目 编码\t\t经济分类科目名称\t合计\t人员经费\t公用经费',
  '类\t款\t\t\t\t',
];

export interface TableRow {
  readonly fields: ReadonlyArray<string | readonly [string, string]>;
  readonly info: Omit<LineInfo, 'cells'>;
}

/**
 * The lines of a 收支总表 (T1) above its totals: the income lines on the left, beside the classes'
 * spending ("一、一般公共服务支出") on the right, as many rows as the longer side.
 */
export function twoSidedRows(income: ReadonlyArray<readonly [string, bigint]>, classes: readonly string[], all: Map<string, FunctionalSums>, cell: (v: bigint) => string): TableRow[] {
  const rows: TableRow[] = [];
  for (let i = 0; i < Math.max(income.length, classes.length); i++) {
    const l = income[i];
    const c = classes[i];
    rows.push({
      fields: [l?.[0] ?? '', [l ? cell(l[1]) : '', '收入/预算数'], c ? `${ordinal(i + 1)}、${FUNCTIONAL_NAMES[c]}` : '', [c ? cell(all.get(c)!.total) : '', '支出/预算数']],
      info: c ? { code: c, scheme: 'functional' } : {},
    });
  }
  return rows;
}

/** Prints a table in parts of `pageRows` rows, each part repeating the title, unit line and header. */
export function table(w: Writer, kind: StandardKind, title: string, unit: string, header: readonly string[], rows: readonly TableRow[], pageRows: number): void {
  const parts: TableRow[][] = [];
  for (let i = 0; i < rows.length; i += pageRows) parts.push(rows.slice(i, i + pageRows));
  if (parts.length === 0) parts.push([]);
  for (const part of parts) {
    w.line(title, { table: kind });
    w.blank();
    w.line(`单位：${unit}`, { table: kind });
    w.blank();
    for (const h of header) w.line(h, { table: kind });
    for (const r of part) w.row(r.fields, { table: kind, ...r.info });
    w.blank();
  }
}

/** Code parts as printed in split columns: "201", "13", "01". */
function codeFields(code: string, width: number): string[] {
  const parts = [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)].slice(0, width);
  return parts;
}

function functionalRows(
  sums: Map<string, FunctionalSums>,
  cells: (s: FunctionalSums) => ReadonlyArray<readonly [bigint, string]>,
): TableRow[] {
  const rows: TableRow[] = codeOrder(sums).map((code) => ({
    fields: [...codeFields(code, 3), FUNCTIONAL_NAMES[code]!, ...cells(sums.get(code)!).map(([v, c]) => [yuanCell(v), c] as const)],
    info: { code, scheme: 'functional', codeFields: [0, 1, 2].slice(0, code.length === 3 ? 1 : code.length === 5 ? 2 : 3) },
  }));
  // an empty table (T6, T7) prints its 合计 row of zeros
  rows.push({ fields: ['合计', '', '', '', ...cells(sums.get('') ?? emptySums()).map(([v, c]) => [yuanCell(v), c] as const)], info: { total: true } });
  return rows;
}

function renderTables(
  w: Writer,
  b: GeneratedBudget,
  all: Map<string, FunctionalSums>,
  general: Map<string, FunctionalSums>,
  govfund: Map<string, FunctionalSums>,
  generalTotal: bigint,
  govfundTotal: bigint,
): void {
  const y = b.year;
  const pageRows = b.style.pageRows;
  const grand = all.get('')!;
  const classes = codeOrder(all).filter((c) => c.length === 3);

  // T1: two-sided.
  const left: Array<[string, bigint]> = [
    ['一、财政拨款收入', grand.appropriation],
    ['1. 一般公共预算', generalTotal],
    ['2. 政府性基金预算', govfundTotal],
    ['3. 国有资本经营预算', 0n],
    ...OTHER_SOURCES.map((s, i) => [`${ordinal(i + 2)}、${s}`, grand.other[s]] as [string, bigint]),
  ];
  const t1 = twoSidedRows(left, classes, all, yuanCell);
  t1.push({ fields: ['收入总计', [yuanCell(grand.total), '收入/预算数'], '支出总计', [yuanCell(grand.total), '支出/预算数']], info: { total: true } });
  table(w, 'T1', `${y}年${TABLE_TITLES.T1}`, '元', ['本年收入\t\t本年支出\t', '项目\t预算数\t项目\t预算数'], t1, 1000);

  // T2, T3.
  table(w, 'T2', `${y}年${TABLE_TITLES.T2}`, '元', T2_HEADER, functionalRows(all, (s) => [
    [s.total, '合计'],
    [s.appropriation, '财政拨款收入'],
    ...OTHER_SOURCES.map((o) => [s.other[o] ?? 0n, o] as const),
  ]), pageRows);
  const spend = (s: FunctionalSums): ReadonlyArray<readonly [bigint, string]> => [
    [s.total, '合计'],
    [s.basic, '基本支出'],
    [s.project, '项目支出'],
  ];
  table(w, 'T3', `${y}年${TABLE_TITLES.T3}`, '元', spendHeader('支出预算'), functionalRows(all, spend), pageRows);

  // T4: two-sided, appropriations only.
  const appClasses = classes.filter((c) => all.get(c)!.appropriation > 0n);
  const t4Left: Array<[string, bigint]> = [
    ['一、一般公共预算', generalTotal],
    ['二、政府性基金预算', govfundTotal],
    ['三、国有资本经营预算', 0n],
  ];
  const t4: TableRow[] = [];
  for (let i = 0; i < Math.max(t4Left.length, appClasses.length); i++) {
    const l = t4Left[i];
    const c = appClasses[i];
    const g = c ? (general.get(c)?.fund.general ?? { basic: 0n, project: 0n }) : undefined;
    const f = c ? (govfund.get(c)?.fund.govfund ?? { basic: 0n, project: 0n }) : undefined;
    t4.push({
      fields: [
        l?.[0] ?? '',
        [l ? yuanCell(l[1]) : '', '收入/预算数'],
        c ? `${ordinal(i + 1)}、${FUNCTIONAL_NAMES[c]}` : '',
        [c ? yuanCell(all.get(c)!.appropriation) : '', '支出/合计'],
        [g ? yuanCell(g.basic + g.project) : '', '支出/一般公共预算'],
        [f ? yuanCell(f.basic + f.project) : '', '支出/政府性基金预算'],
        ['', '支出/国有资本经营预算'],
      ],
      info: c ? { code: c, scheme: 'functional' } : {},
    });
  }
  t4.push({
    fields: ['收入总计', [yuanCell(grand.appropriation), '收入/预算数'], '支出总计', [yuanCell(grand.appropriation), '支出/合计'], [yuanCell(generalTotal), '支出/一般公共预算'], [yuanCell(govfundTotal), '支出/政府性基金预算'], ['', '支出/国有资本经营预算']],
    info: { total: true },
  });
  table(w, 'T4', `${y}年${TABLE_TITLES.T4}`, '元', ['财政拨款收入\t\t财政拨款支出\t\t\t\t', '项目\t预算数\t项目\t合计\t一般公共预算\t政府性基金预算\t国有资本经营预算'], t4, 1000);

  // T5–T7: appropriations by fund, split 基本/项目.
  const byFund = (fund: 'general' | 'govfund') => (s: FunctionalSums): ReadonlyArray<readonly [bigint, string]> => [
    [s.fund[fund].basic + s.fund[fund].project, '合计'],
    [s.fund[fund].basic, '基本支出'],
    [s.fund[fund].project, '项目支出'],
  ];
  table(w, 'T5', `${y}年${TABLE_TITLES.T5}`, '元', spendHeader('一般公共预算支出'), functionalRows(general, byFund('general')), pageRows);
  table(w, 'T6', `${y}年${TABLE_TITLES.T6}`, '元', spendHeader('政府性基金预算支出'), functionalRows(govfund, byFund('govfund')), pageRows);
  table(w, 'T7', `${y}年${TABLE_TITLES.T7}`, '元', spendHeader('国有资本经营预算支出'), functionalRows(new Map(), byFund('general')), pageRows);

  // T8: economic classification of 基本支出.
  const t8: TableRow[] = [];
  const ecoClasses = [...new Set(b.economic.map((e) => e.code.slice(0, 3)))].sort();
  const cols = (v: bigint, personnel: boolean): Array<readonly [string, string]> => [
    [yuanCell(v), '合计'],
    [personnel ? yuanCell(v) : '', '人员经费'],
    [personnel ? '' : yuanCell(v), '公用经费'],
  ];
  let personnelTotal = 0n;
  let publicTotal = 0n;
  for (const cls of ecoClasses) {
    const members = b.economic.filter((e) => e.code.startsWith(cls));
    const sum = members.reduce((s, e) => s + e.amount, 0n);
    const personnel = members[0]!.kind === 'personnel';
    t8.push({ fields: [cls, '', ECONOMIC_NAMES[cls]!, ...cols(sum, personnel)], info: { code: cls, scheme: 'economic', codeFields: [0] } });
    for (const e of members) {
      t8.push({ fields: [cls, e.code.slice(3), ECONOMIC_NAMES[e.code]!, ...cols(e.amount, personnel)], info: { code: e.code, scheme: 'economic', codeFields: [0, 1] } });
      if (personnel) personnelTotal += e.amount;
      else publicTotal += e.amount;
    }
  }
  t8.push({ fields: ['合计', '', '', [yuanCell(personnelTotal + publicTotal), '合计'], [yuanCell(personnelTotal), '人员经费'], [yuanCell(publicTotal), '公用经费']], info: { total: true } });
  table(w, 'T8', `${y}年${TABLE_TITLES.T8}`, '元', T8_HEADER, t8, pageRows);

  // T9: 三公 and 机关运行经费, 万元.
  const sg = b.sanGong;
  const car = sg.carPurchase + sg.carRunning;
  table(
    w,
    'T9',
    TABLE_TITLES.T9,
    '万元',
    ['“三公”经费预算数\t\t\t\t\t\t机关运行经费 预算数', '合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行维护费\t\t\t', '\t\t\t小计\t购置费\t运行维护费\t'],
    [
      {
        fields: [
          [wanCell(sg.abroad + sg.reception + car), '三公/合计'],
          [wanCell(sg.abroad), '因公出国(境)费'],
          [wanCell(sg.reception), '公务接待费'],
          [wanCell(car), '公务用车/小计'],
          [wanCell(sg.carPurchase), '公务用车/购置费'],
          [wanCell(sg.carRunning), '公务用车/运行维护费'],
          [wanCell(sg.operating), '机关运行经费'],
        ],
        info: {},
      },
    ],
    1000,
  );
}
