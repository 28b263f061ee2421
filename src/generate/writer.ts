/**
 * Building blocks of a generated text document: the lines with what each holds (Writer), a narrative
 * sentence that records where its figures are (Sentence), and how a 元 amount is printed in it.
 */
import type { CellAnchor, FigureAnchor, LineInfo } from './document.js';
import { hundredths, printedRadius, wan, wanWhole, withThousands, yi, type WanStyle } from './money.js';

export const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** Chinese ordinal up to 99: 一 … 十, 十一 …, 二十一 … */
export function ordinal(n: number): string {
  if (n <= 10) return NUMERALS[n - 1]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : NUMERALS[tens - 1]!}十${ones === 0 ? '' : NUMERALS[ones - 1]!}`;
}

/** Collects lines and their descriptions. */
export class Writer {
  readonly lines: string[] = [];
  readonly info: LineInfo[] = [];

  line(text: string, info: LineInfo = {}): void {
    this.lines.push(text);
    this.info.push(info);
  }

  blank(): void {
    this.line('');
  }

  /** A paragraph followed by a blank line. */
  para(text: string): void {
    this.line(text);
    this.blank();
  }

  /** A tab-separated row; fields given as [text, column?] where a column name marks an amount cell. */
  row(fields: ReadonlyArray<string | readonly [string, string]>, info: Omit<LineInfo, 'cells'>): void {
    const cells: CellAnchor[] = [];
    const texts = fields.map((f, i) => {
      if (typeof f === 'string') return f;
      if (f[0] !== '') cells.push({ field: i, column: f[1], text: f[0] });
      return f[0];
    });
    this.line(texts.join('\t'), { ...info, cells });
  }
}

/** A narrative amount as printed: its figure, unit word and rounding radius in 元. */
export interface Printed {
  readonly figure: string;
  readonly unit: '元' | '万元' | '亿元';
  readonly radius: bigint;
}

/**
 * How an amount is printed: in 万元 in the document's style, whole 万元, 亿元 from 1亿元 up (else
 * 万元), 亿元 whatever the amount ('yiAlways': a change after a 亿元 total), whole 元 as the tables
 * print them, or 'exact' for multiples of 100 元 (三公, procurement) in the document's style.
 */
export type Figuring = 'wan' | 'whole' | 'yi' | 'yiAlways' | 'yuan' | 'exact';

export function printed(v: bigint, how: Figuring, style: WanStyle): Printed {
  const make = (figure: string, unit: Printed['unit']): Printed => ({ figure, unit, radius: printedRadius(figure, unit) });
  if (how === 'whole') return make(wanWhole(v), '万元');
  if ((how === 'yi' && v >= 100_000_000n) || how === 'yiAlways') return make(yi(v), '亿元');
  if (how === 'exact') return make(hundredths(v / 100n, style), '万元');
  if (how === 'yuan') return make(v.toString(), '元');
  return make(wan(v, style), '万元');
}

/** Builds one narrative line while recording where its figures are. */
export class Sentence {
  private text = '';
  private readonly figures: FigureAnchor[] = [];
  private readonly codes = new Set<string>();

  constructor(private readonly style: WanStyle, private totals = false, private sanGong = false, private readonly thousands = false) {}

  /** A printed amount and its unit word; with thousands separators a figure of 1000 and more is grouped ("37,151.47"). */
  p(v: Printed, checkable: boolean): this {
    return this.amount(v.figure, checkable).t(v.unit);
  }

  private amount(figure: string, checkable: boolean): this {
    return this.fig(this.thousands ? withThousands(figure) : figure, checkable);
  }

  t(s: string): this {
    this.text += s;
    return this;
  }

  /** A 万元 figure of a 元 amount. */
  w(v: bigint, checkable: boolean): this {
    return this.amount(wan(v, this.style), checkable);
  }

  /** A 万元 figure of a 元 amount that is a multiple of 100 (三公, procurement): exact. */
  h(v: bigint, checkable: boolean): this {
    return this.amount(hundredths(v / 100n, this.style), checkable);
  }

  fig(s: string, checkable: boolean): this {
    this.figures.push({ offset: this.text.length, text: s, checkable });
    this.text += s;
    return this;
  }

  code(c: string): this {
    this.codes.add(c);
    return this;
  }

  flags(totals: boolean, sanGong = false): this {
    this.totals ||= totals;
    this.sanGong ||= sanGong;
    return this;
  }

  emit(w: Writer): void {
    w.line(this.text, { narrative: { codes: [...this.codes], totals: this.totals, sanGong: this.sanGong, figures: this.figures } });
    w.blank();
  }
}
