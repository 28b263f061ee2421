import { classifyColumns, headerPaths, type HeaderColumn } from '../header.js';
import { center, chunks, joinFragments, middle, type Fragment, type PhysLine } from './geometry.js';

/** A header cell: one or more fragments, possibly wrapped over two or three printed lines. */
export interface HeaderBox {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  size: number;
}

/** The columns of one printed table part, rebuilt from where its header cells stand. */
export interface ColumnModel {
  /** Leaf header cells, left to right: one per printed column. */
  readonly leaves: readonly HeaderBox[];
  /** x where column i ends and column i + 1 begins (length leaves − 1). */
  readonly bounds: readonly number[];
  /** Header rows in the text-table convention: a merged cell's text at its first column, blanks to its right. */
  readonly headerRows: readonly string[][];
  readonly roles: readonly HeaderColumn[];
  /** Every header text, for recognising a header repeated on a continuation page. */
  readonly headerTexts: ReadonlySet<string>;
  readonly left: number;
  readonly right: number;
}

function boxOf(frags: readonly Fragment[]): HeaderBox {
  return {
    text: joinFragments(frags),
    x0: Math.min(...frags.map((f) => f.x0)),
    x1: Math.max(...frags.map((f) => f.x1)),
    top: Math.min(...frags.map((f) => f.top)),
    bottom: Math.max(...frags.map((f) => f.bottom)),
    size: frags[0]!.size,
  };
}

/** Header words that are often printed letter-spaced ("项    目", "合  计", "预 算 数"). */
const SPACED_WORDS = new Set(['项目', '合计', '总计', '小计', '预算数', '金额', '科目', '名称', '编码', '类别']);

/** Joins the letters of a letter-spaced header word back into one cell. */
function joinSpaced(line: HeaderBox[]): HeaderBox[] {
  const out: HeaderBox[] = [];
  for (let i = 0; i < line.length; i++) {
    let word: HeaderBox | undefined;
    for (let j = i + 1; j < line.length && j < i + 3; j++) {
      const run = line.slice(i, j + 1);
      const spaced = run.every((b, k) => [...b.text].length === 1 && (k === 0 || b.x0 - run[k - 1]!.x1 < b.size * 4));
      if (spaced && SPACED_WORDS.has(run.map((b) => b.text).join(''))) {
        word = { text: run.map((b) => b.text).join(''), x0: run[0]!.x0, x1: run[run.length - 1]!.x1, top: Math.min(...run.map((b) => b.top)), bottom: Math.max(...run.map((b) => b.bottom)), size: run[0]!.size };
        i = j;
      }
    }
    out.push(word ?? line[i]!);
  }
  return out;
}

/** Header cells of the header lines, with wrapped cell texts ("事业单位" / "经营收入") joined. */
export function headerBoxes(lines: readonly PhysLine[]): HeaderBox[] {
  const boxes = lines.flatMap((l) => joinSpaced(chunks(l.fragments, 0.4).map(boxOf))).sort((a, b) => a.top - b.top || a.x0 - b.x0);
  const out: HeaderBox[] = [];
  for (const b of boxes) {
    const above = out.find(
      (a) =>
        b.top - a.bottom < a.size * 0.6 &&
        b.top > a.top + a.size * 0.5 &&
        (Math.abs(center(a) - center(b)) < a.size * 1.2 || Math.abs(a.x0 - b.x0) < a.size * 0.5) &&
        b.x1 - b.x0 <= a.x1 - a.x0 + a.size * 0.5,
    );
    if (above) {
      above.text += b.text;
      above.x0 = Math.min(above.x0, b.x0);
      above.x1 = Math.max(above.x1, b.x1);
      above.bottom = b.bottom;
      continue;
    }
    out.push({ ...b });
  }
  return out;
}

function below(b: HeaderBox, a: HeaderBox): boolean {
  return middle(b) > a.bottom;
}

function vOverlap(a: HeaderBox, b: HeaderBox): boolean {
  return Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > Math.min(a.size, b.size) * 0.2;
}

/**
 * A header cell is a parent when cells below it stand under its own text, or stand on both sides
 * of its centre within the room its neighbours on the same level leave it (a merged cell's text is
 * centred over the columns it spans).
 */
function isParent(box: HeaderBox, all: readonly HeaderBox[]): boolean {
  const pad = box.size * 0.5;
  const under = all.filter((b) => b !== box && below(b, box));
  if (under.some((b) => b.x1 > box.x0 - pad && b.x0 < box.x1 + pad)) return true;
  const level = all.filter((b) => b !== box && vOverlap(b, box));
  const lo = Math.max(-Infinity, ...level.filter((b) => b.x1 <= box.x0).map((b) => b.x1));
  const hi = Math.min(Infinity, ...level.filter((b) => b.x0 >= box.x1).map((b) => b.x0));
  const c = center(box);
  const inRoom = under.filter((b) => center(b) > lo && center(b) < hi);
  return inRoom.some((b) => center(b) < c) && inRoom.some((b) => center(b) > c);
}

