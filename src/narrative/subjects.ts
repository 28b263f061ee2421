import type { CodeLevel } from '../model/document.js';
import { removeIfAny } from '../char-sets.js';
import { SPACE_OR_ANY_QUOTE, SPACES_AND_ALL_QUOTES } from './clause-marks.js';
import { ownCopy } from '../memo.js';

/** Totals of the 部门预算编制说明 (DOMAIN.md §5). */
export type TotalKind =
  | '收入预算'
  | '支出预算'
  | '财政拨款收入'
  | '财政拨款支出'
  | '一般公共预算拨款收入'
  | '一般公共预算拨款支出'
  /** 一般公共预算财政拨款 基本支出 / 项目支出 (T5's columns; the MoF narrative states them). */
  | '一般公共预算基本支出'
  | '一般公共预算项目支出'
  | '政府性基金拨款收入'
  | '政府性基金拨款支出'
  | '国有资本经营拨款收入'
  | '国有资本经营拨款支出'
  | '事业收入'
  | '事业单位经营收入'
  | '其他收入'
  | '财政专项资金'
  | '非同级财政拨款收入'
  | '自筹资金'
  | '基本支出'
  | '项目支出'
  | '人员经费'
  | '公用经费'
  /** The MoF layout's summary lines: 本年收入合计 / 本年支出合计 (收入预算 / 支出预算 are the grand totals). */
  | '本年收入'
  | '本年支出'
  /** 上年结转（结余）: income carried over from last year (MoF layout), and 年终结转结余 on the expense side. */
  | '上年结转'
  | '年终结转结余'
  /**
   * The 财政拨款 part of the carry-over (T4 二、上年结转): "上年结转" said of 财政拨款, as in the MoF section
   * 财政拨款收支预算情况 ("财政拨款收入…，上年结转…"). The rest of the carry-over is other sources' money.
   */
  | '财政拨款上年结转';

/** Income sources other than 财政拨款, as T1 and T2 name them. */
export const OTHER_INCOME: readonly TotalKind[] = ['非同级财政拨款收入', '事业单位经营收入', '事业收入', '其他收入', '财政专项资金', '自筹资金'];

/** Parts of the 三公 figure (T9). */
export type SanGongPart = '合计' | '因公出国（境）费' | '公务用车购置及运行维护费' | '公务用车购置费' | '公务用车运行维护费' | '公务接待费';

/** Parts of the 政府采购 statement (no table: checked against each other). */
export type ProcurementPart = '合计' | '货物' | '工程' | '服务' | '预留中小企业' | '预留小微企业';

/** What a narrative amount restates. */
export type Subject =
  | {
      readonly kind: 'classification';
      readonly code?: string;
      readonly level: CodeLevel;
      readonly name: string;
      /** "其中：基本支出X万元" after an item: that column of the item's row instead of 合计. */
      readonly column?: '基本支出' | '项目支出';
    }
  | { readonly kind: 'total'; readonly total: TotalKind }
  | { readonly kind: 'sangong'; readonly part: SanGongPart }
  | { readonly kind: 'office-running' }
  | { readonly kind: 'procurement'; readonly part: ProcurementPart }
  | { readonly kind: 'performance-projects' }
  /**
   * A project of the 项目经费情况说明 ("科技创新专项经费情况说明 … 项目总预算1720.00万"): the name is the
   * project heading's, which the tables do not print (they list 项, each funding one or more projects).
   */
  | { readonly kind: 'project'; readonly name: string };

/** A stable key for a subject ("2011301", "total:收入预算", "sangong:公务接待费"). */
export function subjectKey(s: Subject): string {
  switch (s.kind) {
    case 'classification':
      return `${s.code ?? `${s.name}（${s.level}）`}${s.column ? `/${s.column}` : ''}`;
    case 'total':
      return keyOf(TOTAL_KEYS, 'total:', s.total);
    case 'sangong':
      return keyOf(SANGONG_KEYS, 'sangong:', s.part);
    case 'office-running':
      return 'office-running';
    case 'procurement':
      return keyOf(PROCUREMENT_KEYS, 'procurement:', s.part);
    case 'performance-projects':
      return 'performance-projects';
    case 'project':
      return `project:${s.name}`;
  }
}

