import type { BudgetDocument, CodeLevel, Paragraph } from '../model/document.js';
import { normalizeName } from '../model/table-access.js';
import { buildClassificationIndex, type ClassificationIndex, type IndexedCode } from './classification-index.js';
import { bestByName } from './similarity.js';
import { oncePer } from '../memo.js';

/** A classification item named in the narrative: "“行政运行（项）”", "商贸事务（13款）", "（2011301）". */
export interface ClassificationMention {
  /** The name as printed, without quotes, marker or leading "其中". */
  readonly name: string;
  readonly level: CodeLevel;
  /**
   * The full code: printed in full ("（201类）"), completed from the context ("（01项）" under the 款
   * named before it), or resolved from the name against the document's tables. Absent when none of
   * these is unambiguous.
   */
  readonly code?: string;
  /** Digits as printed inside the marker ("01" in "（01项）"). */
  readonly printedCode?: string;
  /** How `code` was found. */
  readonly codeSource?: 'printed' | 'context' | 'name' | 'similar-name';
  /** The name the tables print for `code`, when the code is in the tables. */
  readonly tableName?: string;
  readonly paragraph: Paragraph;
  /** Index of the paragraph in doc.paragraphs. */
  readonly paragraphIndex: number;
  /** Offset of the name in paragraph.text. */
  readonly offset: number;
  /** Length from the name's start to the end of the marker ("行政运行（项）" → 7). */
  readonly length: number;
  /** Length of the name alone. */
  readonly nameLength: number;
}

/**
 * Level markers: "（类）", "（201类）", "(01项)", and bare functional codes "（2011301）" (3, 5 or 7
 * digits starting with 2). Every quantifier is bounded or over a single character class, so matching
 * is linear in the text length.
 */
const MARKER = /[（(][ \u3000]?(?:(\d{2,7})[ \u3000]?)?([类款项])[ \u3000]?[）)]|[（(](2\d{2}(?:\d{2}){0,2})[）)]/g;

/** A CJK character (U+4E00–U+9FFF) at an offset; tested by code, no one-character string made. */
function isCjkAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0x4e00 && c <= 0x9fff;
}

const OPEN = '（'.charCodeAt(0);
const OPEN_ASCII = '('.charCodeAt(0);
const CLOSE = '）'.charCodeAt(0);
const CLOSE_ASCII = ')'.charCodeAt(0);
const SKIP_CODES = [...' \u3000”"’」』'].map((c) => c.charCodeAt(0));

/** Spaces and closing quotes between a name and its marker. */
function isSkipAt(text: string, i: number): boolean {
  return SKIP_CODES.includes(text.charCodeAt(i));
}
const LEVEL_WORDS = new Set(['类', '款', '项']);
/** Words that introduce a name but are no part of it (quotes missing after "其中："). */
const LEAD_WORDS = ['其中', '包括'];
const LEVEL_OF_LENGTH: Readonly<Record<number, CodeLevel>> = { 3: '类', 5: '款', 7: '项' };

/**
 * Finds every classification mention in the document's paragraphs, in document order, and resolves
 * each to a code where that is unambiguous. Context follows DOMAIN.md §3: a 款 belongs to the 类 named
 * before it, a 项 to the 款 named before it; a heading resets the context. Quotation marks play no
 * part in finding names, so missing or unbalanced quotes do not matter.
 */
// the narrative analysis and two catalog rules ask for the same document's mentions: found once
export const findClassificationMentions: (doc: BudgetDocument) => ClassificationMention[] = oncePer((doc) => findMentions(doc, buildClassificationIndex(doc)));

function findMentions(doc: BudgetDocument, index: ClassificationIndex): ClassificationMention[] {
  const out: ClassificationMention[] = [];
  const ctx: Context = {};
  const paragraphs = doc.paragraphs;
  for (let paragraphIndex = 0; paragraphIndex < paragraphs.length; paragraphIndex++) {
    const p = paragraphs[paragraphIndex]!;
    if (p.kind === 'heading') {
      ctx.lei = undefined;
      ctx.kuan = undefined;
    }
    for (const raw of scanParagraph(p.text)) {
      const resolved = resolve(raw, ctx, index);
      out.push(mentionOf(raw, resolved, p, paragraphIndex));
    }
  }
  return out;
}

