import type { BudgetDocument, Paragraph } from '../model/document.js';
import { charSet, holdsOneOf, inSet, JS_SPACE_SET, JS_SPACES } from '../char-sets.js';
import { onlyOf } from './clause-marks.js';
import type { ClassificationMention } from './mentions.js';
import { findNumbers, type NumberToken } from './numbers.js';
import { byParagraph, MAX_AMOUNTS_PER_PARAGRAPH, type Statement } from './statements.js';

/**
 * A share of a total the narrative states (DOMAIN.md §5): "基本支出3000.00万元，占财政拨款支出预算的
 * 67.4%", "人员经费…，占基本支出的85%", "…万元，占比32.6%", "…万元（所占比例为12.5%）".
 */
export interface ShareStatement {
  readonly paragraph: Paragraph;
  readonly paragraphIndex: number;
  /** The percentage. */
  readonly percent: NumberToken;
  /** This year's amount the share is of: the amount before "占" (its own year-on-year figures may stand between). */
  readonly part: Statement;
  /**
   * The year-on-year figure just before "占" when one stands between ("X万元，比上年增加Y万元，占…"): the
   * share may be of that change instead.
   */
  readonly after?: Statement;
  /**
   * The words naming the whole between "占" and the percentage, without "的", "比重" / "比例" and "为"
   * ("财政拨款支出预算"); '' when the text names none ("占比", "所占比例为", "占67.4%").
   */
  readonly wholeWords: string;
  /** The classification item named in those words ("占一般公共服务支出（类）的…"), if any. */
  readonly wholeMention?: ClassificationMention;
  /** Offset of "占" in the paragraph. */
  readonly at: number;
}

const ZHAN = '占'.charCodeAt(0);
/** The farthest a share's "占" may stand from its amount (its year-on-year figures may come between). */
const MAX_SHARE_REACH = 300;
/** What may stand between the part's amount (or its year-on-year figures) and "占": a comma or bracket, "约", "所". */
const BEFORE_ZHAN = charSet(`，,（(约所${JS_SPACES}`);
/** How many of them (", 约占", "（所占"). */
const MAX_BEFORE_ZHAN = 4;
/** Characters that end the words of a share: the whole's words hold none (brackets they may: "占一般公共服务支出（类）的…"). */
const CLAUSE_BREAK = charSet('，,。；;、！!？?');
/** The longest words naming a whole ("一般公共预算财政拨款支出预算总额的比重为" is 20). */
const MAX_WHOLE_WORDS = 40;
/** Words after the whole's name: "…的比例为", "…的比重达", "…比重约". */
const TRAILING_FILLER = ['为', '达', '约', '是', '了', '到', '：', ':'];
const MEASURE_WORDS = ['百分比', '比重', '比例', '比率'];
/** Words that make the percentage a limit or a target, not a share ("占总投资比例不超过30%"). */
const LIMIT_WORDS = ['不超过', '不低于', '不少于', '不高于', '不大于', '不小于', '超过', '低于', '高于', '以上', '以下', '左右', '≥', '≤', '>', '<'];

/**
 * Finds the shares the narrative states: a percentage after "占" whose clause group starts with this
 * year's amount (a level statement, not a limit). One walk over the paragraphs that hold "占" and a
 * percent sign, each read once; a percentage is tried against the one "占" before it.
 */
