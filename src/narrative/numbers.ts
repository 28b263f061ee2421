import type { Unit } from '../model/amount.js';
import { decimalOfNumeral, type Decimal } from '../model/decimal.js';
import type { Interval } from '../engine/interval.js';

/** A number printed with a money unit or a percent sign in narrative text. */
export interface NumberToken {
  /** Offset of the first character (sign or digit) in the paragraph text. */
  readonly offset: number;
  /** Length through the unit ("28113.57万元" → 10). */
  readonly length: number;
  /** Length of the number alone (sign, digits, separators, decimals). */
  readonly numberLength: number;
  /** The number as printed (full-width characters kept). */
  readonly raw: string;
  readonly value: Decimal;
  /** Decimals as printed. */
  readonly scale: number;
  readonly unit: Unit | '%';
  /** Printed with a minus sign: value.isNegative(), told without reading the value. */
  readonly negative: boolean;
  /** Every digit printed is 0: value.isZero(), told without reading the value. */
  readonly zero: boolean;
  /**
   * Cache slot of narrative/intervals: the amount's interval in 元, set when first asked for (several
   * rules ask for the same amounts' intervals). Undefined until then; present from the start so every
   * token has the same shape.
   */
  interval: Interval | undefined;
}

/**
 * A token whose Decimal is read from its digits when first asked for: most amounts are decided on
 * their printed digits (narrative/printed-rounding.ts, printed-intervals.ts) and never need it.
 */
class PrintedNumber implements NumberToken {
  interval: Interval | undefined = undefined;
  private decimal: Decimal | undefined = undefined;
  constructor(
    readonly offset: number,
    readonly length: number,
    readonly numberLength: number,
    readonly raw: string,
    readonly scale: number,
    readonly unit: Unit | '%',
    /** The number as a plain decimal string, without its sign. */
    private readonly digits: string,
    readonly negative: boolean,
  ) {}
  get zero(): boolean {
    const { digits } = this;
    for (let i = 0; i < digits.length; i++) if (digits.charCodeAt(i) !== ZERO_DIGIT && digits.charCodeAt(i) !== POINT) return false;
    return true;
  }
  get value(): Decimal {
    if (this.decimal === undefined) {
      const value = decimalOf(this.digits);
      this.decimal = this.negative ? value.negated() : value;
    }
    return this.decimal;
  }
}

type UnitWord = readonly [string, Unit | '%'];
const YI_YUAN: UnitWord = ['亿元', '亿元'];
const WAN_YUAN: UnitWord = ['万元', '万元'];
const YUAN_WORD: UnitWord = ['元', '元'];
const PERCENT_SIGN: UnitWord = ['%', '%'];
const FULL_PERCENT_SIGN: UnitWord = ['％', '%'];
const UNITS: readonly UnitWord[] = [YI_YUAN, WAN_YUAN, YUAN_WORD, PERCENT_SIGN, FULL_PERCENT_SIGN];

/**
 * "340.00万" and "1.39亿" without 元, as project descriptions write them: only when no other unit word
 * follows (万人, 万平方米, 亿吨 are not money).
 */
function bareUnit(text: string, k: number): readonly [string, Unit] | undefined {
  const c = text.charCodeAt(k);
  if (c !== WAN && c !== YI) return undefined;
  if (isWordCode(text.charCodeAt(k + 1))) return undefined;
  return c === WAN ? BARE_WAN : BARE_YI;
}

const BARE_WAN: readonly [string, Unit] = ['万', '万元'];
const BARE_YI: readonly [string, Unit] = ['亿', '亿元'];

/** A CJK character, digit or ASCII letter (/[\u4e00-\u9fff\dA-Za-z]/ by code; false past the end). */
function isWordCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || isAsciiDigit(c) || isLetterCode(c);
}

