import { makeParagraph, makeSegment } from '../model/construct.js';
import type { Paragraph, TextSegment } from '../model/document.js';
import { objectList } from '../model/lists.js';
import { atColumn } from '../model/location.js';
import { cellLocation, type LayoutLine } from './layout.js';
import { isBlankText, trimmed } from './spaces.js';

const TERMINAL = /[。；;！!？?：:”"）)]$/;
// a list number is not followed by a digit: "60.54%。…" at the start of a line is a wrapped decimal
const LIST_START = /^([-•·*]\s|[一二三四五六七八九十]+、|\d{1,2}[.、．](?!\d)\s*\S|[（(][一二三四五六七八九十\d]{1,3}[）)])/;
const HAS_AMOUNT = /\d\s*(万元|亿元|元|%|％)/;

/** A short line without sentence punctuation or amounts is a heading (one ending in an opening bracket or quote is cut off). */
export function isHeading(text: string): boolean {
  if (text.length > 40) return false;
  if (/[。；，,]/.test(text) || /[：:（(“‘《【〔]$/.test(text)) return false;
  if (HAS_AMOUNT.test(text)) return false;
  return /[\u4e00-\u9fff]/.test(text);
}

/**
 * The index of a line in `allLines` (-1 when it is not there), for lines asked in the order of
 * `allLines`, as the table builder leaves them: one forward walk finds them all without a map of
 * every line. Readers build one object per line; should a line be missed, a map of each line's last
 * index answers from then on.
 */
function lineIndexer(allLines: readonly LayoutLine[]): (line: LayoutLine) => number {
  let next = 0;
  let byLine: Map<LayoutLine, number> | undefined;
  return (line) => {
    if (byLine === undefined) {
      for (let i = next; i < allLines.length; i++) {
        if (allLines[i] === line) {
          next = i + 1;
          return i;
        }
      }
      byLine = new Map();
      for (let i = 0; i < allLines.length; i++) byLine.set(allLines[i]!, i);
    }
    return byLine.get(line) ?? -1;
  };
}

/** The index of the line's first cell with text, or -1. */
function firstVisible(texts: readonly string[]): number {
  for (let i = 0; i < texts.length; i++) if (!isBlankText(texts[i]!)) return i;
  return -1;
}

/** The trimmed texts of the cells with text from `first` on, joined by spaces (most text lines have one cell). */
function visibleText(texts: readonly string[], first: number): string {
  let text = trimmed(texts[first]!);
  for (let i = first + 1; i < texts.length; i++) if (!isBlankText(texts[i]!)) text += ' ' + trimmed(texts[i]!);
  return text;
}

/**
 * Joins text lines into paragraphs: a line continues the previous one when the previous does not end
 * a sentence, the new one does not start a list item, and no blank line or hard break separates them.
 */
export function buildParagraphs(lines: readonly LayoutLine[], allLines: readonly LayoutLine[]): Paragraph[] {
  const indexOf = lineIndexer(allLines);
  const out = objectList<Paragraph>();
  // `last` is the text of the last joined line: TERMINAL only looks at the end, and testing the
  // growing paragraph itself would flatten it on every line (quadratic on a run-on paragraph)
  // `heading`: isHeading(text), asked when the next line comes and again when the paragraph ends
  let cur: { text: string; last: string; segments: TextSegment[]; first: LayoutLine; heading?: boolean } | undefined;
  const curIsHeading = (): boolean => cur !== undefined && (cur.heading ??= isHeading(cur.text));
  let prevIndex = -2;
  let section: string | undefined;
  const flush = (): void => {
    if (!cur) return;
    const text = cur.text;
    const heading = cur.segments.length === 1 && curIsHeading();
    const kind = heading ? 'heading' : 'paragraph';
    const location = cur.segments[0]!.location;
    const segments = cur.segments;
    out.push(makeParagraph(text, kind, heading ? undefined : section, location, segments));
    if (heading) section = text;
    cur = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const idx = indexOf(line);
    const first = firstVisible(line.texts);
    if (first < 0) continue;
    const raw = line.texts[first]!;
    const lead = raw.length - raw.trimStart().length;
    const text = visibleText(line.texts, first);
    const at = cellLocation(line, first);
    // the cell's own location when the text starts at its column (locations are never changed)
    const loc = lead === 0 && at.column !== undefined ? at : atColumn(at, (at.column ?? 1) + lead);
    const adjacent = idx === prevIndex + 1 && !line.breakBefore;
    const ends = line.continues ? false : TERMINAL.test(cur?.last ?? '') || curIsHeading();
    const joins = cur !== undefined && adjacent && !ends && !LIST_START.test(text);
    if (joins) {
      cur!.segments.push(makeSegment(cur!.text.length, loc));
      cur!.text += text;
      cur!.last = text;
      cur!.heading = undefined;
    } else {
      flush();
      cur = { text, last: text, segments: [makeSegment(0, loc)], first: line, heading: undefined };
    }
    prevIndex = idx;
  }
  flush();
  return out;
}
