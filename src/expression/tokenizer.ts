import { ExpressionError } from './errors.js';

export type TokenType =
  | 'number'
  | 'ident'
  | 'string'
  | 'op'
  | 'compare'
  | '('
  | ')'
  | '['
  | ']'
  | '.'
  | ','
  | '?'
  | '$'
  | 'end';

export interface Token {
  readonly type: TokenType;
  /** The token's text; for strings the unquoted content, for operators the canonical form (≤ → <=). */
  readonly text: string;
  /** 1-based character column of the first character. */
  readonly start: number;
  /** Column just after the last character. */
  readonly end: number;
}

/** Longest-first so that "<=" is not read as "<" "=". */
const COMPARE_OPERATORS: ReadonlyArray<readonly [string, string]> = [
  ['==', '=='],
  ['!=', '!='],
  ['<=', '<='],
  ['>=', '>='],
  ['<', '<'],
  ['>', '>'],
  ['≤', '<='],
  ['≥', '>='],
  ['≠', '!='],
];

const PUNCTUATION: Readonly<Record<string, TokenType>> = {
  '(': '(',
  ')': ')',
  '[': '[',
  ']': ']',
  '.': '.',
  ',': ',',
  '?': '?',
  $: '$',
};

/** Full-width punctuation that is part of printed names (因公出国（境）费, 一、…, “三公”经费). */
const NAME_PUNCTUATION = new Set(['（', '）', '“', '”', '、', '·', '《', '》', '_']);

// Single-character tests: linear by construction (no quantifiers).
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const DIGIT = /^[0-9]$/;
const SPACE = /^\s$/u;

/**
 * Full-width digits and operators typed with a Chinese input method read as their ASCII forms
 * (one character each, so columns stay right); full-width parentheses and quotes stay part of names.
 */
const FULL_WIDTH_SYNTAX = new Set(['＋', '－', '＊', '／', '＜', '＞', '＝', '！', '［', '］', '．', '，', '？', '＄', '＂', '＇']);

function halfWidth(c: string): string {
  const code = c.charCodeAt(0);
  if ((code >= 0xff10 && code <= 0xff19) || FULL_WIDTH_SYNTAX.has(c)) return String.fromCharCode(code - 0xfee0);
  return c;
}

function isNameChar(c: string): boolean {
  return LETTER_OR_DIGIT.test(c) || NAME_PUNCTUATION.has(c);
}

function isNameStart(c: string): boolean {
  return !DIGIT.test(c) && isNameChar(c);
}

/**
 * Splits an expression into tokens. Names may hold any letters (Chinese included), digits and the
 * full-width punctuation of printed names; anything else (spaces, half-width parentheses, slashes)
 * needs double or single quotes. Columns count characters, so 公务接待费 is five columns wide.
 */
export function tokenize(text: string): Token[] {
  const chars = Array.from(text, halfWidth);
  const tokens: Token[] = [];
  let i = 0;
  const at = (k: number): string => chars[k] ?? '';
  while (i < chars.length) {
    const c = at(i);
    const col = i + 1;
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    if (DIGIT.test(c)) {
      let j = i;
      while (DIGIT.test(at(j))) j++;
      if (at(j) === '.' && DIGIT.test(at(j + 1))) {
        j++;
        while (DIGIT.test(at(j))) j++;
      }
      tokens.push({ type: 'number', text: chars.slice(i, j).join(''), start: col, end: j + 1 });
      i = j;
      continue;
    }
    if (isNameStart(c)) {
      let j = i;
      while (j < chars.length && isNameChar(at(j))) j++;
      tokens.push({ type: 'ident', text: chars.slice(i, j).join(''), start: col, end: j + 1 });
      i = j;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < chars.length && at(j) !== c) j++;
      if (j >= chars.length) throw new ExpressionError(`unterminated quoted name (missing ${c})`, col);
      const content = chars.slice(i + 1, j).join('');
      if (content.trim() === '') throw new ExpressionError('empty quoted name', col);
      tokens.push({ type: 'string', text: content, start: col, end: j + 2 });
      i = j + 1;
      continue;
    }
    const two = c + at(i + 1);
    const cmp = COMPARE_OPERATORS.find(([written]) => written === two || written === c);
    if (cmp) {
      tokens.push({ type: 'compare', text: cmp[1], start: col, end: col + cmp[0].length });
      i += cmp[0].length;
      continue;
    }
    if (c === '=') throw new ExpressionError("'=' is not an operator; write '==' to compare", col);
    if (c === '!') throw new ExpressionError("'!' is not an operator; write '!=' for 'differs from'", col);
    if (c === '+' || c === '-' || c === '*' || c === '/') {
      tokens.push({ type: 'op', text: c, start: col, end: col + 1 });
      i++;
      continue;
    }
    const punct = PUNCTUATION[c];
    if (punct) {
      tokens.push({ type: punct, text: c, start: col, end: col + 1 });
      i++;
      continue;
    }
    throw new ExpressionError(`unexpected character '${c}'`, col);
  }
  tokens.push({ type: 'end', text: '', start: chars.length + 1, end: chars.length + 1 });
  return tokens;
}
