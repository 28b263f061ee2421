import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseBuffer } from '../../src/parsers/index.js';
import { lintText } from '../support/lint.js';

const SMALL = [
  '上海市某区2024年区级部门预算',
  '',
  '2024年部门支出预算总表',
  '单位：元',
  '项目\t\t\t支出预算\t\t',
  '功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出',
  '类\t款\t项\t\t\t\t',
  '201\t\t\t一般公共服务支出\t1,000\t1,000\t',
  '201\t01\t\t人大事务\t1,000\t1,000\t',
  '201\t01\t01\t行政运行\t1,000\t1,000\t',
  '合计\t\t\t\t1,000\t1,000\t',
  '',
].join('\n');

describe('text parser inputs', () => {
  it('decodes GBK (GB18030) files', async () => {
    const doc = await parseBuffer(iconv.encode(SMALL, 'gbk'), 'gbk.txt');
    expect(doc.source.encoding).toBe('gb18030');
    expect(doc.tables[0]!.kind).toBe('T3');
    expect(doc.tables[0]!.rows.find((r) => r.code === '2010101')!.name).toBe('行政运行');
  });

  it('decodes UTF-16 LE and BE with a byte-order mark', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SMALL, 'utf16le')]);
    const docLe = await parseBuffer(le, 'le.txt');
    expect(docLe.source.encoding).toBe('utf-16le');
    expect(docLe.tables[0]!.rows).toHaveLength(4);
    const be = Buffer.from(le);
    be.swap16();
    const docBe = await parseBuffer(be, 'be.txt');
    expect(docBe.source.encoding).toBe('utf-16be');
    expect(docBe.tables[0]!.title).toBe('2024年部门支出预算总表');
  });

  it('decodes UTF-8 with a BOM', async () => {
    const doc = await parseBuffer(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SMALL)]), 'bom.txt');
    expect(doc.source.encoding).toBe('utf-8-bom');
    expect(doc.metadata.year).toBe(2024);
  });

  it('reports a table without a unit line', async () => {
    const r = await lintText(SMALL.replace('单位：元\n', ''), ['parse/missing-unit']);
    expect(r.diagnostics.map((d) => [d.ruleId, d.location.line])).toEqual([['parse/missing-unit', 3]]);
  });

  it('reports a table cut off before its 合计 row', async () => {
    const cut = SMALL.split('\n').slice(0, 10).join('\n') + '\n\n其他相关情况说明\n';
    const r = await lintText(cut, ['parse/missing-total-row']);
    expect(r.diagnostics.map((d) => [d.ruleId, d.location.line])).toEqual([['parse/missing-total-row', 10]]);
  });

  it('reports a table that has a title and unit line but no rows', async () => {
    const bare = ['某区2024年部门预算', '', '2024年部门政府性基金预算支出功能分类预算表', '单位：元', '\t', '', '其他相关情况说明', ''].join('\n');
    const r = await lintText(bare, ['parse/empty-table-body']);
    expect(r.diagnostics.map((d) => [d.ruleId, d.location.line])).toEqual([['parse/empty-table-body', 3]]);
  });

  it('says when a table prints its header but no rows, and takes a 三公 table whose one row is blank for nothing budgeted', async () => {
    const headerOnly = ['某区2024年部门预算', '', '2024年部门政府性基金预算支出功能分类预算表', '单位：元', '功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出', '', '其他相关情况说明', ''].join('\n');
    const r = await lintText(headerOnly, ['parse/empty-table-body']);
    expect(r.diagnostics.map((d) => [d.ruleId, d.messageId, d.location.line])).toEqual([['parse/empty-table-body', 'noDataRows', 3]]);
    const sanGong = ['某区2024年部门预算', '', '部门“三公”经费和机关运行经费预算表', '单位：万元', '“三公”经费预算数\t\t\t\t\t\t机关运行经费 预算数', '合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行维护费\t\t\t', '\t\t\t小计\t购置费\t运行维护费\t', '\t\t\t\t\t\t', '', '其他相关情况说明', ''].join('\n');
    const t9 = await lintText(sanGong, ['parse/empty-table-body']);
    expect(t9.diagnostics).toEqual([]);
    expect(t9.outcomes.find((o) => o.ruleId === 'parse/empty-table-body')?.status).toBe('pass');
  });

  it('reports a cell that should be an amount and is not, with its location', async () => {
    const r = await lintText(SMALL.replace('201\t01\t01\t行政运行\t1,000', '201\t01\t01\t行政运行\t1,0O0'), ['parse/invalid-amount']);
    expect(r.diagnostics.map((d) => [d.ruleId, d.location.line, d.location.column, d.location.row, d.location.field])).toEqual([
      ['parse/invalid-amount', 10, 16, '2010101', '支出预算/合计'],
    ]);
  });

  it('refuses an empty file with a clear error', async () => {
    await expect(parseBuffer(new Uint8Array(), 'empty.txt')).rejects.toThrow(new InputError('empty.txt: empty file'));
  });

  it('refuses binary garbage with a clear error', async () => {
    const bytes = new Uint8Array(4096);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      bytes[i] = x >>> 24;
    }
    await expect(parseBuffer(bytes, 'garbage.txt')).rejects.toThrow(/garbage\.txt: .*(binary|not a readable)/);
  });

  it('keeps blank cells distinct from zero', async () => {
    const doc = await parseBuffer(Buffer.from(SMALL.replace('201\t01\t01\t行政运行\t1,000\t1,000\t', '201\t01\t01\t行政运行\t1,000\t1,000\t0')), 'z.txt');
    const row = doc.tables[0]!.rows.find((r) => r.code === '2010101')!;
    expect(row.cells['支出预算/项目支出']!.amount!.value.toString()).toBe('0');
    const parent = doc.tables[0]!.rows.find((r) => r.code === '20101')!;
    expect(parent.cells['支出预算/项目支出']!.amount).toBeNull();
  });

  it('skips a header row repeated inside a table and merges a part repeated with its title', async () => {
    const lines = SMALL.split('\n');
    const twice = [...lines.slice(0, 9), '', lines[2]!, lines[3]!, lines[4]!, lines[5]!, lines[6]!, ...lines.slice(9)].join('\n');
    const doc = await parseBuffer(Buffer.from(twice), 'split.txt');
    const t = doc.tables.filter((x) => x.kind === 'T3');
    expect(t).toHaveLength(1);
    expect(t[0]!.parts).toHaveLength(2);
    expect(t[0]!.rows.map((r) => r.code ?? r.label)).toEqual(['201', '20101', '2010101', '合计']);
  });
});
