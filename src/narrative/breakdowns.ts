import type { BudgetDocument } from '../model/document.js';
import { buildClassificationIndex } from './classification-index.js';
import type { Statement } from './statements.js';
import type { Subject } from './subjects.js';
import { charSet, inSet, JS_SPACES, removeIfAny } from '../char-sets.js';
import { SPACE_OR_ANY_QUOTE, SPACES_AND_ALL_QUOTES } from './clause-marks.js';

/**
 * Where a breakdown comes from: a 类/款 and its listed children, the 三公 and 公务用车 parts, the
 * 政府采购 parts, or a list the text introduces with "其中" / "包括" under an amount ("项目总预算1170.00万，
 * 其中A 870.00万，B 70.00万…，合计1170.00万").
 */
export type BreakdownKind = 'classification' | 'named' | 'listed';

/** A total with the parts the narrative lists for it (DOMAIN.md §5). */
export interface Breakdown {
  readonly kind: BreakdownKind;
  /** The total. */
  readonly parent: Statement;
  readonly parts: readonly Statement[];
  /** For listed breakdowns: the 合计 / 共计 the text states after the parts. */
  readonly stated?: Statement;
  /**
   * The parts are the whole, so they add up to the total: the classification and named groups, and a
   * list closed by a stated 合计 or by a remainder ("其余…"). Otherwise "其中" may name only some parts,
   * and the parts add up to at most the total.
   */
  readonly exhaustive: boolean;
}

/**
 * The breakdowns of the narrative, in this order: classification groups, named groups (三公, 公务用车,
 * 政府采购), then "其中" lists whose total heads none of the others (and is no 三公 or 政府采购 figure,
 * whose relations the named groups and narrative/procurement-shares check).
 */
export function findBreakdowns(doc: BudgetDocument, statements: readonly Statement[]): Breakdown[] {
  const levels: Statement[] = [];
  for (const s of statements) if (s.role === 'level') levels.push(s);
  const out = classificationGroups(doc, levels);
  namedGroups(levels, out);
  const fixed = out.length;
  for (const g of listedBreakdowns(statements)) {
    const kind = g.parent.subject?.kind;
    if (kind !== 'sangong' && kind !== 'procurement' && !headsOneOf(out, fixed, g.parent)) out.push(g);
  }
  return out;
}

/** Whether one of the first `count` breakdowns has this total (a handful: no set needed). */
function headsOneOf(breakdowns: readonly Breakdown[], count: number, parent: Statement): boolean {
  for (let i = 0; i < count; i++) if (breakdowns[i]!.parent === parent) return true;
  return false;
}

function codeOf(s: Statement): string | undefined {
  return s.subject?.kind === 'classification' ? s.subject.code : undefined;
}

/**
 * A 类/款 amount followed by amounts of its direct children; kept only when the children listed are
 * all the children the tables have (a partial listing need not add up).
 */
function classificationGroups(doc: BudgetDocument, levels: readonly Statement[]): Breakdown[] {
  const index = buildClassificationIndex(doc);
  const out: Breakdown[] = [];
  levels.forEach((p, i) => {
    const code = codeOf(p);
    if (!code || code.length >= 7) return;
    const children: Statement[] = [];
    if (p.subject?.kind === 'classification' && p.subject.column) return;
    for (let j = i + 1; j < levels.length; j++) {
      const sj = levels[j]!.subject;
      if (sj?.kind === 'classification' && sj.column) continue; // an item's 基本支出/项目支出 part
      const c = codeOf(levels[j]!);
      if (!c || !c.startsWith(code) || c === code) break;
      if (c.length === code.length + 2) children.push(levels[j]!);
    }
    if (children.length === 0) return;
    const inTables = index.list(code.length === 3 ? '款' : '项', code);
    // a handful of children is searched as it is; a long list (a flattened table) through a set
    const listed = children.length > FEW_CHILDREN ? new Set(children.map(codeOf)) : undefined;
    if (inTables.length > 0 && !inTables.every((c) => (listed ? listed.has(c.code) : listsCode(children, c.code)))) return;
    out.push({ kind: 'classification', parent: p, parts: children, exhaustive: true });
  });
  return out;
}

