import { beforeAll, describe, expect, it } from 'vitest';
import type { BudgetDocument, Row, Table } from '../../src/model/document.js';
import { columnByName, rowByCode, firstTableOf, totalRow } from '../../src/model/table-access.js';
import { corpusDocument } from '../support/corpus.js';

const DIR = 'fixtures/corpus';

function load(name: string): Promise<BudgetDocument> {
  return corpusDocument(`${DIR}/${name}.pdf`);
}

function table(doc: BudgetDocument, kind: Parameters<typeof firstTableOf>[1]): Table {
  const t = firstTableOf(doc, kind);
  if (!t) throw new Error(`no ${kind}`);
  return t;
}

function amount(t: Table, row: Row | undefined, column: string, side?: 'income' | 'expense'): string | null | undefined {
  const col = columnByName(t, column, side);
  if (!row || !col) return undefined;
  const a = row.cells[col.key]?.amount;
  return a === null || a === undefined ? null : a.value.toFixed(a.scale);
}

function label(t: Table, side: 'income' | 'expense', pattern: RegExp): Row | undefined {
  return t.rows.find((r) => r.side === side && pattern.test(r.label ?? r.name));
}

const KINDS = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9'] as const;

describe('PDF corpus: 2023 万里街道 部门预算 (wrapped labels, tables split over pages)', () => {
  let doc: BudgetDocument;
  beforeAll(async () => {
    doc = await load('putuo-2023-wanli-street-budget');
  });

  it('reads the cover metadata', () => {
    expect(doc.metadata).toMatchObject({ department: '上海市普陀区人民政府万里街道办事处', year: 2023, scope: '部门预算' });
    expect(doc.source.format).toBe('pdf');
  });

  it('recognises all nine tables once each, with units and row counts', () => {
    const counts = Object.fromEntries(KINDS.map((k) => [k, doc.tables.filter((t) => t.kind === k).length]));
    expect(counts).toEqual(Object.fromEntries(KINDS.map((k) => [k, 1])));
    expect(KINDS.map((k) => table(doc, k).unit)).toEqual(['元', '元', '元', '元', '元', '元', '元', '元', '万元']);
    expect(KINDS.map((k) => table(doc, k).rows.length)).toEqual([17, 67, 67, 13, 67, 1, 1, 31, 1]);
    expect(doc.issues.filter((i) => i.ruleId !== 'parse/duplicate-text')).toEqual([]);
  });

  it('joins T2/T3 pages without repeated headers and T5 pages with repeated headers', () => {
    const t2 = table(doc, 'T2');
    expect(t2.rows.filter((r) => r.code).length).toBe(66);
    expect(rowByCode(t2, '204')?.location).toMatchObject({ page: 12, line: 1 });
    expect(amount(t2, rowByCode(t2, '2120199'), '合计')).toBe('49927105');
    const t5 = table(doc, 'T5');
    expect(t5.rows.filter((r) => r.code).length).toBe(66);
    expect(rowByCode(t5, '20406')?.location.page).toBe(21);
    expect(amount(t5, totalRow(t5), '基本支出')).toBe('99406297');
  });

  it('merges a label wrapped over two lines into one row', () => {
    const t2 = table(doc, 'T2');
    expect(rowByCode(t2, '2080505')?.name).toBe('机关事业单位基本养老保险缴费支出');
    expect(amount(t2, rowByCode(t2, '2080505'), '财政拨款收入')).toBe('4412547');
    const t4 = table(doc, 'T4');
    const culture = label(t4, 'expense', /文化旅游体育与传媒支出$/);
    expect(culture?.label).toBe('四、文化旅游体育与传媒支出');
    expect(amount(t4, culture, '一般公共预算', 'expense')).toBe('200000');
  });

  it('reads the two-sided summary tables on both sides', () => {
    const t1 = table(doc, 'T1');
    expect(amount(t1, totalRow(t1, 'income'), '预算数', 'income')).toBe('164978640');
    expect(amount(t1, totalRow(t1, 'expense'), '预算数', 'expense')).toBe('164978640');
    expect(amount(t1, label(t1, 'expense', /城乡社区支出/), '预算数', 'expense')).toBe('121319878');
    expect(amount(t1, label(t1, 'income', /政府性基金/), '预算数', 'income')).toBeNull();
  });

  it('keeps printed 0 apart from blank cells', () => {
    const t3 = table(doc, 'T3');
    expect(amount(t3, rowByCode(t3, '201'), '基本支出')).toBe('0');
    const t8 = table(doc, 'T8');
    expect(amount(t8, rowByCode(t8, '301'), '公用经费')).toBeNull();
    expect(rowByCode(t8, '30231')?.codeParts).toEqual(['302', '31']);
  });

  it('reads the 三公 table and the empty-table notes', () => {
    const t9 = table(doc, 'T9');
    expect(['合计', '公务接待费', '运行费', '2023年机关运行经费预算数'].map((c) => amount(t9, t9.rows[0], c))).toEqual(['22.91', '1.35', '21.56', '786.09']);
    expect(table(doc, 'T6').notes[0]?.text).toMatch(/本表为空表/);
  });

  it('rebuilds narrative paragraphs across lines, with page and line', () => {
    const p = doc.paragraphs.find((q) => q.text.startsWith('2023年，上海市普陀区人民政府万里街道办事处收入预算16497.86万元'));
    expect(p?.location).toMatchObject({ page: 6, line: 2 });
    expect(p?.text).toContain('比2022年（上一年度，下同）预算增加1421.25万元');
    expect(doc.paragraphs.some((q) => q.kind === 'heading' && q.text === '部门预算编制说明')).toBe(true);
  });
});

