import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/index.js';
import type { RunSettings } from '../../src/engine/define-check.js';
import type { ResolvedRule } from '../../src/engine/rule.js';
import type { BudgetDocument } from '../../src/model/document.js';
import type { Unit } from '../../src/model/amount.js';
import { Decimal } from '../../src/model/decimal.js';
import { analyzeNarrative } from '../../src/narrative/analysis.js';
import { compareRestatement } from '../../src/narrative/compare.js';
import type { Statement } from '../../src/narrative/statements.js';
import { parseBuffer } from '../../src/parsers/index.js';
import { defaultLinter } from '../support/lint.js';

const SEED = 'fixtures/seed/input.txt';

/**
 * Findings of the narrative rules (info rules left out) by identity without positions: an inserted
 * digit shifts later columns, which is no new finding. The check modules are run directly, without
 * the engine's locating and sorting, to keep hundreds of runs fast.
 */
function findingKeys(document: BudgetDocument, rules: readonly ResolvedRule[], settings: RunSettings): Set<string> {
  const out = new Set<string>();
  for (const rule of rules) {
    if (rule.severity === 'info' || rule.severity === 'off') continue;
    CHECKS[rule.check]!.run({
      document,
      options: rule.options,
      ruleId: rule.id,
      settings,
      report: (r) => out.add(`${rule.id}|${r.messageId}|${r.instance}|${JSON.stringify(r.data)}`),
      pass: () => undefined,
      notApplicable: () => undefined,
      notAssessable: () => undefined,
    });
  }
  return out;
}

/**
 * One-digit changes of a printed number: each digit one up and one down (the subtlest slips), the
 * last digit doubled (an extra digit) and the first digit dropped (a missing digit). A full 0–9 sweep
 * of every position finds nothing more and is too slow for the suite.
 */
function mutations(raw: string): string[] {
  const out = new Set<string>();
  const digits = [...raw].map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
  for (const i of digits) {
    const c = Number(raw[i]);
    for (const k of [1, 9]) out.add(raw.slice(0, i) + ((c + k) % 10) + raw.slice(i + 1));
  }
  const last = digits[digits.length - 1]!;
  out.add(raw.slice(0, last) + raw[last] + raw.slice(last));
  const dropped = raw.slice(1);
  if (/^\d/.test(dropped)) out.add(dropped);
  return [...out];
}

function withText(doc: BudgetDocument, paragraphIndex: number, text: string): BudgetDocument {
  return { ...doc, paragraphs: doc.paragraphs.map((p, i) => (i === paragraphIndex ? { ...p, text } : p)) };
}

describe('every restated amount of the seed is guarded', async () => {
  const doc = await parseBuffer(readFileSync(SEED), SEED);
  const linter = defaultLinter();
  const rules = linter.rules.filter((r) => r.id.startsWith('narrative/'));
  const run = (d: BudgetDocument): Set<string> => findingKeys(d, rules, linter.settings);
  const baseline = run(doc);
  // The amounts that restate a table value or take part in a narrative identity. The 小微 share (≤ the
  // reservation) and the 绩效目标 project money (≤ T3 项目支出) are only bounded from above, so lowering
  // them is no error: they are left out.
  const boundedAbove = (s: Statement): boolean => (s.subject?.kind === 'procurement' && s.subject.part === '预留小微企业') || s.subject?.kind === 'performance-projects';
  const guarded = analyzeNarrative(doc).levels.filter((l) => (l.link.kind === 'linked' || l.link.kind === 'internal') && !boundedAbove(l.statement));

  it('covers every linked statement of the seed', () => {
    // 37 linked (7 totals, 23 classification items, 6 三公 figures, 机关运行经费) + 5 政府采购
    expect(guarded.length).toBe(42);
  });

  // the 政府采购 figures: no table holds them, so they are only checked against each other
  const procurement = new Map<string, Statement>();
  for (const l of analyzeNarrative(doc).levels) {
    const sub = l.statement.subject;
    if (sub?.kind === 'procurement' && !procurement.has(sub.part)) procurement.set(sub.part, l.statement);
  }

  it('changing any one of them by one digit (a digit ±1, an extra digit, a missing digit) yields a new finding, unless it makes the number right', () => {
    expect([...procurement.keys()].sort()).toEqual(['合计', '工程', '服务', '货物', '预留中小企业', '预留小微企业'].sort());
    let tried = 0;
    let consistentKept = 0;
    const missed: string[] = [];
    for (const l of guarded) {
      const s = l.statement;
      const text = s.paragraph.text;
      for (const m of mutations(s.token.raw)) {
        const mutatedValue = m.replace(/^0+(?=\d)/, '');
        if (Number(mutatedValue) === Number(s.token.raw) && mutatedValue.length === s.token.raw.replace(/^0+(?=\d)/, '').length) continue;
        tried++;
        const mutated = text.slice(0, s.token.offset) + m + text.slice(s.token.offset + s.token.numberLength);
        const after = run(withText(doc, s.paragraphIndex, mutated));
        const fresh = [...after].some((k) => !baseline.has(k));
        const scale = m.includes('.') ? m.split('.')[1]!.length : 0;
        // a linked amount is right when it equals its table value rounded half-up; a 政府采购 figure when
        // the 政府采购 statements still agree with each other (independent oracle below)
        const madeRight =
          l.link.kind === 'linked' ? compareRestatement(new Decimal(m), scale, s.token.unit as Unit, l.link.value).outcome === 'pass' : procurementConsistent(procurement, s, { value: m, scale });
        if (madeRight && l.link.kind === 'internal') consistentKept++;
        if (madeRight === fresh) missed.push(`${s.paragraph.text.slice(s.token.offset - 8, s.token.offset)}[${s.token.raw}→${m}]`);
      }
    }
    expect(missed).toEqual([]);
    expect(tried).toBeGreaterThan(300);
    // 货物 or 工程 0 → 1 leaves "22 = 0 + 1 + 22" consistent (22.2 = 0 + 0.6 + 21.6, each rounded half-up to
    // whole 万元): those two mutations must yield no finding and are asserted so; every other 政府采购
    // mutation (a printed 0 is exact, so 0 → 9 is not) must yield one
    expect(consistentKept).toBe(2);
  });
});

