import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/expression/ast.js';
import { ExpressionError } from '../../src/expression/errors.js';
import { parseAssertion, parseRowSet } from '../../src/expression/parser.js';

/** Compact prefix form of an expression for precedence assertions. */
function show(e: Expr): string {
  switch (e.type) {
    case 'number':
      return `${e.value.toFixed()}${e.unit ?? ''}`;
    case 'ref': {
      const r = e.row;
      const row =
        r.type === 'total' ? '' : r.type === 'code' ? `[${r.code}]` : r.type === 'prefix' ? `[${r.prefix}/${r.length}]` : r.type === 'leaves' ? `[${r.prefix}*]` : r.type === 'level' ? `[${r.level}]` : r.type === 'label' ? `["${r.label}"]` : '[$]';
      const table = 'kind' in e.table ? e.table.kind : `table(${e.table.title})`;
      return `${table}${row}${e.column !== undefined ? `.${e.column}` : ''}`;
    }
    case 'call':
      return `${e.fn}(${e.args.map(show).join(', ')})`;
    case 'neg':
      return `(- ${show(e.arg)})`;
    case 'binary':
      return `(${e.op} ${show(e.left)} ${show(e.right)})`;
  }
}

function parsed(src: string): string {
  const a = parseAssertion(src);
  return `(${a.op} ${show(a.left)} ${show(a.right)})`;
}

function errorAt(src: string): { column: number; reason: string } {
  try {
    parseAssertion(src);
  } catch (e) {
    if (e instanceof ExpressionError) return { column: e.column, reason: e.reason };
    throw e;
  }
  throw new Error(`"${src}" parsed without error`);
}

describe('parser: references', () => {
  it('reads tables, rows by code, label, level and pattern, and columns', () => {
    expect(parsed('T8[30217].合计 <= T9.公务接待费')).toBe('(<= T8[30217].合计 T9.公务接待费)');
    expect(parsed('T1[收入总计] == T1[支出总计]')).toBe('(== T1["收入总计"] T1["支出总计"])');
    expect(parsed('T3.项目支出 == sum(T3[类].项目支出)')).toBe('(== T3.项目支出 sum(T3[类].项目支出))');
    expect(parsed('sum(T8[302??].合计) == T8[302].合计')).toBe('(== sum(T8[302/5].合计) T8[302].合计)');
    expect(parsed('sum(T5[2080*]) >= 0')).toBe('(>= sum(T5[2080*]) 0)');
    expect(parsed('sum(T5[2080???], T5[2081???]) == 0')).toBe('(== sum(T5[2080/7], T5[2081/7]) 0)');
    expect(parsed(`T1["1. 一般公共预算"]."本年收入/预算数" == 0`)).toBe('(== T1["1. 一般公共预算"].本年收入/预算数 0)');
    expect(parsed(`table("三公").公务接待费 > 0`)).toBe('(> table(三公).公务接待费 0)');
  });

  it('reads amounts with units and comparison synonyms', () => {
    expect(parsed('T9.合计 ≤ 5万元')).toBe('(<= T9.合计 5万元)');
    expect(parsed('T9.合计 ≠ 1.5亿元')).toBe('(!= T9.合计 1.5亿元)');
    expect(parsed('T8.合计 > 100元')).toBe('(> T8.合计 100元)');
  });
});

