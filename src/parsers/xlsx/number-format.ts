import { Decimal } from '../../model/decimal.js';

/** What a cell's number format shows: how many decimals, thousands separators, percent, scaling. */
export interface NumberDisplay {
  /** Decimals always shown ("0.00" → 2); undefined for General (as many as the value has). */
  readonly minDecimals?: number;
  /** Decimals shown at most ("0.0#" → 2). */
  readonly maxDecimals?: number;
  /** Integer digits always shown ("00" shows 1 as "01", as 款/项 codes stored as numbers are). */
  readonly minIntegerDigits: number;
  readonly grouping: boolean;
  readonly percent: boolean;
  /** Trailing commas after the digits divide the shown value by 1000 each ("#,##0," shows thousands). */
  readonly thousandsScale: number;
}

const GENERAL: NumberDisplay = { minIntegerDigits: 1, grouping: false, percent: false, thousandsScale: 0 };

/** Excel keeps 15 significant digits; anything beyond is binary floating-point noise. */
export const EXCEL_DIGITS = 15;

/**
 * Reads the display rules of an Excel number format code from its first (positive) section:
 * quoted text, [colour]/[$¥-804] brackets, `\x` escapes and `_x` / `*x` padding are ignored.
 * Formats without digit placeholders (General, "@") display the value as it is.
 */
export function parseNumberFormat(code: string | undefined): NumberDisplay {
  // real format codes are short; anything long is not one
  if (!code || code.length > 256 || /^general$/i.test(code.trim())) return GENERAL;
  const section = literalsRemoved(firstSection(code));
  const m = /[#0?][#0?,]*(?:\.[#0?]*)?,*|\.[#0?]+,*/.exec(section);
  if (!m) return GENERAL;
  let number = m[0];
  let trailing = 0;
  while (number.endsWith(',')) {
    number = number.slice(0, -1);
    trailing++;
  }
  const [intPart = '', fracPart = ''] = number.split('.');
  return {
    minDecimals: (fracPart.match(/0/g) ?? []).length,
    maxDecimals: (fracPart.match(/[0#?]/g) ?? []).length,
    minIntegerDigits: (intPart.match(/0/g) ?? []).length,
    grouping: /[#0?],+[#0?]/.test(intPart),
    percent: section.includes('%'),
    thousandsScale: trailing,
  };
}

/** Drops what a format prints literally: "quoted text", [colour]/[$¥-804], \x escapes, _x and *x padding. */
function literalsRemoved(section: string): string {
  let out = '';
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      i = end < 0 ? section.length : end;
    } else if (ch === '[') {
      const end = section.indexOf(']', i + 1);
      i = end < 0 ? section.length : end;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i++;
    } else {
      out += ch;
    }
  }
  return out;
}

/** "1234567" → "1,234,567". */
function groupThousands(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return out;
}

function firstSection(code: string): string {
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\\') i++;
    else if (ch === ';' && !quoted) return code.slice(0, i);
  }
  return code;
}

/**
 * The exact decimal of a stored double: its shortest round-trip form (what JavaScript prints),
 * limited to Excel's 15 significant digits. 0.1+0.2 stored as 0.30000000000000004 becomes 0.3.
 */
export function storedDecimal(n: number): Decimal {
  return new Decimal(String(n)).toSignificantDigits(EXCEL_DIGITS, Decimal.ROUND_HALF_UP);
}

/**
 * The number as the cell shows it: the stored decimal (see storedDecimal), scaled for percent or
 * thousands, rounded half-up to the decimals the format displays, with the format's separators.
 * Only decimal.js arithmetic is used, so amounts never pick up binary noise.
 */
export function displayNumber(n: number, format: NumberDisplay): string {
  return displayDecimal(storedDecimal(n), format);
}

/** A decimal shown with a number format (rounded half-up to its decimals, with its separators). */
export function displayDecimal(value: Decimal, format: NumberDisplay): string {
  let d = value;
  if (format.percent) d = d.times(100);
  if (format.thousandsScale > 0) d = d.dividedBy(new Decimal(1000).pow(format.thousandsScale));
  if (format.maxDecimals !== undefined) {
    d = d.toDecimalPlaces(format.maxDecimals, Decimal.ROUND_HALF_UP);
  }
  const decimals = format.minDecimals === undefined ? d.decimalPlaces() : Math.max(format.minDecimals, d.decimalPlaces());
  let text = d.abs().toFixed(decimals);
  const intDigits = text.split('.')[0]!.length;
  if (intDigits < format.minIntegerDigits) text = '0'.repeat(format.minIntegerDigits - intDigits) + text;
  if (format.minIntegerDigits === 0 && text.startsWith('0.')) text = text.slice(1);
  if (format.grouping) {
    const [i = '', f] = text.split('.');
    text = groupThousands(i) + (f !== undefined ? `.${f}` : '');
  }
  return `${d.isNegative() && !d.isZero() ? '-' : ''}${text}${format.percent ? '%' : ''}`;
}
