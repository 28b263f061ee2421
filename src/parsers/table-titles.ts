import { memoByString } from '../memo.js';
import type { StandardKind } from '../model/document.js';

/**
 * Recognises the nine standard table titles with their usual variants: a year prefix ("2023年"),
 * "部门"/"单位", a number ("表1", "1.", "附表2-1"), quotes around 三公, a trailing "（续）".
 * Order matters: the more specific titles are tried first.
 */
const TITLE_PATTERNS: ReadonlyArray<readonly [StandardKind, RegExp]> = [
  ['T9', /三公.{0,2}经费/],
  ['T8', /基本支出.{0,12}经济分类/],
  // the MoF wording and budget-system exports: "一般公共预算（财政拨款）基本支出表"
  ['T8', /一般公共预算(?:财政拨款)?基本支出.{0,6}表/],
  ['T4', /财政拨款收支.{0,4}总表/],
  // "政府性基金预算财政拨款支出表", "一般公共预算财政拨款支出表" (MoF wording) as well as the Shanghai titles
  ['T6', /政府性基金.{0,4}(?:财政拨款)?支出.{0,12}表/],
  ['T7', /国有资本经营.{0,4}(?:财政拨款)?支出.{0,12}表/],
  ['T5', /一般公共预算.{0,2}(?:财政拨款)?支出.{0,12}表/],
  ['T1', /收支.{0,4}总表/],
  ['T2', /收入.{0,4}总表/],
  ['T3', /支出.{0,4}总表/],
];

/** Strips numbering, year, quotes and spaces from a title line. */
export function normalizeTitle(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/^[-•·*]+/, '')
    // "表3", "附表2-1", "3.", "三、" — a bare numeral needs its separator ("一般…" keeps its 一)
    .replace(/^(?:(?:附表|表)[\d一二三四五六七八九十]+(?:-\d+)?[.、．:：]?|[\d一二三四五六七八九十]+(?:-\d+)?[.、．:：])/, '')
    .replace(/[“”"'‘’「」]/g, '')
    .replace(/[（(]续[）)]$/, '')
    // "…明细表（按功能科目）", "…表（按经济科目分类）": a short qualifier after 表
    .replace(/表[（(][^（）()]{1,10}[）)]$/, '表');
}

/** The standard kind of a title line, if it is one (the line must end in 表 and be title-length). */
export function titleKind(text: string): StandardKind | undefined {
  // normalising only removes characters, so a line without 表 cannot end with it
  return text.includes('表') ? standardKindOf(normalizeTitle(text)) : undefined;
}

/** A generic table title (ends with 表, short, no sentence punctuation) of a non-standard table. */
export function isGenericTitle(text: string): boolean {
  return text.includes('表') && isGenericNormalized(normalizeTitle(text));
}

/** The kind of table a title line starts: standard, 'unknown' for a generic title, else undefined. */
export function titleTableKind(text: string): StandardKind | 'unknown' | undefined {
  if (!text.includes('表')) return undefined;
  return titleKindOfLine(text) ?? undefined;
}

/**
 * titleTableKind's answers for lines with 表 (null: not a title), by line: the same titles and
 * table-of-contents lines open every document, and normalising and matching a line costs a dozen
 * regular expressions. Titles are short; a longer line is answered each time.
 */
const titleKindOfLine = memoByString((text: string): StandardKind | 'unknown' | null => {
  const t = normalizeTitle(text);
  return standardKindOf(t) ?? (isGenericNormalized(t) ? 'unknown' : null);
}, 80);

function standardKindOf(t: string): StandardKind | undefined {
  if (t.length > 60 || !/表$/.test(t)) return undefined;
  if (/[。；，]/.test(t)) return undefined;
  for (const [kind, re] of TITLE_PATTERNS) if (re.test(t)) return kind;
  return undefined;
}

function isGenericNormalized(t: string): boolean {
  return t.length > 0 && t.length <= 40 && /表$/.test(t) && !/[。；，：:]/.test(t);
}

const UNIT_LINE = /(?:金额)?单位\s*[:：]\s*(亿元|万元|元)/;

/** The unit declared by a "单位：元" cell, if the text holds one. */
export function unitDeclaration(text: string): '元' | '万元' | '亿元' | undefined {
  // \s matches the ideographic space U+3000 too, so the text needs no normalising first
  if (!text.includes('单位')) return undefined;
  const m = UNIT_LINE.exec(text);
  // the literal rather than the match's copy: every amount of the table keeps its unit
  return m ? (m[1] === '亿元' ? '亿元' : m[1] === '万元' ? '万元' : '元') : undefined;
}
