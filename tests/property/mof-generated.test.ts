/**
 * Generated documents in the Ministry of Finance layout (src/generate/render-mof.ts): about a third of
 * all documents. They read into the nine tables with their MoF lines (上年结转结余, 本年收入 / 上年结转),
 * carry the same carry-over wherever it is printed (all of it in T1 and T2 上年结转结余, its 财政拨款 part
 * in T4 二、上年结转), draw no error or warning when consistent,
 * and one planted error is found at a participating line, as for the Shanghai layout
 * (generated.test.ts). BUDGETLINT_PROPERTY_RUNS / BUDGETLINT_PROPERTY_SEED explore further.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateBudget, generateDocument, perturb, PERTURBATION_KINDS, renderDocument, type GeneratedBudget } from '../../src/generate/index.js';
import type { BudgetDocument, Row, Table } from '../../src/model/document.js';
import { wanCell, yuanCell } from '../../src/generate/money.js';
import { explainNarrative } from '../../src/narrative/explain.js';
import { defaultLinter, parseTextDoc } from '../support/lint.js';

const RUNS = Number(process.env['BUDGETLINT_PROPERTY_RUNS'] ?? 20);
const SEED = Number(process.env['BUDGETLINT_PROPERTY_SEED'] ?? 20261127);

/** The first seed from `seed` on whose budget `wanted` holds. */
function nextSeed(seed: number, wanted: (b: GeneratedBudget) => boolean): number {
  for (let s = seed; ; s++) if (wanted(generateBudget(s))) return s;
}
const isMof = (b: GeneratedBudget): boolean => b.style.mof !== undefined;
const carried = (b: GeneratedBudget): bigint => b.items.reduce((s, i) => s + i.carried, 0n);
/** Other sources' money carried over (事业收入 …): in T1 and T2 上年结转结余, not in T4. */
const otherCarried = (b: GeneratedBudget): bigint => b.items.reduce((s, i) => s + (i.otherCarried?.amount ?? 0n), 0n);
const mofSeed = fc.integer({ min: 1, max: 0x7ffff000 }).map((s) => nextSeed(s, isMof));
// money carried over, of both kinds in half of the runs
const carrySeed = fc
  .tuple(fc.integer({ min: 1, max: 0x7ffff000 }), fc.boolean())
  .map(([s, other]) => nextSeed(s, (b) => isMof(b) && carried(b) > 0n && (otherCarried(b) > 0n) === other));

function table(doc: BudgetDocument, kind: string): Table {
  const t = doc.tables.find((x) => x.kind === kind);
  if (!t) throw new Error(`no ${kind}`);
  return t;
}
/** A cell's printed text without thousands separators ("" when blank). */
function amount(row: Row | undefined, column: string): string {
  const c = row?.cells[column];
  if (!row || !c) throw new Error(`no cell ${column} on ${row?.label ?? row?.code ?? 'a missing row'}`);
  return c.amount ? c.raw.trim().replace(/,/g, '') : '';
}
/** How a 元 amount is printed in a table of the document's unit ("" when zero). */
const printedIn = (b: GeneratedBudget) => (v: bigint): string => (b.style.mof?.unit === '万元' ? wanCell(v) : yuanCell(v).replace(/,/g, ''));