/**
 * The Decimal of a plain number string (ASCII digits, at most one point with a digit on each side),
 * read by character code as the table cells are (decimalOfNumeral: the value `new Decimal(s)` gives,
 * without its string parsing). Not memoised: most figures of a document are new (about 26 of its
 * 49), and a miss in a large string-keyed cache (hashing, copying the key, keeping the entry alive
 * through collections) costs more than the parse it saves on a hit.
 */
function decimalOf(s: string): Decimal {
  return decimalOfNumeral(s, s.indexOf('.'));
}

/** Whether the code unit at `i` is a digit, ASCII or full-width (false past the end). */
function isDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** A digit, ASCII or full-width; global so that a search starts at lastIndex. */
const DIGIT = /[0-9\uff10-\uff19]/g;

/**
 * The offset of the first digit (ASCII or full-width) at or after `from`; the text's length when none.
 * A native search (test() makes no match object): most of a narrative's characters are no digit, and
 * a loop over them in JavaScript runs interpreted for a thread's first few hundred documents.
 */
function nextDigit(text: string, from: number): number {
  DIGIT.lastIndex = from;
  return DIGIT.test(text) ? DIGIT.lastIndex - 1 : text.length;
}

/**
 * Whether the number at text[from, numberEnd) is printed in ASCII digits without separators, with an
 * ASCII point before its decimals if any: then it reads as it is printed.
 */
function isPlainNumber(text: string, from: number, intEnd: number, numberEnd: number): boolean {
  for (let k = from; k < intEnd; k++) if (!isAsciiDigit(text.charCodeAt(k))) return false;
  if (intEnd === numberEnd) return true;
  if (text.charCodeAt(intEnd) !== POINT) return false;
  for (let k = intEnd + 1; k < numberEnd; k++) if (!isAsciiDigit(text.charCodeAt(k))) return false;
  return true;
}

/** The number as a plain decimal string: full-width digits and point as ASCII, separators dropped. */
function numberString(text: string, from: number, intEnd: number, fracStart: number, numberEnd: number): string {
  const digits = asciiDigits(text, from, intEnd);
  return fracStart < numberEnd ? `${digits}.${asciiDigits(text, fracStart, numberEnd)}` : digits;
}

/** The digits between two offsets as ASCII: full-width digits converted, separators dropped. */
function asciiDigits(text: string, from: number, to: number): string {
  let plain = true;
  for (let k = from; k < to && plain; k++) plain = isAsciiDigit(text.charCodeAt(k));
  if (plain) return text.slice(from, to);
  let out = '';
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (isAsciiDigit(c)) out += text[k];
    else if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xfee0);
  }
  return out;
}

const COMMA = ','.charCodeAt(0);
const ZERO_DIGIT = '0'.charCodeAt(0);
const POINT = '.'.charCodeAt(0);
const FULL_POINT = '．'.charCodeAt(0);
const MINUS = '-'.charCodeAt(0);
const FULL_MINUS = '－'.charCodeAt(0);
const MINUS_SIGN = '−'.charCodeAt(0);
const SPACE = ' '.charCodeAt(0);
const IDEOGRAPHIC_SPACE = '\u3000'.charCodeAt(0);

function isMinusCode(c: number): boolean {
  return c === MINUS || c === FULL_MINUS || c === MINUS_SIGN;
}
/** First characters of the unit words: a number followed by anything else has no unit (the common case). */
const UNIT_STARTS = new Set([...UNITS.map(([w]) => w.charCodeAt(0)), '万'.charCodeAt(0), '亿'.charCodeAt(0)]);
/** Any character of UNIT_STARTS (亿万元%％), made from it so that the two cannot differ. */
const UNIT_CHAR = new RegExp(`[${String.fromCharCode(...UNIT_STARTS)}]`);

function isPointCode(c: number): boolean {
  return c === POINT || c === FULL_POINT;
}

