/**
 * Renders a generated budget in the Ministry of Finance layout that departments outside Shanghai use
 * (fixtures/cross/mof-layout-consistent is the model): differently titled tables in another order
 * (一、部门收支总表 … 六、一般公共预算财政拨款基本支出表 … 九、一般公共预算“三公”经费财政拨款支出表), one
 * 7-digit 科目编码 column instead of 类/款/项 parts, 上年结转结余 lines and columns, a 财政拨款收支总表 with
 * 一、本年收入 / 二、上年结转 and numbered fund sub-lines, and the tables usually before the narrative.
 *
 * The same budget as the Shanghai rendering (render-text.ts), with one addition: money carried over from
 * last year (FunctionalItem.carried) is spent like the rest — T3, T5 and T6 hold it — but is income of
 * its own: T1 上年结转结余, the T2 上年结转结余 column, T4 二、上年结转 with its fund lines, and the narrative.
 * Other sources' money carried over (FunctionalItem.otherCarried) is in T1 and T2 上年结转结余 but not in T4,
 * which holds 财政拨款 only; their money left for next year (FunctionalItem.retained) is T1's 年终结转结余,
 * income in T2 but not spending in T3 or T1's expense lines.
 * The narrative's item sentences and 其他相关情况说明 are render-text.ts's; its totals are stated here in
 * the MoF wording (本年收入, 上年结转结余, 财政拨款收入 without the carry-over).
 */
import type { StandardKind } from '../model/document.js';
import { basicKinds, codeOrder, emptySums, functionalSums, spentSums, type FunctionalSums } from './aggregate.js';
import { ECONOMIC_NAMES, FUNCTIONAL_NAMES } from './catalog-data.js';
import type { GeneratedDocument } from './document.js';
import { wanCell, wanHundredths, yuanCell } from './money.js';
import type { Fund, GeneratedBudget, MofStyle, OtherSource } from './model.js';
import { targetFormLines } from './render-forms.js';
import { plainChange, renderItems, renderOther } from './render-narrative.js';
import { table, twoSidedRows, type TableRow } from './render-text.js';
import { ordinal, Sentence, Writer } from './writer.js';

/** The MoF income sources after the three appropriation lines; the Shanghai-only sources count as 其他收入. */
const MOF_SOURCES: ReadonlyArray<readonly [string, readonly OtherSource[]]> = [
  ['事业收入', ['事业收入']],
  ['事业单位经营收入', ['事业单位经营收入']],
  ['其他收入', ['其他收入', '财政专项资金', '非同级财政拨款收入', '自筹资金']],
];

const MOF_TITLES: Readonly<Record<StandardKind, string>> = {
  T1: '部门收支总表',
  T2: '部门收入总表',
  T3: '部门支出总表',
  T4: '财政拨款收支总表',
  T5: '一般公共预算财政拨款支出表',
  T8: '一般公共预算财政拨款基本支出表',
  T6: '政府性基金预算财政拨款支出表',
  T7: '国有资本经营预算财政拨款支出表',
  T9: '一般公共预算“三公”经费财政拨款支出表',
};
/** The MoF order: the basic-spending table comes right after the general-budget one. */
const MOF_ORDER: readonly StandardKind[] = ['T1', 'T2', 'T3', 'T4', 'T5', 'T8', 'T6', 'T7', 'T9'];

/** Everything the tables and the totals sentences state, in 元. */
interface Figures {
  readonly all: Map<string, FunctionalSums>;
  readonly general: Map<string, FunctionalSums>;
  readonly govfund: Map<string, FunctionalSums>;
  readonly grand: FunctionalSums;
  /** 财政拨款 spent this year per fund, carry-over included (T4 支出, T5, T6). */
  readonly spent: Record<Fund, bigint>;
  /** The part of it carried over from last year (T4 二、上年结转). */
  readonly carried: Record<Fund, bigint>;
  readonly carriedTotal: bigint;
  /** All money carried over from last year: 财政拨款 and other sources' (T1 上年结转结余). */
  readonly carriedAll: bigint;
  /** The sums as spent this year (T3, T1's expense lines): without the money left for next year. */
  readonly spending: Map<string, FunctionalSums>;
}

