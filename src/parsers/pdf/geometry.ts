import type { RawItem, RawPage } from './load.js';

/** A piece of text without inner whitespace runs, with its box in top-down page coordinates. */
export interface Fragment {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  readonly top: number;
  readonly bottom: number;
  readonly size: number;
}

/** A printed line: fragments whose vertical centres agree, left to right. */
export interface PhysLine {
  readonly page: number;
  /** 1-based line number on the page. */
  readonly line: number;
  readonly fragments: readonly Fragment[];
  readonly x0: number;
  readonly x1: number;
  readonly top: number;
  readonly bottom: number;
  readonly size: number;
}

export function center(f: { x0: number; x1: number }): number {
  return (f.x0 + f.x1) / 2;
}

export function middle(f: { top: number; bottom: number }): number {
  return (f.top + f.bottom) / 2;
}

/** Full-width (CJK, full-width forms) characters take one em; others about half an em. */
function weight(ch: string): number {
  const c = ch.charCodeAt(0);
  return c >= 0x2e80 || (c >= 0x2000 && c <= 0x206f && c !== 0x2002 && c !== 0x2003) ? 1 : 0.5;
}

/**
 * Splits a text run at whitespace runs. Generators sometimes put two table cells into one run
 * ("91,016,775.35 一、一般公共服务支出"); each part gets an estimated box from character widths.
 */
export function splitItem(item: RawItem): Fragment[] {
  const chars = [...item.text];
  const weights = chars.map(weight);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const scale = item.width > 0 ? item.width / total : item.size;
  const top = item.baseline - item.size * 0.88;
  const bottom = item.baseline + item.size * 0.12;
  const out: Fragment[] = [];
  let x = item.x;
  let cur = '';
  let start = x;
  chars.forEach((ch, i) => {
    const w = weights[i]! * scale;
    const c = ch.charCodeAt(0);
    if (c <= 32 || c === 0x3000 || c === 0xa0) {
      if (cur) out.push({ text: cur, x0: start, x1: x, top, bottom, size: item.size });
      cur = '';
    } else {
      if (!cur) start = x;
      cur += ch;
    }
    x += w;
  });
  if (cur) out.push({ text: cur, x0: start, x1: x, top, bottom, size: item.size });
  return out;
}

/** Drops a run drawn a second time at (almost) the same place: the "fake bold" of many generators. */
function dropOverprint(frags: Fragment[]): Fragment[] {
  const out: Fragment[] = [];
  for (const f of frags) {
    const tol = f.size * 0.3;
    if (out.some((g) => g.text === f.text && Math.abs(g.x0 - f.x0) < tol && Math.abs(g.top - f.top) < tol)) continue;
    out.push(f);
  }
  return out;
}

/** Groups the fragments of a page into printed lines by their vertical centres. */
export function pageLines(page: RawPage): PhysLine[] {
  const frags = dropOverprint(page.items.flatMap(splitItem)).sort((a, b) => middle(a) - middle(b) || a.x0 - b.x0);
  const groups: Fragment[][] = [];
  let cur: Fragment[] = [];
  let curMid = 0;
  let sum = 0;
  for (const f of frags) {
    const m = middle(f);
    if (cur.length > 0 && Math.abs(m - curMid) <= Math.min(f.size, cur[0]!.size) * 0.35) {
      cur.push(f);
      sum += m;
      curMid = sum / cur.length;
      continue;
    }
    if (cur.length > 0) groups.push(cur);
    cur = [f];
    curMid = m;
    sum = m;
  }
  if (cur.length > 0) groups.push(cur);
  return groups.map((g, i) => {
    const fr = g.sort((a, b) => a.x0 - b.x0);
    return {
      page: page.number,
      line: i + 1,
      fragments: fr,
      x0: Math.min(...fr.map((f) => f.x0)),
      x1: Math.max(...fr.map((f) => f.x1)),
      top: Math.min(...fr.map((f) => f.top)),
      bottom: Math.max(...fr.map((f) => f.bottom)),
      size: median(fr.map((f) => f.size)),
    };
  });
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const ASCII_WORD = /[A-Za-z0-9%.,)\]]$/;
const ASCII_START = /^[A-Za-z0-9(\[]/;

/** Joins fragments into one string, with a space where the gap is wide or two Latin words meet. */
export function joinFragments(frags: readonly Fragment[]): string {
  let out = '';
  let prev: Fragment | undefined;
  for (const f of frags) {
    if (prev) {
      const gap = f.x0 - prev.x1;
      if (gap > f.size * 0.25 || (gap > f.size * 0.1 && ASCII_WORD.test(prev.text) && ASCII_START.test(f.text))) out += ' ';
    }
    out += f.text;
    prev = f;
  }
  return out;
}

/** Chunks of a line: runs of fragments separated by less than `gapEm` em. */
export function chunks(frags: readonly Fragment[], gapEm: number): Fragment[][] {
  const out: Fragment[][] = [];
  for (const f of frags) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && f.x0 - prev.x1 < f.size * gapEm) last.push(f);
    else out.push([f]);
  }
  return out;
}
