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

  it('changing any one of them by one digit (a digit ±1, an extra digit, a missing digit) yields a new finding, unless it makes the number right', () => {
    let tried = 0;
    const missed: string[] = [];
    for (const l of guarded) {
      const s = l.statement;
      const text = s.paragraph.text;
      for (const m of mutations(s.token.raw)) {
        const mutatedValue = m.replace(/^0+(?=\d)/, '');
        if (Number(mutatedValue) === Number(s.token.raw) && mutatedValue.length === s.token.raw.replace(/^0+(?=\d)/, '').length) continue;
        // 政府采购 figures are checked only against each other, in whole 万元: a sum of four such figures
        // carries up to 4 × ½ 万元 of rounding, so a change of up to 2 units in the last place is no error.
        const withinRounding = l.link.kind === 'internal' && new Decimal(m).minus(s.token.value).abs().lte(new Decimal(2).times(new Decimal(10).pow(-s.token.scale)));
        if (withinRounding) continue;
        tried++;
        const mutated = text.slice(0, s.token.offset) + m + text.slice(s.token.offset + s.token.numberLength);
        const after = run(withText(doc, s.paragraphIndex, mutated));
        const fresh = [...after].some((k) => !baseline.has(k));
        const scale = m.includes('.') ? m.split('.')[1]!.length : 0;
        const madeRight = l.link.kind === 'linked' && compareRestatement(new Decimal(m), scale, s.token.unit as Unit, l.link.value).outcome === 'pass';
        if (madeRight === fresh) missed.push(`${s.paragraph.text.slice(s.token.offset - 8, s.token.offset)}[${s.token.raw}→${m}]`);
      }
    }
    expect(missed).toEqual([]);
    expect(tried).toBeGreaterThan(300);
  });
});