const FEW_CHILDREN = 16;

/** Whether one of the amounts is of the code. */
function listsCode(children: readonly Statement[], code: string): boolean {
  for (const c of children) if (codeOf(c) === code) return true;
  return false;
}

/** Index of the first of the `named` levels after `after` that states the part of a named subject (−1: none). */
function indexOfPart(levels: readonly Statement[], named: readonly number[], kind: Subject['kind'], part: string, after: number): number {
  for (const i of named) {
    if (i <= after) continue;
    const s = levels[i]!.subject!;
    if (s.kind === kind && 'part' in s && s.part === part) return i;
  }
  return -1;
}

/** 三公, 公务用车 and 政府采购 groups (the first total and the first of each part after it), added to `out`. */
function namedGroups(levels: readonly Statement[], out: Breakdown[]): void {
  // the levels naming a 三公 or 政府采购 part (a dozen in a narrative): the groups are looked for among them only
  const named: number[] = [];
  for (let i = 0; i < levels.length; i++) {
    const kind = levels[i]!.subject?.kind;
    if (kind === 'sangong' || kind === 'procurement') named.push(i);
  }
  if (named.length === 0) return;
  for (const [kind, parentPart, partNames] of NAMED_GROUPS) {
    const p = indexOfPart(levels, named, kind, parentPart, -1);
    if (p < 0) continue;
    const parts: Statement[] = [];
    for (const name of partNames) {
      const i = indexOfPart(levels, named, kind, name, p);
      if (i < 0) break;
      parts.push(levels[i]!);
    }
    if (parts.length === partNames.length) out.push({ kind: 'named', parent: levels[p]!, parts, exhaustive: true });
  }
}

const NAMED_GROUPS: ReadonlyArray<readonly [Subject['kind'], string, readonly string[]]> = [
  ['sangong', '合计', ['因公出国（境）费', '公务用车购置及运行维护费', '公务接待费']],
  ['sangong', '公务用车购置及运行维护费', ['公务用车购置费', '公务用车运行维护费']],
  ['procurement', '合计', ['货物', '工程', '服务']],
];

/** Words that open a list of parts under the amount before them. */
export const ANCHOR = /其中|包括/g;
/** Separators by strength: a list separated by "，" ends at the first "；", one separated by "；" at "。". */
const BREAK_STRENGTH = strengthTable({ '、': 1, '，': 2, ',': 2, '；': 3, ';': 3, '。': 4, '！': 4, '？': 4, '!': 4, '?': 4 });
const STRONG = 3;
const SENTENCE_END = 4;

/** Strengths by UTF-16 code unit (0: no separator), so scans test codes and allocate no strings. */
function strengthTable(strengths: Readonly<Record<string, number>>): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const [c, n] of Object.entries(strengths)) table[c.charCodeAt(0)] = n;
  return table;
}
/** The words of a stated sum closing a list: "，合计1170.00万", "以上共计…", "总计为…". */
export const STATED_SUM = /^(以上|上述)?(各项|项目)?(合计|共计|总计|总额|小计|总共|共)(金额)?(为|是)?$/;
/** The words of a last part that is the rest of the total: "其余…", "剩余…". */
const REMAINDER = /^(其余|剩余|余下|余额)/;
/** A clause that says what the part before it is used for. */
const USE_OF_PART = /^(主要)?用于|^主要(是|包括|有)/;
/** What may stand between "其中" and the first part: spaces, colons and commas (\s counts U+3000). */
const LEAD = charSet(`${JS_SPACES}：:，,`);
/** The characters a match of STATED_SUM ends with. */
const STATED_SUM_LAST = charSet('计额共为是');

/**
 * Whether a part's words state the sum of the list ("合计"): only when the last of its characters
 * that are no space or quote can end STATED_SUM (most parts' words end in a name) is it cleaned and
 * tested.
 */
export function statesSum(clause: string): boolean {
  let i = clause.length - 1;
  while (i >= 0 && inSet(SPACE_OR_ANY_QUOTE, clause.charCodeAt(i))) i--;
  return i >= 0 && inSet(STATED_SUM_LAST, clause.charCodeAt(i)) && STATED_SUM.test(withoutSpacesAndQuotes(clause));
}