function figures(b: GeneratedBudget): Figures {
  const all = functionalSums(b);
  const grand = all.get('') ?? emptySums();
  const spent = { general: grand.fund.general.basic + grand.fund.general.project, govfund: grand.fund.govfund.basic + grand.fund.govfund.project };
  return {
    all,
    general: functionalSums(b, (i) => i.fund === 'general'),
    govfund: functionalSums(b, (i) => i.fund === 'govfund'),
    grand,
    spent,
    carried: grand.carried,
    carriedTotal: grand.carried.general + grand.carried.govfund,
    carriedAll: carriedIn(grand),
    spending: spentSums(all),
  };
}

/**
 * This year's income of one of the MoF income sources, in 元 (several generator sources may make one):
 * without the part carried over from last year, which is 上年结转结余.
 */
function sourceAmount(s: FunctionalSums, sources: readonly OtherSource[]): bigint {
  return sources.reduce((t, o) => t + s.other[o] - s.otherCarried[o], 0n);
}

/** The money of `s` carried over from last year, 财政拨款 and other sources' (上年结转结余). */
function carriedIn(s: FunctionalSums): bigint {
  return Object.values(s.otherCarried).reduce((t, v) => t + v, s.carried.general + s.carried.govfund);
}

/** Renders a generated budget as a text document in the MoF layout. */
export function renderMof(b: GeneratedBudget): GeneratedDocument {
  const style = b.style.mof;
  if (!style) throw new Error(`budget ${b.seed} has no MoF layout`);
  const w = new Writer();
  const f = figures(b);
  const y = b.year;
  const parts = style.tablesFirst ? (['tables', 'narrative'] as const) : (['narrative', 'tables'] as const);
  const heading = (part: 'tables' | 'narrative'): string => (part === 'tables' ? `${y}年部门预算表` : `${y}年部门预算情况说明`);

  w.blank();
  w.para(`${b.department}${y}年部门预算`);
  w.para('目 录');
  w.line('- 第一部分 部门概况');
  parts.forEach((part, i) => {
    w.line(`- 第${ordinal(i + 2)}部分 ${heading(part)}`);
    if (part === 'tables') MOF_ORDER.forEach((k, n) => w.line(` - ${tableTitle(k, n, b, style)}`));
  });
  w.line('- 第四部分 名词解释');
  w.blank();

  w.para('第一部分 部门概况');
  w.para('一、部门主要职能');
  w.para(`${b.department}是负责本区相关行政管理工作的区政府工作部门。`);
  w.para('二、部门机构设置');
  const count = (k: string): number => b.units.filter((u) => u.kind === k).length;
  const kinds = (
    [
      ['行政单位', count('行政')],
      ['参照公务员法管理事业单位', count('参公')],
      ['事业单位', count('事业')],
    ] as const
  ).filter(([, n]) => n > 0);
  w.para(`${b.department}部门预算是包括${b.department}本部以及下属${b.units.length - 1}家预算单位的综合收支计划。本部门中，${kinds.map(([k, n]) => `${k}${n}家`).join('，')}，具体包括：`);
  b.units.forEach((u, i) => w.line(`${i + 1}. ${u.name}`));
  w.blank();

  parts.forEach((part, i) => {
    w.para(`第${ordinal(i + 2)}部分 ${heading(part)}`);
    if (part === 'tables') renderMofTables(w, b, f, style);
    else renderMofNarrative(w, b, f, style);
  });

  w.para('第四部分 名词解释');
  w.para('财政拨款收入：指本级财政当年拨付的资金，包括一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。');
  w.para('上年结转结余：指以前年度尚未完成、结转到本年按有关规定继续使用的资金。');
  w.para('基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。');
  w.para('机关运行经费：指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。');
  for (const { text, info } of targetFormLines(b)) w.line(text, info);
  return { seed: b.seed, text: `${w.lines.join('\n')}\n`, lines: w.lines, info: w.info };
}

function tableTitle(kind: StandardKind, n: number, b: GeneratedBudget, style: MofStyle): string {
  const name = kind === 'T9' && style.operatingColumn ? '一般公共预算“三公”经费及机关运行经费支出表' : MOF_TITLES[kind];
  return `${ordinal(n + 1)}、${style.yearInTitles ? `${b.year}年` : ''}${name}`;
}

