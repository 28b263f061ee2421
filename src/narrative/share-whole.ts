import type { BudgetDocument } from '../model/document.js';
import { charSet, holdsOneOf } from '../char-sets.js';
import { linkSubject, type LinkedValue } from './link.js';
import type { ShareStatement } from './shares.js';
import { mentionSubject, type Statement } from './statements.js';
import { cleanWords, subjectFromWords, subjectKey, type Subject } from './subjects.js';

/** What a share is a share of: an amount the narrative states, or a table value. */
export type ShareWhole = { readonly kind: 'narrative'; readonly statement: Statement } | { readonly kind: 'table'; readonly subject: Subject; readonly value: LinkedValue };

/** No whole found, with why. */
export interface Unresolved {
  readonly kind: 'unresolved';
  readonly reason: string;
}

/** How far back (in paragraphs) the narrative's statement of the whole is looked for: its section, about. */
const MAX_PARAGRAPHS_BACK = 6;

/**
 * The level statements of the narrative by subject key (in document order) and the total each part of
 * a "其中" list belongs to: what the wholes of a document's shares are looked up in (made once).
 */
export interface WholeIndex {
  readonly byKey: ReadonlyMap<string, readonly Statement[]>;
  /** Part statement index → the total of its breakdown. */
  readonly parentOf: ReadonlyMap<number, Statement>;
}

export function wholeIndex(statements: readonly Statement[], breakdowns: ReadonlyArray<{ readonly parent: Statement; readonly parts: readonly Statement[] }>): WholeIndex {
  const byKey = new Map<string, Statement[]>();
  for (const s of statements) {
    if (s.role !== 'level' || s.threshold || !s.subject) continue;
    const key = subjectKey(s.subject);
    const list = byKey.get(key);
    if (list) list.push(s);
    else byKey.set(key, [s]);
  }
  const parentOf = new Map<number, Statement>();
  for (const b of breakdowns) for (const p of b.parts) if (!parentOf.has(p.index)) parentOf.set(p.index, b.parent);
  return { byKey, parentOf };
}

/**
 * The wholes a share may be of, most likely first. With no words ("占比67.4%", "所占比例为…"): the
 * total of the "其中" list the part is in. With words: the subject they name (a classification item
 * named there, else a total: "财政拨款支出预算", "基本支出", "政府采购项目预算总额"; "总支出" reads as
 * 支出预算, "总预算" and "财政拨款总额" as either side; "总额" alone as the list's total), as stated by the total of the part's list when that total is the one named (its key, or
 * words ending in the words named: "一般公共预算基本支出" for "基本支出"), by the nearest statement of
 * it before the part (within a few paragraphs), by the nearest amount before it in its paragraph or the
 * one before whose words end in the words named, and by the table value it links to. Several may
 * be found when the words are loose ("基本支出" after "一般公共预算基本支出", which T3 and T5 may hold
 * differently): a share that fits any of them is taken as meant of it. A whole found nowhere is
 * unresolved: the share is then not assessable, never passed.
 */
export function resolveWholes(doc: BudgetDocument, share: ShareStatement, index: WholeIndex, statements: readonly Statement[], previous?: ResolvedShare): readonly ShareWhole[] | Unresolved {
  const part = share.part;
  const parent = index.parentOf.get(part.index);
  const words = share.wholeWords;
  if (words === '' || GENERIC_WHOLE.has(words)) {
    if (parent) return [{ kind: 'narrative', statement: parent }];
    // "其中：财政拨款收入X万元，占收入合计的91.00%；其他收入Y万元，占9.00%": the whole of the share before, in its sentence
    if (previous && sameSentence(previous.share, share)) return previous.wholes;
    return { kind: 'unresolved', reason: `the share names no whole${words ? ` ("${words}")` : ''}, its amount is in no "其中" list under a total, and no share before it in its sentence names one` };
  }
  // "占上年预算的…", "占年初预算的…", "占2022年…" in a 2023 budget, "占全年预算的…" in final accounts: a share of another year's or another stage's amount
  if (OTHER_BASES.some((w) => words.includes(w)) || otherYear(doc, words) || budgetInFinalAccounts(doc, words)) return { kind: 'unresolved', reason: `"${words}" is an amount of another year or stage` };
  // "占全区一般公共预算支出的0.5%": a total of the region or of a level of government, which no table of the department holds
  if (BEYOND_DOCUMENT.test(words)) return { kind: 'unresolved', reason: `"${words}" is a total beyond the department's budget` };
  const context = (): string => `${share.paragraph.text.slice(Math.max(0, share.at - 200), share.at)} ${share.paragraph.section ?? ''}`;
  const read = share.wholeMention ? mentionSubject(share.wholeMention) : subjectFromWords(words, context);
  const subjects = read ? [read] : totalsByWords(words);
  const out: ShareWhole[] = [];
  const add = (s: Statement | undefined): void => {
    if (s && !out.some((w) => w.kind === 'narrative' && w.statement === s)) out.push({ kind: 'narrative', statement: s });
  };
  if (subjects.length === 0) {
    // words of no total the tables hold ("占资产总额的…"): the amount the narrative states under those words
    if (parent && endsWithWords(parent, words)) add(parent);
    add(nearestNamed(statements, part, words));
    return out.length > 0 ? out : { kind: 'unresolved', reason: `"${words}" names no total or item of the tables, nor an amount stated before the share` };
  }
  const keys = subjects.map(subjectKey);
  if (parent && ((parent.subject && keys.includes(subjectKey(parent.subject))) || endsWithWords(parent, words))) add(parent);
  for (const key of keys) add(nearestBefore(index.byKey.get(key), part));
  add(nearestNamed(statements, part, words));
  let reason: string | undefined;
  for (const subject of subjects) {
    const link = linkSubject(doc, subject);
    if (link.kind === 'linked') out.push({ kind: 'table', subject, value: link.value });
    else if (link.kind === 'unlinked') reason ??= link.reason;
  }
  if (out.length > 0) return out;
  return { kind: 'unresolved', reason: reason ?? `"${words}" is stated nowhere before the share in the narrative, and no table holds it` };
}

