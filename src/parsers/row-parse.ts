import { looksNumeric, toHalfWidth } from '../model/amount.js';
import type { CodeLevel } from '../model/document.js';
import { normalizeName } from '../model/table-access.js';
import { firstVisibleCharCode, trimmed } from './spaces.js';

const TOTAL_LABEL = /^(合计|总计|收入总计|支出总计|收入合计|支出合计|本年收入合计|本年支出合计|收入总额|支出总额|合\s*计|总\s*计)$/;
const NUMBERED_LABEL = /^([一二三四五六七八九十]+[、.．]|\d{1,2}\s*[.、．]\s*\D|[（(][一二三四五六七八九十\d]{1,3}[）)])/;

export function isTotalLabel(text: string): boolean {
  // every total label has 合 or 总, and normalising never adds one: most cells skip the normalising
  return hasTotalCharacter(text) && TOTAL_LABEL.test(normalizeName(text));
}

/** Whether the text has 合 or 总 (one pass over a short cell text rather than two searches). */
export function hasTotalCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5408 || c === 0x603b) return true;
  }
  return false;
}

/** Whether the text is one or more ASCII digits (as /^\d+$/ tests, without the regular expression). */
export function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

export function isNumberedLabel(text: string): boolean {
  return NUMBERED_LABEL.test(toHalfWidth(text).trim());
}

/** Strips line numbering ("一、", "1.", "（一）") from a summary-table label. */
export function stripNumbering(text: string): string {
  return toHalfWidth(text)
    .trim()
    .replace(/^([一二三四五六七八九十]+[、.．]|\d{1,2}\s*[.、．]|[（(][一二三四五六七八九十\d]{1,3}[）)])\s*/, '')
    .replace(/\s+/g, '');
}

/** Code-like text: 2, 3, 5 or 7 digits (allowing inner spaces as in "201 13 01"). */
export function codeText(text: string): string | undefined {
  // a code printed as plain digits (nearly every code cell) is its own code, without a replace
  if (text.length <= 7 && isDigits(text)) return text;
  const t = toHalfWidth(text).replace(/\s+/g, '');
  return /^\d{1,7}$/.test(t) ? t : undefined;
}

export function levelOf(code: string): CodeLevel | undefined {
  return code.length === 3 ? '类' : code.length === 5 ? '款' : code.length === 7 ? '项' : undefined;
}

const CODE_CELL = /^\d{3}(\d{2}){0,2}$/;
const TWO_DIGITS = /^\d{2}$/;
const DASHES = /^[-—–]+$/;

/** A classification code printed in a cell (3, 5 or 7 digits, full-width or spaced as printed). */
export function isCodeCell(text: string): boolean {
  // a code starts with a digit once spaces are gone: header words are told apart without normalising
  const first = firstVisibleCharCode(text);
  if (!((first >= 0x30 && first <= 0x39) || (first >= 0xff10 && first <= 0xff19))) return false;
  return CODE_CELL.test(toHalfWidth(text).replace(/\s+/g, ''));
}

/**
 * Decides whether a table line holds data (a coded row, a numbered summary line, a total row, or
 * amounts) rather than header text. A "合计" cell alone does not make a data line when other header
 * words stand beside it (the 三公 table's header row starts with 合计).
 */
export function isDataLine(texts: readonly string[]): boolean {
  // the tests are on the trimmed non-blank texts, taken from the line as they are needed rather
  // than gathered into an array first
  for (let i = 0; i < texts.length && i < 3; i++) if (isCodeCell(texts[i]!)) return true;
  // (indexed loops: the first documents of a run read header lines unoptimised, where an array
  // iterator costs an object per step)
  let first: string | undefined;
  for (let i = 0; i < texts.length; i++) {
    const c = trimmed(texts[i]!);
    if (c === '') continue;
    first ??= c;
    if (looksNumeric(c) && !TWO_DIGITS.test(c)) return true;
  }
  if (first === undefined) return false;
  if (isNumberedLabel(first)) return true;
  let anyTotal = false;
  for (let i = 0; i < texts.length && !anyTotal; i++) anyTotal = isTotalLabel(trimmed(texts[i]!));
  if (!anyTotal) return false;
  for (let i = 0; i < texts.length; i++) {
    const c = trimmed(texts[i]!);
    if (c !== '' && !(isTotalLabel(c) || looksNumeric(c) || DASHES.test(c))) return false;
  }
  return true;
}

/** Splits "2011301 行政运行" or "201 一般公共服务支出" into code and name. */
export function splitCodeName(text: string): { code?: string; name: string } {
  // trimmed first and matched without an end anchor after a greedy run, so matching stays linear
  const m = /^(\d{3}(?:[ \t]?\d{2}){0,2})[ \t\u3000]+(\S[^]*)/.exec(toHalfWidth(text).trim());
  if (m) return { code: m[1]!.replace(/\s/g, ''), name: m[2]!.trim() };
  return { name: text.trim() };
}
