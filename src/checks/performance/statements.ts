import { toHalfWidth, type Unit } from '../../model/amount.js';
import type { Decimal } from '../../model/decimal.js';
import type { BudgetDocument, Paragraph } from '../../model/document.js';
import { findNumbers } from '../../narrative/numbers.js';
import { charSet, inSet } from '../../char-sets.js';

/**
 * What the narrative says about the projects with 绩效目标 (其他相关情况说明, "绩效目标设置情况"):
 * "编报绩效目标的项目5个，涉及项目预算资金3328.13万元", "本部门编报绩效目标的项目共25个，涉及项目预算
 * 资金11381.60万元", "共有5个项目编报绩效目标，涉及资金…". Offsets are into the paragraph's text.
 */
export interface ProjectsStatement {
  readonly paragraph: Paragraph;
  /** 1-based, in document order. */
  readonly index: number;
  readonly count?: { readonly value: number; readonly raw: string; readonly offset: number; readonly length: number };
  readonly amount?: { readonly raw: string; readonly value: Decimal; readonly scale: number; readonly unit: Unit; readonly offset: number; readonly length: number };
}

/** What ends a sentence (SENTENCE_ENDS in the test's plain form, /[^。；;！!？?]+[。；;！!？?]?/g, splits at them). */
const SENTENCE_ENDS = charSet('。；;！!？?');
const CLAUSE = /[^，,]+[，,]?/g;
// "项目5个", "项目共25个", "项目总数为5个"
const COUNT_AFTER = /项目(?:总数|数量|数)?(?:共计|共有|合计|共|为|有)?\s?([0-9０-９]{1,5}|[零〇一二两三四五六七八九十百]{1,6})\s?个/;
// "5个项目", "共有5个二级项目"
const COUNT_BEFORE = /([0-9０-９]{1,5}|[零〇一二两三四五六七八九十百]{1,6})\s?个(?:一级|二级)?项目/;
const AMOUNT_CUE = /涉及|资金|金额/;

const DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A small count written in digits or Chinese numerals ("25", "二十五", "一百零三"). */
export function countValue(text: string): number | undefined {
  const t = toHalfWidth(text);
  if (/^\d+$/.test(t)) return [...t].reduce((n, c) => n * 10 + (c.charCodeAt(0) - 48), 0);
  let total = 0;
  let digit = 0;
  for (const c of t) {
    if (c === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (c === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else if (c in DIGITS) digit = DIGITS[c]!;
    else return undefined;
  }
  return total + digit;
}

function countIn(clause: string): { raw: string; at: number } | undefined {
  const m = COUNT_AFTER.exec(clause) ?? COUNT_BEFORE.exec(clause);
  if (!m) return undefined;
  return { raw: m[1]!, at: m.index + m[0].indexOf(m[1]!) };
}

/** The first amount with a money unit at or after `from` ("3328.13万元"); offsets into `text`. */
function moneyIn(text: string, from: number): Omit<NonNullable<ProjectsStatement['amount']>, 'offset'> & { offset: number } | undefined {
  const t = findNumbers(text).find((n) => n.offset >= from && n.unit !== '%');
  return t && { raw: t.raw, value: t.value, scale: t.scale, unit: t.unit as Unit, offset: t.offset, length: t.length };
}

/** A sentence or a clause of one, and its offset in the paragraph. */
export interface Clause {
  readonly text: string;
  readonly at: number;
}

/** Every narrative statement of the number of projects with 绩效目标 and/or their money. */
export function projectStatements(doc: BudgetDocument, skip: ReadonlySet<Paragraph>): ProjectsStatement[] {
  const out: ProjectsStatement[] = [];
  for (const p of doc.paragraphs) {
    if (p.kind !== 'paragraph' || !p.text.includes('绩效目标') || skip.has(p)) continue;
    for (const s of sentencesHolding(p.text, '绩效目标')) {
      // a thousands separator is not a clause break ("1,234.5万元")
      const masked = s.text.includes(',') ? s.text.replace(/(?<=[0-9０-９]),(?=[0-9０-９])/g, '_') : s.text;
      const clauses: Clause[] = [];
      for (const c of masked.matchAll(CLAUSE)) clauses.push({ text: s.text.slice(c.index, c.index + c[0].length), at: s.at + c.index });
      let count: ProjectsStatement['count'];
      let from = 0;
      for (let i = 0; i < clauses.length; i++) {
        const c = clauses[i]!;
        if (!c.text.includes('绩效目标')) continue;
        const found = countIn(c.text);
        const value = found ? countValue(found.raw) : undefined;
        if (found && value !== undefined) {
          count = { value, raw: found.raw, offset: c.at + found.at, length: found.raw.length };
          from = i;
          break;
        }
      }
      let amount: ProjectsStatement['amount'];
      for (const c of clauses.slice(from)) {
        const cue = AMOUNT_CUE.exec(c.text);
        if (!cue) continue;
        const m = moneyIn(c.text, cue.index);
        if (!m) continue;
        amount = { ...m, offset: c.at + m.offset };
        break;
      }
      // a sentence on 绩效目标 without a count of projects is about them only when it names their money
      if (!count && !amount) continue;
      if (!count && !/项目/.test(s.text)) continue;
      out.push({ paragraph: p, index: out.length + 1, ...(count ? { count } : {}), ...(amount ? { amount } : {}) });
    }
  }
  return out;
}

/**
 * The sentences of `text` that hold `word` (which holds no sentence end), in order, as
 * /[^。；;！!？?]+[。；;！!？?]?/g would match them: each runs from after the sentence end before
 * the word to the next sentence end, which it includes. Found from the word, so the other sentences
 * of a paragraph are never cut out.
 */
export function sentencesHolding(text: string, word: string): Clause[] {
  const out: Clause[] = [];
  for (let at = text.indexOf(word); at >= 0; ) {
    let start = at;
    while (start > 0 && !inSet(SENTENCE_ENDS, text.charCodeAt(start - 1))) start--;
    let end = at + word.length;
    while (end < text.length && !inSet(SENTENCE_ENDS, text.charCodeAt(end))) end++;
    if (end < text.length) end++;
    out.push({ text: text.slice(start, end), at: start });
    at = text.indexOf(word, end);
  }
  return out;
}