describe('parser: precedence and associativity', () => {
  it('binds * and / tighter than + and -, left to right', () => {
    expect(parsed('T3.合计 == T3.基本支出 + T3.项目支出 * 2')).toBe('(== T3.合计 (+ T3.基本支出 (* T3.项目支出 2)))');
    expect(parsed('T3.合计 - T3.基本支出 - T3.项目支出 == 0')).toBe('(== (- (- T3.合计 T3.基本支出) T3.项目支出) 0)');
    expect(parsed('(T3.合计 - T3.基本支出) / 2 == T3.项目支出')).toBe('(== (/ (- T3.合计 T3.基本支出) 2) T3.项目支出)');
    expect(parsed('2 * 3 * T3.合计 < T3.项目支出 / 4 / 5')).toBe('(< (* (* 2 3) T3.合计) (/ (/ T3.项目支出 4) 5))');
    expect(parsed('-T3.合计 + T3.基本支出 <= 0')).toBe('(<= (+ (- T3.合计) T3.基本支出) 0)');
  });

  it('records spans of both sides', () => {
    const a = parseAssertion('T8[30217].合计  <=  T9.公务接待费');
    expect(a.left.span).toEqual({ start: 1, end: 13 });
    expect(a.right.span).toEqual({ start: 19, end: 27 });
  });

  it('notes where $ is used', () => {
    expect(parseAssertion('T3[$].合计 >= T5[$].合计').eachColumn).toBe(4);
    expect(parseAssertion('T3.合计 >= T5.合计').eachColumn).toBeUndefined();
  });
});

describe('parser: mistakes are reported with their column', () => {
  // the column is given as the text the mistake starts with (its last occurrence), or 'END'
  it.each([
    ['T8[30217].合计', 'END', /expected a comparison .* ended/],
    ['T8[30217].合计 <= ', 'END', /ended too early/],
    ['T8.合计 <= T9.合计 <= T5.合计', '<=', /only one comparison/],
    ['T8.合计 <= T9.合计)', ')', /unexpected '\)'/],
    ['(T8.合计 <= T9.合计', '<=', /expected '\)'/],
    ['T8[30217.合计 <= 0', '.合计', /expected '\]'/],
    ['T8[30217]. <= 0', '<=', /expected a column name/],
    ['avg(T8.合计) <= 0', 'avg', /unknown function 'avg'/],
    ['T10.合计 <= 0', 'T10', /unknown name 'T10'/],
    ['t8.合计 <= 0', 't8', /write the table as T8/],
    ['合计 <= 0', '合计', /unknown name '合计'/],
    ['T8[302??].合计 <= 0', 'T8', /row pattern .* sum/],
    ['T8[3021].合计 <= 0', '3021', /not a 3, 5 or 7 digit code/],
    ['sum(T8[30??]) <= 0', '30', /codes have 3, 5 or 7/],
    ['sum(T8.合计 + T9.合计) <= 0', 'T8', /sum\(…\) takes table references/],
    ['T8.合计 * T9.合计 <= 0', 'T9', /cannot multiply two amounts/],
    ['T8.合计 / T9.合计 <= 0', 'T9', /divide by a plain number/],
    ['T8.合计 / (2 - 2) <= 0', '(2', /division by zero/],
    ['T8.合计 + 5 <= 0', '5', /plain number .* unit/],
    ['T8.合计 <= 5', '5', /right side is a plain number/],
    ['5万元 <= 6万元', '5万元', /compares no table values/],
    ['T8.合计 <= 5美元', '美元', /unknown unit '美元'/],
    ['zero(T8.合计, T9.合计) <= 0', 'zero', /exactly one argument/],
    ['T8.合计 <= sum()', 'sum', /sum\(\) needs at least one reference/],
    ['T8.合计 <= table(三公).合计', '三公', /expected a quoted table title/],
  ])('%s → mistake at %s', (src, marker, reason) => {
    const column = marker === 'END' ? src.length + 1 : src.lastIndexOf(marker) + 1;
    const e = errorAt(src);
    expect(e.reason).toMatch(reason);
    expect(e.column).toBe(column);
  });
});

describe('forEach row sets', () => {
  it('accepts a table with a row selector', () => {
    expect(parseRowSet('T5[项]').row).toEqual({ type: 'level', level: '项' });
    expect(parseRowSet('T3[2080???]').row).toEqual({ type: 'prefix', prefix: '2080', length: 7 });
  });
  it('refuses columns, $ and trailing text', () => {
    expect(() => parseRowSet('T5[项].合计')).toThrow(/rows only/);
    expect(() => parseRowSet('T5[$]')).toThrow(/cannot use \$/);
    expect(() => parseRowSet('T5[项] T3')).toThrow(/unexpected 'T3' at column 7/);
  });
});