describe('PDF corpus: 2025 商务委员会 部门预算 (duplicated text layer)', () => {
  let doc: BudgetDocument;
  beforeAll(async () => {
    doc = await load('putuo-2025-commerce-dept-budget');
  });

  it('reports the repeated 主要职能 block once and counts it once', () => {
    expect(doc.issues).toEqual([expect.objectContaining({ ruleId: 'parse/duplicate-text', data: { page: 4, chars: 601 } })]);
    const all = doc.paragraphs.map((p) => p.text).join('\n');
    expect(all.split('组织协调本区工商业、煤炭、电力、石油日常运行的监控').length).toBe(2);
    const item12 = doc.paragraphs.find((p) => p.text.startsWith('12、负责贯彻执行有关粮食流通'));
    expect(item12?.text).toMatch(/按照程序进行协调采购和配送。$/);
  });

  it('recognises all nine tables with 元 amounts with 分', () => {
    expect(KINDS.map((k) => table(doc, k).rows.length)).toEqual([16, 31, 31, 12, 31, 1, 1, 31, 1]);
    const t3 = table(doc, 'T3');
    expect(amount(t3, totalRow(t3), '项目支出')).toBe('351684000.00');
    expect(amount(t3, rowByCode(t3, '2011301'), '项目支出')).toBeNull();
    const t9 = table(doc, 'T9');
    expect(amount(t9, t9.rows[0], '因公出国(境)费')).toBeNull();
    expect(amount(t9, t9.rows[0], '机关运行经费')).toBe('171.01');
    expect(table(doc, 'T8').rows.find((r) => r.code === '30213')?.name).toBe('维修（护）费');
  });
});

describe('PDF corpus: 2025 区政府办公室 单位预算 (unit variant of T1, merged text runs)', () => {
  let doc: BudgetDocument;
  beforeAll(async () => {
    doc = await load('putuo-2025-govoffice-unit-budget');
  });

  it('reads 单位预算 metadata and nine tables', () => {
    expect(doc.metadata).toMatchObject({ department: '上海市普陀区人民政府办公室', year: 2025, scope: '单位预算' });
    expect(KINDS.map((k) => table(doc, k).rows.length)).toEqual([13, 21, 21, 9, 21, 1, 1, 30, 1]);
    expect(doc.issues).toEqual([]);
  });

  it('splits runs that hold two cells and reads the extra 支出 columns', () => {
    const t1 = table(doc, 'T1');
    const cols = t1.columns.filter((c) => c.side === 'expense').map((c) => c.name);
    expect(cols).toEqual(['合计', '人员经费', '公用经费', '项目支出']);
    const gps = label(t1, 'expense', /一般公共服务支出/);
    expect(['合计', '人员经费', '公用经费', '项目支出'].map((c) => amount(t1, gps, c, 'expense'))).toEqual([
      '82096797.42',
      '13819399.88',
      '1867397.54',
      '66410000.00',
    ]);
    expect(amount(t1, label(t1, 'income', /财政拨款收入/), '预算数', 'income')).toBe('91016775.35');
    expect(gps?.location).toMatchObject({ page: 8 });
  });

  it('merges a wrapped name whose code stands between its two lines', () => {
    const t2 = table(doc, 'T2');
    const r = rowByCode(t2, '2010399');
    expect(r?.name).toBe('其他政府办公厅（室）及相关机构事务支出');
    expect(amount(t2, r, '合计')).toBe('20120000.00');
    expect(amount(table(doc, 'T4'), totalRow(table(doc, 'T4'), 'expense'), '国有资本经营预算', 'expense')).toBeNull();
  });
});
