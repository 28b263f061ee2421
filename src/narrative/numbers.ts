import type { Unit } from '../model/amount.js';
import { Decimal } from '../model/decimal.js';

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
}

const UNITS: ReadonlyArray<readonly [string, Unit | '%']> = [
  ['亿元', '亿元'],
  ['万元', '万元'],
  ['元', '元'],
  ['%', '%'],
  ['％', '%'],
];

/**
 * "340.00万" and "1.39亿" without 元, as project descriptions write them: only when no other unit word
 * follows (万人, 万平方米, 亿吨 are not money).
 */
function bareUnit(text: string, k: number): readonly [string, Unit] | undefined {
  const c = text[k];
  if (c !== '万' && c !== '亿') return undefined;
  const next = text[k + 1];
  if (next !== undefined && /[\u4e00-\u9fff\dA-Za-z]/.test(next)) return undefined;
  return c === '万' ? ['万', '万元'] : ['亿', '亿元'];
}

function digitAt(text: string, i: number): string | undefined {
  const c = text.charCodeAt(i);
  if (c >= 0x30 && c <= 0x39) return text[i];
  if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xfee0);
  return undefined;
}

function isPoint(c: string | undefined): boolean {
  return c === '.' || c === '．';
}

function isMinus(c: string | undefined): boolean {
  return c === '-' || c === '－' || c === '−';
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
  let i = 0;
  const n = text.length;
  while (i < n && out.length < max) {
    if (digitAt(text, i) === undefined) {
      i++;
      continue;
    }
    const prev = text[i - 1];
    const glued = i > 0 && (digitAt(text, i - 1) !== undefined || isPoint(prev) || /[A-Za-z]/.test(prev!));
    let start = i;
    let negative = false;
    if (i > 0 && isMinus(prev) && !(i > 1 && digitAt(text, i - 2) !== undefined)) {
      start = i - 1;
      negative = true;
    }
    let digits = '';
    let j = i;
    for (;;) {
      const d = digitAt(text, j);
      if (d !== undefined) {
        digits += d;
        j++;
        continue;
      }
      if (text[j] === ',' && digitAt(text, j + 1) !== undefined && digitAt(text, j + 2) !== undefined && digitAt(text, j + 3) !== undefined && digitAt(text, j + 4) === undefined) {
        j++;
        continue;
      }
      break;
    }
    let frac = '';
    if (isPoint(text[j]) && digitAt(text, j + 1) !== undefined) {
      j++;
      while (digitAt(text, j) !== undefined) frac += digitAt(text, j++)!;
    }
    const numberEnd = j;
    let k = j;
    while (k < n && k - j < 2 && (text[k] === ' ' || text[k] === '\u3000')) k++;
    const unit = UNITS.find(([w]) => text.startsWith(w, k)) ?? bareUnit(text, k);
    if (!glued && unit) {
      const value = new Decimal(frac ? `${digits}.${frac}` : digits);
      const end = k + unit[0].length;
      out.push({
        offset: start,
        length: end - start,
        numberLength: numberEnd - start,
        raw: text.slice(start, numberEnd),
        value: negative ? value.negated() : value,
        scale: frac.length,
        unit: unit[1],
      });
      i = end;
    } else {
      i = Math.max(numberEnd, i + 1);
    }
  }
  return out;
}
