import type { BudgetDocument, Paragraph } from '../model/document.js';
import type { ClassificationMention } from './mentions.js';
import { findNumbers, type NumberToken } from './numbers.js';
import { subjectFromWords, type Subject } from './subjects.js';
import { blockHeading } from './project-blocks.js';
import { charSet, inSet, JS_SPACES } from '../char-sets.js';
import { clean, cleanEndsIn, endPattern, execAtEnd, hasYoyMark, lastOfAny, onlyOf, thresholdAfter, type EndPattern } from './clause-marks.js';

/** What a narrative number says. */
export type StatementRole =
  /** "收入预算28113.57万元": the amount of a subject this year. */
  | 'level'
  /** "比上年预算增加8216.79万元": the change against last year. */
  | 'change'
  /** "上年预算为5.1万元": last year's amount. */
  | 'previous'
  /** "增长41.3%": the relative change. */
  | 'percent';

export type Direction = 'up' | 'down';

/** One number of the narrative with what it says and what it is about. */
export interface Statement {
  /** Position in document order. */
  readonly index: number;
  readonly paragraph: Paragraph;
  readonly paragraphIndex: number;
  readonly token: NumberToken;
  readonly role: StatementRole;
  /** For change and percent statements. */
  readonly direction?: Direction;
  /** For level statements: what the amount is about, when the words say it. */
  readonly subject?: Subject;
  /** The classification mention the subject came from. */
  readonly mention?: ClassificationMention;
  /** For level statements: a limit or a rate ("50万元以上", "每家企业20万元"), not a restated value. */
  readonly threshold?: boolean;
  /** For change, previous and percent statements: index of the level statement they belong to. */
  readonly levelIndex?: number;
  /**
   * For level statements: offset of "持平" in the paragraph when the text says the amount is unchanged.
   * For previous statements: the same when "持平" follows last year's amount ("上年预算为X万元，与上年
   * 预算持平"): said of the amount the previous statement belongs to.
   */
  readonly flatAt?: number;
  /**
   * For a level statement that restates an earlier one ("2023年预算安排654.32万元" after the item's
   * "654.32万元"): the index of that statement. What the restatement's sentence says about last year
   * ("…比2022年预算执行数持平") is said of the restated amount.
   */
  readonly restates?: number;
  /** The words before the number in its clause (for messages and the explanation). */
  readonly clause: string;
  /** The sentence around the number, at most ~120 characters. */
  readonly sentence: string;
}

/**
 * Most amounts read in one paragraph. Real narrative paragraphs hold a few (at most 8 in the seed and
 * the PDF corpus); a paragraph with hundreds is a table or a list flattened into text, or garbage. The
 * rest of such a paragraph is not read — reported once, as an info, by narrative/unlinked-amount — so
 * a paragraph of megabytes costs and reports a bounded amount.
 */
export const MAX_AMOUNTS_PER_PARAGRAPH = 500;

/** The mentions of a paragraph without any (shared, never changed). */
const NO_MENTIONS: readonly ClassificationMention[] = Object.freeze([]);

/** A paragraph whose amounts after the first MAX_AMOUNTS_PER_PARAGRAPH were not read. */
export interface UnreadAmounts {
  readonly paragraph: Paragraph;
  readonly paragraphIndex: number;
  /** Offset of the first amount not read. */
  readonly offset: number;
  /** Length of that amount with its unit. */
  readonly length: number;
}

const CLAUSE_BREAK = charSet('，。；：,;:、！？!?');
/** Every sentence break is a clause break: a clause holds none (extractStatements relies on it). */
const SENTENCE_BREAK = charSet('。；;！？!?');
/**
 * The end-anchored marks of the words before an amount, each with the characters its matches end
 * with and its longest match (tests/narrative/clause-marks.test.ts checks both).
 */