type WritableMention = { -readonly [K in keyof ClassificationMention]: ClassificationMention[K] };

/** The mention of a raw match; optional fields set only when present, in this order (no spreads: one per name). */
function mentionOf(raw: RawMention, resolved: ReturnType<typeof resolve>, p: Paragraph, paragraphIndex: number): ClassificationMention {
  const m = { name: raw.name, level: raw.level } as WritableMention;
  if (raw.printedCode !== undefined) m.printedCode = raw.printedCode;
  if (resolved) {
    m.code = resolved.code.code;
    m.codeSource = resolved.source;
    m.tableName = resolved.code.name;
  } else if (raw.printedCode && raw.printedCode.length === codeLength(raw.level)) {
    m.code = raw.printedCode;
    m.codeSource = 'printed';
  }
  m.paragraph = p;
  m.paragraphIndex = paragraphIndex;
  m.offset = raw.offset;
  m.length = raw.length;
  m.nameLength = raw.name.length;
  return m;
}

interface RawMention {
  name: string;
  level: CodeLevel;
  printedCode?: string;
  offset: number;
  length: number;
}

interface Context {
  lei?: string | undefined;
  kuan?: string | undefined;
}

/** Finds the mentions of one paragraph: level markers and "类-款-项”科目" paths, in text order. */
export function scanParagraph(text: string): readonly RawMention[] {
  const markers = scanMarkers(text);
  // most paragraphs name no "科目" path: no list is made for them
  const paths = text.includes('科目') ? scanPaths(text) : NO_RAW_MENTIONS;
  // each list is in text order: only a mix needs sorting
  if (paths.length === 0) return markers;
  return [...markers, ...paths].sort((a, b) => a.offset - b.offset);
}

/** The mentions of a paragraph without any (shared, never changed). */
const NO_RAW_MENTIONS: readonly RawMention[] = Object.freeze([]);

const DASHES = new Set(['-', '—', '－', '–']);

/**
 * The path style of some districts: "“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目": two
 * or three names joined by dashes before "科目" are the 类, 款 (and 项) of one item.
 */
function scanPaths(text: string): RawMention[] {
  const out: RawMention[] = [];
  let floor = 0;
  for (let at = text.indexOf('科目'); at >= 0; at = text.indexOf('科目', at + 2)) {
    let j = at;
    while (j > floor && isSkipAt(text, j - 1)) j--;
    const segments: Array<{ start: number; end: number }> = [];
    for (;;) {
      const start = nameStart(text, j, floor);
      if (start === undefined) break;
      segments.unshift({ start, end: j });
      if (segments.length === 3 || start === 0 || !DASHES.has(text[start - 1]!)) break;
      j = start - 1;
    }
    floor = at + 2;
    if (segments.length < 2) continue;
    const levels: readonly CodeLevel[] = ['类', '款', '项'];
    segments.forEach((seg, k) => {
      out.push({ name: text.slice(seg.start, seg.end), level: levels[k]!, offset: seg.start, length: seg.end - seg.start });
    });
  }
  return out;
}

/** Finds the level markers of one paragraph and the names before them. */
function scanMarkers(text: string): readonly RawMention[] {
  // a marker is parenthesised: most paragraphs hold no parenthesis and are not searched
  if (!text.includes('（') && !text.includes('(')) return NO_RAW_MENTIONS;
  const out: RawMention[] = [];
  let floor = 0;
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    const end = m.index + m[0].length;
    const digits = m[1] ?? m[3];
    const level: CodeLevel | undefined = (m[2] as CodeLevel | undefined) ?? (digits ? LEVEL_OF_LENGTH[digits.length] : undefined);
    const start = nameStart(text, m.index, floor);
    floor = end;
    if (!level || start === undefined) continue;
    let nameEnd = m.index;
    while (nameEnd > start && isSkipAt(text, nameEnd - 1)) nameEnd--;
    let s = start;
    for (const w of LEAD_WORDS) if (text.startsWith(w, s) && nameEnd - s > w.length + 1) s += w.length;
    const name = text.slice(s, nameEnd);
    if (name.length < 2) continue;
    // the optional field only when present, without a spread (one object per mention)
    const raw: RawMention = { name, level, offset: s, length: end - s };
    if (digits !== undefined) raw.printedCode = digits;
    out.push(raw);
  }
  return out;
}

