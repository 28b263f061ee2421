import { InputError } from '../errors.js';
import type { BudgetDocument } from '../model/document.js';
import { assembleDocument } from './assemble.js';
import { decodeText } from './decode.js';
import { makeSource } from '../model/construct.js';
import { textLocation } from '../model/location.js';
import { textLayoutLine, type LayoutLine } from './layout.js';

/**
 * Most tab-separated fields on one line. The widest standard table has about twenty columns; a line
 * of a million tabs is not a table, and reading it as one would cost minutes and gigabytes, so the
 * file is refused with one line naming it and the line.
 */
export const MAX_FIELDS_PER_LINE = 1000;

const OTHER_BREAKS = /\r\n|\r/g;

/** Splits decoded text into layout lines: tab-separated fields become cells (their columns follow from their lengths). */
export function textToLines(text: string, file: string): LayoutLine[] {
  // "\r\n" and a lone "\r" end a line as "\n" does; lines and columns stay the same
  if (text.includes('\r')) text = text.replace(OTHER_BREAKS, '\n');
  const lines: LayoutLine[] = [];
  // fields are cut from the text itself, without a string per line first; `tab` is the first tab at
  // or after the line's start (or -1), so lines without tabs are not searched again
  let tab = text.indexOf('\t');
  let from = 0;
  // the fields of a tab line are gathered here and copied into an array of their number (an array
  // grown by push keeps room for 17); it goes with this call, so it keeps no document alive
  const fields: string[] = [];
  for (let line = 1; ; line++) {
    const newline = text.indexOf('\n', from);
    const end = newline < 0 ? text.length : newline;
    // more fields than the limit need at least as many tabs, so a shorter line cannot be too wide
    if (end - from >= MAX_FIELDS_PER_LINE) checkWidth(text.slice(from, end), file, line);
    const location = textLocation(file, line, 1);
    if (tab < 0 || tab >= end) {
      // no tab: one cell, in an array of its size (an array grown by push keeps room for 17)
      lines.push(textLayoutLine([text.slice(from, end)], location, false));
    } else {
      lines.push(textLayoutLine(tabFields(text, from, end, tab, fields), location, true));
      tab = text.indexOf('\t', end);
    }
    if (newline < 0) return lines;
    from = newline + 1;
  }
}

/**
 * The tab-separated fields of text[from, end); `tab` is the line's first tab, `scratch` an array to
 * gather them in. The fields are found by one scan of the line's code units: a table line's fields
 * are a few characters each, and a native search per field costs more than the field's characters.
 */
function tabFields(text: string, from: number, end: number, tab: number, scratch: string[]): string[] {
  scratch[0] = text.slice(from, tab);
  let count = 1;
  let start = tab + 1;
  for (let at = start; at < end; at++) {
    if (text.charCodeAt(at) !== TAB) continue;
    scratch[count++] = text.slice(start, at);
    start = at + 1;
  }
  scratch[count++] = text.slice(start, end);
  return scratch.slice(0, count);
}

const TAB = 0x09;

function checkWidth(raw: string, file: string, line: number): void {
  let fields = 1;
  for (let at = raw.indexOf('\t'); at >= 0; at = raw.indexOf('\t', at + 1)) fields++;
  if (fields > MAX_FIELDS_PER_LINE) {
    throw new InputError(`${file}: line ${line} has ${fields} tab-separated fields; not a budget table line (a table has a few dozen columns; the limit is ${MAX_FIELDS_PER_LINE})`);
  }
}

/** Parses a plain-text budget document (tables as tab-separated lines). */
export function parseText(bytes: Uint8Array, file: string): BudgetDocument {
  const decoded = decodeText(bytes, file);
  return assembleDocument(textToLines(decoded.text, file), makeSource(file, 'text', decoded.encoding, undefined));
}