/** The totals in the MoF wording, then render-text.ts's item sentences and 其他相关情况说明. */
function renderMofNarrative(w: Writer, b: GeneratedBudget, f: Figures, style: MofStyle): void {
  const wan = b.style.wan;
  const y = b.year;
  const { grand, spent, carried, carriedTotal, carriedAll } = f;
  const thisYear = { general: spent.general - carried.general, govfund: spent.govfund - carried.govfund };

  w.para('一、收支预算总体情况');
  const inc = new Sentence(wan, true).t(`${y}年本部门收入预算`).w(grand.total, true).t('万元，');
  plainChange(inc, grand.total, b.previous.income).t('，其中：本年收入').w(grand.total - carriedAll, true).t('万元，上年结转结余').w(carriedAll, true).t('万元。');
  inc.t('本年收入中，一般公共预算拨款收入').w(thisYear.general, true).t('万元，政府性基金预算拨款收入').w(thisYear.govfund, true).t('万元，国有资本经营预算拨款收入').w(0n, true).t('万元');
  for (const [label, sources] of MOF_SOURCES) inc.t(`，${label}`).w(sourceAmount(grand, sources), true).t('万元');
  inc.t('。').emit(w);
  const exp = new Sentence(wan, true).t(`${y}年本部门支出预算`).w(grand.total, true).t('万元，');
  plainChange(exp, grand.total, b.previous.income).t('，其中：基本支出').w(grand.basic, true).t('万元，项目支出').w(grand.project - grand.retained, true).t('万元。').emit(w);

  w.para('二、财政拨款收支预算情况');
  // With the tables in 万元 the writer adds the printed T1 lines (each rounded on its own) rather than
  // rounding their exact sum. Both are right, but the narrative check compares a linked sum of cells as
  // if exact and calls a 0.01 difference a mismatch (reported: seed 104 in 万元, 3195.31 against the
  // printed 2688.18 + 507.12)
  const fiscalIncome = style.unit === '万元' ? (wanHundredths(thisYear.general) + wanHundredths(thisYear.govfund)) * 100n : grand.appropriation - carriedTotal;
  const fiscal = new Sentence(wan, true).t(`${y}年本部门财政拨款收入`).w(fiscalIncome, true).t('万元，');
  plainChange(fiscal, fiscalIncome, b.previous.appropriation).t('，上年结转').w(carriedTotal, true).t('万元；财政拨款支出预算').w(grand.appropriation, true).t('万元。').emit(w);

  w.para('三、一般公共预算财政拨款支出预算情况');
  // No year-on-year clause before "其中": with one ("…支出预算760.00万元，比上年预算增加10.00万元，其中：
  // 基本支出…"), the narrative links the 基本支出 / 项目支出 after it to T3 instead of T5 (reported; a
  // false alarm whenever other income funds projects, seed 33 before this)
  new Sentence(wan, true)
    .t(`${y}年一般公共预算财政拨款支出预算`)
    .w(spent.general, true)
    .t('万元，其中：基本支出')
    .w(grand.fund.general.basic, true)
    .t('万元，项目支出')
    .w(grand.fund.general.project, true)
    .t('万元。')
    .emit(w);
  const { personnel, pub } = basicKinds(b);
  new Sentence(wan, true).t('一般公共预算财政拨款基本支出').w(personnel + pub, true).t('万元，其中：人员经费').w(personnel, true).t('万元，公用经费').w(pub, true).t('万元。').emit(w);
  const other = new Sentence(wan, true).t('政府性基金预算财政拨款支出').w(spent.govfund, true).t('万元，');
  plainChange(other, spent.govfund, b.previous.govfund).t('；国有资本经营预算财政拨款支出').w(0n, true).t('万元。财政拨款支出主要内容如下：').emit(w);
  renderItems(w, b, f.all);

  const from = w.lines.length;
  // its 项目预算资金 is what the projects spend this year (T3), not the money left for next year
  renderOther(w, b, f.spending.get('') ?? grand);
  // Without a 机关运行经费 column the 三公 table cannot confirm the sentence's figure: a changed figure
  // is then no inconsistency any check could see.
  if (!style.operatingColumn) {
    for (let i = from; i < w.lines.length; i++) {
      const n = w.info[i]!.narrative;
      if (n && w.lines[i]!.includes('机关运行经费')) w.info[i] = { ...w.info[i]!, narrative: { ...n, figures: n.figures.map((x) => ({ ...x, checkable: false })) } };
    }
  }
}

