import { describe, expect, it } from 'vitest';
import { parseTextDoc } from '../support/lint.js';

/**
 * A table of no standard kind printed over pages, each repeating its title and header: a repeat that
 * differs slightly from the first printing (spaces, a 续 mark, a unit mark, a merged cell printed once
 * or in each column, two header rows printed as one) is dropped like an exact repeat, kept with its
 * part (TablePart.repeatedHeader); a line with amounts, or one whose words differ, stays a row.
 */
const TITLE = '2024年部门专项资金明细表';
const FIRST = ['单位：元', '项目\t资金来源\t\t备注', '\t财政拨款\t其他资金\t', '专项甲\t100.00\t20.00\t说明', '专项乙\t200.00\t0.00\t说明'];

async function rowsOf(title2: string, header2: readonly string[], rows2: readonly string[] = ['专项丙\t300.00\t10.00\t说明', '项目合计\t600.00\t30.00\t']) {
  const text = ['上海市某区2024年区级部门预算', '', TITLE, ...FIRST, '', title2, ...header2, ...rows2, ''].join('\n');
  const doc = await parseTextDoc(text);
  return doc.tables.map((t) => ({ title: t.title, rows: t.rows.map((r) => r.label ?? r.name), repeated: t.parts.map((p) => p.repeatedHeader.length) }));
}

const ONE_TABLE = [{ title: TITLE, rows: ['专项甲', '专项乙', '专项丙', '项目合计'], repeated: [0, 2] }];

describe('a repeated header that differs slightly from the first', () => {
  it.each([
    ['the same text', TITLE, ['项目\t资金来源\t\t备注', '\t财政拨款\t其他资金\t']],
    ['spaces inside cells', TITLE, ['项  目\t资金来源\t\t备 注', '\t财政 拨款\t其他资金\t']],
    ['a 续 mark on the title', `${TITLE}（续）`, ['项目\t资金来源\t\t备注', '\t财政拨款\t其他资金\t']],
    ['a 续 mark in a cell', TITLE, ['项目（续）\t资金来源\t\t备注', '\t财政拨款\t其他资金\t']],
    ['a unit mark in a cell', TITLE, ['项目\t资金来源（元）\t\t备注', '\t财政拨款\t其他资金\t']],
    ['a merged cell printed in each column', TITLE, ['项目\t资金来源\t资金来源\t备注', '\t财政拨款\t其他资金\t']],
  ])('%s: dropped', async (_, title2, header2) => {
    expect(await rowsOf(title2, header2)).toEqual(ONE_TABLE);
  });

  it('two header rows printed as one: dropped', async () => {
    expect(await rowsOf(TITLE, ['项目\t资金来源 财政拨款\t资金来源 其他资金\t备注'])).toEqual([{ ...ONE_TABLE[0]!, repeated: [0, 1] }]);
  });

  it('a header line of other words (as another form\'s project) stays a row; the line that repeats goes', async () => {
    expect(await rowsOf(TITLE, ['项目\t资金来源\t\t说明', '\t财政拨款\t其他资金\t'])).toEqual([
      { title: TITLE, rows: ['专项甲', '专项乙', '项目', '专项丙', '项目合计'], repeated: [0, 1] },
    ]);
  });

  it('rows with amounts that read like the header stay rows (the exact header line inside the part goes, as before, kept with the part)', async () => {
    const rows2 = ['项 目\t30.00\t\t备注', '资金来源\t20.00\t5.00\t', '项目\t资金来源\t\t备注', '项目合计\t350.00\t25.00\t'];
    expect(await rowsOf(`${TITLE}（续）`, ['项目\t资金来源\t\t备注', '\t财政拨款\t其他资金\t'], rows2)).toEqual([
      { title: TITLE, rows: ['专项甲', '专项乙', '项 目', '资金来源', '项目合计'], repeated: [0, 3] },
    ]);
  });

  it('a title of other words is another table', async () => {
    const tables = await rowsOf('2024年部门专项资金明细表（二）', ['项目\t资金来源\t\t备注', '\t财政拨款\t其他资金\t']);
    expect(tables.map((t) => t.title)).toEqual([TITLE, '2024年部门专项资金明细表（二）']);
  });
});
