import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { InputError } from '../../src/errors.js';
import type { BudgetDocument, Row, Table } from '../../src/model/document.js';
import { columnByName, rowByCode, firstTableOf, totalRow } from '../../src/model/table-access.js';
import { parseBuffer } from '../../src/parsers/index.js';
import { centred, right, textWidth, writePdf, type PdfPageSpec, type PdfText } from '../../src/generate/pdf-writer.js';

const parse = (pages: readonly PdfPageSpec[], file = 'made.pdf'): Promise<BudgetDocument> => parseBuffer(writePdf(pages), file);

function amount(t: Table | undefined, row: Row | undefined, column: string, side?: 'income' | 'expense'): string | null | undefined {
  const col = t ? columnByName(t, column, side) : undefined;
  if (!row || !col) return undefined;
  const a = row.cells[col.key]?.amount;
  return a === null || a === undefined ? null : a.value.toFixed(a.scale);
}

/** Title, 编制部门 / 单位 line. */
function titled(title: string, unit = '元'): PdfText[] {
  return [centred(title, 421, 50, 16), { text: '编制部门：测试部门', x: 60, y: 75 }, right(`单位：${unit}`, 800, 75)];
}

/** The three header rows of a functional-code table (T3 layout), split 类/款/项 columns or one 编码 column. */
function t3Header(top: number, split: boolean): PdfText[] {
  const h = [centred('项目', 235, top), centred('支出预算', 665, top), centred('功能分类科目名称', 290, top + 27), centred('合计', 470, top + 27)];
  h.push(centred('基本支出', 600, top + 27), centred('项目支出', 730, top + 27));
  if (split) h.push(centred('功能分类科目编码', 110, top + 18), centred('类', 75, top + 36), centred('款', 110, top + 36), centred('项', 145, top + 36));
  else h.push(centred('功能分类科目编码', 110, top + 27));
  return h;
}

interface T3Row {
  code: string;
  name: string | [string, string];
  total?: string;
  basic?: string;
  project?: string;
}

function t3Row(r: T3Row, y: number, split: boolean): PdfText[] {
  const out: PdfText[] = [];
  if (split) {
    const parts = [r.code.slice(0, 3), r.code.slice(3, 5), r.code.slice(5, 7)];
    parts.forEach((p, i) => p && out.push({ text: p, x: 62 + i * 35, y }));
  } else out.push({ text: r.code, x: 62, y });
  if (typeof r.name === 'string') out.push({ text: r.name, x: 172, y });
  else out.push({ text: r.name[0], x: 172, y }, { text: r.name[1], x: 172, y: y + 12 });
  if (r.total !== undefined) out.push(right(r.total, 530, y));
  if (r.basic !== undefined) out.push(right(r.basic, 660, y));
  if (r.project !== undefined) out.push(right(r.project, 780, y));
  return out;
}

const ROWS: T3Row[] = [
  { code: '201', name: '一般公共服务支出', total: '3,000', basic: '1,000', project: '2,000' },
  { code: '20113', name: '商贸事务', total: '3,000', basic: '1,000', project: '2,000' },
  { code: '2011301', name: '行政运行', total: '1,000', basic: '1,000', project: '0' },
  { code: '2011399', name: ['其他商贸事务支出其他商贸事务支', '出'], total: '2,000', project: '2,000' },
  { code: '208', name: '社会保障和就业支出', total: '500', basic: '500' },
  { code: '20805', name: '行政事业单位养老支出', total: '500', basic: '500' },
  { code: '2080505', name: '机关事业单位基本养老保险缴费支出', total: '500', basic: '500' },
];

function t3Pages(opts: { split: boolean; breakAfter?: number; repeatHeader?: boolean; totalFirst?: boolean }): PdfPageSpec[] {
  const pages: PdfText[][] = [[...titled('2023年部门支出预算总表'), ...t3Header(100, opts.split)]];
  let y = 170;
  const total = (at: number): PdfText[] => [centred('合计', 290, at), right('3,500', 530, at), right('1,500', 660, at), right('2,000', 780, at)];
  if (opts.totalFirst) {
    pages[0]!.push(...total(y));
    y += 26;
  }
  ROWS.forEach((r, i) => {
    if (opts.breakAfter !== undefined && i === opts.breakAfter) {
      pages.push(opts.repeatHeader ? t3Header(40, opts.split) : []);
      y = opts.repeatHeader ? 110 : 40;
    }
    pages[pages.length - 1]!.push(...t3Row(r, y, opts.split));
    y += 26;
  });
  if (!opts.totalFirst) pages[pages.length - 1]!.push(...total(y));
  return pages.map((texts) => ({ texts }));
}

