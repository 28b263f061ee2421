import { parseAmountText, toHalfWidth, type Unit } from '../../model/amount.js';
import type { Decimal } from '../../model/decimal.js';
import type { SourceLocation } from '../../model/location.js';
import type { FormLine } from './form-lines.js';
import { FIELD_AFTER_NAME } from '../../parsers/form-fields.js';

/** Which fund block of a form a label belongs to: the year's request, the whole project, or either. */
export type Block = 'annual' | 'project';

/** A fund label of the 项目资金 part of a form. */
export interface FundLabel {
  /** The label as printed, without "其中：" and colons ("当年财政拨款"). */
  readonly text: string;
  readonly role: 'total' | 'part';
  /** The block the label can only belong to, or 'shared' (其他资金 appears in both blocks). */
  readonly home: Block | 'shared';
  /** A catch-all part (其他资金): with it the parts are the whole breakdown and must add up. */
  readonly residual: boolean;
}

/**
 * The fund labels of the forms in use (财政部 项目支出绩效目标表; the Shanghai 财政项目支出绩效目标
 * 填报表 with its two blocks 项目资金总额 = 财政资金 + 其他资金 and 年度资金申请总额 = 当年财政拨款 +
 * 上年结转资金 + 其他资金). Longer labels first where one contains another.
 */