// "增幅8.43%", "降幅为22.73%": words of a rate, which only a percentage follows ("为" after them says
// the rate, where "增加为X" would say this year's amount)
const UP_END = endPattern(/((增加|增长|上升|提高|增)(了)?|(增幅|涨幅|增长率)(为|达)?)(约)?$/, '加长升高增了约幅率为达', 5);
const DOWN_END = endPattern(/((减少|下降|降低|减)(了)?|(降幅|减幅|下降幅度|下降率)(为|达)?)(约)?$/, '少降低减了约幅度率为达', 6);
/** "上年预算为", "2022年当年预算执行数为": last year's amount follows (the year is checked by the caller). */
const PREVIOUS_END = endPattern(/(上年|上一年度?|去年|(\d{4})年)(当年)?(预算|预算数|预算执行数|决算数|执行数|数)?(为|是)?$/, '为是算数年度', 13);
/** "2023年预算安排", "本年预算为": this year's amount restated for the subject named before. */
const CURRENT_END = endPattern(/(本年|今年|(\d{4})年)(度)?(预算)?(安排|数)?(为|是)?$/, '为是排数算度年', 11);
const THRESHOLD_BEFORE = endPattern(/(超过|不超过|低于|不低于|高于|不少于|不多于|每家|每个|每人|每户|每项|标准为|≥|≤|>|<|＞|＜|＝|=)(企业)?$/, '业过于家个人户项为≥≤><＞＜＝=', 5);
export const END_PATTERNS: readonly EndPattern[] = [UP_END, DOWN_END, PREVIOUS_END, CURRENT_END, THRESHOLD_BEFORE];
/** The characters any of them ends with. */
const END_PATTERNS_LAST = lastOfAny(END_PATTERNS);