function checkT3(doc: BudgetDocument): Table {
  const t3 = firstTableOf(doc, 'T3');
  expect(t3).toBeDefined();
  expect(t3!.unit).toBe('元');
  expect(t3!.columns.map((c) => c.name)).toEqual(['合计', '基本支出', '项目支出']);
  expect(t3!.rows.map((r) => r.code ?? r.name)).toEqual([...ROWS.map((r) => r.code), '合计']);
  expect(rowByCode(t3!, '2011399')?.name).toBe('其他商贸事务支出其他商贸事务支出');
  expect(amount(t3, rowByCode(t3!, '2011399'), '项目支出')).toBe('2000');
  expect(amount(t3, totalRow(t3!), '合计')).toBe('3500');
  expect(doc.issues).toEqual([]);
  return t3!;
}

describe('PDF layouts generated in the test', () => {
  it('reads split 类/款/项 codes, a wrapped name and blank vs 0', async () => {
    const t3 = checkT3(await parse(t3Pages({ split: true })));
    expect(rowByCode(t3, '2011301')?.codeParts).toEqual(['201', '13', '01']);
    expect(amount(t3, rowByCode(t3, '2011301'), '项目支出')).toBe('0');
    expect(amount(t3, rowByCode(t3, '2011399'), '基本支出')).toBeNull();
    expect(rowByCode(t3, '2011301')?.location).toMatchObject({ file: 'made.pdf', page: 1 });
    const cell = rowByCode(t3, '2011301')!.cells[columnByName(t3, '合计')!.key]!;
    expect(cell.location).toMatchObject({ page: 1, line: rowByCode(t3, '2011301')!.location.line, column: 5 });
  });

  it('reads letter-spaced header words ("合  计") as one column', async () => {
    const pages = t3Pages({ split: true }).map((p) => ({
      texts: p.texts.flatMap((t) => (t.text === '合计' && t.y < 160 ? [{ ...t, text: '合', x: t.x - 10 }, { ...t, text: '计', x: t.x + 20 }] : [t])),
    }));
    checkT3(await parse(pages));
  });

  it('reads a title wrapped over two lines', async () => {
    const pages = t3Pages({ split: true }).map((p, n) => ({
      texts: p.texts.flatMap((t) =>
        n === 0 && t.text === '2023年部门支出预算总表' ? [centred('2023年部门支出', 421, 34, 16), centred('预算总表', 421, 52, 16)] : [t],
      ),
    }));
    const t3 = checkT3(await parse(pages));
    expect(t3.title).toBe('2023年部门支出预算总表');
  });

  it('reads the unit printed on the title line', async () => {
    const pages = t3Pages({ split: true }).map((p, n) => ({
      texts: p.texts.filter((t) => !t.text.startsWith('编制部门')).map((t) => (n === 0 && t.text === '单位：元' ? { ...t, y: 50 } : t)),
    }));
    const t3 = checkT3(await parse(pages));
    expect(t3.title).toBe('2023年部门支出预算总表');
  });

  it('reads an empty table printed as its header and a note', async () => {
    const texts = [...titled('2023年部门政府性基金预算支出功能分类预算表'), ...t3Header(100, true), { text: '注：本部门无政府性基金预算财政拨款安排的预算，故本表为空表。', x: 60, y: 170 }];
    const doc = await parse([{ texts }]);
    const t6 = firstTableOf(doc, 'T6')!;
    expect(t6.columns.map((c) => c.name)).toEqual(['合计', '基本支出', '项目支出']);
    expect(t6.rows).toEqual([]);
    expect(t6.notes.map((n) => n.text)).toEqual(['注：本部门无政府性基金预算财政拨款安排的预算，故本表为空表。']);
  });

  it('reads compact codes in one 编码 column', async () => {
    const t3 = checkT3(await parse(t3Pages({ split: false })));
    expect(rowByCode(t3, '2080505')?.codeParts).toEqual(['2080505']);
  });

  it('joins a table whose 合计 row comes first and whose second page has no header', async () => {
    const doc = await parse(t3Pages({ split: true, breakAfter: 3, totalFirst: true }));
    const t3 = firstTableOf(doc, 'T3')!;
    expect(t3.rows.map((r) => r.code ?? r.name)).toEqual(['合计', ...ROWS.map((r) => r.code)]);
    expect(rowByCode(t3, '2011399')?.location.page).toBe(2);
  });

  it('reads a table printed sideways, with and without /Rotate', async () => {
    for (const rotate of [undefined, 90] as const) {
      const pages = t3Pages({ split: true }).map((p) => ({ ...p, sideways: true, ...(rotate ? { rotate } : {}) }));
      checkT3(await parse(pages));
    }
  });

  it('joins a table split over pages with its header repeated', async () => {
    const t3 = checkT3(await parse(t3Pages({ split: true, breakAfter: 4, repeatHeader: true })));
    expect(rowByCode(t3, '208')?.location).toMatchObject({ page: 2 });
    expect(t3.rows.length).toBe(ROWS.length + 1);
  });

  it('joins a table split over pages without a repeated header', async () => {
    const t3 = checkT3(await parse(t3Pages({ split: true, breakAfter: 3 })));
    expect(rowByCode(t3, '2011399')?.location).toMatchObject({ page: 2, line: 1 });
  });

  it('reads a two-sided table with a label wrapped around its amounts, and amounts with 分', async () => {
    const texts = [...titled('2023年部门财务收支预算总表'), centred('本年收入', 230, 100), centred('本年支出', 610, 100)];
    texts.push(centred('项目', 150, 120), centred('预算数', 330, 120), centred('项目', 530, 120), centred('预算数', 720, 120));
    const income = ['一、财政拨款收入', '1. 一般公共预算', '2. 政府性基金', '二、事业收入'];
    const incomeAmounts = ['1,500.50', '1,500.50', '', ''];
    income.forEach((l, i) => {
      texts.push({ text: l, x: 62, y: 145 + i * 26 });
      if (incomeAmounts[i]) texts.push(right(incomeAmounts[i]!, 400, 145 + i * 26));
    });
    texts.push({ text: '一、一般公共服务支出', x: 422, y: 145 }, right('1,000.25', 800, 145));
    texts.push({ text: '二、文化旅游体育与传媒', x: 422, y: 165 }, { text: '支出', x: 422, y: 177 }, right('500.25', 800, 171));
    texts.push(centred('收入总计', 150, 260), right('1,500.50', 400, 260), centred('支出总计', 530, 260), right('1,500.50', 800, 260));
    const doc = await parse([{ texts }]);
    const t1 = firstTableOf(doc, 'T1')!;
    expect(t1.columns.map((c) => [c.name, c.side])).toEqual([
      ['预算数', 'income'],
      ['预算数', 'expense'],
    ]);
    const expense = t1.rows.filter((r) => r.side === 'expense');
    expect(expense.map((r) => r.label)).toEqual(['一、一般公共服务支出', '二、文化旅游体育与传媒支出', '支出总计']);
    expect(amount(t1, expense[1], '预算数', 'expense')).toBe('500.25');
    expect(amount(t1, totalRow(t1, 'income'), '预算数', 'income')).toBe('1500.50');
    const income2 = t1.rows.find((r) => r.side === 'income' && r.label === '2. 政府性基金');
    expect(amount(t1, income2, '预算数', 'income')).toBeNull();
    expect(doc.issues).toEqual([]);
  });

  it('does not take table-of-contents lines for tables, drops page numbers and joins paragraphs across pages', async () => {
    const page1: PdfText[] = [centred('目 录', 421, 50, 16), { text: '1. 2023年部门支出预算总表', x: 80, y: 90 }, { text: '2. 2023年部门收入预算总表', x: 80, y: 110 }];
    page1.push(centred('部门预算编制说明', 421, 200, 14));
    // Full lines end at x = 600; a paragraph's first line is indented by two characters.
    const fill = (start: string, x: number): string => {
      let t = start;
      while (x + textWidth(`${t}资`) <= 600) t += '资';
      return t;
    };
    const long = fill('2023年，测试部门收入预算3500.00万元，其中：财政拨款收入3500.00万元，事业', 84);
    page1.push({ text: long, x: 84, y: 230 }, { text: '收入0万元。', x: 60, y: 246 }, { text: fill('支出预算3500.00万元，主要用于', 84), x: 84, y: 262 });
    page1.push({ text: fill('具体情况如下表所示，以下各项均按照批复的预算数编列，不含上年结转', 60), x: 60, y: 278 });
    page1.push(centred('- 1 -', 421, 580));
    const page2: PdfText[] = [{ text: '安排。', x: 60, y: 40 }, centred('- 2 -', 421, 580)];
    const doc = await parse([{ texts: page1 }, { texts: page2 }]);
    expect(doc.tables).toEqual([]);
    const texts = doc.paragraphs.map((p) => p.text);
    expect(texts).toContain('1. 2023年部门支出预算总表');
    expect(texts.some((t) => /- [12] -/.test(t))).toBe(false);
    expect(texts).toContain(`${long}收入0万元。`);
    const joined = doc.paragraphs.find((p) => p.text.startsWith('支出预算3500.00万元'));
    expect(joined?.text).toMatch(/结转资*安排。$/);
    expect(joined?.segments.map((s) => s.location.page)).toEqual([1, 1, 2]);
    expect(doc.paragraphs.find((p) => p.text === '部门预算编制说明')?.kind).toBe('heading');
  });

  it('drops a running head and 第 N 页 footers', async () => {
    const pages = [1, 2, 3].map((n) => ({
      texts: [
        { text: '上海市普陀区2023年区级部门预算', x: 60, y: 30, size: 9 },
        { text: `第${n}页，共3页`, x: 400, y: 570, size: 9 },
        { text: `${n}、本页正文第${n}段，内容完整。`, x: 60, y: 100 },
      ],
    }));
    const doc = await parse(pages);
    expect(doc.paragraphs.map((p) => p.text)).toEqual(['1、本页正文第1段，内容完整。', '2、本页正文第2段，内容完整。', '3、本页正文第3段，内容完整。']);
  });

  it('reports a repeated block of text once', async () => {
    const lines = ['一、主要职能包括统筹推进本区商贸流通发展，制订相关规划并组织实施。', '二、负责本区商业网点布局和社区商业建设的协调推进工作。'];
    const texts = [...lines, ...lines].map((t, i) => ({ text: t, x: 60, y: 60 + i * 16 }));
    const doc = await parse([{ texts }]);
    expect(doc.issues).toEqual([expect.objectContaining({ ruleId: 'parse/duplicate-text', data: { page: 1, chars: 60 }, location: expect.objectContaining({ page: 1, line: 3 }) })]);
    expect(doc.paragraphs.map((p) => p.text)).toEqual(lines);
  });

  it('refuses a scan without a text layer', async () => {
    await expect(parse([{ texts: [], raw: '0 0 0 rg 50 50 700 480 re f' }], 'scan.pdf')).rejects.toThrow(new InputError('scan.pdf: no text layer; OCR is not supported'));
  });

  it('exits 2 with the scan message on the command line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'budgetlint-pdf-'));
    writeFileSync(join(dir, 'scan.pdf'), writePdf([{ texts: [], raw: '0 0 0 rg 50 50 700 480 re f' }]));
    let out = '';
    let err = '';
    const io = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: {}, cwd: dir };
    expect(await run(['node', 'budgetlint', 'check', 'scan.pdf'], io)).toBe(2);
    expect(`${out}${err}`).toContain('scan.pdf: no text layer; OCR is not supported');
  });

  it('refuses an encrypted PDF with a one-line error', async () => {
    const locked = writePdf([{ texts: [{ text: '测试', x: 60, y: 60 }] }], { encrypted: true });
    await expect(parseBuffer(locked, 'locked.pdf')).rejects.toThrow(new InputError('locked.pdf: the PDF is encrypted (password required); cannot read it'));
  });

  it('refuses damaged and non-PDF files with a one-line error', async () => {
    const good = writePdf([{ texts: [{ text: '测试', x: 60, y: 60 }] }]);
    await expect(parseBuffer(good.slice(0, 200), 'cut.pdf')).rejects.toThrow(/^cut\.pdf: /);
    await expect(parseBuffer(new TextEncoder().encode('hello, not a pdf'), 'fake.pdf')).rejects.toBeInstanceOf(InputError);
  });
});
