import { makeParseIssue } from '../../model/construct.js';
import type { ParseIssue } from '../../model/document.js';
import { pageLocation } from '../../model/location.js';
import { joinFragments, type PhysLine } from './geometry.js';
import { DocumentCache } from '../../memo.js';

// Bounded quantifiers only (no backtracking blow-up); lines are trimmed and short (< 30 characters).
const PAGE_NUMBER = /^[-—–]{0,3} ?(第 ?)?\d{1,4}( ?页)?( ?[/／] ?\d{1,4}|[,，]? ?共 ?\d{1,4} ?页)? ?[-—–]{0,3}$/;

/** A page-number line: "3", "- 3 -", "第3页", "第3页，共20页", "3/20". */
function isPageNumber(text: string): boolean {
  const t = text.trim();
  return t.length < 30 && PAGE_NUMBER.test(t);
}

// per document: a run-long WeakMap would keep every PDF's line texts alive through minor GCs (memo.ts)
const textCache = new DocumentCache<PhysLine, string>();

/** The text of a printed line (cached: it is asked for many times). */
export function physText(l: PhysLine): string {
  let t = textCache.get(l);
  if (t === undefined) {
    t = joinFragments(l.fragments);
    textCache.set(l, t);
  }
  return t;
}

/**
 * Removes running heads, running feet and page numbers: number-only lines near the top or bottom
 * edge, and lines printed at the same place on many pages.
 */
export function removePageFurniture(pages: PhysLine[][], heights: readonly number[]): PhysLine[][] {
  const key = (l: PhysLine): string => physText(l).replace(/\d+/g, '#');
  const edge = (l: PhysLine): boolean => {
    const h = heights[l.page - 1] ?? 842;
    return l.bottom < h * 0.1 || l.top > h * 0.9;
  };
  const counts = new Map<string, number>();
  for (const lines of pages) {
    for (const k of new Set(lines.filter(edge).map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const repeated = (l: PhysLine): boolean => pages.length >= 3 && (counts.get(key(l)) ?? 0) >= Math.max(3, pages.length / 2);
  return pages.map((lines) => lines.filter((l) => !(edge(l) && (isPageNumber(physText(l)) || repeated(l)))));
}

/**
 * Finds blocks of lines that the text layer holds twice in a row (a page's clipped overflow printed
 * again on the next page, a paragraph pasted twice) and drops the second copy, reporting it once.
 */
export function removeDuplicateBlocks(lines: PhysLine[], file: string, issues: ParseIssue[]): PhysLine[] {
  const texts = lines.map(physText);
  const at = new Map<string, number[]>();
  texts.forEach((t, i) => {
    const list = at.get(t);
    if (list) list.push(i);
    else at.set(t, [i]);
  });
  const drop = new Set<number>();
  for (let i = 0; i < texts.length; i++) {
    if (drop.has(i) || texts[i]!.length < 4) continue;
    const later = (at.get(texts[i]!) ?? []).filter((j) => j > i && j - i <= 80);
    for (const j of later) {
      const k = j - i;
      if (j + k > texts.length) continue;
      let same = true;
      let chars = 0;
      for (let m = 0; m < k && same; m++) {
        same = texts[i + m] === texts[j + m] && !drop.has(j + m);
        chars += texts[i + m]!.length;
      }
      if (!same || chars < 30) continue;
      for (let m = 0; m < k; m++) drop.add(j + m);
      const first = lines[j]!;
      issues.push(makeParseIssue('parse/duplicate-text', 'duplicateText', { page: first.page, chars }, pageLocation(file, first.page, first.line, 1)));
      i = j + k - 1;
      break;
    }
  }
  return lines.filter((_, i) => !drop.has(i));
}