export function findShares(doc: BudgetDocument, statements: readonly Statement[], mentions: readonly ClassificationMention[]): ShareStatement[] {
  const out: ShareStatement[] = [];
  // most documents state no share: their statements and mentions are not indexed
  const candidates = doc.paragraphs.some((p) => p.text.indexOf('占') >= 0 && holdsPercent(p.text));
  if (!candidates) return out;
  const statementsOf = byParagraph(statements);
  const mentionsOf = byParagraph(mentions);
  doc.paragraphs.forEach((p, paragraphIndex) => {
    const text = p.text;
    const own = statementsOf.get(paragraphIndex);
    if (!own || text.indexOf('占') < 0 || !holdsPercent(text)) return;
    const tokens = findNumbers(text, MAX_AMOUNTS_PER_PARAGRAPH);
    const byOffset = new Map(own.map((s) => [s.token.offset, s]));
    const ms = mentionsOf.get(paragraphIndex) ?? [];
    // the paragraph's mentions before the "占" being read are ms[0, mi) (both move forward only)
    let mi = 0;
    for (let k = 1; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.unit !== '%' || byOffset.has(t.offset)) continue; // a year-on-year percentage
      const prev = tokens[k - 1]!;
      const prevEnd = prev.offset + prev.length;
      const at = zhanBetween(text, prevEnd, t.offset);
      if (at < 0) continue;
      const before = byOffset.get(prev.offset);
      const part = partBefore(before, statements, paragraphIndex);
      if (!part || at - part.token.offset > MAX_SHARE_REACH || !onlyBeforeZhan(text, prevEnd, at) || holdsOneOf(text, part.token.offset, at, SENTENCE_BREAK)) continue;
      const words = wholeWords(text, at + 1, t.offset);
      if (words === undefined || limitAfter(text, t.offset + t.length)) continue;
      // the last item named in the words ("一般公共服务支出（类）商贸事务（款）": the 款)
      while (mi < ms.length && ms[mi]!.offset <= at) mi++;
      let mention: ClassificationMention | undefined;
      while (mi < ms.length && ms[mi]!.offset + ms[mi]!.length <= t.offset) mention = ms[mi++];
      const after = before !== part && before && before.token.unit !== '%' ? before : undefined;
      out.push({ paragraph: p, paragraphIndex, percent: t, part, ...(after ? { after } : {}), wholeWords: words, ...(mention ? { wholeMention: mention } : {}), at });
    }
  });
  return out;
}

/** The offset of the last "占" in text[from, to), −1 when none (each character of the text is read for one percentage at most). */
function zhanBetween(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (text.charCodeAt(i) === ZHAN) return i;
  return -1;
}

function holdsPercent(text: string): boolean {
  return text.indexOf('%') >= 0 || text.indexOf('％') >= 0;
}

/** The level statement a share's percentage belongs to: the amount before it, or the amount whose year-on-year figure that is. */
function partBefore(s: Statement | undefined, statements: readonly Statement[], paragraphIndex: number): Statement | undefined {
  if (!s) return undefined;
  const level = s.role === 'level' ? s : s.levelIndex !== undefined ? statements[s.levelIndex] : undefined;
  if (!level || level.role !== 'level' || level.threshold || level.paragraphIndex !== paragraphIndex || level.token.unit === '%') return undefined;
  return level;
}

/** Whether text[from, to) is at most a comma, a bracket, "约" or "所" (and spaces). */
function onlyBeforeZhan(text: string, from: number, to: number): boolean {
  return to - from <= MAX_BEFORE_ZHAN && onlyOf(text, from, to, BEFORE_ZHAN);
}

const SENTENCE_BREAK = charSet('。；;！!？?');

/**
 * The words naming the whole in text[from, to) (after "占", up to the percentage), without spaces,
 * quotes and the words after the name; undefined when they are no share's words (a clause break, a
 * limit, too long).
 */
function wholeWords(text: string, from: number, to: number): string | undefined {
  if (to - from > MAX_WHOLE_WORDS + 8) return undefined;
  let w = '';
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (inSet(CLAUSE_BREAK, c)) return undefined;
    if (inSet(JS_SPACE_SET, c) || inSet(QUOTES, c)) continue;
    w += text[i];
  }
  if (LIMIT_WORDS.some((x) => w.includes(x))) return undefined;
  w = stripEnd(w, TRAILING_FILLER);
  w = stripEnd(w, MEASURE_WORDS);
  w = stripEnd(w, ['的']);
  // "占比" / "所占比例": the share of the total the part belongs to
  if (w === '比') return '';
  return w.length <= MAX_WHOLE_WORDS ? w : undefined;
}

const QUOTES = charSet('“”"‘’「」『』');

/** `w` without any of `words` at its end, repeatedly ("的比例为" → "的比例" …). */
function stripEnd(w: string, words: readonly string[]): string {
  for (let changed = true; changed; ) {
    changed = false;
    for (const x of words) {
      if (w.endsWith(x)) {
        w = w.slice(0, w.length - x.length);
        changed = true;
      }
    }
  }
  return w;
}

/** "30%以上", "85%左右": the percentage is a limit or a target. */
function limitAfter(text: string, from: number): boolean {
  const after = text.slice(from, from + 3);
  return after.startsWith('以上') || after.startsWith('以下') || after.startsWith('左右') || after.startsWith('以内');
}
