import { oncePer } from '../../memo.js';
import type { Block, FundEntry, PerformanceForm } from './forms.js';
import type { PrintedAmount } from './tokens.js';

/** A total of a form with the 其中 lines under it. */
export interface FundBlock {
  readonly total: FundEntry;
  readonly home: Block;
  readonly parts: readonly FundEntry[];
  /** Why the block's parts are not known for sure (a 其他资金 that may belong to either block). */
  readonly problems: readonly string[];
}

function before(a: FundEntry, b: FundEntry): boolean {
  return a.line < b.line || (a.line === b.line && a.pos < b.pos);
}

function sameValue(a: FundEntry['value'], b: FundEntry['value']): boolean {
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  return (a as PrintedAmount).value.eq((b as PrintedAmount).value) && a.scale === b.scale;
}

/**
 * Groups a form's fund lines into blocks: each total (年度资金申请总额, 项目资金总额) with its parts.
 * A form with one total has one block. With two (the Shanghai form prints 项目资金总额 and
 * 年度资金申请总额 side by side), a part goes to the block its label belongs to (当年财政拨款 and
 * 上年结转资金 to the year's request, 财政资金 to the project's total); a 其他资金 printed for both goes
 * by its value column, by left-to-right order when both are on one line, by the total above it when the
 * blocks are printed one after the other, by the table column of its block's total, or, side by side,
 * to the block other than that of a part beside it on its line (a PDF has no columns; sideBySide). When none
 * tells, two 其他资金 of the same value go one to each block (the choice changes nothing); otherwise the
 * blocks are marked as not readable for sure.
 */
export const blocksOf: (form: PerformanceForm) => readonly FundBlock[] = oncePer(readBlocks);

/** blocksOf without the cache (three rules ask for each form's blocks). */
function readBlocks(form: PerformanceForm): FundBlock[] {
  const totals = form.entries.filter((e) => e.label.role === 'total').sort((a, b) => (before(a, b) ? -1 : 1));
  if (totals.length === 0) return [];
  const parts = form.entries.filter((e) => e.label.role === 'part');
  const assigned = new Map<FundEntry, number>();
  const problems: string[][] = totals.map(() => []);
  if (totals.length === 1) {
    for (const p of parts) assigned.set(p, 0);
  } else {
    const sequential = new Set(totals.map((t) => t.line)).size === totals.length;
    const besideOther = totals.length === 2 && !sequential ? sideBySide(parts, totals) : undefined;
    const runs = !sequential && !parts.some((p) => p.slot !== undefined) ? ownLines(parts, totals) : undefined;
    const ambiguous: FundEntry[] = [];
    for (const p of parts) {
      const byHome = p.label.home === 'shared' ? [] : totals.map((t, i) => (t.label.home === p.label.home ? i : -1)).filter((i) => i >= 0);
      if (p.slot !== undefined) {
        const i = totals.findIndex((t) => t.label === form.slots[p.slot!]);
        if (i >= 0) {
          assigned.set(p, i);
          continue;
        }
      }
      if (byHome.length === 1) {
        assigned.set(p, byHome[0]!);
        continue;
      }
      const run = runs?.get(p);
      if (run !== undefined) {
        assigned.set(p, run);
        continue;
      }
      const sameLine = parts.filter((q) => q.line === p.line && q.label === p.label).sort((a, b) => a.pos - b.pos);
      if (sameLine.length === totals.length) {
        assigned.set(p, sameLine.indexOf(p));
        continue;
      }
      if (sequential) {
        const above = totals.map((t, i) => (before(t, p) ? i : -1)).filter((i) => i >= 0);
        if (above.length > 0) {
          assigned.set(p, above[above.length - 1]!);
          continue;
        }
      }
      const byColumn = p.column === undefined ? [] : totals.map((t, i) => (t.column === p.column ? i : -1)).filter((i) => i >= 0);
      if (byColumn.length === 1) {
        assigned.set(p, byColumn[0]!);
        continue;
      }
      const other = besideOther?.get(p);
      if (other !== undefined) {
        assigned.set(p, other);
        continue;
      }
      ambiguous.push(p);
    }
    const labels = new Set(ambiguous.map((p) => p.label));
    for (const label of labels) {
      const group = ambiguous.filter((p) => p.label === label).sort((a, b) => (before(a, b) ? -1 : 1));
      const free = totals.map((_, i) => i).filter((i) => ![...assigned].some(([q, j]) => q.label === label && j === i));
      if (group.length === free.length && group.every((p) => sameValue(p.value, group[0]!.value))) {
        group.forEach((p, k) => assigned.set(p, free[k]!));
      } else {
        for (const i of totals.keys()) problems[i]!.push(`cannot tell which total ${label.text} belongs to`);
      }
    }
  }
  return totals.map((total, i) => ({
    total,
    home: total.label.home === 'project' ? 'project' : 'annual',
    parts: parts.filter((p) => assigned.get(p) === i),
    problems: problems[i]!,
  }));
}

