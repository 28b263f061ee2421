import { Decimal } from '../../model/decimal.js';

/** A cell's value for formula evaluation: a number, blank (null) or text (a string). */
export type CellValue = Decimal | null | string;

/** Looks a cell up by sheet (undefined: the formula's own sheet), 1-based row and column. */
export type CellLookup = (sheet: string | undefined, row: number, col: number) => CellValue;

/**
 * Evaluates the simple formulas budget workbooks use for totals: sums and differences of cells,
 * ranges and numbers — `SUM(C5:C9)`, `C5+C6-C7`, `SUM(C5:C9,D3)+1`, with optional sheet prefixes
 * and `$` anchors, parentheses and unary minus. Anything else (multiplication, other functions,
 * text in arithmetic) returns undefined: nothing is ever passed to an interpreter.
 */
export function evaluateFormula(formula: string, lookup: CellLookup): Decimal | undefined {
  const p = new FormulaParser(formula.replace(/^=/, ''), lookup);
  try {
    const v = p.expr();
    p.skipSpace();
    return p.done() ? v : undefined;
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

class Unsupported extends Error {}

const REF = /^(?:(?:'((?:[^']|'')+)'|([^\s!'(),:+\-*/^&=<>"]+))!)?\$?([A-Z]{1,3})\$?(\d{1,7})/i;
const NUMBER = /^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/;

interface Ref {
  sheet: string | undefined;
  row: number;
  col: number;
}

class FormulaParser {
  private pos = 0;
  constructor(private readonly src: string, private readonly lookup: CellLookup) {}

  done(): boolean {
    return this.pos === this.src.length;
  }

  skipSpace(): void {
    while (this.src[this.pos] === ' ') this.pos++;
  }

  private peek(): string | undefined {
    this.skipSpace();
    return this.src[this.pos];
  }

  private expect(ch: string): void {
    if (this.peek() !== ch) throw new Unsupported();
    this.pos++;
  }

  expr(): Decimal {
    let v = this.term();
    for (let c = this.peek(); c === '+' || c === '-'; c = this.peek()) {
      this.pos++;
      const t = this.term();
      v = c === '+' ? v.plus(t) : v.minus(t);
    }
    return v;
  }

  private term(): Decimal {
    const c = this.peek();
    if (c === '-' || c === '+') {
      this.pos++;
      const t = this.term();
      return c === '-' ? t.negated() : t;
    }
    if (c === '(') {
      this.pos++;
      const v = this.expr();
      this.expect(')');
      return v;
    }
    const rest = this.src.slice(this.pos);
    if (/^SUM\s*\(/i.test(rest)) {
      this.pos += rest.indexOf('(') + 1;
      return this.sumArgs();
    }
    const num = NUMBER.exec(rest);
    if (num) {
      this.pos += num[0].length;
      return new Decimal(num[0]);
    }
    const ref = this.ref();
    if (!ref) throw new Unsupported();
    if (this.peek() === ':') throw new Unsupported();
    const v = this.lookup(ref.sheet, ref.row, ref.col);
    if (typeof v === 'string') throw new Unsupported();
    return v ?? new Decimal(0);
  }

  private ref(): Ref | undefined {
    this.skipSpace();
    const m = REF.exec(this.src.slice(this.pos));
    if (!m) return undefined;
    this.pos += m[0].length;
    const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    return { sheet, row: Number(m[4]), col: columnNumber(m[3]!.toUpperCase()) };
  }

  /** SUM arguments: ranges, cells, numbers or expressions; SUM ignores text and blanks. */
  private sumArgs(): Decimal {
    let total = new Decimal(0);
    for (;;) {
      const save = this.pos;
      const from = this.ref();
      if (from && this.peek() === ':') {
        this.pos++;
        const to = this.ref();
        if (!to) throw new Unsupported();
        total = total.plus(this.sumRange(from, to));
      } else {
        this.pos = save;
        if (from && (this.peek() === ',' || this.peek() === ')')) {
          // a lone cell again, read as a reference so that text in it is ignored as SUM does
          const r = this.ref()!;
          const v = this.lookup(r.sheet, r.row, r.col);
          if (v instanceof Decimal) total = total.plus(v);
        } else {
          total = total.plus(this.expr());
        }
      }
      const c = this.peek();
      this.pos++;
      if (c === ')') return total;
      if (c !== ',') throw new Unsupported();
    }
  }

  private sumRange(a: Ref, b: Ref): Decimal {
    let total = new Decimal(0);
    for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
      for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) {
        const v = this.lookup(a.sheet, r, c);
        if (v instanceof Decimal) total = total.plus(v);
      }
    }
    return total;
  }
}

/** "A" → 1, "AB" → 28. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1 → "A", 28 → "AB". */
export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