/** The code tables' rows: one 科目编码 field, the name, the amounts, blank columns; 合计 first or last. */
function codeRows(
  cell: (v: bigint) => string,
  sums: Map<string, FunctionalSums>,
  names: Readonly<Record<string, string>>,
  scheme: 'functional' | 'economic',
  cells: (s: FunctionalSums) => ReadonlyArray<readonly [bigint, string]>,
  blanks: number,
  totalFirst: boolean,
): TableRow[] {
  const pad = Array.from({ length: blanks }, () => '');
  const rows: TableRow[] = codeOrder(sums).map((code) => ({
    fields: [code, names[code]!, ...cells(sums.get(code)!).map(([v, c]) => [cell(v), c] as const), ...pad],
    info: { code, scheme, codeFields: [0], compactCode: true },
  }));
  const total: TableRow = { fields: ['', '合计', ...cells(sums.get('') ?? emptySums()).map(([v, c]) => [cell(v), c] as const), ...pad], info: { total: true } };
  return totalFirst ? [total, ...rows] : [...rows, total];
}

/** The economic classification of 基本支出 as sums keyed like the functional ones (类, 款; "" the total). */
function economicSums(b: GeneratedBudget): Map<string, FunctionalSums> {
  const out = new Map<string, FunctionalSums>();
  for (const e of b.economic) {
    for (const key of ['', e.code.slice(0, 3), e.code]) {
      let s = out.get(key);
      if (!s) out.set(key, (s = emptySums()));
      s.total += e.amount;
      if (e.kind === 'personnel') s.basic += e.amount;
      else s.project += e.amount;
    }
  }
  return out;
}