/**
 * The keys of the named subjects, one string each: a key made once is looked up in the analysis's
 * maps without being made and hashed again per amount (the names are the module's own constants: few).
 */
const TOTAL_KEYS = new Map<string, string>();
const SANGONG_KEYS = new Map<string, string>();
const PROCUREMENT_KEYS = new Map<string, string>();

function keyOf(keys: Map<string, string>, prefix: string, name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = `${prefix}${name}`;
    keys.set(name, key);
  }
  return key;
}

/** A readable label in Chinese (the document's language). */
export function subjectLabel(s: Subject): string {
  switch (s.kind) {
    case 'classification':
      return `${s.code ? `${s.code} ` : ''}${s.name}（${s.level}）${s.column ? ` ${s.column}` : ''}`;
    case 'total':
      return s.total;
    case 'sangong':
      return s.part === '合计' ? '“三公”经费' : s.part;
    case 'office-running':
      return '机关运行经费';
    case 'procurement':
      return s.part === '合计' ? '政府采购预算' : `政府采购${s.part}`;
    case 'performance-projects':
      return '绩效目标项目资金';
    case 'project':
      return `项目“${s.name}”`;
  }
}

/** Removes quotes and spaces and makes half-width brackets full-width, so keywords match printed variants. */
export function cleanWords(s: string): string {
  const cleaned = removeIfAny(s, SPACE_OR_ANY_QUOTE, SPACES_AND_ALL_QUOTES);
  return cleaned.includes('(') || cleaned.includes(')') ? cleaned.replaceAll('(', '（').replaceAll(')', '）') : cleaned;
}

/** Phrases subjectFromWords looks for (made once: a regex literal is a new object each time it is evaluated). */
// "因公出国（境）费", also written "…经费" (as 公务接待经费)
const TRAVEL = /因公出国（?境?）?经?费/;
const RECEPTION = /公务接待经?费/;
const CAR_PURCHASE_AND_RUNNING = /公务用?车(用车)?购置及运行(维护)?费/;
const CAR_PURCHASE = /公务用?车(用车)?购置费/;
const BARE_PURCHASE = /^(其中)?购置费/;
const CAR_RUNNING = /公务用?车(用车)?运行(维护)?费/;
const BARE_RUNNING = /^(其中)?运行(维护)?费/;
const PROCUREMENT_PART = /小型和微型|小微|中小企业|预留|货物|工程|服务/;
const SMALL_AND_MICRO = /小型和微型|小微/;
const SMALL_AND_MEDIUM = /中小企业|预留/;
const PROJECT_MONEY_WORDS = /项目(预算)?(资金|金额|经费)/;
const INCOME_WORD = /收入|资金$/;
const BARE_APPROPRIATION = /^(其中)?财政拨款(资金)?(预算)?(为|是)?$/;
const EXPENSE_WORD = /支出|拨款/;
const YEAR_END_CARRY_OVER = /年[终末]结转(结余)?/;
const LAST_YEAR_CARRY_OVER = /上年(度)?结转(结余)?|上年结余/;
/** A carry-over without 财政拨款 ("非财政拨款上年结转", "不含财政拨款的上年结转结余"). */
const CARRY_OVER_NOT_FISCAL = /非财政拨款|不(包)?含财政拨款|不包括财政拨款/;
/** The 财政拨款 section's heading or sentence: "财政拨款收支", "财政拨款收入支出", "财政拨款收、支", "财政拨款预算收支". */
const FISCAL_SECTION = /财政拨款(预算)?收入?、?支/;
/** A carry-over that holds 财政拨款 among the rest ("上年结转结余（含财政拨款结转）"). */
const CARRY_OVER_WITH_FISCAL = /(含|包括)财政拨款/;
const THIS_YEAR_INCOME = /本年(度)?收入/;
const THIS_YEAR_EXPENSE = /本年(度)?支出/;
// "收入预算", "收入总预算", "收入总计"
const INCOME_TOTAL = /收入总?(预算|总计|合计)|预算收入/;
const EXPENSE_TOTAL = /支出总?(预算|总计|合计)|预算支出/;

