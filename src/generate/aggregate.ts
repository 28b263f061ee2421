import type { Fund, FunctionalItem, GeneratedBudget, OtherSource } from './model.js';
import { OTHER_SOURCES } from './model.js';

/** Column values of one functional code (any level) summed over the items below it. */
export interface FunctionalSums {
  total: bigint;
  basic: bigint;
  project: bigint;
  appropriation: bigint;
  /** 财政拨款 by fund, split 基本/项目. */
  fund: Record<Fund, { basic: bigint; project: bigint }>;
  /** The part of each fund's 财政拨款 carried over from last year (上年结转; MoF layout only). */
  carried: Record<Fund, bigint>;
  other: Record<OtherSource, bigint>;
  /** The part of each other source's money carried over from last year (MoF layout only). */
  otherCarried: Record<OtherSource, bigint>;
  /** Income left for next year (年终结转结余; MoF layout only): in `total` and `project`, not spent. */
  retained: bigint;
}

/** Sums of nothing: the 合计 row of an empty table. */
export function emptySums(): FunctionalSums {
  return {
    total: 0n,
    basic: 0n,
    project: 0n,
    appropriation: 0n,
    fund: { general: { basic: 0n, project: 0n }, govfund: { basic: 0n, project: 0n } },
    carried: { general: 0n, govfund: 0n },
    other: bySource(),
    otherCarried: bySource(),
    retained: 0n,
  };
}

function bySource(): Record<OtherSource, bigint> {
  return Object.fromEntries(OTHER_SOURCES.map((s) => [s, 0n])) as Record<OtherSource, bigint>;
}

function addItem(s: FunctionalSums, i: FunctionalItem): void {
  const otherBasic = i.other.reduce((t, o) => t + o.basic, 0n);
  const otherProject = i.other.reduce((t, o) => t + o.project, 0n);
  s.basic += i.basicApp + otherBasic;
  s.project += i.projectApp + otherProject;
  s.total += i.basicApp + i.projectApp + otherBasic + otherProject;
  s.appropriation += i.basicApp + i.projectApp;
  s.fund[i.fund].basic += i.basicApp;
  s.fund[i.fund].project += i.projectApp;
  s.carried[i.fund] += i.carried;
  for (const o of i.other) s.other[o.source] += o.basic + o.project;
  if (i.otherCarried) s.otherCarried[i.otherCarried.source] += i.otherCarried.amount;
  s.retained += i.retained ?? 0n;
}

/** The sums as spent this year: without the money left for next year (年终结转结余), which is 项目 money. */
export function spentSums(all: Map<string, FunctionalSums>): Map<string, FunctionalSums> {
  return new Map([...all].map(([k, s]) => [k, { ...s, total: s.total - s.retained, project: s.project - s.retained, retained: 0n }]));
}

/** Sums for every 类, 款 and 项 code and for the whole document (key ""). */
export function functionalSums(b: GeneratedBudget, filter: (i: FunctionalItem) => boolean = () => true): Map<string, FunctionalSums> {
  const out = new Map<string, FunctionalSums>();
  for (const i of b.items) {
    if (!filter(i)) continue;
    for (const key of ['', i.code.slice(0, 3), i.code.slice(0, 5), i.code]) {
      let s = out.get(key);
      if (!s) out.set(key, (s = emptySums()));
      addItem(s, i);
    }
  }
  return out;
}

/** Codes of all levels in print order (类, its 款, their 项). */
export function codeOrder(sums: Map<string, FunctionalSums>): string[] {
  return [...sums.keys()].filter((k) => k !== '').sort();
}

export function fundTotal(b: GeneratedBudget, fund: Fund): bigint {
  return b.items.filter((i) => i.fund === fund).reduce((s, i) => s + i.basicApp + i.projectApp, 0n);
}

/** The part of a fund's 财政拨款 carried over from last year (上年结转). */
export function carriedTotal(b: GeneratedBudget, fund: Fund): bigint {
  return b.items.filter((i) => i.fund === fund).reduce((s, i) => s + i.carried, 0n);
}

/** T8's 基本支出 split: 人员经费 (301, 303) and 公用经费 (302, 310), in 元. */
export function basicKinds(b: GeneratedBudget): { readonly personnel: bigint; readonly pub: bigint } {
  let personnel = 0n;
  let pub = 0n;
  for (const e of b.economic) {
    if (e.kind === 'personnel') personnel += e.amount;
    else pub += e.amount;
  }
  return { personnel, pub };
}