/** How far back words may stand from a number and still name its subject. */
const CONTEXT_CHARS = 200;
/** Words that may stand between a classification name and its amount. */
export const FILLER = /[\s\u3000“”"‘’「」『』：:为是预算数安排合计共计金额科目]/g;
/** The code units FILLER matches (tests/narrative/clause-marks.test.ts checks them). */
export const FILLER_CHARS = charSet(`${JS_SPACES}“”"‘’「」『』：:为是预算数安排合计共计金额科目`);

/**
 * Extracts every amount statement of the narrative in document order (DOMAIN.md §5): its number, unit,
 * position, role (this year's amount, a change, last year's amount, a percentage) and subject.
 * Mentions come from findClassificationMentions so names and codes resolve with their context.
 * Paragraphs with more than MAX_AMOUNTS_PER_PARAGRAPH amounts are read up to that many; each is
 * added to `unread`.
 */
export function extractStatements(doc: BudgetDocument, mentions: readonly ClassificationMention[], unread: UnreadAmounts[] = []): Statement[] {
  const out: Statement[] = [];
  // each paragraph's mentions, when the mentions come in document order (as found): one run each
  const inOrder = inParagraphOrder(mentions);
  const mentionsOf = inOrder ? undefined : byParagraph(mentions);
  let nextMention = 0;
  // The amount a change belongs to may stand in the paragraph before ("…17.72万元，主要用于…" then
  // "2022年当年预算执行数为8.61万元…"); a heading ends that reach.
  let lastLevel: number | undefined;
  // the parts of items ("其中：基本支出…，项目支出…"): part statement → the statement of the whole
  const wholeOf = new Map<number, number>();
  // the project of a 项目经费情况说明 block ("科技创新专项经费情况说明"), named by its heading only
  let project: string | undefined;
  const paragraphs = doc.paragraphs;
  for (let paragraphIndex = 0; paragraphIndex < paragraphs.length; paragraphIndex++) {
    const p = paragraphs[paragraphIndex]!;
    if (p.kind === 'heading') {
      lastLevel = undefined;
      project = projectAfterHeading(p.text, project);
    }
    const text = p.text;
    const tokens = findNumbers(text, MAX_AMOUNTS_PER_PARAGRAPH + 1);
    // where reading stops: the end of the paragraph, or its first unread amount
    let readEnd = text.length;
    if (tokens.length > MAX_AMOUNTS_PER_PARAGRAPH) {
      const first = tokens.pop()!;
      readEnd = first.offset;
      unread.push({ paragraph: p, paragraphIndex, offset: first.offset, length: first.length });
    }
    // the paragraph's mentions are ms[mi, msEnd)
    let ms = mentions;
    let mi = nextMention;
    if (inOrder) {
      while (nextMention < mentions.length && mentions[nextMention]!.paragraphIndex === paragraphIndex) nextMention++;
    } else {
      ms = mentionsOf!.get(paragraphIndex) ?? NO_MENTIONS;
      mi = 0;
    }
    const msEnd = inOrder ? nextMention : ms.length;
    if (tokens.length === 0) continue;
    let lastInSentence: number | undefined;
    // The same, but kept across "；": an item's parts may be listed with it ("其中：项目支出0万元；基本
    // 支出162.02万元"), and each must still see the item (or the part before) it belongs to.
    let lastInFullSentence: number | undefined;
    // Sentence starts are looked for in the text between numbers (each character once), and mentions
    // with a moving pointer, so a long paragraph with many numbers costs linear time.
    let sentenceStart = 0;
    let scanned = 0;
    let lastMention: ClassificationMention | undefined;
    // the next "持平" at or after the amount being read (−1: none): most paragraphs hold none, and then
    // the text after an amount is not walked for one
    let flat = text.indexOf(FLAT);
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!;
      const prevEnd = k > 0 ? tokens[k - 1]!.offset + tokens[k - 1]!.length : 0;
      // the clause: back to a break or the previous number, and no further than CONTEXT_CHARS
      let clauseStart = t.offset;
      const clauseFloor = Math.max(prevEnd, t.offset - CONTEXT_CHARS);
      while (clauseStart > clauseFloor && !inSet(CLAUSE_BREAK, text.charCodeAt(clauseStart - 1))) clauseStart--;
      // the last sentence break since the previous number, looked for backwards from the clause (a
      // clause holds no break, and the sentence mostly ends just before it)
      for (let i = clauseStart - 1; i >= scanned; i--) {
        if (inSet(SENTENCE_BREAK, text.charCodeAt(i))) {
          sentenceStart = i + 1;
          lastInSentence = undefined;
          // A full stop ends the item's parts: what follows ("2022年当年预算执行数为…") is said of
          // the item, not of its last part.
          if (holdsFullStop(text, scanned, i + 1)) {
            lastInFullSentence = undefined;
            if (lastLevel !== undefined) lastLevel = wholeOf.get(lastLevel) ?? lastLevel;
          }
          break;
        }
      }
      scanned = t.offset;
      while (mi < msEnd && ms[mi]!.offset + ms[mi]!.length <= t.offset) lastMention = ms[mi++];
      const clause = text.slice(clauseStart, t.offset);
      // the words cleaned for the end-anchored marks; most amounts' words end in a name, which ends
      // none of them, and are not cleaned ('' matches no mark either)
      const c = cleanEndsIn(clause, END_PATTERNS_LAST) ? clean(clause) : '';
      const up = execAtEnd(UP_END, c) !== null;
      const down = execAtEnd(DOWN_END, c) !== null;
      // a change needs a year-on-year mark or a statement just before: only looked for after "增加"-like words
      if ((up || down) && ((lastInSentence !== undefined && c.length <= 6) || hasYoyMark(c, text, Math.max(sentenceStart, t.offset - 40), clauseStart))) {
        const s = statementAt(out.length, p, paragraphIndex, t, clause, sentenceStart, t.unit === '%' ? 'percent' : 'change');
        s.direction = up ? 'up' : 'down';
        if (lastLevel !== undefined) s.levelIndex = lastLevel;
        out.push(s);
        lastInSentence = out.length - 1;
        lastInFullSentence = out.length - 1;
        continue;
      }
      if (t.unit === '%') continue; // a rate or a target ("满意度≥85%"), not an amount
      const prevMatch = execAtEnd(PREVIOUS_END, c);
      if (prevMatch && (prevMatch[2] === undefined || (doc.metadata.year !== undefined && Number(prevMatch[2]) < doc.metadata.year))) {
        const s = statementAt(out.length, p, paragraphIndex, t, clause, sentenceStart, 'previous');
        if (lastLevel !== undefined) s.levelIndex = lastLevel;
        // "上年预算为X万元，与上年预算持平": the 持平 follows last year's amount, not this year's
        const end = t.offset + t.length;
        if (flat >= 0 && flat < end) flat = text.indexOf(FLAT, end);
        const nextStart = k + 1 < tokens.length ? tokens[k + 1]!.offset : readEnd;
        const flatAt = flat >= 0 && flat + 1 < nextStart ? findFlat(text, end, nextStart) : undefined;
        if (flatAt !== undefined) s.flatAt = flatAt;
        out.push(s);
        lastInSentence = out.length - 1;
        lastInFullSentence = out.length - 1;
        continue;
      }
      const threshold = execAtEnd(THRESHOLD_BEFORE, c) !== null || thresholdAfter(text, t.offset + t.length);
      const mention = threshold || !lastMention || lastMention.offset < prevEnd ? undefined : adjacentMention(text, lastMention, t.offset, clauseStart);
      const curMatch = execAtEnd(CURRENT_END, c);
      const restates = curMatch !== null && (curMatch[2] === undefined || Number(curMatch[2]) === doc.metadata.year) && lastLevel !== undefined ? out[lastLevel]!.subject : undefined;
      const words = mention || threshold ? undefined : subjectFromWords(clause, () => `${text.slice(Math.max(sentenceStart, t.offset - CONTEXT_CHARS), t.offset)} ${p.section ?? ''}`);
      // what a part ("其中：基本支出…") is a part of: the statement before it, or the amount whose change
      // or last year's amount that is ("X万元，比上年预算减少Y万元，其中：基本支出…")
      const last = lastInFullSentence !== undefined ? out[lastInFullSentence] : undefined;
      const before = last && last.role !== 'level' && last.levelIndex !== undefined ? out[last.levelIndex] : last;
      const part = mention || threshold ? undefined : itemPart(words, before);
      const subject: Subject | undefined = mention ? mentionSubject(mention) : threshold ? undefined : (part ?? words ?? restates ?? projectMoney(clause, project));
      const nextStart = k + 1 < tokens.length ? tokens[k + 1]!.offset : readEnd;
      const end = t.offset + t.length;
      if (flat >= 0 && flat < end) flat = text.indexOf(FLAT, end);
      const flatAt = flat >= 0 && flat + 1 < nextStart ? findFlat(text, end, nextStart) : undefined;
      const s = statementAt(out.length, p, paragraphIndex, t, clause, sentenceStart, 'level');
      if (subject) s.subject = subject;
      if (mention) s.mention = mention;
      if (threshold) s.threshold = threshold;
      if (flatAt !== undefined) s.flatAt = flatAt;
      out.push(s);
      // an item's part ("其中：基本支出…") and the item (or statement) it is a part of
      if (part && before) wholeOf.set(s.index, wholeOf.get(before.index) ?? before.index);
      // A restatement ("2023年预算安排X") keeps the first statement as the one changes belong to.
      if (restates !== undefined && subject === restates) s.restates = lastLevel;
      else lastLevel = out.length - 1;
      lastInSentence = out.length - 1;
      lastInFullSentence = out.length - 1;
    }
  }
  return out;
}

