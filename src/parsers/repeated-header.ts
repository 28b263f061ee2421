import { headerPaths } from './header.js';
import type { LayoutLine } from './layout.js';

/**
 * A table printed over several pages repeats its title and header on each, and the repeat is not
 * always the same text: spaces inside a cell ("项  目"), a 续 mark ("（续）", "续表"), a unit mark
 * ("资金来源（元）", "单位：元"), a merged cell printed once or in each of its columns, or two header
 * rows printed as one ("资金来源 财政拨款"). These compare the texts without those differences.
 */

const SPACES = /[\s\u3000]+/g;
const CONTINUED_MARK = /[（(]续表?[）)]/g;
const CONTINUED_CELL = /^续表?$/;
const UNIT_MARK = /[（(](?:亿元|万元|元)[）)]|(?:金额)?单位[:：](?:亿元|万元|元)/g;

/** Characters every difference above needs: a text without any of them is its own key (most cells). */
const MAY_DIFFER = /[\s\u3000续元]/;

/** A header cell's text without spaces, 续 marks and unit marks ("" when nothing else is left). */
function cellKey(text: string): string {
  if (!MAY_DIFFER.test(text)) return text;
  const t = text.replace(SPACES, '');
  if (t === '') return t;
  const k = t.replace(CONTINUED_MARK, '').replace(UNIT_MARK, '');
  return CONTINUED_CELL.test(k) ? '' : k;
}

/** The texts read in order, without blank cells and without a cell equal to the one before (a merged cell repeated). */
function joinedKey(texts: Iterable<string>): string {
  let out = '';
  let last = '';
  for (const text of texts) {
    const k = cellKey(text);
    if (k === '' || k === last) continue;
    out += k;
    last = k;
  }
  return out;
}

/** One header line as compared with another printing of it. */
export function looseLineKey(line: LayoutLine): string {
  return joinedKey(line.texts);
}

/** A header of one or more lines as compared with another printing of it: row by row, and column by column. */
export interface HeaderKeys {
  readonly rows: string;
  readonly columns: string;
}

export function headerKeys(lines: readonly LayoutLine[]): HeaderKeys {
  let width = 0;
  for (const l of lines) width = Math.max(width, l.texts.length);
  const rows = lines.map((l) => l.texts.map(cellKey));
  return { rows: joinedKey(rows.flat()), columns: joinedKey(headerPaths(rows, width).map((p) => p.join(''))) };
}

/** True when two headers differ only in the ways above (as a whole: rows may be printed merged or split). */
export function sameHeader(a: HeaderKeys, b: HeaderKeys): boolean {
  if (a.rows === '' || b.rows === '') return false;
  return a.rows === b.rows || a.columns === b.columns;
}

/** Two titles of an unknown table's parts name the same table: equal but for spaces and a trailing 续 mark. */
export function sameTitle(a: string, b: string): boolean {
  if (a === b) return true;
  return titleKey(a) === titleKey(b);
}

const TRAILING_CONTINUED = /(?:[（(]续表?[）)]|续表)$/;

function titleKey(t: string): string {
  return t.replace(SPACES, '').replace(TRAILING_CONTINUED, '');
}