/** Words of a whole of another year or stage (last year's budget, the initial or adjusted budget, what was spent). */
const OTHER_BASES: readonly string[] = ['上年', '去年', '上一年', '年初', '调整', '执行'];

/** Whether the words name a year other than the document's ("占2022年支出预算的…" in a 2023 budget; any year when the document's is unknown). */
function otherYear(doc: BudgetDocument, words: string): boolean {
  const m = /(\d{4})年/.exec(words);
  return m !== null && Number(m[1]) !== doc.metadata.year;
}

/** Whether the words name the budget in final accounts (决算), where it is another stage ("支出决算…，占全年预算的108.3%"); the funds' names ("一般公共预算") are no stage. */
function budgetInFinalAccounts(doc: BudgetDocument, words: string): boolean {
  return doc.metadata.stage === '决算' && words.replace(FUND_NAMES, '').includes('预算');
}

const FUND_NAMES = /一般公共预算|政府性基金预算|国有资本经营预算/g;

/** Words of a total beyond the document: the region's ("全区", "全市") or a level of government's ("区级", "市本级"). */
const BEYOND_DOCUMENT = /全(?:国|省|市|区|县|镇|乡|街|旗|州|盟)|(?:省|市|区|县)本?级|本级财政/;

/** Words that name no total of their own ("占总额的…"): the total of the part's "其中" list. */
const GENERIC_WHOLE: ReadonlySet<string> = new Set(['总额', '总数', '合计', '总计', '总量', '其总额', '总体']);

/** A share with the wholes found for it. */
export interface ResolvedShare {
  readonly share: ShareStatement;
  readonly wholes: readonly ShareWhole[];
}

const FULL_STOP = charSet('。！!？?');

/** Whether two shares (a before b) stand in one sentence of one paragraph ("；" does not end it). */
function sameSentence(a: ShareStatement, b: ShareStatement): boolean {
  if (a.paragraphIndex !== b.paragraphIndex) return false;
  return !holdsOneOf(b.paragraph.text, a.percent.offset, b.at, FULL_STOP);
}

/** How many statements back nearestNamed looks (bounded work per share). */
const MAX_NAMED_BACK = 40;

/** The nearest amount before the part, in its paragraph or the one before, whose words end in the whole's words. */
function nearestNamed(statements: readonly Statement[], part: Statement, words: string): Statement | undefined {
  for (let i = part.index - 1; i >= 0 && i >= part.index - MAX_NAMED_BACK; i--) {
    const s = statements[i]!;
    if (s.paragraphIndex < part.paragraphIndex - 1) break;
    if (s.role === 'level' && !s.threshold && s.token.unit !== '%' && endsWithWords(s, words)) return s;
  }
  return undefined;
}

/**
 * Words the subject reader leaves and documents use for the grand totals ("占总支出的…", "占部门收入的…",
 * "占财政拨款总额的…"), after "本部门" / "部门" / "本单位" / "单位"; words that may mean either side (a
 * budget balances them: 收入总计 = 支出总计) name both.
 */
const WORD_TOTALS: ReadonlyMap<string, readonly Subject[]> = new Map<string, readonly Subject[]>([
  ...['支出', '总支出', '支出总额', '全部支出', '预算支出总额'].map((w) => [w, [total('支出预算')]] as const),
  ...['收入', '总收入', '收入总额', '全部收入', '预算收入总额'].map((w) => [w, [total('收入预算')]] as const),
  ...['预算', '总预算', '预算总额', '全部预算', '全年预算', '年度预算', '当年预算', '预算总规模'].map((w) => [w, [total('支出预算'), total('收入预算')]] as const),
  ...['财政拨款', '财政拨款总额', '财政拨款预算', '财政拨款预算总额'].map((w) => [w, [total('财政拨款支出'), total('财政拨款收入')]] as const),
]);
const OWNER = /^(本部门|本单位|部门|单位)/;

function total(t: Extract<Subject, { kind: 'total' }>['total']): Subject {
  return { kind: 'total', total: t };
}

function totalsByWords(words: string): readonly Subject[] {
  return WORD_TOTALS.get(words.replace(OWNER, '')) ?? [];
}

/** Whether the words before a statement's amount end with the whole's words ("一般公共预算基本支出" for "基本支出"). */
function endsWithWords(s: Statement, words: string): boolean {
  let c = cleanWords(s.clause);
  while (c.length > 0 && TRAILING.includes(c[c.length - 1]!)) c = c.slice(0, -1);
  return c.endsWith(words);
}

const TRAILING = '为是：:';

/** The last statement of the list before `part`, within MAX_PARAGRAPHS_BACK paragraphs (binary search: lists are in document order). */
function nearestBefore(list: readonly Statement[] | undefined, part: Statement): Statement | undefined {
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.index < part.index) lo = mid + 1;
    else hi = mid;
  }
  const s = lo > 0 ? list[lo - 1] : undefined;
  return s && part.paragraphIndex - s.paragraphIndex <= MAX_PARAGRAPHS_BACK ? s : undefined;
}