function renderMofTables(w: Writer, b: GeneratedBudget, f: Figures, style: MofStyle): void {
  const pageRows = b.style.pageRows;
  // 万元 figures are each rounded half-up on their own, as a budget system exports them
  const cell = (v: bigint): string => (style.unit === '万元' ? wanCell(v) : yuanCell(v));
  const { all, general, govfund, grand, spent, carried, carriedTotal, carriedAll, spending } = f;
  const title = (kind: StandardKind): string => tableTitle(kind, MOF_ORDER.indexOf(kind), b, style);
  const classes = codeOrder(all).filter((c) => c.length === 3);
  const thisYear = { general: spent.general - carried.general, govfund: spent.govfund - carried.govfund };

  // 一、部门收支总表: 本年收入合计 + 上年结转结余 = 收入总计 beside 本年支出合计 + 年终结转结余 = 支出总计.
  const sources: Array<readonly [string, bigint]> = [
    ['一般公共预算拨款收入', thisYear.general],
    ['政府性基金预算拨款收入', thisYear.govfund],
    ['国有资本经营预算拨款收入', 0n],
    ...MOF_SOURCES.map(([label, from]) => [label, sourceAmount(grand, from)] as const),
  ];
  const income = sources.map(([label, v], i) => [`${ordinal(i + 1)}、${label}`, v] as const);
  const t1 = twoSidedRows(income, classes, spending, cell);
  const side = (l: string, lv: bigint, r: string, rv: bigint, total: boolean): TableRow => ({
    fields: [l, [cell(lv), '收入/预算数'], r, [cell(rv), '支出/预算数']],
    info: total ? { total: true } : {},
  });
  t1.push(side('本年收入合计', grand.total - carriedAll, '本年支出合计', grand.total - grand.retained, true));
  t1.push(side('上年结转结余', carriedAll, '年终结转结余', grand.retained, false));
  t1.push(side('收入总计', grand.total, '支出总计', grand.total, true));
  table(w, 'T1', title('T1'), style.unit, ['收入\t\t支出\t', '项目\t预算数\t项目\t预算数'], t1, 1000);

  // 二、部门收入总表: 上年结转结余 and this year's money by fund; the Shanghai-only sources as 其他收入.
  const t2Cells = (s: FunctionalSums): ReadonlyArray<readonly [bigint, string]> => [
    [s.total, '合计'],
    [carriedIn(s), '上年结转结余'],
    [s.fund.general.basic + s.fund.general.project - s.carried.general, '一般公共预算拨款收入'],
    [s.fund.govfund.basic + s.fund.govfund.project - s.carried.govfund, '政府性基金预算拨款收入'],
    [0n, '国有资本经营预算拨款收入'],
    ...MOF_SOURCES.map(([label, sources]) => [sourceAmount(s, sources), label] as const),
  ];
  const t2Header = ['科目编码\t科目名称\t合计\t上年结转结余\t一般公共预算拨款收入\t政府性基金预算拨款收入\t国有资本经营预算拨款收入\t事业收入\t事业单位经营收入\t其他收入'];
  table(w, 'T2', title('T2'), style.unit, t2Header, codeRows(cell, all, FUNCTIONAL_NAMES, 'functional', t2Cells, 0, style.totalFirst), pageRows);

  // 三、部门支出总表: three more columns that a department budget leaves blank.
  const spend = (s: FunctionalSums): ReadonlyArray<readonly [bigint, string]> => [
    [s.total, '合计'],
    [s.basic, '基本支出'],
    [s.project, '项目支出'],
  ];
  const t3Header = ['科目编码\t科目名称\t合计\t基本支出\t项目支出\t事业单位经营支出\t上缴上级支出\t对附属单位补助支出'];
  table(w, 'T3', title('T3'), style.unit, t3Header, codeRows(cell, spending, FUNCTIONAL_NAMES, 'functional', spend, 3, style.totalFirst), pageRows);

  // 四、财政拨款收支总表: 本年收入 and 上年结转 by fund beside 本年支出 (per 类) and 年终结转结余.
  const t4Income: Array<readonly [string, bigint]> = [
    ['一、本年收入', thisYear.general + thisYear.govfund],
    ['1. 一般公共预算资金', thisYear.general],
    ['2. 政府性基金预算资金', thisYear.govfund],
    ['3. 国有资本经营预算资金', 0n],
    ['二、上年结转', carriedTotal],
    ['1. 一般公共预算资金', carried.general],
    ['2. 政府性基金预算资金', carried.govfund],
    ['3. 国有资本经营预算资金', 0n],
  ];
  const fundOf = (m: Map<string, FunctionalSums>, c: string, fund: Fund): bigint => {
    const s = m.get(c)?.fund[fund];
    return s ? s.basic + s.project : 0n;
  };
  const t4Expense: Array<{ label: string; code?: string; total: bigint; general: bigint; govfund: bigint }> = [
    { label: '一、本年支出', total: spent.general + spent.govfund, general: spent.general, govfund: spent.govfund },
    ...classes
      .filter((c) => all.get(c)!.appropriation > 0n)
      .map((c) => ({ label: FUNCTIONAL_NAMES[c]!, code: c, total: all.get(c)!.appropriation, general: fundOf(general, c, 'general'), govfund: fundOf(govfund, c, 'govfund') })),
    { label: '二、年终结转结余', total: 0n, general: 0n, govfund: 0n },
  ];
  const t4: TableRow[] = [];
  for (let i = 0; i < Math.max(t4Income.length, t4Expense.length); i++) {
    const l = t4Income[i];
    const r = t4Expense[i];
    t4.push({
      fields: [
        l?.[0] ?? '',
        [l ? cell(l[1]) : '', '收入/预算数'],
        r?.label ?? '',
        [r ? cell(r.total) : '', '支出/合计'],
        [r ? cell(r.general) : '', '支出/一般公共预算财政拨款'],
        [r ? cell(r.govfund) : '', '支出/政府性基金预算财政拨款'],
        ['', '支出/国有资本经营预算财政拨款'],
      ],
      info: r?.code ? { code: r.code, scheme: 'functional' } : {},
    });
  }
  t4.push({
    fields: [
      '收入总计',
      [cell(grand.appropriation), '收入/预算数'],
      '支出总计',
      [cell(grand.appropriation), '支出/合计'],
      [cell(spent.general), '支出/一般公共预算财政拨款'],
      [cell(spent.govfund), '支出/政府性基金预算财政拨款'],
      ['', '支出/国有资本经营预算财政拨款'],
    ],
    info: { total: true },
  });
  const t4Header = ['收入\t\t支出\t\t\t\t', '项目\t预算数\t项目\t合计\t一般公共预算财政拨款\t政府性基金预算财政拨款\t国有资本经营预算财政拨款'];
  table(w, 'T4', title('T4'), style.unit, t4Header, t4, 1000);

  // 五、七、八: appropriations by fund (carry-over included), split 基本/项目; 六: T8.
  const byFund = (fund: Fund) => (s: FunctionalSums): ReadonlyArray<readonly [bigint, string]> => [
    [s.fund[fund].basic + s.fund[fund].project, '合计'],
    [s.fund[fund].basic, '基本支出'],
    [s.fund[fund].project, '项目支出'],
  ];
  const fundHeader = ['科目编码\t科目名称\t合计\t基本支出\t项目支出'];
  const t5 = (): void => table(w, 'T5', title('T5'), style.unit, fundHeader, codeRows(cell, general, FUNCTIONAL_NAMES, 'functional', byFund('general'), 0, style.totalFirst), pageRows);
  const t6 = (): void => table(w, 'T6', title('T6'), style.unit, fundHeader, codeRows(cell, govfund, FUNCTIONAL_NAMES, 'functional', byFund('govfund'), 0, style.totalFirst), pageRows);
  const t7 = (): void => table(w, 'T7', title('T7'), style.unit, fundHeader, codeRows(cell, new Map(), FUNCTIONAL_NAMES, 'functional', byFund('general'), 0, style.totalFirst), pageRows);
  // economicSums keeps 人员经费 in `basic` and 公用经费 in `project`
  const ecoCells = (s: FunctionalSums): ReadonlyArray<readonly [bigint, string]> => [
    [s.total, '合计'],
    [s.basic, '人员经费'],
    [s.project, '公用经费'],
  ];
  const t8 = (): void => table(w, 'T8', title('T8'), style.unit, ['科目编码\t科目名称\t合计\t人员经费\t公用经费'], codeRows(cell, economicSums(b), ECONOMIC_NAMES, 'economic', ecoCells, 0, style.totalFirst), pageRows);
  const t9 = (): void => renderMofSanGong(w, b, title('T9'), style);
  const renderers: Partial<Record<StandardKind, () => void>> = { T5: t5, T6: t6, T7: t7, T8: t8, T9: t9 };
  for (const k of MOF_ORDER.slice(4)) renderers[k]!();
}

