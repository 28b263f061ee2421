import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/model/decimal.js';
import { evaluateFormula, type CellValue } from '../../src/parsers/xlsx/formula.js';
import { displayNumber, parseNumberFormat } from '../../src/parsers/xlsx/number-format.js';

describe('number formats', () => {
  const show = (n: number, fmt?: string): string => displayNumber(n, parseNumberFormat(fmt));

  it('shows General numbers at Excel precision (15 significant digits), without binary noise', () => {
    expect(show(0.1 + 0.2)).toBe('0.3');
    expect(show(281135727.00000003)).toBe('281135727');
    expect(show(7054.6)).toBe('7054.6');
    expect(show(-12.5, 'General')).toBe('-12.5');
  });

  it('rounds half-up to the decimals the format displays and adds its separators', () => {
    expect(show(0.1 + 0.2, '#,##0.00')).toBe('0.30');
    expect(show(1234567.005, '#,##0.00')).toBe('1,234,567.01');
    expect(show(2.675, '0.00')).toBe('2.68');
    expect(show(30150443, '#,##0_ ;[Red]-#,##0 ')).toBe('30,150,443');
    expect(show(-1500, '#,##0;(#,##0)')).toBe('-1,500');
    expect(show(1.5, '0.0#')).toBe('1.5');
    expect(show(1.256, '0.0#')).toBe('1.26');
    expect(show(1234.5, '[$¥-804]#,##0.00')).toBe('1,234.50');
    expect(show(1234.5, '"￥"#,##0.00"元"')).toBe('1,234.50');
  });

  it('pads integer digits as the format says (款/项 codes stored as numbers)', () => {
    expect(show(1, '00')).toBe('01');
    expect(show(13, '00')).toBe('13');
    expect(show(0.5, '#.00')).toBe('.50');
  });

  it('applies percent and thousands scaling', () => {
    expect(show(0.125, '0.0%')).toBe('12.5%');
    expect(show(1234567, '#,##0,')).toBe('1,235');
  });

  it('treats text formats as General', () => {
    expect(parseNumberFormat('@')).toEqual(parseNumberFormat(undefined));
  });
});

describe('formula evaluation (sums and differences only)', () => {
  const cells: Record<string, CellValue> = { 'A1': new Decimal('1.1'), 'A2': new Decimal('2.2'), 'A3': null, 'A4': '文字', 'B1': new Decimal(10), 'S!A1': new Decimal(100) };
  const lookup = (sheet: string | undefined, row: number, col: number): CellValue => cells[`${sheet ? `${sheet}!` : ''}${String.fromCharCode(64 + col)}${row}`] ?? null;
  const ev = (f: string): string | undefined => evaluateFormula(f, lookup)?.toFixed();

  it('evaluates SUM over ranges and cells, + and -, sheet references and anchors exactly', () => {
    expect(ev('=SUM(A1:A4)')).toBe('3.3');
    expect(ev('SUM(A1:A2,B1)-A1')).toBe('12.2');
    expect(ev('$A$1+A2-(B1-1)')).toBe('-5.7');
    expect(ev("S!A1+'S'!A1+sum(A1)")).toBe('201.1');
    expect(ev('-A1+3')).toBe('1.9');
  });

  it('does not evaluate anything else', () => {
    expect(ev('A1*2')).toBeUndefined();
    expect(ev('ROUND(A1,0)')).toBeUndefined();
    expect(ev('A4+1')).toBeUndefined();
    expect(ev('A1+')).toBeUndefined();
  });
});

describe('cell text', () => {
  it('joins line breaks inside a cell: none between Chinese characters, a space elsewhere', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const { cellText } = await import('../../src/parsers/xlsx/cell-text.js');
    const ws = new ExcelJS.Workbook().addWorksheet('s');
    const text = (v: string): string => {
      ws.getCell('A1').value = v;
      return cellText(ws.getCell('A1'));
    };
    expect(text('功能分类\r\n 科目编码')).toBe('功能分类科目编码');
    expect(text('合计\n(元)')).toBe('合计 (元)');
    expect(text('\n项目\n')).toBe('项目');
  });
});