describe('generated documents in the MoF layout', () => {
  it('are about a third of all documents, half of them with money carried over', () => {
    const budgets = Array.from({ length: 600 }, (_, i) => generateBudget(i + 1));
    const mof = budgets.filter(isMof);
    expect(mof.length / budgets.length).toBeGreaterThan(0.27);
    expect(mof.length / budgets.length).toBeLessThan(0.4);
    const withCarry = mof.filter((b) => carried(b) > 0n).length / mof.length;
    expect(withCarry).toBeGreaterThan(0.4);
    expect(withCarry).toBeLessThan(0.6);
    expect(budgets.filter((b) => !isMof(b)).every((b) => carried(b) === 0n && otherCarried(b) === 0n)).toBe(true);
    const withOther = mof.filter((b) => otherCarried(b) > 0n).length / mof.length;
    expect(withOther).toBeGreaterThan(0.18);
    expect(withOther).toBeLessThan(0.4);
    expect(mof.filter((b) => b.style.mof!.unit === '万元').length / mof.length).toBeGreaterThan(0.15);
  });

  it('read into the nine tables with compact codes and no parse issues; the carry-over is the same wherever it is printed', async () => {
    await fc.assert(
      fc.asyncProperty(carrySeed, async (seed) => {
        const b = generateBudget(seed);
        const doc = await parseTextDoc(renderDocument(b).text, `gen-${seed}.txt`);
        expect(doc.issues).toEqual([]);
        expect(doc.tables.map((t) => t.kind).filter((k) => k !== 'unknown').sort()).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9']);
        const t2 = table(doc, 'T2');
        expect(t2.rows.filter((r) => r.code).every((r) => r.codeParts?.length === 1 && r.codeParts[0] === r.code)).toBe(true);
        const printed = printedIn(b);
        const all = printed(carried(b) + otherCarried(b));
        const t1 = table(doc, 'T1');
        expect(amount(t1.rows.find((r) => r.label === '上年结转结余'), '收入/预算数')).toBe(all);
        expect(amount(t2.rows.find((r) => r.isTotal), '上年结转结余')).toBe(all);
        const t4 = table(doc, 'T4');
        expect(amount(t4.rows.find((r) => r.label === '二、上年结转'), '收入/预算数')).toBe(printed(carried(b)));
        // this year's 财政拨款 and the carry-over make T4's 收入总计, which is what T5 and T6 spend
        const spent = b.items.reduce((s, i) => s + i.basicApp + i.projectApp, 0n);
        expect(amount(t4.rows.find((r) => r.label === '一、本年收入'), '收入/预算数')).toBe(printed(spent - carried(b)));
        expect(amount(t4.rows.find((r) => r.label === '收入总计'), '收入/预算数')).toBe(printed(spent));
        expect(amount(table(doc, 'T5').rows.find((r) => r.isTotal), '合计')).toBe(printed(b.items.filter((i) => i.fund === 'general').reduce((s, i) => s + i.basicApp + i.projectApp, 0n)));
        // the narrative states the carry-over twice: all of it (上年结转结余, T1) and, in the 财政拨款 section,
        // its 财政拨款 part (上年结转, T4); both linked and equal to the tables
        const statements = explainNarrative(doc)
          .filter((r) => r.subject === '上年结转' || r.subject === '财政拨款上年结转')
          .map((r) => [r.subject, r.table, r.outcome]);
        expect(statements).toEqual([
          ['上年结转', 'T1 上年结转结余 / 预算数', 'pass'],
          ['财政拨款上年结转', 'T4 二、上年结转 / 预算数', 'pass'],
        ]);
      }),
      { numRuns: Math.min(RUNS, 10), seed: SEED },
    );
  });

  it('leave other sources\' money for next year in some documents: T1 年终结转结余, income in T2 but not spending in T3', async () => {
    const retained = (b: GeneratedBudget): bigint => b.items.reduce((s, i) => s + (i.retained ?? 0n), 0n);
    const budgets = Array.from({ length: 600 }, (_, i) => generateBudget(i + 1));
    const mof = budgets.filter(isMof);
    const share = mof.filter((b) => retained(b) > 0n).length / mof.length;
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.3);
    expect(budgets.filter((b) => !isMof(b)).every((b) => retained(b) === 0n)).toBe(true);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 0x7ffff000 }).map((s) => nextSeed(s, (b) => isMof(b) && retained(b) > 0n)), async (seed) => {
        const b = generateBudget(seed);
        const doc = await parseTextDoc(renderDocument(b).text, `gen-${seed}.txt`);
        const printed = printedIn(b);
        const t1 = table(doc, 'T1');
        const total = b.items.reduce((s, i) => s + i.basicApp + i.projectApp + i.other.reduce((t, o) => t + o.basic + o.project, 0n), 0n);
        expect(amount(t1.rows.find((r) => r.label === '年终结转结余'), '支出/预算数')).toBe(printed(retained(b)));
        expect(amount(t1.rows.find((r) => r.label === '本年支出合计'), '支出/预算数')).toBe(printed(total - retained(b)));
        expect(amount(table(doc, 'T2').rows.find((r) => r.isTotal), '合计')).toBe(printed(total));
        expect(amount(table(doc, 'T3').rows.find((r) => r.isTotal), '合计')).toBe(printed(total - retained(b)));
        const r = await defaultLinter().checkBuffer(new TextEncoder().encode(renderDocument(b).text), `gen-${seed}.txt`);
        expect(r.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.ruleId}: ${d.message}`), `seed ${seed}`).toEqual([]);
      }),
      { numRuns: Math.min(RUNS, 10), seed: SEED },
    );
  });

  it('print the tables before or after the narrative, as the style says', async () => {
    await fc.assert(
      fc.asyncProperty(mofSeed, async (seed) => {
        const b = generateBudget(seed);
        const doc = await parseTextDoc(renderDocument(b).text, `gen-${seed}.txt`);
        const t1Line = table(doc, 'T1').location.line!;
        const narrativeLine = doc.paragraphs.find((p) => p.text.includes('本部门收入预算'))!.location.line!;
        expect(t1Line < narrativeLine, `seed ${seed}`).toBe(b.style.mof!.tablesFirst);
      }),
      { numRuns: Math.min(RUNS, 10), seed: SEED },
    );
  });

  it('draw no error or warning when consistent', async () => {
    await fc.assert(
      fc.asyncProperty(mofSeed, async (seed) => {
        const r = await defaultLinter().checkBuffer(new TextEncoder().encode(generateDocument(seed).text), `gen-${seed}.txt`);
        expect(r.fatal).toBeUndefined();
        expect(r.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.ruleId} line ${d.location.line}: ${d.message}`), `seed ${seed}`).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  for (const kind of PERTURBATION_KINDS) {
    it(`with a single planted error find it at a participating line: ${kind}`, async () => {
      await fc.assert(
        fc.asyncProperty(mofSeed, fc.integer({ min: 0, max: 0x7fffffff }), async (seed, where) => {
          const p = perturb(generateDocument(seed), kind, where);
          const r = await defaultLinter().checkBuffer(new TextEncoder().encode(p.text), `gen-${seed}.txt`);
          expect(r.fatal).toBeUndefined();
          const at = (line: number | undefined): boolean => line !== undefined && p.participants.has(line);
          const found = r.diagnostics.some((d) => d.severity !== 'info' && (at(d.location.line) || d.related.some((x) => at(x.location.line))));
          expect(found, `seed ${seed}/${where}: ${p.description}; findings: ${r.diagnostics.map((d) => `${d.ruleId}@${d.location.line}`).join(', ')}`).toBe(true);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    });
  }
});
