import { describe, expect, it } from 'vitest';
import { departmentNames, sameDepartment } from '../../src/checks/structure/department-name.js';
import { repeatedSentences } from '../../src/checks/structure/repeated-text.js';
import { unitCounts } from '../../src/checks/structure/admin-cost-all-admin.js';
import { quoteSlips } from '../../src/checks/structure/unbalanced-quotes.js';
import { parseTextDoc } from '../support/lint.js';

describe('quoteSlips', () => {
  it('accepts balanced quotes', () => {
    expect(quoteSlips('“一般公共服务支出（类）商贸事务（款）” 3015.04万元，其中：“行政运行（项）” 726.41万元。')).toEqual([]);
  });
  it('points a closing quote without an opening one at its subject', () => {
    expect(quoteSlips('其中：行政单位医疗（项）” 43.38万元')).toEqual([{ offset: 3, length: 10, messageId: 'unopened', data: { subject: '行政单位医疗（项）', mark: '”' } }]);
  });
  it('reports an opening quote that is never closed, and one reopened before closing', () => {
    expect(quoteSlips('“行政运行（项） 726.41万元').map((s) => [s.messageId, s.offset, s.data['subject']])).toEqual([['unclosed', 0, '行政运行（项）']]);
    expect(quoteSlips('“事业运行（项）“其他（项）”').map((s) => [s.messageId, s.offset])).toEqual([['unclosed', 0]]);
  });
});

describe('sameDepartment', () => {
  it('accepts the full name, generic words and short forms', () => {
    expect(sameDepartment('上海市青浦区经济委员会', '上海市青浦区经济委员会')).toBe(true);
    expect(sameDepartment('本部门', '上海市青浦区经济委员会')).toBe(true);
    expect(sameDepartment('青浦区经委', '上海市青浦区经济委员会')).toBe(true);
  });
  it('refuses another department', () => {
    expect(sameDepartment('上海市青浦区商务委员会', '上海市青浦区经济委员会')).toBe(false);
  });
});

describe('unitCounts', () => {
  const doc = (text: string) => parseTextDoc(`上海市某区2023年区级部门预算\n\n预算主管部门：某局\n\n某局（部门）机构设置\n\n${text}\n`);
  it('reads 行政 / 参公 / 事业 counts from the 机构设置 section', async () => {
    expect(unitCounts(await doc('本部门中，行政单位1家，参公单位1家，事业单位4家，具体包括：'))).toMatchObject({ admin: 1, civilServiceManaged: 1, publicInstitutions: 4 });
    expect(unitCounts(await doc('本部门中，行政单位1家，事业单位2家（其中参公事业单位2家）。'))).toMatchObject({ admin: 1, civilServiceManaged: 2, publicInstitutions: 0 });
    expect(unitCounts(await doc('本部门中，行政单位2家，其他事业单位0家。'))).toMatchObject({ admin: 2, publicInstitutions: 0 });
    expect(unitCounts(await doc('本部门设10个内设机构。'))).toBeUndefined();
  });
});

describe('departmentNames', () => {
  it('reads the names of the template\'s fixed places', () => {
    expect(departmentNames('上海市青浦区经济委员会（部门）主要职能')).toEqual([{ name: '上海市青浦区经济委员会', offset: 0 }]);
    expect(departmentNames('- 二、部门机构设置')).toEqual([{ name: '部门', offset: 4 }]);
    expect(departmentNames('预算主管部门：上海市青浦区经济委员会')).toEqual([{ name: '上海市青浦区经济委员会', offset: 7 }]);
    expect(departmentNames('某局部门预算是包括某局本部以及下属1家预算单位的综合收支计划。')).toEqual([
      { name: '某局', offset: 0 },
      { name: '某局', offset: 9 },
    ]);
    expect(departmentNames('2023年某街道（部门）下属1家机关')).toEqual([{ name: '某街道', offset: 5 }]);
    expect(departmentNames('主要职能包括：')).toEqual([]);
  });
  it('stays linear on long or hostile text', () => {
    const t0 = Date.now();
    departmentNames(`*${'\t'.repeat(100_000)}`);
    departmentNames(`主管部门:${'\t'.repeat(50_000)}${'算'.repeat(50_000)}`);
    expect(Date.now() - t0).toBeLessThan(500);
  });
});

describe('repeatedSentences', () => {
  it('finds a sentence printed twice, whole or as the end of the one before', () => {
    expect(repeatedSentences('A万元，主要用于支持产业转型升级。主要用于支持产业转型升级。')).toEqual([{ offset: 17, sentence: '主要用于支持产业转型升级。' }]);
    expect(repeatedSentences('主要用于支持产业转型升级。其他内容。主要用于支持产业转型升级。')).toEqual([]);
    expect(repeatedSentences('很短。很短。')).toEqual([]);
  });
  it('stays linear on long text', () => {
    const t0 = Date.now();
    repeatedSentences(`${'啊'.repeat(200_000)}。`);
    repeatedSentences('主要用于支持产业转型。'.repeat(20_000));
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