const FULL_STOP = charSet('。！？!?');

/** Whether text[from, to) holds a full stop (a sentence break other than "；"). */
function holdsFullStop(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (inSet(FULL_STOP, text.charCodeAt(i))) return true;
  return false;
}

/** Whether the mentions come paragraph by paragraph (as findClassificationMentions gives them). */
function inParagraphOrder(mentions: readonly ClassificationMention[]): boolean {
  for (let i = 1; i < mentions.length; i++) if (mentions[i]!.paragraphIndex < mentions[i - 1]!.paragraphIndex) return false;
  return true;
}

/** Mentions, statements … grouped by the paragraph they stand in (each group in the items' order). */
export function byParagraph<T extends { readonly paragraphIndex: number }>(items: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const list = out.get(item.paragraphIndex);
    if (list) list.push(item);
    else out.set(item.paragraphIndex, [item]);
  }
  return out;
}

type WritableStatement = { -readonly [K in keyof Statement]: Statement[K] };

/** A statement's fields every role has, in one order (optional fields are set after, when present). */
function statementAt(index: number, paragraph: Paragraph, paragraphIndex: number, token: NumberToken, clause: string, sentenceStart: number, role: StatementRole): WritableStatement {
  return new NarrativeStatement(index, paragraph, paragraphIndex, token, clause, sentenceStart, role);
}

/**
 * A statement whose sentence is cut from the paragraph only when read: only messages about a few
 * amounts (and the explanation) read it. The sentence's start is kept in a private field, so the
 * statement's own properties are the interface's.
 */
