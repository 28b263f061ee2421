import { describe, expect, it } from 'vitest';
import { textToPdf } from '../../src/generate/render-pdf.js';
import { parseBuffer } from '../../src/parsers/index.js';

/**
 * A name column sized for its longest name: on a page whose rows all have short names (the end of a
 * MoF table continued over a page break, "30205 水费"), the names stand, left-aligned, nearer the
 * centre of the 科目编码 header than of 科目名称. Words never stand in a code column, so the boundary
 * still falls between the codes and the names.
 */
describe('PDF tables with one 科目编码 column', () => {
  it('keeps short names out of the code column on a page of their own', async () => {
    const rows = [
      '\t合计\t2,300\t1,800\t500',
      '301\t工资福利支出\t1,800\t1,800\t',
      '30101\t基本工资\t1,000\t1,000\t',
      '30108\t机关事业单位基本养老保险缴费\t800\t800\t',
      '302\t商品和服务支出\t500\t\t500',
      // the page break (maxRows: 5) leaves these three on the next page
      '30201\t办公费\t300\t\t300',
      '30205\t水费\t100\t\t100',
      '30206\t电费\t100\t\t100',
    ];
    const text = ['六、一般公共预算财政拨款基本支出表', '', '单位：元', '', '科目编码\t科目名称\t合计\t人员经费\t公用经费', ...rows, ''].join('\n');
    const doc = await parseBuffer(textToPdf(text, { maxRows: 5 }), 'mof.pdf');
    const t8 = doc.tables.find((t) => t.kind === 'T8')!;
    expect(new Set(t8.rows.map((r) => r.location.page)).size).toBe(2);
    expect(t8.rows.map((r) => `${r.code ?? '-'} ${r.name}`)).toEqual(['- 合计', '301 工资福利支出', '30101 基本工资', '30108 机关事业单位基本养老保险缴费', '302 商品和服务支出', '30201 办公费', '30205 水费', '30206 电费']);
  });
});
