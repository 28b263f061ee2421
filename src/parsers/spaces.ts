import { inSet, JS_SPACE_SET as SPACES } from '../char-sets.js';

/**
 * Blank tests and trims of cell texts by character code. A table line's cells are asked whether they
 * are blank, and trimmed, several times each while the tables are found and read: a call of the
 * native trim costs more than looking at a cell's first and last characters, and most cells have no
 * space at either end. The spaces are those trim() and \s take off (JS_SPACES).
 */

/** Whether text.trim() is empty. */
export function isBlankText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!inSet(SPACES, text.charCodeAt(i))) return false;
  return true;
}

/** text.trim(): the text itself when neither end is a space. */
export function trimmed(text: string): string {
  const last = text.length - 1;
  if (last < 0 || (!inSet(SPACES, text.charCodeAt(0)) && !inSet(SPACES, text.charCodeAt(last)))) return text;
  return text.trim();
}

/** The code of text.trimStart()'s first character (NaN when it is blank). */
export function firstVisibleCharCode(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!inSet(SPACES, c)) return c;
  }
  return NaN;
}
