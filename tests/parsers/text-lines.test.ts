import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { parseAmountText } from '../../src/model/amount.js';
import { isTotalLabel } from '../../src/parsers/row-parse.js';
import { isGenericTitle, titleKind, titleTableKind, unitDeclaration } from '../../src/parsers/table-titles.js';
import { MAX_FIELDS_PER_LINE, textToLines } from '../../src/parsers/text.js';
import { cellLocation, CellWalker, type LayoutLine } from '../../src/parsers/layout.js';

/** The plain reading of a text file: split at every line break, then at every tab. */
function referenceLines(text: string, file: string): unknown[] {
  return text.split(/\r\n|\r|\n/).map((raw, i) => {
    const line = i + 1;
    let offset = 0;
    const cells = raw.split('\t').map((field) => {
      const cell = { text: field, location: { file, line, column: offset + 1 } };
      offset += field.length + 1;
      return cell;
    });
    return { cells, location: { file, line, column: 1 }, tabular: raw.includes('\t') };
  });
}

/** A layout line's cells with the locations cellLocation gives, and those a CellWalker gives. */
function readLines(lines: readonly LayoutLine[]): unknown[] {
  const walker = new CellWalker();
  return lines.map((line) => {
    walker.start(line);
    const cells = line.texts.map((text, i) => ({ text, location: cellLocation(line, i) }));
    const walked = line.texts.map((text, i) => ({ text, location: walker.location(i) }));
    expect(walked).toEqual(cells);
    return { cells, location: line.location, tabular: line.tabular };
  });
}

describe('textToLines (fields cut from the text in one scan)', () => {
  const inputs = [
    '',
    '\n',
    'a',
    'a\n',
    '\t',
    '\t\t\n\t',
    '标题\n\n单位：元\n项目\t\t预算数\n201\t\t1,000\n',
    'a\r\nb\rc\nd\r\n\r\ne\r',
    '\r\n\t\r\t\n',
    'no tabs here\nnor here\nx\ty\tz\n\nlast\twith\t',
    '一、财政拨款收入\t405,458,656\t一、一般公共服务支出\t159,667,309',
  ];
  for (const text of inputs) {
    it(`reads ${JSON.stringify(text)} as the plain split does`, () => {
      expect(readLines(textToLines(text, 'f.txt'))).toEqual(referenceLines(text, 'f.txt'));
    });
  }

  it('refuses a line with too many fields, naming the line', () => {
    const wide = 'x\n' + '\t'.repeat(MAX_FIELDS_PER_LINE) + '\ny';
    expect(() => textToLines(wide, 'w.txt')).toThrow(`w.txt: line 2 has ${MAX_FIELDS_PER_LINE + 1} tab-separated fields`);
    expect(textToLines('\t'.repeat(MAX_FIELDS_PER_LINE - 1), 'w.txt')[0]!.texts).toHaveLength(MAX_FIELDS_PER_LINE);
  });
});

describe('CellWalker', () => {
  it('gives the columns of the plain split for cells asked in any order, skipping and going back', () => {
    const rng = new Rng(20261127);
    const pieces = ['', '1', '201', '行政运行', '1,234.50', '　', '  x '];
    const walker = new CellWalker();
    const wrong: string[] = [];
    for (let n = 0; n < 500; n++) {
      const lines: string[] = [];
      for (let l = rng.int(1, 4); l > 0; l--) lines.push(Array.from({ length: rng.int(1, 12) }, () => rng.pick(pieces)).join('\t'));
      const text = lines.join('\n');
      const read = textToLines(text, 'f.txt');
      const plain = referenceLines(text, 'f.txt') as { cells: { location: unknown }[] }[];
      read.forEach((line, l) => {
        walker.start(line);
        // mostly ascending with skips (a row's columns), now and then back to an earlier cell
        for (let k = rng.int(1, 20); k > 0; k--) {
          const i = rng.int(0, line.texts.length - 1);
          if (JSON.stringify(walker.location(i)) !== JSON.stringify(plain[l]!.cells[i]!.location)) wrong.push(`${JSON.stringify(text)} line ${l + 1} cell ${i}`);
        }
      });
    }
    expect(wrong).toEqual([]);
  });
});

describe('parser fast paths read as the general paths do', () => {
  it('thousands separators', () => {
    for (const text of ['1,234', '12,345.67', '405,458,656', '1,234.', '1,23', ',123', '1,2345']) {
      const general = parseAmountText(` ${text} `);
      const fast = parseAmountText(text);
      expect(fast.kind).toBe(general.kind);
      if (fast.kind === 'amount' && general.kind === 'amount') {
        expect(fast.value.toFixed()).toBe(general.value.toFixed());
        expect(fast.scale).toBe(general.scale);
      }
    }
    expect(parseAmountText('')).toEqual({ kind: 'blank' });
  });

  it('unit declarations with the ideographic space', () => {
    expect(unitDeclaration('单位\u3000：\u3000万元')).toBe('万元');
    expect(unitDeclaration('金额单位: 元')).toBe('元');
    expect(unitDeclaration('单元：元')).toBeUndefined();
  });

  it('titles without 表 are no table titles', () => {
    for (const text of ['部门预算编制说明', '收支总表', '2023年部门收支预算总表（续）', '表1 其他表', '附表', '表']) {
      const kind = titleKind(text) ?? (isGenericTitle(text) ? 'unknown' : undefined);
      expect(titleTableKind(text)).toBe(kind);
    }
    expect(titleKind('2024年部门财务收支预算总表')).toBe('T1');
    expect(titleTableKind('部门预算编制说明')).toBeUndefined();
  });

  it('total labels need 合 or 总', () => {
    expect(isTotalLabel('合 计')).toBe(true);
    expect(isTotalLabel('\u3000总计\u3000')).toBe(true);
    expect(isTotalLabel('收入总计')).toBe(true);
    expect(isTotalLabel('小计')).toBe(false);
    expect(isTotalLabel('201')).toBe(false);
  });
});