function isLetterCode(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

const YI = '亿'.charCodeAt(0);
const WAN = '万'.charCodeAt(0);
const YUAN = '元'.charCodeAt(0);
const PERCENT = '%'.charCodeAt(0);
const FULL_PERCENT = '％'.charCodeAt(0);

/**
 * The unit word at `k`, if any: the first of UNITS printed there (their first characters differ, so
 * the first character picks the one to try), else a bare 万 / 亿.
 */
function unitAt(text: string, k: number): UnitWord | undefined {
  const c = text.charCodeAt(k);
  if (!UNIT_STARTS.has(c)) return undefined;
  if (c === YI || c === WAN) return text.charCodeAt(k + 1) === YUAN ? (c === YI ? YI_YUAN : WAN_YUAN) : bareUnit(text, k);
  return c === YUAN ? YUAN_WORD : c === PERCENT ? PERCENT_SIGN : c === FULL_PERCENT ? FULL_PERCENT_SIGN : undefined;
}

/**
 * Finds every number followed by 元, 万元, 亿元 or a percent sign. A hand-written single pass (each
 * character is looked at a bounded number of times), so adversarial text cannot make it slow.
 * Thousands separators are ASCII commas followed by exactly three digits; a full-width "，" is a
 * clause break, never a separator. Up to two spaces may stand between number and unit (a line break
 * inside "28113.57 万元"). A number glued to a preceding digit, point or letter is not split off.
 * At most `max` numbers are returned (the first ones): a caller that caps its work stops reading there.
 */
export function findNumbers(text: string, max = Infinity): NumberToken[] {
  const out: NumberToken[] = [];
  // every token ends in a unit word: a text without any of their first characters (most headings and
  // many paragraphs with years or list numbers) holds none, and its digits are not read
  if (!UNIT_CHAR.test(text)) return out;
  let i = 0;
  const n = text.length;
  while (out.length < max) {
    i = nextDigit(text, i);
    if (i >= n) break;
    // NaN at the start (charCodeAt(-1) is NaN too, but a read out of bounds deoptimises)
    const prev = i > 0 ? text.charCodeAt(i - 1) : NaN;
    const glued = i > 0 && (isDigit(text, i - 1) || isPointCode(prev) || isLetterCode(prev));
    let start = i;
    let negative = false;
    if (i > 0 && isMinusCode(prev) && !(i > 1 && isDigit(text, i - 2))) {
      start = i - 1;
      negative = true;
    }
    let j = i;
    for (;;) {
      if (isDigit(text, j)) {
        j++;
        continue;
      }
      if (text.charCodeAt(j) === COMMA && isDigit(text, j + 1) && isDigit(text, j + 2) && isDigit(text, j + 3) && !isDigit(text, j + 4)) {
        j++;
        continue;
      }
      break;
    }
    const intEnd = j;
    let fracStart = j;
    if (isPointCode(text.charCodeAt(j)) && isDigit(text, j + 1)) {
      j++;
      fracStart = j;
      while (isDigit(text, j)) j++;
    }
    const numberEnd = j;
    let k = j;
    while (k < n && k - j < 2) {
      const c = text.charCodeAt(k);
      if (c !== SPACE && c !== IDEOGRAPHIC_SPACE) break;
      k++;
    }
    const unit = glued ? undefined : unitAt(text, k);
    if (unit) {
      // ASCII digits and point as printed (the common case): the number is one slice of the text
      const plain = isPlainNumber(text, i, intEnd, numberEnd);
      const digits = plain ? text.slice(i, numberEnd) : numberString(text, i, intEnd, fracStart, numberEnd);
      const end = k + unit[0].length;
      // each decimal is one digit, ASCII or full-width
      out.push(new PrintedNumber(start, end - start, numberEnd - start, plain && !negative ? digits : text.slice(start, numberEnd), numberEnd - fracStart, unit[1], digits, negative));
      i = end;
    } else {
      i = Math.max(numberEnd, i + 1);
    }
  }
  return out;
}
