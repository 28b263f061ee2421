import { Decimal } from '../model/decimal.js';
import { STANDARD_KINDS, type StandardKind } from '../model/document.js';
import type { Unit } from '../model/amount.js';
import type { ArithmeticOp, Assertion, CompareOp, Expr, FunctionName, RefNode, RowSelector, Span, TableSelector } from './ast.js';
import { ExpressionError } from './errors.js';
import { tokenize, type Token } from './tokenizer.js';
import { checkAssertion } from './typecheck.js';

const FUNCTIONS: readonly FunctionName[] = ['sum', 'zero', 'required'];
const UNITS: ReadonlySet<string> = new Set<Unit>(['元', '万元', '亿元']);
const LEVELS = new Set(['类', '款', '项']);
/** Valid classification code lengths: 类 3, 款 5, 项 7. */
const CODE_LENGTHS = new Set([3, 5, 7]);
/** Deepest nesting of parentheses, calls and signs. */
const MAX_DEPTH = 64;

/**
 * Recursive-descent parser for user assertions. Grammar (lowest precedence first):
 *
 *   assertion := sum COMPARE sum
 *   sum       := product (("+" | "-") product)*
 *   product   := unary (("*" | "/") unary)*
 *   unary     := "-" unary | primary
 *   primary   := NUMBER [元|万元|亿元] | "(" sum ")" | FUNCTION "(" args ")" | reference
 *   reference := table ["[" row "]"] ["." column]
 *   table     := T1…T9 | table("title words")
 *   row       := CODE | CODE "?"… | CODE "*" | 类 | 款 | 项 | NAME | "quoted label" | $
 */
class Parser {
  private pos = 0;
  private depth = 0;
  /** Column of the first `$`, when the expression iterates (needs the rule's forEach option). */
  eachColumn: number | undefined;

  constructor(private readonly tokens: readonly Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const t = this.peek();
    if (t.type !== 'end') this.pos++;
    return t;
  }

  private expect(type: Token['type'], what: string): Token {
    const t = this.peek();
    if (t.type !== type) throw new ExpressionError(`expected ${what} but found ${describe(t)}`, t.start);
    return this.next();
  }

  parseAssertion(): { op: CompareOp; left: Expr; right: Expr } {
    const left = this.parseSum();
    const t = this.peek();
    if (t.type !== 'compare') {
      if (t.type === 'end') throw new ExpressionError('expected a comparison (==, !=, <=, <, >=, >) but the expression ended', t.start);
      throw new ExpressionError(`expected a comparison (==, !=, <=, <, >=, >) but found ${describe(t)}`, t.start);
    }
    this.next();
    const right = this.parseSum();
    const end = this.peek();
    if (end.type === 'compare') throw new ExpressionError('only one comparison is allowed', end.start);
    if (end.type !== 'end') throw new ExpressionError(`unexpected ${describe(end)}`, end.start);
    return { op: t.text as CompareOp, left, right };
  }

  /** A reference and nothing after it. */
  parseLoneReference(): RefNode {
    const ref = this.parseReference();
    const end = this.peek();
    if (end.type !== 'end') throw new ExpressionError(`unexpected ${describe(end)}`, end.start);
    return ref;
  }

  private parseSum(): Expr {
    let left = this.parseProduct();
    while (this.peek().type === 'op' && (this.peek().text === '+' || this.peek().text === '-')) {
      const op = this.next().text as ArithmeticOp;
      const right = this.parseProduct();
      left = { type: 'binary', op, left, right, span: join(left.span, right.span) };
    }
    return left;
  }

  private parseProduct(): Expr {
    let left = this.parseUnary();
    while (this.peek().type === 'op' && (this.peek().text === '*' || this.peek().text === '/')) {
      const op = this.next().text as ArithmeticOp;
      const right = this.parseUnary();
      left = { type: 'binary', op, left, right, span: join(left.span, right.span) };
    }
    return left;
  }

  private parseUnary(): Expr {
    const t = this.peek();
    // a bound on recursion, so no input can exhaust the stack
    if (++this.depth > MAX_DEPTH) throw new ExpressionError(`the expression is nested more than ${MAX_DEPTH} levels deep`, t.start);
    try {
      return this.parseUnaryInner(t);
    } finally {
      this.depth--;
    }
  }

  private parseUnaryInner(t: Token): Expr {
    if (t.type === 'op' && t.text === '-') {
      this.next();
      const arg = this.parseUnary();
      return { type: 'neg', arg, span: { start: t.start, end: arg.span.end } };
    }
    if (t.type === 'op' && t.text === '+') throw new ExpressionError("unexpected '+'", t.start);
    return this.parsePrimary();
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    switch (t.type) {
      case 'number': {
        this.next();
        const unitToken = this.peek();
        if (unitToken.type === 'ident' && UNITS.has(unitToken.text)) {
          this.next();
          return { type: 'number', value: new Decimal(t.text), unit: unitToken.text as Unit, span: { start: t.start, end: unitToken.end } };
        }
        if (unitToken.type === 'ident' && unitToken.start === t.end) {
          throw new ExpressionError(`unknown unit '${unitToken.text}' (use 元, 万元 or 亿元)`, unitToken.start);
        }
        return { type: 'number', value: new Decimal(t.text), span: { start: t.start, end: t.end } };
      }
      case '(': {
        this.next();
        const inner = this.parseSum();
        const close = this.expect(')', "')'");
        return withSpan(inner, { start: t.start, end: close.end });
      }
      case 'ident': {
        if (this.peek(1).type === '(') {
          if (t.text === 'table') return this.parseReference();
          return this.parseCall();
        }
        return this.parseReference();
      }
      case 'end':
        throw new ExpressionError('the expression ended too early', t.start);
      default:
        throw new ExpressionError(`unexpected ${describe(t)}`, t.start);
    }
  }