interface Interval {
  x0: number;
  x1: number;
}

function freeGaps(occupied: Interval[]): Interval[] {
  const s = [...occupied].sort((a, b) => a.x0 - b.x0);
  const gaps: Interval[] = [];
  let end = -Infinity;
  for (const iv of s) {
    if (iv.x0 > end && end > -Infinity) gaps.push({ x0: end, x1: iv.x0 });
    end = Math.max(end, iv.x1);
  }
  return gaps;
}

/** A printed number. */
const NUMBER = /^[-−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
/** Header words of columns that hold codes: numbers, left-aligned. */
const CODE_HEAD = /编码|代码|^[类款项]$/;
/** Header words of columns that hold codes or labels rather than amounts. */
const TEXT_HEAD = /编码|代码|名称|^[类款项]$|^项目$|^科目$|说明|备注/;
const CJK = /[\u4e00-\u9fff]/;

/**
 * Column boundaries: a free vertical gap between two neighbouring leaf headers, the widest one
 * unless another puts fewer texts where they cannot stand. Amounts are right-aligned (or centred)
 * under centred headers and labels hold no bare numbers, so a number standing between two headers
 * with free room on both sides ("3.60" between 合计 and 因公出国（境）费, "300" between 预算数 and
 * the next side's 项目) belongs to the column on its left; and words do not stand in an amount
 * column ("支出总计" beside the 收入 side's amount belongs to the 项目 column after it) nor in a code
 * column. Code columns (编码, 类 / 款 / 项) hold left-aligned numbers and are left out of the first rule.
 */
function boundaries(leaves: readonly HeaderBox[], body: readonly PhysLine[]): number[] {
  const occupied: Interval[] = leaves.map((l) => ({ x0: l.x0, x1: l.x1 }));
  const numbers: Interval[] = [];
  const words: Interval[] = [];
  for (const line of body) {
    for (const ch of chunks(line.fragments, 0.25)) {
      const iv = { x0: ch[0]!.x0, x1: ch[ch.length - 1]!.x1 };
      occupied.push(iv);
      const t = joinFragments(ch);
      if (NUMBER.test(t)) numbers.push(iv);
      else if (CJK.test(t)) words.push(iv);
    }
  }
  const gaps = freeGaps(occupied);
  const head = (l: HeaderBox): string => l.text.replace(/\s+/g, '');
  const out: number[] = [];
  for (let i = 0; i + 1 < leaves.length; i++) {
    const lo = center(leaves[i]!);
    const hi = center(leaves[i + 1]!);
    const codes = CODE_HEAD.test(head(leaves[i + 1]!));
    const leftAmounts = !TEXT_HEAD.test(head(leaves[i]!));
    // a code column holds numbers only: a short name left-aligned in a wide name column is nearer the
    // code header's centre than its own ("30301 离休费" on a continuation page without longer names)
    const leftCodes = CODE_HEAD.test(head(leaves[i]!));
    const rightAmounts = !TEXT_HEAD.test(head(leaves[i + 1]!));
    let best: Interval | undefined;
    let bestMisplaced = Infinity;
    for (const g of gaps) {
      const a = Math.max(g.x0, lo);
      const b = Math.min(g.x1, hi);
      if (b <= a) continue;
      const cut = (a + b) / 2;
      let misplaced = codes ? 0 : numbers.filter((m) => m.x0 >= cut && m.x1 < hi).length;
      if (leftAmounts || leftCodes) misplaced += words.filter((w) => w.x0 >= lo && w.x1 <= cut).length;
      if (rightAmounts) misplaced += words.filter((w) => w.x0 >= cut && w.x1 <= hi).length;
      if (!best || misplaced < bestMisplaced || (misplaced === bestMisplaced && b - a > best.x1 - best.x0)) {
        best = { x0: a, x1: b };
        bestMisplaced = misplaced;
      }
    }
    out.push(best ? (best.x0 + best.x1) / 2 : (leaves[i]!.x1 + leaves[i + 1]!.x0) / 2);
  }
  return out;
}

type Span = [number, number];

/** How far the centre of columns [a, b] is from the centre of a header text; Infinity if it cannot span them. */
function spanError(box: HeaderBox, edges: readonly number[], a: number, b: number): number {
  if (edges[a]! > box.x0 + box.size || edges[b + 1]! < box.x1 - box.size) return Infinity;
  return Math.abs((edges[a]! + edges[b + 1]!) / 2 - center(box));
}

/**
 * Spans of the top-level merged cells: together with the leaf cells that run the full header height
 * they partition the columns, each merged cell taking the run best centred on its text.
 */
function topSpans(tops: readonly HeaderBox[], rootLeaves: ReadonlySet<number>, edges: readonly number[]): Map<HeaderBox, Span> {
  const n = edges.length - 1;
  const out = new Map<HeaderBox, Span>();
  const sorted = [...tops].sort((a, b) => center(a) - center(b));
  let start = 0;
  while (start < n) {
    if (rootLeaves.has(start)) {
      start++;
      continue;
    }
    let end = start;
    while (end + 1 < n && !rootLeaves.has(end + 1)) end++;
    const inGap = sorted.filter((t) => center(t) >= edges[start]! && center(t) <= edges[end + 1]!);
    if (inGap.length > 0) {
      let best: { err: number; cuts: number[] } = { err: Infinity, cuts: [] };
      const choose = (k: number, from: number, cuts: number[]): void => {
        if (k === inGap.length - 1) {
          const all = [start, ...cuts, end + 1];
          let err = 0;
          inGap.forEach((t, i) => (err += spanError(t, edges, all[i]!, all[i + 1]! - 1)));
          if (err < best.err) best = { err, cuts: [...cuts] };
          return;
        }
        for (let c = from; c <= end; c++) choose(k + 1, c + 1, [...cuts, c]);
      };
      choose(0, start + 1, []);
      if (best.err < Infinity) {
        const all = [start, ...best.cuts, end + 1];
        inGap.forEach((t, i) => out.set(t, [all[i]!, all[i + 1]! - 1]));
      }
    }
    start = end + 1;
  }
  return out;
}

/**
 * A lower merged cell: the run inside its ancestor's span best centred on its text, nesting cleanly,
 * over columns whose leaf cells start below it (`under`) when there is such a run.
 */
function fitInside(box: HeaderBox, edges: readonly number[], within: Span, fitted: readonly Span[], under: (col: number) => boolean): Span | undefined {
  return fitRuns(box, edges, within, fitted, under) ?? fitRuns(box, edges, within, fitted, () => true);
}

function fitRuns(box: HeaderBox, edges: readonly number[], within: Span, fitted: readonly Span[], under: (col: number) => boolean): Span | undefined {
  let best: Span | undefined;
  let bestErr = Infinity;
  for (let a = within[0]; a <= within[1]; a++) {
    if (!under(a)) continue;
    for (let b = a; b <= within[1] && under(b); b++) {
      const crosses = fitted.some(([fa, fb]) => !(b < fa || a > fb) && !(a <= fa && b >= fb) && !(fa <= a && fb >= b));
      if (crosses) continue;
      const same = fitted.some(([fa, fb]) => fa === a && fb === b);
      const err = spanError(box, edges, a, b) + (same ? box.size : 0) + (b - a) * 0.01;
      if (err < bestErr) {
        bestErr = err;
        best = [a, b];
      }
    }
  }
  return best;
}

/**
 * How far a table's columns reach beyond its header texts. A header text is centred in its column,
 * so the outermost column reaches as far past the centre of its header as the boundary with its
 * neighbour (about the middle of the gap between their headers) lies on the other side: a wide
 * label column under a short "项目" holds labels that start well left of the header text.
 */
export function headerFrame(headerLines: readonly PhysLine[]): [number, number] | undefined {
  const boxes = headerBoxes(headerLines);
  if (boxes.length === 0) return undefined;
  let left = Math.min(...boxes.map((b) => b.x0));
  let right = Math.max(...boxes.map((b) => b.x1));
  for (const b of boxes) {
    const level = boxes.filter((o) => o !== b && vOverlap(o, b));
    const next = Math.min(Infinity, ...level.filter((o) => o.x0 >= b.x1).map((o) => o.x0));
    const prev = Math.max(-Infinity, ...level.filter((o) => o.x1 <= b.x0).map((o) => o.x1));
    if (prev === -Infinity && next < Infinity) left = Math.min(left, 2 * center(b) - (b.x1 + next) / 2);
    if (next === Infinity && prev > -Infinity) right = Math.max(right, 2 * center(b) - (b.x0 + prev) / 2);
  }
  return [left, right];
}

/** Index of the column whose band holds x. */
export function columnAt(model: Pick<ColumnModel, 'bounds'>, x: number): number {
  let i = 0;
  while (i < model.bounds.length && x >= model.bounds[i]!) i++;
  return i;
}

/**
 * Builds the column model of a table part from its header lines and the body lines under them.
 * `twoSided` marks 收入 | 支出 summary tables, whose top header cells decide each column's side.
 */
export function buildModel(
  headerLines: readonly PhysLine[],
  body: readonly PhysLine[],
  twoSided: boolean,
  frame?: readonly [number, number],
): ColumnModel | undefined {
  const boxes = headerBoxes(headerLines);
  if (boxes.length < 2) return undefined;
  const parents = new Set(boxes.filter((b) => isParent(b, boxes)));
  const leaves = boxes.filter((b) => !parents.has(b)).sort((a, b) => center(a) - center(b));
  if (leaves.length < 2) return undefined;
  const bounds = boundaries(leaves, body);
  const allX0 = Math.min(...boxes.map((b) => b.x0), ...body.map((l) => l.x0), frame?.[0] ?? Infinity);
  const allX1 = Math.max(...boxes.map((b) => b.x1), ...body.map((l) => l.x1), frame?.[1] ?? -Infinity);
  const edges = [allX0 - 2, ...bounds, allX1 + 2];
  const headTop = Math.min(...boxes.map((b) => b.top));
  const headMid = (headTop + Math.max(...boxes.map((b) => b.bottom))) / 2;
  const isTop = (b: HeaderBox): boolean => b.top < headTop + b.size * 0.5;
  const rootLeaves = new Set<number>();
  leaves.forEach((l, i) => {
    if (isTop(l) || Math.abs(middle(l) - headMid) < l.size * 0.5) rootLeaves.add(i);
  });
  const spans = new Map<HeaderBox, Span>();
  const tops = [...parents].filter(isTop);
  for (const [b, sp] of topSpans(tops, rootLeaves, edges)) spans.set(b, sp);
  const lower = [...parents].filter((p) => !spans.has(p)).sort((a, b) => b.bottom - a.bottom);
  const fitted: Span[] = [];
  // Leaf cells reach down to the bottom of the header; a leaf's text is centred in its cell, so its
  // cell starts about as far above its text's middle as the header's bottom is below it. A merged
  // cell spans only leaves whose cells start below its own text: a leaf set beside it over two rows
  // (合计 and 项目支出 beside 基本支出 above 人员经费 / 公用经费) is its sibling, not its child.
  const headBottom = Math.max(...leaves.map((l) => l.bottom));
  const cellTop = leaves.map((l) => 2 * middle(l) - headBottom);
  for (const p of lower) {
    const col = columnAt({ bounds }, center(p));
    const anc = [...spans.entries()].find(([t, [a, z]]) => isTop(t) && a <= col && z >= col)?.[1] ?? [0, leaves.length - 1];
    const sp = fitInside(p, edges, anc, fitted, (c) => cellTop[c]! > middle(p));
    if (sp) {
      spans.set(p, sp);
      fitted.push(sp);
    } else parents.delete(p);
  }
  for (const p of tops) if (!spans.has(p)) parents.delete(p);
  leaves.forEach((l, i) => spans.set(l, [i, i]));
  // Depth = number of parents above a cell whose span covers it.
  const depth = new Map<HeaderBox, number>();
  const placed = boxes.filter((b) => spans.has(b));
  for (const b of placed) {
    const [a, z] = spans.get(b)!;
    let d = 0;
    for (const p of parents) {
      if (p === b) continue;
      const [pa, pz] = spans.get(p)!;
      if (pa <= a && pz >= z && middle(p) < middle(b) && !(pa === a && pz === z && p.top > b.top)) d++;
    }
    depth.set(b, d);
  }
  const rows = Math.max(...[...depth.values()]) + 1;
  const headerRows: string[][] = Array.from({ length: rows }, () => leaves.map(() => ''));
  for (const b of placed) {
    const row = headerRows[depth.get(b)!]!;
    const col = spans.get(b)![0];
    row[col] = row[col] ? `${row[col]}${b.text}` : b.text;
  }
  const roles = classifyColumns(headerPaths(headerRows, leaves.length), twoSided);
  return { leaves, bounds, headerRows, roles, headerTexts: new Set(boxes.map((b) => b.text)), left: allX0, right: allX1 };
}

/**
 * The same columns on a continuation page without a header: the previous page's boundaries stand
 * (the new page may lack the long labels that showed where a column ends), and only a boundary that
 * cuts through a text of the new body is fitted again.
 */
export function refit(model: ColumnModel, body: readonly PhysLine[]): ColumnModel {
  const fresh = boundaries(model.leaves, body);
  const runs = body.flatMap((l) => chunks(l.fragments, 0.25)).map((ch) => ({ x0: ch[0]!.x0, x1: ch[ch.length - 1]!.x1 }));
  const bounds = model.bounds.map((b, i) => (runs.some((r) => r.x0 < b && r.x1 > b) ? fresh[i]! : b));
  return { ...model, bounds };
}
