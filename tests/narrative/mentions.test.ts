import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paragraphLocation } from '../../src/model/document.js';
import { findClassificationMentions } from '../../src/narrative/mentions.js';
import { parseBuffer } from '../../src/parsers/index.js';
import { parseTextDoc } from '../support/lint.js';

const SEED = 'fixtures/seed/input.txt';

describe('findClassificationMentions', () => {
  it('finds every quoted classification mention of the seed and resolves it by name and context', async () => {
    const doc = await parseBuffer(readFileSync(SEED), SEED);
    const ms = findClassificationMentions(doc);
    const rows = ms.map((m) => [m.name, m.level, m.code ?? null, m.codeSource ?? null]);
    expect(rows).toEqual([
      ['一般公共服务支出', '类', '201', 'name'],
      ['商贸事务', '款', '20113', 'name'],
      ['行政运行', '项', '2011301', 'name'],
      ['事业运行', '项', '2011350', 'name'],
      ['其他商贸事务支出', '项', '2011399', 'name'],
      ['社会保障和就业支出', '类', '208', 'name'],
      ['行政事业单位离退休', '款', '20805', 'name'],
      ['归口管理的行政单位离退休', '项', '2080501', 'name'],
      ['事业单位离退休', '项', '2080502', 'name'],
      ['机关事业单位基本养老保险缴费支出', '项', '2080505', 'name'],
      ['机关事业单位职业年金缴费支出', '项', '2080506', 'name'],
      ['卫生健康支出支出', '类', '210', 'similar-name'],
      ['行政单位医疗', '款', '21011', 'similar-name'],
      ['行政单位医疗', '项', '2101101', 'name'],
      ['事业单位医疗', '项', '2101102', 'name'],
      ['节能环保支出', '类', '211', 'name'],
      ['污染减排', '款', '21111', 'name'],
      ['减排专项支出', '项', '2111103', 'name'],
      ['资源勘探信息等支出', '类', '215', 'name'],
      ['资源勘探信息等支出', '类', '215', 'name'],
      ['制造业', '款', '21502', 'name'],
      ['其他制造业支出', '项', '2150299', 'name'],
      ['资源勘探信息等支出', '类', '215', 'name'],
      ['支持中小企业发展和管理支出', '款', '21508', 'name'],
      ['其他支持中小企业发展和管理支出', '项', '2150899', 'name'],
      ['商业服务业等支出', '类', '216', 'name'],
      ['其他商业服务业等支出', '款', '21699', 'similar-name'],
      ['其他商业服务业等支出', '项', '2169999', 'name'],
      ['住房保障支出', '类', '221', 'name'],
      ['住房改革支出', '款', '22102', 'name'],
      ['住房公积金', '项', '2210201', 'name'],
    ]);
    // offsets point at the name in the source line
    const text = readFileSync(SEED, 'utf8').split('\n');
    for (const m of ms) {
      const loc = paragraphLocation(m.paragraph, m.offset);
      expect(text[loc.line! - 1]!.slice(loc.column! - 1)).toMatch(new RegExp(`^${m.name}`));
    }
  });

  it('reads the code style and completes two-digit codes from the context', async () => {
    const doc = await parseTextDoc(
      [
        '2023年部门预算编制说明',
        '',
        '一般公共服务支出（201类）商贸事务（13款）100万元，其中：行政运行（01项）60万元，事业运行(50 项)40万元。',
        '其中行政运行（2011301）；一般行政管理事务（02项）。',
      ].join('\n'),
    );
    const ms = findClassificationMentions(doc);
    expect(ms.map((m) => [m.name, m.level, m.printedCode, m.code])).toEqual([
      ['一般公共服务支出', '类', '201', '201'],
      ['商贸事务', '款', '13', undefined],
      ['行政运行', '项', '01', undefined],
      ['事业运行', '项', '50', undefined],
      ['行政运行', '项', '2011301', '2011301'],
      ['一般行政管理事务', '项', '02', undefined],
    ]);
  });

  it('tolerates missing and unbalanced quotes and a quote between name and marker', async () => {
    const doc = await parseTextDoc(['说明', '', '3. 卫生健康支出（类）行政事业单位医疗（款）” 70.88万元，其中：行政单位医疗”（项）” 43.38万元。'].join('\n'));
    const ms = findClassificationMentions(doc);
    expect(ms.map((m) => [m.name, m.level])).toEqual([
      ['卫生健康支出', '类'],
      ['行政事业单位医疗', '款'],
      ['行政单位医疗', '项'],
    ]);
  });

  it('keeps parenthesised insertions inside a name and ignores other parentheses', async () => {
    const doc = await parseTextDoc(['说明', '', '因公出国（境）费支出（款）5万元（含税）。'].join('\n'));
    expect(findClassificationMentions(doc).map((m) => m.name)).toEqual(['因公出国（境）费支出']);
  });

  it('reads the path style "“类-款-项”科目" as three mentions, with insertions such as "（室）" inside names', async () => {
    const doc = await parseTextDoc(['说明', '', '1. “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1,202.95万元；“住房保障支出-住房改革支出”科目5万元。'].join('\n'));
    expect(findClassificationMentions(doc).map((m) => [m.name, m.level])).toEqual([
      ['一般公共服务支出', '类'],
      ['政府办公厅（室）及相关机构事务', '款'],
      ['行政运行', '项'],
      ['住房保障支出', '类'],
      ['住房改革支出', '款'],
    ]);
  });
});

