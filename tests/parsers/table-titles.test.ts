import { describe, expect, it } from 'vitest';
import { titleKind, unitDeclaration } from '../../src/parsers/table-titles.js';

describe('standard table titles and their usual variants', () => {
  const cases: Array<[string, string | undefined]> = [
    ['2023年部门财务收支预算总表', 'T1'],
    ['2025年预算单位财务收支预算总表', 'T1'],
    ['表1 2024年部门收支预算总表', 'T1'],
    ['2023年部门收入预算总表', 'T2'],
    ['附表2-2 2024年单位收入预算总表', 'T2'],
    ['3. 2023年部门支出预算总表', 'T3'],
    ['2023年部门支出预算总表（续）', 'T3'],
    ['4．2025年预算单位财政拨款收支预算总表', 'T4'],
    ['2023年部门一般公共预算支出功能分类预算表', 'T5'],
    ['2023年部门政府性基金预算支出功能分类预算表', 'T6'],
    ['2023年部门国有资本经营预算支出功能分类预算表', 'T7'],
    ['2023年部门一般公共预算基本支出部门预算经济分类预算表', 'T8'],
    ['2025年预算单位一般公共预算基本支出部门预算经济分类预算表', 'T8'],
    ['一般公共预算基本支出表', 'T8'],
    ['2024年一般公共预算基本支出预算表', 'T8'],
    ['一般公共预算支出表', 'T5'],
    // the Ministry of Finance wording used outside Shanghai, and 部门综合预算 titles with a qualifier
    ['一般公共预算财政拨款支出表', 'T5'],
    ['一般公共预算财政拨款基本支出表', 'T8'],
    ['政府性基金预算财政拨款支出表', 'T6'],
    ['国有资本经营预算财政拨款支出表', 'T7'],
    ['财政拨款“三公”经费支出表', 'T9'],
    ['部门收支总表', 'T1'],
    ['部门综合预算一般公共预算支出明细表（按功能科目）', 'T5'],
    ['部门综合预算一般公共预算基本支出明细表（按经济科目）', 'T8'],
    ['一般公共预算机关运行经费支出表', undefined],
    ['部门“三公”经费和机关运行经费预算表', 'T9'],
    ['9.2025年单位"三公"经费和机关运行经费预算表', 'T9'],
    ['2024年部门三公经费和机关运行经费预算表', 'T9'],
    // not titles
    ['本部门2023年收入预算28113.57万元，比上年预算增加8216.79万元。', undefined],
    ['财政项目支出绩效目标表', undefined],
    ['五、部门预算表', undefined],
  ];
  for (const [text, kind] of cases) {
    it(`${text} → ${kind ?? 'no standard table'}`, () => expect(titleKind(text)).toBe(kind));
  }

  it('reads the unit line variants', () => {
    expect(unitDeclaration('单位：元')).toBe('元');
    expect(unitDeclaration('金额单位: 万元')).toBe('万元');
    expect(unitDeclaration('编制部门：上海市普陀区人民政府万里街道办事处    单位：元')).toBe('元');
    expect(unitDeclaration('单位名称：某某')).toBeUndefined();
  });
});