/** A printed figure: its digits and decimals. */
interface Printed {
  readonly value: string;
  readonly scale: number;
}

/**
 * A printed figure as an interval in units of 10^-6 of its unit, with BigInt arithmetic independent
 * of the code under test: "0" is an exact zero (nothing budgeted); any other figure rounded half-up
 * to d decimals stands for the half-open [v − ½·10^−d, v + ½·10^−d).
 */
function interval(p: Printed): { lo: bigint; hi: bigint; exact: boolean } {
  const [i, f = ''] = p.value.split('.');
  const v = BigInt(i! + f.padEnd(6, '0'));
  if (v === 0n) return { lo: 0n, hi: 0n, exact: true };
  const h = 5n * 10n ** BigInt(5 - p.scale);
  return { lo: v - h, hi: v + h, exact: false };
}

/** The 政府采购 statements of the seed, by part (the first total, the first of each part after it). */
type Procurement = ReadonlyMap<string, Statement>;

/**
 * Whether the 政府采购 figures, one of them replaced, still satisfy the relations the narrative rules
 * hold them to (DOMAIN.md §5): total = 货物 + 工程 + 服务 (some value of each interval makes it hold),
 * 预留中小企业 ≤ total and 小微 ≤ 预留.
 */
function procurementConsistent(procurement: Procurement, changed: Statement, to: Printed): boolean {
  const at = (part: string): { lo: bigint; hi: bigint; exact: boolean } => {
    const s = procurement.get(part)!;
    return interval(s === changed ? to : { value: s.token.value.toFixed(), scale: s.token.scale });
  };
  const total = at('合计');
  const parts = ['货物', '工程', '服务'].map(at);
  const sum = { lo: parts.reduce((a, p) => a + p.lo, 0n), hi: parts.reduce((a, p) => a + p.hi, 0n), exact: parts.every((p) => p.exact) };
  // [a, b⟩ ∩ [c, d⟩ is empty unless max(a, c) < min(b, d), or they meet at a bound both hold (exact)
  const lo = total.lo > sum.lo ? total.lo : sum.lo;
  const hi = total.hi < sum.hi ? total.hi : sum.hi;
  const sumHolds = lo < hi || (lo === hi && (total.hi !== hi || total.exact) && (sum.hi !== hi || sum.exact));
  const atMost = (part: { lo: bigint }, whole: { hi: bigint; exact: boolean }): boolean => part.lo < whole.hi || (part.lo === whole.hi && whole.exact);
  const reserved = at('预留中小企业');
  return sumHolds && atMost(reserved, total) && atMost(at('预留小微企业'), reserved);
}
