import { defineCheck } from '../../engine/define-check.js';
import { nameKey } from '../../catalog/names.js';
import { charSet, holdsOneOf, inSet } from '../../char-sets.js';

/** Names are 2 to 40 characters. */
const MIN_NAME = 2;
const MAX_NAME = 40;
/** Numbering before a heading: "- ", "一、", "1. " (no nested quantifiers: linear). */
const PREFIX = /^[-•·*]?[ \t]{0,2}(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、])?[ \t]{0,2}/u;
/** The characters PREFIX can start with: a text starting otherwise has no numbering (tested by character code). */
const PREFIX_START = charSet('-•·*\t 一二三四五六七八九十0123456789');
/** The first two characters of BRACKETED, and the one character all SCOPE_SENTENCES share. */
const OPENING_BRACKETS = charSet('（(');
const BRACKETED_WORDS = charSet('部单');
const INCLUDES = charSet('包');
const BRACKETED = ['（部门）', '(部门)', '（单位）', '(单位)'];
const HEADING_ENDS = ['主要职能', '机构设置'];
const LABELS = ['预算主管部门', '主管部门', '部门名称'];
const SCOPE_SENTENCES = ['部门预算是包括', '单位预算是包括'];

const fits = (name: string): boolean => name.length >= MIN_NAME && name.length <= MAX_NAME;

/**
 * The department names printed in the template's fixed places of one paragraph, with their offsets in
 * the trimmed text: "X（部门）主要职能" / "X（单位）机构设置" / "X主要职能", "预算主管部门：X",
 * "X部门预算是包括Y本部…" and "2023年X（部门）下属…". Plain string search, so the cost is linear.
 */
export function departmentNames(text: string): ReadonlyArray<{ name: string; offset: number }> {
  if (!mayNameDepartment(text)) return NO_NAMES;
  const prefix = inSet(PREFIX_START, text.charCodeAt(0)) ? (PREFIX.exec(text)?.[0].length ?? 0) : 0;
  const body = text.slice(prefix);
  // a bracket that can follow a name, "（部" or "（单", opens within the first MAX_NAME + YEAR_LENGTH characters (most paragraphs have none there)
  if (opensBracketed(body, MAX_NAME + YEAR_LENGTH)) for (const b of BRACKETED) {
    // a name (after a year) of at most MAX_NAME characters stands before the bracket: a later one names nothing
    const i = indexWithin(body, b, MAX_NAME + YEAR_LENGTH);
    if (i < 0) continue;
    const after = body.slice(i + b.length);
    const name = body.slice(0, i);
    if (fits(name) && (startsWithAny(after, HEADING_ENDS) || after.startsWith('预算'))) return [{ name, offset: prefix }];
    const year = /^\d{4}年/u.exec(body);
    if (year && after.startsWith('下属') && fits(name.slice(year[0].length))) return [{ name: name.slice(year[0].length), offset: prefix + year[0].length }];
  }
  for (const e of HEADING_ENDS) {
    if (!body.endsWith(e)) continue;
    const name = body.slice(0, body.length - e.length);
    if (fits(name)) return [{ name, offset: prefix }];
  }
  for (const l of LABELS) {
    if (!text.startsWith(l) || !'：:'.includes(text[l.length] ?? '')) continue;
    const raw = text.slice(l.length + 1);
    const name = raw.trim();
    if (fits(name)) return [{ name, offset: l.length + 1 + raw.indexOf(name) }];
  }
  // a scope sentence starts within the first MAX_NAME characters; its 包 is its sixth
  if (holdsOneOf(text, 0, Math.min(MAX_NAME + 6, text.length), INCLUDES)) for (const sc of SCOPE_SENTENCES) {
    const i = indexWithin(text, sc, MAX_NAME);
    if (i < MIN_NAME || i > MAX_NAME) continue;
    const rest = text.slice(i + sc.length, i + sc.length + MAX_NAME + 2);
    const j = rest.indexOf('本部');
    const out = [{ name: text.slice(0, i), offset: 0 }];
    if (j >= MIN_NAME) out.push({ name: rest.slice(0, j), offset: i + sc.length });
    return out;
  }
  return NO_NAMES;
}

/** Length of "2023年", the year a name may follow. */
const YEAR_LENGTH = 5;

