import { Decimal, decimalOfNumeral } from './decimal.js';

/** Money units used by budget tables and narratives. */
export type Unit = '元' | '万元' | '亿元';

export const UNIT_FACTOR: Readonly<Record<Unit, Decimal>> = {
  元: new Decimal(1),
  万元: new Decimal(10_000),
  亿元: new Decimal(100_000_000),
};

/** A printed amount: its exact decimal value, the number of decimals printed, its unit and raw text. */
export interface Amount {
  readonly raw: string;
  readonly value: Decimal;
  /** Decimals as printed ("27.5" → 1, "1,234" → 0). */
  readonly scale: number;
  readonly unit: Unit;
}

export type AmountParse =
  | { kind: 'blank' }
  | { kind: 'amount'; value: Decimal; scale: number }
  | { kind: 'invalid'; reason: string };

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const BLANK_MARKS = new Set(['', '-', '—', '——', '–', '－', '/', '\u3000']);

/** Maps full-width ASCII (digits, punctuation) to half-width. */
export function toHalfWidth(s: string): string {
  if (!HAS_WIDE.test(s)) return s;
  return s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const HAS_WIDE = /[\u3000\uFF01-\uFF5E]/;
/** numeralPoint's answer for a text that is not a plain numeral. */
const NOT_PLAIN = -2;

/**
 * The common cases of an amount cell, read in one pass by character code: plain digits with an
 * optional fraction ("1234", "726.41"; /^\d+(?:\.\d+)?$/) and digits with thousands separators
 * ("405,458,656", "1,234.50"; /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/). The index of the point (-1 without
 * one), or NOT_PLAIN for any other text.
 */
export function numeralPoint(text: string): number {
  const length = text.length;
  let point = -1;
  let separators = 0;
  // digits since the start, the last separator or the point
  let run = 0;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      run++;
    } else if (c === 0x2c) {
      // a separator after one to three digits, then after each group of three, before any point
      if (point >= 0 || run === 0 || run > 3 || (separators > 0 && run !== 3)) return NOT_PLAIN;
      separators++;
      run = 0;
    } else if (c === 0x2e) {
      // one point, with a digit on each side, after a whole group
      if (point >= 0 || run === 0 || i === length - 1 || (separators > 0 && run !== 3)) return NOT_PLAIN;
      point = i;
      run = 0;
    } else {
      return NOT_PLAIN;
    }
  }
  if (length === 0 || (point < 0 && separators > 0 && run !== 3)) return NOT_PLAIN;
  return point;
}

/** Shared: a blank parse carries nothing. */
const BLANK: AmountParse = Object.freeze({ kind: 'blank' });

const AMOUNT_RE = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * Parses the text of an amount cell: thousands separators, full-width digits, leading minus or
 * parentheses for negatives; blank, "-" and "—" mean no amount (distinct from zero).
 */
export function parseAmountText(text: string): AmountParse {
  if (text === '') return BLANK;
  // the common cases, read by character code: the decimals are the digits after the point
  const point = numeralPoint(text);
  if (point !== NOT_PLAIN) return { kind: 'amount', value: decimalOfNumeral(text, point), scale: point < 0 ? 0 : text.length - point - 1 };
  let s = toHalfWidth(text).trim();
  if (BLANK_MARKS.has(s)) return BLANK;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1]!.trim();
  }
  s = s.replace(/\s+/g, '').replace(/[−–]/g, '-');
  const m = AMOUNT_RE.exec(s);
  if (!m) return { kind: 'invalid', reason: `not an amount: "${text.trim()}"` };
  if (m[1] === '-') negative = !negative;
  const digits = m[2]!.replace(/,/g, '') + (m[3] ? `.${m[3]}` : '');
  const value = new Decimal(digits);
  return { kind: 'amount', value: negative ? value.negated() : value, scale: m[3]?.length ?? 0 };
}

/** True when the text could only be meant as a number (used to tell amounts from labels). */
export function looksNumeric(text: string): boolean {
  // a match starts with a space, a parenthesis, a sign or a digit: a text that starts with a Chinese
  // character (a label or header word) is told apart without the regular expression
  const first = text.charCodeAt(0);
  if (first >= 0x4e00 && first <= 0x9fff) return false;
  return LOOKS_NUMERIC.test(text);
}

const LOOKS_NUMERIC = /^[\s(（]*[+\-−]?[\d０-９][\d０-９,，.．\s]*[)）]?$/;

export function makeAmount(raw: string, value: Decimal, scale: number, unit: Unit): Amount {
  return { raw, value, scale, unit };
}

/** Converts a value from one unit to another (exact). */
export function convert(value: Decimal, from: Unit, to: Unit): Decimal {
  if (from === to) return value;
  return value.times(UNIT_FACTOR[from]).dividedBy(UNIT_FACTOR[to]);
}

/** Prints a decimal with at least `scale` decimals, never in exponent notation. */
export function formatDecimal(value: Decimal, scale?: number): string {
  if (scale === undefined) return value.toFixed();
  return value.toFixed(Math.max(scale, value.decimalPlaces()));
}

/** Parses a unit word ("元", "万元", "亿元", with surrounding noise). */
export function parseUnit(text: string): Unit | undefined {
  const s = text.replace(/\s/g, '');
  if (s.includes('亿元')) return '亿元';
  if (s.includes('万元')) return '万元';
  if (s.includes('元')) return '元';
  return undefined;
}