const LABELS: readonly FundLabel[] = [
  { text: '年度资金申请总额', role: 'total', home: 'annual', residual: false },
  { text: '年度申请资金总额', role: 'total', home: 'annual', residual: false },
  { text: '年度预算资金总额', role: 'total', home: 'annual', residual: false },
  { text: '本年度资金总额', role: 'total', home: 'annual', residual: false },
  { text: '年度资金总额', role: 'total', home: 'annual', residual: false },
  { text: '年度预算总额', role: 'total', home: 'annual', residual: false },
  { text: '当年资金总额', role: 'total', home: 'annual', residual: false },
  { text: '项目资金总额', role: 'total', home: 'project', residual: false },
  { text: '中期资金总额', role: 'total', home: 'project', residual: false },
  { text: '项目总金额', role: 'total', home: 'project', residual: false },
  { text: '资金总额', role: 'total', home: 'annual', residual: false },
  { text: '当年财政拨款', role: 'part', home: 'annual', residual: false },
  { text: '本年财政拨款', role: 'part', home: 'annual', residual: false },
  { text: '上年结转结余资金', role: 'part', home: 'annual', residual: false },
  { text: '上年结转资金', role: 'part', home: 'annual', residual: false },
  { text: '上年结转', role: 'part', home: 'annual', residual: false },
  { text: '财政资金', role: 'part', home: 'project', residual: false },
  { text: '财政拨款', role: 'part', home: 'shared', residual: false },
  { text: '其他资金', role: 'part', home: 'shared', residual: true },
  { text: '自有资金', role: 'part', home: 'shared', residual: false },
  { text: '事业收入', role: 'part', home: 'shared', residual: false },
  { text: '经营收入', role: 'part', home: 'shared', residual: false },
  { text: '其他收入', role: 'part', home: 'shared', residual: true },
];
const LABEL_BY_TEXT = new Map(LABELS.map((l) => [l.text, l]));
// built from LABELS (plain CJK words, no metacharacters), so a label added there is matched too
const LABEL_RE = new RegExp(LABELS.map((l) => l.text).join('|'), 'g');
/** Characters that may stand before a label ("其中：当年财政拨款", "（元） 上年结转资金", "0.00其他资金"). */
const BEFORE_LABEL = /[\s:：）)、，,0-9０-９]/;
/** Characters that may follow a label ("年度资金总额：", "年度资金总额（万元）", "资金总额 410.00"). */
const AFTER_LABEL = /[\s:：（(0-9０-９]/;

const UNIT_MARK = /[（(]\s?(亿元|万元|元)\s?[）)]|单位\s?[:：]\s?(亿元|万元|元)/g;
// where the fund lines end: the targets and indicators follow them in every template
const GOAL_MARK = /项目总目标|年度总体目标|总体目标|年度绩效目标|长期目标|年度目标|绩效指标|一级指标|二级指标|产出指标/;
const NAME_MARK = /项目名称/;
// the header fields printed after the project name on the same line
const NUMBER_RUN = /[0-9０-９][0-9０-９,，.．]*/g;
const BLANK_WORD = /^[-—–－/]{1,3}$/;
const UNIT_AFTER = /\s?(亿元|万元|元)|[（(]\s?(亿元|万元|元)\s?[）)]/y;
// a label or 其中 right after an amount ("4,100,000.00年度资金申请总额")
const LABEL_AFTER = /其中|年度|项目资金总额|中期资金总额|项目总金额|资金总额|当年财政拨款|本年财政拨款|上年结转|财政资金|财政拨款|其他资金|其他收入|自有资金|事业收入|经营收入/y;
// an amount is not part of a date, a range, a ratio or a comparison ("2023-01-01", "≥80.00(%)")
const REFUSED_BEFORE = /[0-9０-９.．\-－/≥≤=＝<>＜＞~～A-Za-z%％]/;
const REFUSED_AFTER = /[0-9０-９.．\-－/%％(（A-Za-z\u4e00-\u9fff]/;

/** A printed amount, from its raw text (never through Number). */
export interface PrintedAmount {
  readonly raw: string;
  readonly value: Decimal;
  readonly scale: number;
  /** A unit printed right after the number ("410.00万元"). */
  readonly unit?: Unit;
}

export type Token =
  | {
      readonly kind: 'label';
      readonly label: FundLabel;
      readonly pos: number;
      readonly end: number;
      readonly column: number | undefined;
      readonly location: SourceLocation;
      /** "其中" stands right before the label (no label, amount or word between): it opens a list of parts. */
      opens: boolean;
    }
  | { readonly kind: 'amount'; readonly amount: PrintedAmount; readonly pos: number; readonly end: number; readonly column: number | undefined; readonly location: SourceLocation }
  | { readonly kind: 'blank'; readonly pos: number; readonly end: number; readonly column: number | undefined; readonly location: SourceLocation }
  /** Other words: they separate a label from an amount ("资金总额 控制 100" is no fund line). */
  | { readonly kind: 'text'; readonly pos: number; readonly end: number; readonly column: number | undefined; readonly location: SourceLocation };

/** What one printed line of a form says. */
export interface LineReading {
  /** Fund labels, amounts and blank marks in reading order. */
  readonly tokens: readonly Token[];
  readonly units: readonly Unit[];
  /** The line starts the targets and indicators (项目总目标, 一级指标 …). */
  readonly goals: boolean;
  /** The project name, when the line prints "项目名称". */
  readonly project?: string;
}

// Pre-tests: most pieces of a form (names, dates' neighbours, indicators) hold no digit, no character
// of a fund label and no blank mark, and are then not scanned for them.
const DIGIT = /[0-9０-９]/;
// the last characters of the labels in LABELS (额 款 金 转 入): a piece with none of them holds no label
const LABEL_CHAR = new RegExp(`[${[...new Set(LABELS.map((l) => l.text.at(-1)!))].join('')}]`);
const BLANK_CHAR = /[-—–－/]/;

function amountsIn(text: string, pieceIndex: number, column: number | undefined, locate: (o: number, l: number) => SourceLocation): Token[] {
  const out: Token[] = [];
  if (!DIGIT.test(text)) return out;
  for (const m of text.matchAll(NUMBER_RUN)) {
    let raw = m[0];
    // a trailing separator belongs to the sentence ("…0.00。", "1,000,")
    while (/[,，.．]$/.test(raw)) raw = raw.slice(0, -1);
    const start = m.index;
    const end = start + raw.length;
    const before = text[start - 1];
    let negative = false;
    if (before !== undefined && /[-−－]/.test(before)) {
      const prior = text[start - 2];
      if (prior !== undefined && !/[\s:：]/.test(prior)) continue;
      negative = true;
    } else if (before !== undefined && REFUSED_BEFORE.test(before)) continue;
    UNIT_AFTER.lastIndex = end;
    const unitMatch = UNIT_AFTER.exec(text);
    const next = text[end];
    LABEL_AFTER.lastIndex = end;
    if (!unitMatch && next !== undefined && REFUSED_AFTER.test(next) && !LABEL_AFTER.test(text)) continue;
    const parsed = parseAmountText(toHalfWidth(raw));
    if (parsed.kind !== 'amount') continue;
    const unit = unitMatch ? ((unitMatch[1] ?? unitMatch[2]) as Unit) : undefined;
    const value = negative ? parsed.value.negated() : parsed.value;
    out.push({
      kind: 'amount',
      amount: { raw: negative ? `-${raw}` : raw, value, scale: parsed.scale, ...(unit ? { unit } : {}) },
      pos: pieceIndex * 100_000 + start,
      end: pieceIndex * 100_000 + end + (unitMatch ? unitMatch[0].length : 0),
      column,
      location: locate(negative ? start - 1 : start, end - start + (negative ? 1 : 0)),
    });
  }
  return out;
}

function labelsIn(text: string, pieceIndex: number, column: number | undefined, locate: (o: number, l: number) => SourceLocation): Token[] {
  const out: Token[] = [];
  if (!LABEL_CHAR.test(text)) return out;
  for (const m of text.matchAll(LABEL_RE)) {
    const at = m.index;
    const before = text[at - 1];
    const after = text[at + m[0].length];
    const beforeOk = before === undefined || BEFORE_LABEL.test(before) || text.slice(Math.max(0, at - 2), at) === '其中';
    const afterOk = after === undefined || AFTER_LABEL.test(after);
    if (!beforeOk || !afterOk) continue;
    out.push({ kind: 'label', label: LABEL_BY_TEXT.get(m[0])!, pos: pieceIndex * 100_000 + at, end: pieceIndex * 100_000 + at + m[0].length, column, location: locate(at, m[0].length), opens: false });
  }
  return out;
}

function blanksIn(text: string, pieceIndex: number, column: number | undefined, locate: (o: number, l: number) => SourceLocation): Token[] {
  const out: Token[] = [];
  if (!BLANK_CHAR.test(text)) return out;
  let offset = 0;
  for (const word of text.split(/\s/)) {
    if (BLANK_WORD.test(word)) out.push({ kind: 'blank', pos: pieceIndex * 100_000 + offset, end: pieceIndex * 100_000 + offset + word.length, column, location: locate(offset, word.length) });
    offset += word.length + 1;
  }
  return out;
}

// what may stand between a label and its amount without separating them: 其中, colons, a unit
const NEUTRAL = /其中|[（(]\s?(?:亿元|万元|元)\s?[）)]|(?:金额)?单位\s?[:：]\s?(?:亿元|万元|元)|[\s:：，,、；;。（）()]/g;

/** Words of a piece outside its labels, amounts and blanks. */
function textsIn(text: string, covered: readonly Token[], pieceIndex: number, column: number | undefined, locate: (o: number, l: number) => SourceLocation): Token[] {
  const out: Token[] = [];
  const base = pieceIndex * 100_000;
  const spans = covered.map((t) => [t.pos - base, t.end - base] as const).sort((a, b) => a[0] - b[0]);
  let from = 0;
  const gap = (a: number, b: number): void => {
    if (b <= a) return;
    const rest = text.slice(a, b).replace(NEUTRAL, '');
    if (rest === '') return;
    out.push({ kind: 'text', pos: base + a, end: base + b, column, location: locate(a, b - a) });
  };
  for (const [a, b] of spans) {
    gap(from, a);
    from = Math.max(from, b);
  }
  gap(from, text.length);
  return out;
}

const QIZHONG = /其中/g;

/** Marks the labels that a "其中" opens: the 其中 ends after the token before the label (tokens sorted). */
function markOpeners(tokens: Token[], openers: readonly number[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'label') continue;
    const after = i > 0 ? tokens[i - 1]!.end : -1;
    if (openers.some((o) => o > after && o <= t.pos)) t.opens = true;
  }
}

/** Reads one line: its fund labels, amounts, blanks and other words in order, its units and markers. */
export function readLine(line: FormLine): LineReading {
  const tokens: Token[] = [];
  const units: Unit[] = [];
  // where each "其中" of the line ends (line positions, as tokens' pos)
  const openers: number[] = [];
  line.pieces.forEach((piece, i) => {
    const locate = (o: number, l: number): SourceLocation => piece.locate(o, l);
    const found = labelsIn(piece.text, i, piece.column, locate);
    for (const t of amountsIn(piece.text, i, piece.column, locate)) found.push(t);
    for (const t of blanksIn(piece.text, i, piece.column, locate)) found.push(t);
    for (const t of found) tokens.push(t);
    for (const t of textsIn(piece.text, found, i, piece.column, locate)) tokens.push(t);
    if (piece.text.includes('其中')) for (const m of piece.text.matchAll(QIZHONG)) openers.push(i * 100_000 + m.index + m[0].length);
    // every unit mark names 元 (元, 万元, 亿元)
    if (piece.text.includes('元')) for (const m of piece.text.matchAll(UNIT_MARK)) units.push((m[1] ?? m[2]) as Unit);
  });
  tokens.sort((a, b) => a.pos - b.pos);
  if (openers.length > 0) markOpeners(tokens, openers);
  const text = line.pieces.map((p) => p.text).join(' ');
  const name = NAME_MARK.exec(text);
  let project: string | undefined;
  if (name) {
    const rest = text.slice(name.index + name[0].length).replace(/^[\s:：]+/, '');
    const end = FIELD_AFTER_NAME.exec(rest);
    project = (end ? rest.slice(0, end.index) : rest).trim();
  }
  return { tokens, units, goals: GOAL_MARK.test(text), ...(project !== undefined ? { project } : {}) };
}

/** True when a total label is followed directly by an amount on the line (a fund line, not prose). */
export function hasTotalLine(r: LineReading): boolean {
  return r.tokens.some((t, i) => t.kind === 'label' && t.label.role === 'total' && r.tokens[i + 1]?.kind === 'amount');
}

/** True when the line prints anything of a form (labels, the project name, targets, indicators). */
export function isFormVocabulary(r: LineReading): boolean {
  return r.tokens.some((t) => t.kind === 'label') || r.project !== undefined || r.goals;
}