/** The words without spaces and quotes. */
export function withoutSpacesAndQuotes(s: string): string {
  return removeIfAny(s, SPACE_OR_ANY_QUOTE, SPACES_AND_ALL_QUOTES);
}

const OPEN = '（'.charCodeAt(0);
const OPEN_ASCII = '('.charCodeAt(0);
const CLOSE = '）'.charCodeAt(0);
const CLOSE_ASCII = ')'.charCodeAt(0);

/**
 * The strongest separator between two offsets of a text, ignoring what stands inside parentheses
 * opened there; stops early once `enough` is reached.
 */
function strongestBreak(text: string, from: number, to: number, enough = SENTENCE_END): number {
  let best = 0;
  let depth = 0;
  for (let i = from; i < to && best < enough; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN || c === OPEN_ASCII) depth++;
    else if ((c === CLOSE || c === CLOSE_ASCII) && depth > 0) depth--;
    else if (depth === 0) best = Math.max(best, BREAK_STRENGTH[c] ?? 0);
  }
  return best;
}

/** Whether the text between two offsets closes more parentheses than it opens (a list inside "（其中：…）" ends there). */
function leavesParenthesis(text: string, from: number, to: number): boolean {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN || c === OPEN_ASCII) depth++;
    else if (c === CLOSE || c === CLOSE_ASCII) {
      if (depth === 0) return true;
      depth--;
    }
  }
  return false;
}

/** One paragraph's statements with what the list search needs, computed once (linear time). */
interface ParagraphScan {
  readonly text: string;
  readonly list: readonly Statement[];
  /** Offsets of "其中" / "包括", in text order. */
  readonly anchors: readonly number[];
  /** Per statement: index of the nearest statement before it that is no change or percentage (−1: none). */
  readonly ownerBefore: readonly number[];
  /** Per anchor: the last offset before it holding "；" or a sentence end (−1: none). */
  readonly strongBefore: readonly number[];
}

function scanOf(list: readonly Statement[], anchors: readonly number[]): ParagraphScan {
  const text = list[0]!.paragraph.text;
  // small integer arrays built by push (cheaper to make than typed arrays for a few entries)
  const ownerBefore: number[] = [];
  let owner = -1;
  for (let i = 0; i < list.length; i++) {
    ownerBefore.push(owner);
    const role = list[i]!.role;
    if (role !== 'change' && role !== 'percent') owner = i;
  }
  // one pass up to the last anchor (anchors are in text order)
  const strongBefore: number[] = [];
  let strong = -1;
  let i = 0;
  for (const a of anchors) {
    for (; i < a; i++) if (BREAK_STRENGTH[text.charCodeAt(i)]! >= STRONG) strong = i;
    strongBefore.push(strong);
  }
  return { text, list, anchors, ownerBefore, strongBefore };
}

/**
 * "X万元，其中：A万元、B万元…": the amount before "其中" (or "包括") in its sentence — with only its own
 * year-on-year figures between them — and the amounts of the list after it. The list starts in the
 * first clause after "其中" and keeps the separator that stands before its second part: a list
 * separated by "，" ends at a "；" (so "公务用车2万元，其中：购置0.5万元，运行1.5万元；公务接待费…" lists
 * two parts), one separated by "；" at the end of the sentence. A 合计 / 共计 amount closes it; a
 * limit ("100万元以上"), a nested "其中" or a closing parenthesis ends it (the parts read so far are a
 * partial list). Linear in the paragraph: each list is read up to the next anchor, and of several
 * anchors before the same amount only the last can introduce it.
 */