  private parseCall(): Expr {
    const name = this.next();
    const fn = FUNCTIONS.find((f) => f === name.text);
    if (!fn) throw new ExpressionError(`unknown function '${name.text}' (known: ${FUNCTIONS.join(', ')})`, name.start);
    this.expect('(', "'('");
    const args: Expr[] = [];
    if (this.peek().type !== ')') {
      args.push(this.parseSum());
      while (this.peek().type === ',') {
        this.next();
        args.push(this.parseSum());
      }
    }
    const close = this.expect(')', fn === 'sum' ? "',' or ')'" : "')'");
    return { type: 'call', fn, args, span: { start: name.start, end: close.end } };
  }

  private parseTable(): { table: TableSelector; start: number; end: number } {
    const t = this.next();
    if (t.type !== 'ident') throw new ExpressionError(`expected a table (T1…T9 or table("title")) but found ${describe(t)}`, t.start);
    if (t.text === 'table') {
      this.expect('(', "'('");
      const title = this.expect('string', 'a quoted table title');
      const close = this.expect(')', "')'");
      return { table: { title: title.text }, start: t.start, end: close.end };
    }
    const kind = STANDARD_KINDS.find((k) => k === t.text.toUpperCase());
    if (!kind) {
      throw new ExpressionError(`unknown name '${t.text}': a reference starts with a table, T1…T9 or table("title words")`, t.start);
    }
    if (kind !== t.text) throw new ExpressionError(`write the table as ${kind}`, t.start);
    return { table: { kind: kind as StandardKind }, start: t.start, end: t.end };
  }

  private parseReference(): RefNode {
    const { table, start, end: tableEnd } = this.parseTable();
    let end = tableEnd;
    let row: RowSelector = { type: 'total' };
    if (this.peek().type === '[') {
      this.next();
      row = this.parseRow();
      end = this.expect(']', "']'").end;
    }
    let column: string | undefined;
    if (this.peek().type === '.') {
      this.next();
      const c = this.next();
      if (c.type !== 'ident' && c.type !== 'string') throw new ExpressionError(`expected a column name after '.' but found ${describe(c)}`, c.start);
      column = c.text;
      end = c.end;
    }
    return { type: 'ref', table, row, ...(column !== undefined ? { column } : {}), span: { start, end } };
  }

  private parseRow(): RowSelector {
    const t = this.next();
    if (t.type === '$') {
      this.eachColumn ??= t.start;
      return { type: 'each' };
    }
    if (t.type === 'string') return { type: 'label', label: t.text };
    if (t.type === 'ident') return LEVELS.has(t.text) ? { type: 'level', level: t.text as '类' | '款' | '项' } : { type: 'label', label: t.text };
    if (t.type !== 'number') throw new ExpressionError(`expected a row (a code, 类/款/项, a label or $) but found ${describe(t)}`, t.start);
    if (t.text.includes('.')) throw new ExpressionError(`'${t.text}' is not a classification code`, t.start);
    if (t.text.length > 7) throw new ExpressionError(`'${t.text}' is longer than a classification code (7 digits)`, t.start);
    if (this.peek().type === '?') {
      let length = t.text.length;
      while (this.peek().type === '?') {
        this.next();
        length++;
      }
      if (!CODE_LENGTHS.has(length)) throw new ExpressionError(`'${t.text}' with ${length - t.text.length} '?' makes ${length} digits; codes have 3, 5 or 7`, t.start);
      return { type: 'prefix', prefix: t.text, length };
    }
    if (this.peek().type === 'op' && this.peek().text === '*') {
      this.next();
      return { type: 'leaves', prefix: t.text };
    }
    if (!CODE_LENGTHS.has(t.text.length)) {
      throw new ExpressionError(`'${t.text}' is not a 3, 5 or 7 digit code (for a prefix write ${t.text}* or ${t.text}?…)`, t.start);
    }
    return { type: 'code', code: t.text };
  }
}

function describe(t: Token): string {
  if (t.type === 'end') return 'the end of the expression';
  if (t.type === 'string') return `"${t.text}"`;
  return `'${t.text}'`;
}

function join(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

function withSpan(e: Expr, span: Span): Expr {
  return { ...e, span } as Expr;
}

/** Parses an assertion and checks it (types, row patterns, constants); throws ExpressionError. */
export function parseAssertion(source: string): Assertion {
  const parser = new Parser(tokenize(source));
  const { op, left, right } = parser.parseAssertion();
  checkAssertion(left, right);
  return { op, left, right, source, ...(parser.eachColumn !== undefined ? { eachColumn: parser.eachColumn } : {}) };
}

/** Parses a row set for the forEach option: a table with a row selector, no column ("T5[项]"). */
export function parseRowSet(source: string): RefNode {
  const e = new Parser(tokenize(source)).parseLoneReference();
  if (e.column !== undefined) throw new ExpressionError('forEach takes rows only, without a column', e.span.start);
  if (e.row.type === 'each') throw new ExpressionError('forEach cannot use $', e.span.start);
  return e;
}
