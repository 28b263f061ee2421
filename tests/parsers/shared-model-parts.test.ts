import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { generateDocument } from '../../src/generate/index.js';
import { amountColumns, classifyColumns, headerPaths, readHeader } from '../../src/parsers/header.js';
import { sharedCode, sharedText } from '../../src/parsers/interned.js';
import { isGenericTitle, titleKind, titleTableKind } from '../../src/parsers/table-titles.js';
import { parseText } from '../../src/parsers/text.js';
import { hasTotalCharacter, isCodeCell, isDigits } from '../../src/parsers/row-parse.js';
import { toHalfWidth } from '../../src/model/amount.js';

const HEADER_WORDS = ['项目', '科目编码', '功能分类科目', '名称', '类', '款', '项', '合计', '基本支出', '项目支出', '收入', '支出', '本年收入', '预算数', '经费', ' 合 计 ', '', '', ''];

function randomHeader(rng: Rng): { rows: string[][]; width: number; twoSided: boolean } {
  const width = rng.int(0, 9);
  const rows: string[][] = [];
  for (let r = rng.int(0, 3); r > 0; r--) {
    const row: string[] = [];
    // rows shorter and longer than the width, as layout lines are
    for (let i = rng.int(0, width + 2); i > 0; i--) row.push(rng.pick(HEADER_WORDS));
    rows.push(row);
  }
  return { rows, width, twoSided: rng.chance(0.3) };
}

describe('readHeader (header readings remembered by header)', () => {
  it('reads every random header as headerPaths, classifyColumns and amountColumns do', () => {
    const rng = new Rng(11);
    for (let n = 0; n < 3000; n++) {
      const { rows, width, twoSided } = randomHeader(rng);
      const classified = classifyColumns(headerPaths(rows, width), twoSided);
      const reading = readHeader(rows, width, twoSided);
      expect(reading.classified).toEqual(classified);
      expect(reading.columns).toEqual(amountColumns(classified));
    }
  });

  it('tells apart headers whose texts join alike', () => {
    expect(readHeader([['a', 'b']], 2, false)).not.toEqual(readHeader([['ab', '']], 2, false));
    expect(readHeader([['1:a']], 1, false).columns[0]!.key).toBe('1:a');
    expect(readHeader([['a']], 1, true)).not.toBe(readHeader([['a']], 1, false));
    // no header lines: only the width tells the readings apart
    expect(readHeader([], 3, false).columns).toHaveLength(2);
    expect(readHeader([], 2, false).columns).toHaveLength(1);
    expect(readHeader([['合计', '支出']], 1, false).columns).toHaveLength(1);
    expect(readHeader([['合计', '支出']], 2, false).columns).toHaveLength(2);
  });
});

describe('shared texts and codes', () => {
  // whether two equal strings are one copy cannot be observed: this checks the values only
  it('give back a text equal to the one asked for', () => {
    const a = sharedText('一般公共服务支出'.slice(0, 8));
    expect(a).toBe('一般公共服务支出');
    expect(sharedText('一般公共服务支出x'.slice(0, 8))).toBe(a);
  });

  it('share a code, its level and its parts when printed alike, and keep a different split apart', () => {
    const first = sharedCode(['901', '13', '01']);
    expect(first).toEqual({ code: '9011301', level: '项', parts: ['901', '13', '01'] });
    expect(sharedCode(['901', '13', '01'])).toBe(first);
    const other = sharedCode(['9011', '3', '01']);
    expect(other).toEqual({ code: '9011301', level: '项', parts: ['9011', '3', '01'] });
    expect(sharedCode(['901', '13', '01'])).toBe(first);
    expect(sharedCode(['9011301'])).toEqual({ code: '9011301', level: '项', parts: ['9011301'] });
    expect(sharedCode(['20113'])).toEqual({ code: '20113', level: '款', parts: ['20113'] });
    expect(sharedCode(['2011'])).toEqual({ code: '2011', level: undefined, parts: ['2011'] });
  });

  it('give random codes their parts as printed, whether found by their digits or by their text', () => {
    // small codes (up to three parts, seven digits) are found by the lengths of their parts and their
    // digits; splits that join alike, leading zeros and longer codes must still come back as printed
    const rng = new Rng(17);
    const digitRuns = ['0', '00', '01', '1', '10', '201', '2011', '13', '01301', '9', '20113', '2011301', '１', ' ', '99999999'];
    const wrong: string[] = [];
    for (let n = 0; n < 4000; n++) {
      const parts: string[] = [];
      for (let k = rng.int(1, 4); k > 0; k--) parts.push(rng.pick(digitRuns));
      const shared = sharedCode(parts);
      const code = parts.join('');
      const level = code.length === 3 ? '类' : code.length === 5 ? '款' : code.length === 7 ? '项' : undefined;
      if (JSON.stringify(shared) !== JSON.stringify({ code, level, parts })) wrong.push(parts.join('|'));
    }
    expect(wrong).toEqual([]);
  });

  it('leave the parsed model of a document as it was parsed alone', () => {
    // the second parse meets every code, name and header already shared by the first
    for (let seed = 1; seed <= 20; seed++) {
      const bytes = new TextEncoder().encode(generateDocument(seed).text);
      const again = parseText(bytes, 'x.txt');
      expect(again).toEqual(parseText(bytes, 'x.txt'));
    }
  });
});

describe('titleTableKind (answers remembered by line)', () => {
  it('answers random title-like lines as titleKind and isGenericTitle do, asked once or again', () => {
    const pieces = ['2023年', '部门', '收支', '收入', '支出', '预算', '总表', '表', '（续）', '“三公”', '经费', '一般公共预算', '基本支出', '经济分类', '表3', '1.', ' ', '\u3000', '。', '：', '政府性基金', '功能分类'];
    const rng = new Rng(5);
    for (let n = 0; n < 3000; n++) {
      let text = '';
      for (let k = rng.int(1, 8); k > 0; k--) text += rng.pick(pieces);
      if (rng.chance(0.05)) text = text.repeat(10);
      const plain = titleKind(text) ?? (isGenericTitle(text) ? 'unknown' : undefined);
      expect(titleTableKind(text)).toBe(plain);
      expect(titleTableKind(text)).toBe(plain);
    }
  });
});

describe('character scans of the table builder', () => {
  it('isDigits, hasTotalCharacter and isCodeCell answer random texts as the regular expressions and includes do', () => {
    const chars = ['0', '1', '9', '/', ':', '０', '５', ' ', '合', '总', '计', '支', 'a', '\u3000', '.', ','];
    const rng = new Rng(3);
    for (let n = 0; n < 5000; n++) {
      // a third of the texts code-like: digits (half- or full-width) and spaces only
      const from = rng.chance(0.33) ? ['0', '1', '9', '０', '５', ' ', '\u3000'] : chars;
      let text = '';
      for (let k = rng.int(0, 8); k > 0; k--) text += rng.pick(from);
      expect(isDigits(text)).toBe(/^\d+$/.test(text));
      expect(hasTotalCharacter(text)).toBe(text.includes('合') || text.includes('总'));
      expect(isCodeCell(text)).toBe(/^\d{3}(\d{2}){0,2}$/.test(toHalfWidth(text).replace(/\s+/g, '')));
    }
  });
});