/**
 * Totals printed on one line, and under them each block's parts as a list of its own opened by
 * "其中" ("其中：财政资金 X 其他资金 Y" then "其中：当年财政拨款 … 其他资金 Z"; or "其中：财政拨款" and
 * "其他资金" each on a line, block after block): no line opens two lists (side by side, each line
 * holds a part of each block), the lists are as many as the totals, none names a label twice, and
 * the parts of a list that belong to one block only (当年财政拨款, 财政资金) name one block. A list
 * goes to the block its parts name, the others to the remaining totals in reading order. The block of
 * each part so placed, by part; undefined when the form is not printed so.
 */
function ownLines(parts: readonly FundEntry[], totals: readonly FundEntry[]): Map<FundEntry, number> | undefined {
  const ordered = [...parts].sort((a, b) => (before(a, b) ? -1 : 1));
  if (ordered.length === 0 || !ordered[0]!.opens) return undefined;
  const openLines = ordered.filter((p) => p.opens).map((p) => p.line);
  if (new Set(openLines).size !== openLines.length || openLines.length !== totals.length) return undefined;
  const lists: FundEntry[][] = [];
  for (const p of ordered) {
    if (p.opens) lists.push([]);
    lists[lists.length - 1]!.push(p);
  }
  const owner: Array<number | undefined> = [];
  for (const list of lists) {
    if (new Set(list.map((p) => p.label)).size !== list.length) return undefined;
    const homes = new Set(list.filter((p) => p.label.home !== 'shared').map((p) => p.label.home));
    if (homes.size > 1) return undefined;
    if (homes.size === 0) {
      owner.push(undefined);
      continue;
    }
    const home = [...homes][0];
    const of = totals.map((t, i) => (t.label.home === home ? i : -1)).filter((i) => i >= 0);
    if (of.length !== 1 || owner.includes(of[0])) return undefined;
    owner.push(of[0]);
  }
  const free = totals.map((_, i) => i).filter((i) => !owner.includes(i));
  const placed = new Map<FundEntry, number>();
  lists.forEach((list, k) => {
    const i = owner[k] ?? free.shift()!;
    for (const p of list) placed.set(p, i);
  });
  return placed;
}

/**
 * Two blocks whose totals share a line, printed side by side, hold one line of each on a line: a shared
 * part (其他资金) beside a part of one block belongs to the other ("其他资金 0.00 上年结转资金 0.00": the
 * project total's). That holds only when every shared part with something beside it has exactly one
 * part of one block there, on the side of the other block's total: a form that prints each block's
 * parts on a line of their own ("其中：财政资金 X 其他资金 Y" under the totals, then "其中：当年财政拨款 …
 * 其他资金 Z") does not, and then no shared part is placed this way. The blocks of each shared part
 * so placed, by part.
 */
function sideBySide(parts: readonly FundEntry[], totals: readonly FundEntry[]): Map<FundEntry, number> | undefined {
  const placed = new Map<FundEntry, number>();
  for (const p of parts) {
    if (p.label.home !== 'shared') continue;
    const beside = parts.filter((q) => q !== p && q.line === p.line && q.label !== p.label);
    if (beside.length === 0) continue;
    const q = beside[0]!;
    if (beside.length > 1 || q.label.home === 'shared') return undefined;
    const own = totals.findIndex((t) => t.label.home === q.label.home);
    const other = totals.findIndex((t) => t.label.home !== q.label.home);
    if (own < 0 || other < 0 || totals.filter((t) => t.label.home === q.label.home).length !== 1) return undefined;
    // the totals share a line: the other block's total stands on the side of q where p stands
    if (p.pos < q.pos !== totals[other]!.pos < totals[own]!.pos) return undefined;
    placed.set(p, other);
  }
  return placed;
}

/** The block whose total is the form's money for the year: 年度资金(申请)总额, else the only total. */
export function yearTotal(form: PerformanceForm): FundBlock | undefined {
  const blocks = blocksOf(form);
  return blocks.find((b) => b.home === 'annual') ?? (blocks.length === 1 ? blocks[0] : undefined);
}
