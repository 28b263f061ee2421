import { describe, expect, it } from 'vitest';
import { ExpressionError } from '../../src/expression/errors.js';
import { tokenize } from '../../src/expression/tokenizer.js';

function kinds(text: string): string[] {
  return tokenize(text).map((t) => `${t.type}:${t.text}@${t.start}`);
}

function errorOf(f: () => unknown): ExpressionError {
  try {
    f();
  } catch (e) {
    if (e instanceof ExpressionError) return e;
    throw e;
  }
  throw new Error('expected an ExpressionError');
}

describe('tokenizer', () => {
  it('reads Chinese names, codes, wildcards and columns counted in characters', () => {
    expect(kinds('T8[30217].公务接待费 <= T9.公务接待费')).toEqual([
      'ident:T8@1', '[:[@3', 'number:30217@4', ']:]@9', '.:.@10', 'ident:公务接待费@11',
      'compare:<=@17', 'ident:T9@20', '.:.@22', 'ident:公务接待费@23', 'end:@28',
    ]);
    expect(kinds('sum(T8[302??])')).toEqual(['ident:sum@1', '(:(@4', 'ident:T8@5', '[:[@7', 'number:302@8', '?:?@11', '?:?@12', ']:]@13', '):)@14', 'end:@15']);
  });

  it('keeps full-width punctuation of printed names inside names', () => {
    expect(tokenize('T9.因公出国（境）费')[2]).toMatchObject({ type: 'ident', text: '因公出国（境）费' });
    expect(tokenize('T1[一、财政拨款收入]')[2]).toMatchObject({ type: 'ident', text: '一、财政拨款收入' });
  });

  it('reads quoted names (spaces, half-width parentheses, slashes) and decimals with units', () => {
    const t = tokenize(`T9."因公出国(境)费" + 'a b' >= 3.60万元`);
    expect(t.map((x) => x.type)).toEqual(['ident', '.', 'string', 'op', 'string', 'compare', 'number', 'ident', 'end']);
    expect(t[2]!.text).toBe('因公出国(境)费');
    expect(t[6]!.text).toBe('3.60');
    expect(t[7]!.text).toBe('万元');
  });

  it('canonicalises ≤ ≥ ≠ and reads two-character operators first', () => {
    expect(tokenize('a ≤ b').map((t) => t.text)).toEqual(['a', '<=', 'b', '']);
    expect(tokenize('a≥b≠c').filter((t) => t.type === 'compare').map((t) => t.text)).toEqual(['>=', '!=']);
    expect(tokenize('a<b').filter((t) => t.type === 'compare').map((t) => t.text)).toEqual(['<']);
    expect(tokenize('a == b != c').filter((t) => t.type === 'compare').map((t) => `${t.text}@${t.start}`)).toEqual(['==@3', '!=@8']);
  });

  it('reads full-width digits and operators as ASCII, keeping full-width parentheses in names', () => {
    expect(kinds('T８［３０２１７］．合计　＜＝　T9．因公出国（境）费')).toEqual([
      'ident:T8@1', '[:[@3', 'number:30217@4', ']:]@9', '.:.@10', 'ident:合计@11',
      'compare:<=@14', 'ident:T9@17', '.:.@19', 'ident:因公出国（境）费@20', 'end:@28',
    ]);
  });

  it('reports mistakes with their column', () => {
    expect(errorOf(() => tokenize('T8.合计 = T5.合计'))).toMatchObject({ column: 7 });
    expect(errorOf(() => tokenize('T8.合计 = T5.合计')).message).toMatch(/'=' is not an operator; write '==' .* at column 7$/);
    expect(errorOf(() => tokenize('T9."公务接待费 <= 1')).message).toMatch(/unterminated quoted name .* at column 4$/);
    expect(errorOf(() => tokenize('T9.合计 <= 1 # note'))).toMatchObject({ column: 12 });
    expect(errorOf(() => tokenize("T9.'' == 0"))).toMatchObject({ column: 4 });
  });

  it('is linear: long inputs tokenize quickly', () => {
    const long = `T9."${'接'.repeat(200_000)}" == ${'a'.repeat(200_000)}`;
    const t0 = performance.now();
    expect(tokenize(long)).toHaveLength(6);
    const unterminated = `"${'x'.repeat(200_000)}`;
    expect(() => tokenize(unterminated)).toThrow(ExpressionError);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