/**
 * The subject named by the words before an amount (the clause up to the number). Most specific
 * phrases first: "一般公共预算拨款支出预算" must not read as "支出预算". Undefined when the words name
 * nothing this module knows; `context` (the sentence and section heading) settles phrases that only
 * mean something in their section ("涉及项目预算资金" under 绩效目标). It may be given as a function:
 * it is then built only when the words need it (rarely).
 */
export function subjectFromWords(clause: string, context: string | (() => string)): Subject | undefined {
  const c = cleanWords(clause);
  const known = c.length <= MAX_CACHED_WORDS ? wordsCache.get(c) : undefined;
  // a fresh object per call, as when read: a statement's subject is told apart from the one before by identity
  if (known !== undefined) return known === null ? undefined : { ...known };
  let built: string | undefined;
  let contextRead = false;
  const ctx = (): string => {
    contextRead = true;
    return (built ??= typeof context === 'string' ? context : context());
  };
  const subject = readSubject(c, ctx);
  if (!contextRead && c.length <= MAX_CACHED_WORDS) {
    if (wordsCache.size >= MAX_CACHED_SUBJECTS) wordsCache.clear();
    wordsCache.set(ownCopy(c), subject === undefined ? null : { ...subject });
  }
  return subject;
}

/**
 * The subjects of cleaned words read without their context (null: none), by the words: narratives
 * repeat the same phrases ("收入预算", "其中：财政拨款收入"), and reading one runs up to forty tests.
 */
const wordsCache = new Map<string, Subject | null>();
const MAX_CACHED_WORDS = 60;
const MAX_CACHED_SUBJECTS = 10_000;

