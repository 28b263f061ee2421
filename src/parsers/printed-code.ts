import { toHalfWidth } from '../model/amount.js';
import type { HeaderColumn } from './header.js';
import { digitsValueOf, sharedCodeByLayout, smallCodeLayoutOf, tenToThe, type SharedCode } from './interned.js';
import type { LayoutLine } from './layout.js';

/**
 * The printed code parts of the row being read, for sharedCodeByLayout: one array for every row
 * (rather than an array per row, which push would give room for 17), emptied after each use so that
 * it does not keep a document's text alive.
 */
const scratchParts: string[] = [];

/**
 * The shared code of the non-blank 类/款/项 parts of a line, when there is one and all are digits.
 * Each part is read once: the scan that finds it is digits also gives its value and length, which
 * find the shared code without reading the parts again.
 */
export function printedCode(line: LayoutLine, partCols: readonly HeaderColumn[]): SharedCode | undefined {
  const texts = line.texts;
  let count = 0;
  let value = 0;
  let digits = 0;
  let lengths = 0;
  for (let i = 0; i < partCols.length; i++) {
    // the common cases, "" and plain digits, are already compact
    const index = partCols[i]!.index;
    let part = index < texts.length ? texts[index]! : '';
    if (part === '') continue;
    let partValue = digitsValueOf(part);
    if (partValue < 0) {
      // half-width and without spaces, as printed
      part = toHalfWidth(part).replace(/\s+/g, '');
      if (part === '') continue;
      partValue = digitsValueOf(part);
      if (partValue < 0) {
        scratchParts.fill('', 0, count);
        return undefined;
      }
    }
    scratchParts[count++] = part;
    digits += part.length;
    lengths = lengths * 8 + part.length;
    value = value * tenToThe(part.length) + partValue;
  }
  return count > 0 ? sharedScratchCode(count, smallCodeLayoutOf(count, digits, lengths), value) : undefined;
}

/** The shared code of a code printed whole (digits only). */
export function wholeCode(code: string): SharedCode {
  scratchParts[0] = code;
  const value = digitsValueOf(code);
  return sharedScratchCode(1, value < 0 ? 0 : smallCodeLayoutOf(1, code.length, code.length), value);
}

/** The shared code of the first `count` of scratchParts, which are then emptied. */
function sharedScratchCode(count: number, layout: number, value: number): SharedCode {
  const shared = sharedCodeByLayout(scratchParts, count, layout, value);
  scratchParts.fill('', 0, count);
  return shared;
}