/** Longest numbering PREFIX matches: "- \t十一、\t " (nine characters). */
const MAX_PREFIX = 9;
/** First characters of LABELS, last characters of HEADING_ENDS. */
const LABEL_STARTS = charSet('预主部');
const HEADING_END_LASTS = charSet('能置');
/**
 * What must stand near the start of a text for a bracketed name or a scope sentence: the opening of a
 * BRACKETED ("（部", "（单" …) or the 包 of SCOPE_SENTENCES, starting within the reach of the searches
 * below (the head of the text after the longest numbering: offsets 0 to HEAD_REACH − 1).
 */
const HEAD_REACH = MAX_PREFIX + MAX_NAME + YEAR_LENGTH + 1;
const HEAD_MARK = new RegExp(`^[^]{0,${HEAD_REACH - 1}}?(?:[（(][部单]|包)`);

/**
 * Whether a text may name a department at all (nearly every paragraph names none, many print a
 * bracket such as （类） near their start): a mark of HEAD_MARK near the start, a label's first
 * character at the start, or a heading end's last character at the end. The regex engine searches
 * the head in native code.
 */
function mayNameDepartment(text: string): boolean {
  if (inSet(LABEL_STARTS, text.charCodeAt(0)) || inSet(HEADING_END_LASTS, text.charCodeAt(text.length - 1))) return true;
  return HEAD_MARK.test(text);
}

/**
 * The offset of the first `word` in `text` when it starts at `maxStart` or before, else −1 (then the
 * first one starts later, or there is none): only the head of a long paragraph is searched.
 */
export function indexWithin(text: string, word: string, maxStart: number): number {
  return text.length <= maxStart + word.length ? text.indexOf(word) : text.slice(0, maxStart + word.length).indexOf(word);
}

/** The answer for a paragraph naming no department (shared: nearly all paragraphs). */
const NO_NAMES: ReadonlyArray<{ name: string; offset: number }> = Object.freeze([]);

/** Whether a bracket of BRACKETED (its first two characters) opens at `maxStart` or before. */
function opensBracketed(text: string, maxStart: number): boolean {
  for (let i = 0, end = Math.min(maxStart + 1, text.length); i < end; i++) {
    if (inSet(OPENING_BRACKETS, text.charCodeAt(i)) && inSet(BRACKETED_WORDS, text.charCodeAt(i + 1))) return true;
  }
  return false;
}

function startsWithAny(text: string, words: readonly string[]): boolean {
  for (const w of words) if (text.startsWith(w)) return true;
  return false;
}

/**
 * The department name is used consistently (DOMAIN.md §6: the wrong department left in a heading
 * copied from another department's document). Only the template's fixed places are read, so short
 * forms in free text ("区经委") are not judged.
 */
export default defineCheck<Record<string, never>>({
  id: 'department-name',
  meta: {
    description: { zh: '部门名称前后一致', en: 'The department name is used consistently' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      differs: { zh: '此处部门名称为“{printed}”，文件的部门为“{expected}”', en: 'the department is named “{printed}” here but the document is for “{expected}”' },
    },
  },
  run(ctx) {
    const expected = ctx.document.metadata.department;
    if (!expected) {
      ctx.notAssessable('department', 'the document names no department');
      return;
    }
    let places = 0;
    const paragraphs = ctx.document.paragraphs;
    for (let i = 0; i < paragraphs.length; i++) {
      const p = paragraphs[i]!;
      const lead = p.text.length - p.text.trimStart().length;
      for (const { name, offset } of departmentNames(p.text.trim())) {
        places++;
        const at = { paragraph: p, offset: lead + offset, length: name.length };
        const instance = `p${i}:${lead + offset}`;
        if (sameDepartment(name, expected)) ctx.pass(instance, at);
        else ctx.report({ instance, messageId: 'differs', data: { printed: name, expected }, at });
      }
    }
    if (places === 0) ctx.notApplicable('department', 'no heading names the department');
  },
});

/**
 * The same department: equal names, the generic 本部门, or a short form whose characters all occur in
 * the full name in order (商务委 for 上海市普陀区商务委员会, 万里街道 for …万里街道办事处).
 */
export function sameDepartment(printed: string, expected: string): boolean {
  const a = nameKey(printed);
  const b = nameKey(expected);
  if (a === b || a === '部门' || a === '本部门' || a === '单位' || a === '本单位') return true;
  let i = 0;
  for (const ch of b) if (ch === a[i]) i++;
  return i === a.length && a.length >= 2;
}