/** subjectFromWords on cleaned words, without the cache; `ctx` gives the context (exported for tests). */
export function readSubject(c: string, ctx: () => string): Subject | undefined {
  // the context is only searched for 三公 / 政府采购 / 绩效, which quotes cannot split
  if (TRAVEL.test(c)) return { kind: 'sangong', part: '因公出国（境）费' };
  // "公务用车", also written "公务车" or "公务车用车"
  if (CAR_PURCHASE_AND_RUNNING.test(c)) return { kind: 'sangong', part: '公务用车购置及运行维护费' };
  if (CAR_PURCHASE.test(c) || (BARE_PURCHASE.test(c) && ctx().includes('三公'))) return { kind: 'sangong', part: '公务用车购置费' };
  if (CAR_RUNNING.test(c) || (BARE_RUNNING.test(c) && ctx().includes('三公'))) return { kind: 'sangong', part: '公务用车运行维护费' };
  if (RECEPTION.test(c)) return { kind: 'sangong', part: '公务接待费' };
  if (c.includes('三公')) return { kind: 'sangong', part: '合计' };
  if (c.includes('机关运行经费')) return { kind: 'office-running' };
  // the context is read only when the words name a part of 政府采购
  const procurement = PROCUREMENT_PART.test(c) && (c.includes('政府采购') || ctx().includes('政府采购'));
  if (procurement && SMALL_AND_MICRO.test(c)) return { kind: 'procurement', part: '预留小微企业' };
  if (procurement && SMALL_AND_MEDIUM.test(c)) return { kind: 'procurement', part: '预留中小企业' };
  if (procurement && c.includes('货物')) return { kind: 'procurement', part: '货物' };
  if (procurement && c.includes('工程')) return { kind: 'procurement', part: '工程' };
  if (procurement && c.includes('服务')) return { kind: 'procurement', part: '服务' };
  if (c.includes('政府采购')) return { kind: 'procurement', part: '合计' };
  if (PROJECT_MONEY_WORDS.test(c) && (c + ctx()).includes('绩效')) return { kind: 'performance-projects' };
  // income first: "政府性基金预算拨款收入0元" is T4's income line, not the expense
  if (c.includes('政府性基金') && INCOME_WORD.test(c)) return { kind: 'total', total: '政府性基金拨款收入' };
  if (c.includes('国有资本经营') && INCOME_WORD.test(c)) return { kind: 'total', total: '国有资本经营拨款收入' };
  if (c.includes('政府性基金') && EXPENSE_WORD.test(c)) return { kind: 'total', total: '政府性基金拨款支出' };
  if (c.includes('国有资本经营') && EXPENSE_WORD.test(c)) return { kind: 'total', total: '国有资本经营拨款支出' };
  if (c.includes('一般公共预算') && c.includes('基本支出')) return { kind: 'total', total: '一般公共预算基本支出' };
  if (c.includes('一般公共预算') && c.includes('项目支出')) return { kind: 'total', total: '一般公共预算项目支出' };
  if (c.includes('一般公共预算') && c.includes('支出')) return { kind: 'total', total: '一般公共预算拨款支出' };
  if (c.includes('一般公共预算') && INCOME_WORD.test(c)) return { kind: 'total', total: '一般公共预算拨款收入' };
  // the MoF layout's carry-over and this-year lines ("上年结转结余100,000元", "本年收入合计")
  if (YEAR_END_CARRY_OVER.test(c)) return { kind: 'total', total: '年终结转结余' };
  if (LAST_YEAR_CARRY_OVER.test(c)) {
    // other sources' part (T1 less T4, which no line prints)
    if (CARRY_OVER_NOT_FISCAL.test(c)) return undefined;
    // said of 财政拨款: by its words (not "含财政拨款…": all of it), or in a sentence or section (the
    // context ends with its heading, "二、财政拨款收支预算情况") about 财政拨款收支
    const fiscal = (c.includes('财政拨款') && !CARRY_OVER_WITH_FISCAL.test(c)) || FISCAL_SECTION.test(ctx());
    return { kind: 'total', total: fiscal ? '财政拨款上年结转' : '上年结转' };
  }
  const income = OTHER_INCOME.find((k) => c.includes(k));
  if (income) return { kind: 'total', total: income };
  if (c.includes('人员经费')) return { kind: 'total', total: '人员经费' };
  if (c.includes('公用经费')) return { kind: 'total', total: '公用经费' };
  if (c.includes('基本支出')) return { kind: 'total', total: '基本支出' };
  if (c.includes('项目支出')) return { kind: 'total', total: '项目支出' };
  // "其中：财政拨款X万元": the 财政拨款 of the total the sentence is about (the one it named last)
  if (BARE_APPROPRIATION.test(c)) {
    const x = ctx();
    const income = x.lastIndexOf('收入');
    const expense = x.lastIndexOf('支出');
    if (income >= 0 || expense >= 0) return { kind: 'total', total: income > expense ? '财政拨款收入' : '财政拨款支出' };
  }
  if (c.includes('财政拨款收入')) return { kind: 'total', total: '财政拨款收入' };
  if (c.includes('财政拨款支出')) return { kind: 'total', total: '财政拨款支出' };
  // "本年收入合计" is this year's income without the carry-over; 收入总计 / 收入预算 the grand total
  if (THIS_YEAR_INCOME.test(c)) return { kind: 'total', total: '本年收入' };
  if (THIS_YEAR_EXPENSE.test(c)) return { kind: 'total', total: '本年支出' };
  if (INCOME_TOTAL.test(c)) return { kind: 'total', total: '收入预算' };
  if (EXPENSE_TOTAL.test(c)) return { kind: 'total', total: '支出预算' };
  return undefined;
}