/**
 * Walks back from a marker over the name: CJK characters and short parenthesised CJK insertions
 * ("因公出国（境）费"), never past `floor` (the end of the previous marker). Undefined when no name.
 */
function nameStart(text: string, markerAt: number, floor: number): number | undefined {
  let i = markerAt;
  while (i > floor && isSkipAt(text, i - 1)) i--;
  const nameEnd = i;
  while (i > floor) {
    if (isCjkAt(text, i - 1)) {
      i--;
      continue;
    }
    const c = text.charCodeAt(i - 1);
    if (c === CLOSE || c === CLOSE_ASCII) {
      const open = insertionStart(text, i - 1, floor);
      if (open !== undefined) {
        i = open;
        continue;
      }
    }
    break;
  }
  return i < nameEnd ? i : undefined;
}

/** Start of "（境）"-like insertion ending at `close`, if its content is 1–6 CJK characters and no level word. */
function insertionStart(text: string, close: number, floor: number): number | undefined {
  for (let j = close - 1; j >= floor && close - j <= 7; j--) {
    const c = text.charCodeAt(j);
    if (c === OPEN || c === OPEN_ASCII) {
      const inner = text.slice(j + 1, close);
      if (inner.length === 0 || LEVEL_WORDS.has(inner) || j === 0 || !isCjkAt(text, j - 1)) return undefined;
      return j;
    }
    if (!isCjkAt(text, j)) return undefined;
  }
  return undefined;
}

function codeLength(level: CodeLevel): number {
  return level === '类' ? 3 : level === '款' ? 5 : 7;
}

function parentCode(ctx: Context, level: CodeLevel): string | undefined {
  return level === '款' ? ctx.lei : level === '项' ? ctx.kuan : undefined;
}

/** Resolves a mention to a code and updates the context. */
function resolve(raw: RawMention, ctx: Context, index: ClassificationIndex): { code: IndexedCode; source: NonNullable<ClassificationMention['codeSource']> } | undefined {
  const found = resolveCode(raw, ctx, index);
  const code = found?.code.code ?? (raw.printedCode?.length === codeLength(raw.level) ? raw.printedCode : undefined);
  if (raw.level === '类') {
    ctx.lei = code;
    ctx.kuan = undefined;
  } else if (raw.level === '款') {
    ctx.kuan = code;
    if (code) ctx.lei = code.slice(0, 3);
  }
  return found;
}

function resolveCode(raw: RawMention, ctx: Context, index: ClassificationIndex): { code: IndexedCode; source: NonNullable<ClassificationMention['codeSource']> } | undefined {
  const want = codeLength(raw.level);
  const printed = raw.printedCode;
  if (printed && printed.length === want) {
    const c = index.byCode(printed);
    return c ? { code: c, source: 'printed' } : undefined;
  }
  const parent = parentCode(ctx, raw.level);
  if (printed && printed.length === 2) {
    if (!parent) return undefined;
    const c = index.byCode(parent + printed);
    return c ? { code: c, source: 'context' } : undefined;
  }
  if (printed) return undefined;
  const key = normalizeName(raw.name);
  // A 项 whose 款 is unknown may still be looked up under the 类 named before it.
  const scope = raw.level === '项' ? (ctx.kuan ?? ctx.lei) : parent;
  const candidates = index.list(raw.level, scope);
  // the one candidate of that name (none when several have it)
  let exact: IndexedCode | undefined;
  let same = 0;
  for (const c of candidates) {
    if (c.key !== key) continue;
    exact ??= c;
    same++;
  }
  if (same === 1) return { code: exact!, source: 'name' };
  if (same > 1) return undefined;
  // Without a parent only an exact, unique name may link: 项 names repeat under many 款.
  if (raw.level !== '类' && !scope) return undefined;
  const best = bestByName(key, candidates, (c) => c.key);
  return best ? { code: best.item, source: 'similar-name' } : undefined;
}
