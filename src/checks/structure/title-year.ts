import { defineCheck } from '../../engine/define-check.js';
import { MAX_PER_PLACE } from './proofread.js';

/** Words that make a year a comparison or a range rather than the document's year. */
const COMPARISON_BEFORE = /(比|较|上年|同比|对比|与|截至|截止|至|[-—–~～])\s*$/u;
const RANGE_AFTER = /^年?(度)?\s*[-—–~～至]/u;
/** Headings about the previous year's execution or accounts may name that year. */
const LOOKING_BACK = /执行|决算|完成情况|上年/u;

const YEAR_MARK = '年';
const [ZERO, NINE, TWO] = ['0', '9', '2'].map((c) => c.charCodeAt(0)) as [number, number, number];

const isDigit = (c: number): boolean => c >= ZERO && c <= NINE;

/** The offsets of the years written as "2023年" (not part of a longer number), in order: what /(?<!\d)(20\d{2})(?=年)/gu matches. */
export function yearsWritten(text: string): number[] | undefined {
  let out: number[] | undefined;
  // each such year stands just before a 年, so only the four characters before each 年 are read
  for (let j = text.indexOf(YEAR_MARK, 4); j >= 0; j = text.indexOf(YEAR_MARK, j + 1)) {
    const at = j - 4;
    if (text.charCodeAt(at) !== TWO || text.charCodeAt(at + 1) !== ZERO || !isDigit(text.charCodeAt(at + 2)) || !isDigit(text.charCodeAt(at + 3))) continue;
    if (at > 0 && isDigit(text.charCodeAt(at - 1))) continue;
    (out ??= []).push(at);
  }
  return out;
}

/** The year written at `offset` (one of yearsWritten's offsets). */
function yearAt(text: string, offset: number): number {
  return Number(text.slice(offset, offset + 4));
}

/** The answer for a title whose years are all right (shared: nearly every title). */
const NONE: readonly number[] = Object.freeze([]);

/**
 * The offsets of the years in a title or heading that are not the document's year, at most
 * MAX_PER_PLACE (a title full of years is one problem). The previous year in a comparison
 * ("比2022年…") or about the previous year's execution, and year ranges, are fine.
 */
export function wrongYears(text: string, year: number): readonly number[] {
  const years = yearsWritten(text);
  if (years === undefined) return NONE;
  let out: number[] | undefined;
  for (const offset of years) {
    const printed = yearAt(text, offset);
    if (printed === year) continue;
    const before = text.slice(0, offset);
    const after = text.slice(offset + 4);
    if (printed === year - 1 && (COMPARISON_BEFORE.test(before) || LOOKING_BACK.test(text))) continue;
    if (COMPARISON_BEFORE.test(before) && /[-—–~～至]\s*$/u.test(before)) continue;
    if (RANGE_AFTER.test(after)) continue;
    (out ??= []).push(offset);
    if (out.length === MAX_PER_PLACE) break;
  }
  return out ?? NONE;
}

/** 0 … n−1 in the code-unit order of their decimal strings: 0, 1, 10, 11, …, 19, 2, 20 … */
export function decimalOrder(n: number): Int32Array {
  const out = new Int32Array(n);
  if (n === 0) return out;
  // 0 first, then 1 … n−1 as a walk of the tree of decimal prefixes: down (×10) when the number
  // exists, else to the next sibling, climbing up past last digits (9) and numbers beyond n−1
  let k = 1;
  for (let cur = 1; k < n; ) {
    out[k++] = cur;
    if (cur * 10 < n) cur *= 10;
    else {
      while (cur % 10 === 9 || cur + 1 >= n) cur = Math.floor(cur / 10);
      cur++;
    }
  }
  return out;
}

/**
 * decimalOrder(n), made once per n for the paragraph counts of usual documents (every document needs
 * one). Kept for n below 1 024: all of them together hold at most 2 MB (n below 4 096 could hold 33 MB
 * over a long batch); a longer document's order is made each time, a walk of its n numbers.
 */
function sharedDecimalOrder(n: number): Int32Array {
  return n < SHARED_ORDERS ? (decimalOrders[n] ??= decimalOrder(n)) : decimalOrder(n);
}

const SHARED_ORDERS = 1024;
const decimalOrders: Int32Array[] = [];

/**
 * The year in table titles and headings agrees with the document's year (DOMAIN.md §6: the wrong year
 * left in a heading). The previous year in a comparison ("比2022年…") and year ranges are fine.
 */
export default defineCheck<Record<string, never>>({
  id: 'title-year',
  meta: {
    description: { zh: '标题中的年度与文件年度一致', en: 'Years in titles and headings match the document year' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      wrongYear: { zh: '标题“{title}”中的年度为{printed}年，本文件为{year}年', en: 'the title “{title}” says {printed}; the document is for {year}' },
    },
  },
  run(ctx) {
    const year = ctx.document.metadata.year;
    if (year === undefined) {
      ctx.notAssessable('titles', 'the document year is unknown');
      return;
    }
    const { tables, paragraphs } = ctx.document;
    for (const t of tables) {
      const wrong = wrongYears(t.title, year);
      if (wrong.length === 0) ctx.pass(t.id);
      for (const offset of wrong) ctx.report({ instance: `${t.id}:${offset}`, messageId: 'wrongYear', data: { title: t.title, printed: yearAt(t.title, offset), year }, at: { table: t } });
    }
    // headings that pass are recorded after the others, in the order of their instances ("p10" before "p2")
    const passed = new Uint8Array(paragraphs.length);
    for (let i = 0; i < paragraphs.length; i++) {
      const p = paragraphs[i]!;
      if (p.kind !== 'heading') continue;
      const wrong = wrongYears(p.text, year);
      if (wrong.length === 0) passed[i] = 1;
      for (const offset of wrong) {
        ctx.report({ instance: `p${i}:${offset}`, messageId: 'wrongYear', data: { title: p.text, printed: yearAt(p.text, offset), year }, at: { paragraph: p, offset, length: 5 } });
      }
    }
    for (const i of sharedDecimalOrder(paragraphs.length)) if (passed[i] === 1) ctx.pass(`p${i}`);
  },
});