function listedBreakdowns(statements: readonly Statement[]): Breakdown[] {
  const out: Breakdown[] = [];
  // statements come in document order: each paragraph's are one run
  for (let from = 0, to = 0; from < statements.length; from = to) {
    const paragraphIndex = statements[from]!.paragraphIndex;
    while (to < statements.length && statements[to]!.paragraphIndex === paragraphIndex) to++;
    const text = statements[from]!.paragraph.text;
    const anchors = anchorsOf(text);
    if (anchors.length === 0) continue;
    const list = statements.slice(from, to);
    const scan = scanOf(list, anchors);
    let k = 0; // first statement at or after the anchor
    for (let ai = 0; ai < anchors.length; ai++) {
      const a = anchors[ai]!;
      while (k < list.length && list[k]!.token.offset < a) k++;
      if (k >= list.length) break;
      const next = anchors[ai + 1] ?? Infinity;
      if (next < list[k]!.token.offset) continue; // a later anchor stands before the same amount
      const g = listAt(scan, k, ai, next);
      if (g) out.push(g);
    }
  }
  return out;
}

const NO_ANCHORS: readonly number[] = Object.freeze([]);

/**
 * Offsets of "其中" / "包括" in text order, as ANCHOR finds them: the occurrences of each word merged
 * (neither word overlaps itself or the other). indexOf is quicker than a regex or a loop over the text.
 */
export function anchorsOf(text: string): readonly number[] {
  let qi = text.indexOf('其中');
  let bao = text.indexOf('包括');
  if (qi < 0 && bao < 0) return NO_ANCHORS;
  const out: number[] = [];
  while (qi >= 0 || bao >= 0) {
    if (bao < 0 || (qi >= 0 && qi < bao)) {
      out.push(qi);
      qi = text.indexOf('其中', qi + 2);
    } else {
      out.push(bao);
      bao = text.indexOf('包括', bao + 2);
    }
  }
  return out;
}

function listAt(scan: ParagraphScan, k: number, anchorIndex: number, nextAnchor: number): Breakdown | undefined {
  const { text, list } = scan;
  const anchor = scan.anchors[anchorIndex]!;
  // the total: the last statement before the anchor is this year's amount or its year-on-year figures
  const parent = list[scan.ownerBefore[k]!];
  if (!parent || parent.role !== 'level' || parent.threshold) return undefined;
  if (scan.strongBefore[anchorIndex]! >= parent.token.offset + parent.token.length) return undefined; // a "；" or "。" between
  // the first part stands in the first clause after the anchor
  const first = list[k]!;
  if (first.role !== 'level' || first.threshold) return undefined;
  let afterAnchor = anchor + 2;
  const leadEnd = Math.min(first.token.offset, anchor + 12);
  while (afterAnchor < leadEnd && inSet(LEAD, text.charCodeAt(afterAnchor))) afterAnchor++;
  if (strongestBreak(text, afterAnchor, first.token.offset, 1) > 0) return undefined;
  const parts: Statement[] = [first];
  let separator = 0;
  let stated: Statement | undefined;
  let prevEnd = first.token.offset + first.token.length;
  for (let i = k + 1; i < list.length; i++) {
    const s = list[i]!;
    // a nested "其中" belongs to the part before it
    if (s.token.offset > nextAnchor) break;
    if (s.role === 'change' || s.role === 'percent' || s.role === 'previous') continue; // a part's own year-on-year figures
    // what a part is spent on ("基本支出816.34万元，主要用于人员经费700.00万元"): a detail of that part
    if (USE_OF_PART.test(withoutSpacesAndQuotes(s.clause))) continue;
    // a closing parenthesis ends a list opened inside it
    if (leavesParenthesis(text, prevEnd, s.token.offset)) break;
    const b = strongestBreak(text, prevEnd, s.token.offset);
    if (b === 0 || b >= SENTENCE_END || s.threshold) break;
    // "一季度0.33万元、二季度0.33万元，合计0.66万元": the sum may follow after a stronger separator
    if (statesSum(s.clause)) {
      stated = s;
      break;
    }
    if (separator === 0) separator = b;
    else if (b > separator) break;
    parts.push(s);
    prevEnd = s.token.offset + s.token.length;
  }
  const remainder = parts.length > 1 && REMAINDER.test(withoutSpacesAndQuotes(parts[parts.length - 1]!.clause));
  return { kind: 'listed', parent, parts, ...(stated ? { stated } : {}), exhaustive: stated !== undefined || remainder };
}
