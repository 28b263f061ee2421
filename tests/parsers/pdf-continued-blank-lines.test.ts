import { describe, expect, it } from 'vitest';
import { textToPdf } from '../../src/generate/render-pdf.js';
import type { BudgetDocument } from '../../src/model/document.js';
import { parseBuffer } from '../../src/parsers/index.js';

/**
 * A two-sided MoF summary table continued on the next page, the page's rows opening with a line that
 * has labels but no amounts (上年结转结余 | 年终结转结余, both blank): that line is not a header (none of
 * its texts is one of the table's header texts, and it starts at the table's left edge like the body's
 * labels) but the table's own row. Without a repeated header the page was read as text and its cells
 * put in columns by their order ("年终结转结余" as the 收入 side's amount; seed 20395750); under a
 * repeated header the line was taken for one more header line and lost. Found by PDF parity on
 * generated MoF documents.
 */
const T1 = [
  '一、部门收支总表',
  '',
  '单位：元',
  '',
  '收入\t\t支出\t',
  '项目\t预算数\t项目\t预算数',
  '一、一般公共预算拨款收入\t7,500,000\t一、一般公共服务支出\t5,000,000',
  '二、政府性基金预算拨款收入\t\t二、社会保障和就业支出\t1,500,000',
  '三、国有资本经营预算拨款收入\t\t三、卫生健康支出\t400,000',
  '四、事业收入\t\t四、住房保障支出\t600,000',
  '五、事业单位经营收入\t\t\t',
  '六、其他收入\t\t\t',
  '本年收入合计\t7,500,000\t本年支出合计\t7,500,000',
  // the page break (maxRows: 7) falls here
  '上年结转结余\t\t年终结转结余\t',
  '收入总计\t7,500,000\t支出总计\t7,500,000',
  '',
].join('\n');

function rows(doc: BudgetDocument): string[] {
  const t1 = doc.tables.find((t) => t.kind === 'T1')!;
  return t1.rows.map((r) => `${r.side}|${r.label}|${Object.values(r.cells).map((c) => `${c.column}=${c.raw.trim()}`).join(',')}`);
}

describe('PDF: a two-sided table continued on the next page', () => {
  it.each([
    ['without its header', 'none'],
    // the line below the repeated header was read as one more header line and lost
    ['under its repeated header (seeds 245502, 793007, 10102940, narrow layout)', 'header'],
  ] as const)('reads a first line without amounts as the table\'s row: %s', async (_, repeat) => {
    const text = await parseBuffer(new TextEncoder().encode(T1), 't1.txt');
    const pdf = await parseBuffer(textToPdf(T1, { repeat, maxRows: 7 }), 't1.pdf');
    const t1 = pdf.tables.find((t) => t.kind === 'T1')!;
    expect(new Set(t1.rows.map((r) => r.location.page)).size).toBe(2);
    expect(pdf.issues).toEqual([]);
    expect(rows(pdf)).toEqual(rows(text));
    expect(rows(pdf)).toContain('income|上年结转结余|收入/预算数=');
  });
});