class NarrativeStatement {
  // every optional field is present from the start (undefined when absent): all statements share
  // one shape, so the analysis and the rules read their fields from one hidden class
  direction: Direction | undefined = undefined;
  subject: Subject | undefined = undefined;
  mention: ClassificationMention | undefined = undefined;
  threshold: boolean | undefined = undefined;
  levelIndex: number | undefined = undefined;
  flatAt: number | undefined = undefined;
  restates: number | undefined = undefined;
  readonly #sentenceStart: number;
  #sentence: string | undefined;
  constructor(
    readonly index: number,
    readonly paragraph: Paragraph,
    readonly paragraphIndex: number,
    readonly token: NumberToken,
    readonly clause: string,
    sentenceStart: number,
    readonly role: StatementRole,
  ) {
    this.#sentenceStart = sentenceStart;
  }
  get sentence(): string {
    const { token } = this;
    return (this.#sentence ??= sentenceAround(this.paragraph.text, this.#sentenceStart, token.offset, token.offset + token.length));
  }
}

/** The classification subject a mention names. */
export function mentionSubject(m: ClassificationMention): Subject {
  const subject: { kind: 'classification'; level: ClassificationMention['level']; name: string; code?: string } = { kind: 'classification', level: m.level, name: m.name };
  if (m.code !== undefined) subject.code = m.code;
  return subject;
}

/** "2025年度项目总预算", "项目预算资金为": the money of the project a block describes. */
const PROJECT_MONEY = /(项目(总)?(预算|资金|经费)|总预算|年度预算)(总额|金额|数|资金)?(为|是|共计|合计)?$/;

function projectMoney(clause: string, project: string | undefined): Subject | undefined {
  return project !== undefined && PROJECT_MONEY.test(clean(clause).replace(/^\d{4}年度?/, '')) ? { kind: 'project', name: project } : undefined;
}

/**
 * The project of the block a heading leaves the narrative in: the one it opens (none for an unnamed
 * block), none after a heading that ends the block, the previous one after a sub-heading.
 */
function projectAfterHeading(text: string, current: string | undefined): string | undefined {
  const h = blockHeading(text);
  return h.kind === 'opens' ? h.name : h.kind === 'ends' ? undefined : current;
}

/**
 * "“行政运行（项）”726.41万元，其中：基本支出726.41万元": 基本支出 / 项目支出 in the sentence of a
 * classification item is that item's column, not the department's total; after 一般公共预算拨款支出,
 * that total's part.
 */
function itemPart(words: Subject | undefined, before: Statement | undefined): Subject | undefined {
  if (words?.kind !== 'total' || (words.total !== '基本支出' && words.total !== '项目支出')) return undefined;
  const item = before?.subject;
  // "一般公共预算财政拨款支出预算X元，其中：基本支出Y元": T5's columns, not T3's
  if (item?.kind === 'total' && (item.total === '一般公共预算拨款支出' || item.total === '一般公共预算基本支出' || item.total === '一般公共预算项目支出')) {
    return { kind: 'total', total: words.total === '基本支出' ? '一般公共预算基本支出' : '一般公共预算项目支出' };
  }
  if (item?.kind !== 'classification') return undefined;
  return { kind: 'classification', level: item.level, name: item.name, ...(item.code !== undefined ? { code: item.code } : {}), column: words.total };
}

/**
 * Whether the last mention before a number (and after the previous number) is the number's subject:
 * it lies inside the number's clause or separated from it only by quotes, colons and
 * words like "预算为".
 */
function adjacentMention(text: string, m: ClassificationMention, at: number, clauseStart: number): ClassificationMention | undefined {
  const end = m.offset + m.length;
  if (end >= clauseStart) return m;
  if (at - end > CONTEXT_CHARS) return undefined;
  return onlyOf(text, end, at, FILLER_CHARS) ? m : undefined;
}

const FLAT = '持平';
const SEMICOLON = '；'.charCodeAt(0);
const SEMICOLON_ASCII = ';'.charCodeAt(0);
const CHI = '持'.charCodeAt(0);
const PING = '平'.charCodeAt(0);

/** Offset of "持平" between an amount and the next number, within the same clause group (up to "；"). */
function findFlat(text: string, from: number, to: number): number | undefined {
  for (let i = from; i < to - 1; i++) {
    const ch = text.charCodeAt(i);
    if (ch === SEMICOLON || ch === SEMICOLON_ASCII) return undefined;
    if (ch === CHI && text.charCodeAt(i + 1) === PING) return text.slice(Math.max(from, i - 2), i) === '基本' ? undefined : i;
  }
  return undefined;
}

/** The sentence around a number, cut to about 120 characters around it (bounded work per number). */
function sentenceAround(text: string, start: number, at: number, minEnd: number): string {
  const from = Math.max(start, at - 80);
  let end = minEnd;
  while (end < text.length && end - minEnd < 60 && !inSet(SENTENCE_BREAK, text.charCodeAt(end))) end++;
  const s = text.slice(from, Math.min(end + 1, text.length)).trim();
  return `${from > start ? '…' : ''}${s}${end - minEnd >= 60 ? '…' : ''}`;
}