/** 九、一般公共预算“三公”经费财政拨款支出表 (万元), with or without a 机关运行经费 column. */
function renderMofSanGong(w: Writer, b: GeneratedBudget, title: string, style: MofStyle): void {
  const sg = b.sanGong;
  const car = sg.carPurchase + sg.carRunning;
  const op = style.operatingColumn;
  const header = [`合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费${op ? '\t机关运行经费' : ''}`, `\t\t小计\t公务用车购置费\t公务用车运行费\t${op ? '\t' : ''}`];
  // MoF-layout documents print a nothing-budgeted 三公 column as 0.00 (a row of blanks alone would be no row)
  const cell = (v: bigint): string => wanCell(v) || '0.00';
  const fields: Array<readonly [string, string]> = [
    [cell(sg.abroad + sg.reception + car), '三公/合计'],
    [cell(sg.abroad), '因公出国（境）费'],
    [cell(car), '公务用车/小计'],
    [cell(sg.carPurchase), '公务用车/购置费'],
    [cell(sg.carRunning), '公务用车/运行费'],
    [cell(sg.reception), '公务接待费'],
    ...(op ? [[cell(sg.operating), '机关运行经费'] as const] : []),
  ];
  table(w, 'T9', title, '万元', header, [{ fields, info: {} }], 1000);
}
