/**
 * Property tests on generated documents (issue 9): a consistent document draws no error and no
 * warning (a false alarm either way); one planted error draws at least one finding that points at a value taking part in the
 * broken identity. Runs are bounded (a few seconds); scripts/fuzz-long.mjs runs many more.
 * Set BUDGETLINT_PROPERTY_RUNS / BUDGETLINT_PROPERTY_SEED to explore further.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentResult } from '../../src/engine/diagnostic.js';
import { generateBudget, generateDocument, perturb, PERTURBATION_KINDS, renderText, type Perturbation, type PerturbationKind } from '../../src/generate/index.js';
import { defaultLinter, parseTextDoc } from '../support/lint.js';

const RUNS = Number(process.env['BUDGETLINT_PROPERTY_RUNS'] ?? 20);
const SEED = Number(process.env['BUDGETLINT_PROPERTY_SEED'] ?? 20261126);
const docSeed = fc.integer({ min: 1, max: 0x7fffffff });

async function check(text: string, file: string): Promise<DocumentResult> {
  return defaultLinter().checkBuffer(new TextEncoder().encode(text), file);
}

/** A finding points at the planted error when it or one of its related values is on a participating line. */
function pointsAtParticipant(r: DocumentResult, p: Perturbation): boolean {
  return r.diagnostics.some(
    (d) => d.severity !== 'info' && ((d.location.line !== undefined && p.participants.has(d.location.line)) || d.related.some((x) => x.location.line !== undefined && p.participants.has(x.location.line))),
  );
}

describe('generated documents', () => {
  it('are deterministic in their seed and parse into the nine tables without parse issues', async () => {
    await fc.assert(
      fc.asyncProperty(docSeed, async (seed) => {
        const a = generateDocument(seed);
        expect(generateDocument(seed).text).toBe(a.text);
        const doc = await parseTextDoc(a.text, `gen-${seed}.txt`);
        expect(doc.tables.map((t) => t.kind).filter((k) => k !== 'unknown').sort()).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9']);
        // the 绩效目标 forms, when printed, are the one table of no standard kind
        expect(doc.tables.filter((t) => t.kind === 'unknown').map((t) => t.title)).toEqual(a.text.includes('绩效目标填报表') ? ['财政项目支出绩效目标填报表'] : []);
        expect(doc.issues).toEqual([]);
        expect(doc.metadata.year).toBeGreaterThanOrEqual(2023);
      }),
      { numRuns: Math.min(RUNS, 10), seed: SEED },
    );
  });

  it('print the same tables whatever their narrative\'s wording (another seed\'s NarrativeStyle)', () => {
    fc.assert(
      fc.property(docSeed, docSeed, (seed, other) => {
        const b = generateBudget(seed);
        // the same budget worded as another seed's document
        const reworded = renderText({ ...b, style: { ...b.style, narrative: generateBudget(other).style.narrative } });
        const tables = (d: ReturnType<typeof renderText>): string[] => d.lines.filter((_, i) => d.info[i]!.table !== undefined);
        expect(tables(reworded)).toEqual(tables(renderText(b)));
      }),
      { numRuns: Math.min(RUNS, 20), seed: SEED },
    );
  });

  it('draw no error or warning when consistent', async () => {
    await fc.assert(
      fc.asyncProperty(docSeed, async (seed) => {
        const r = await check(generateDocument(seed).text, `gen-${seed}.txt`);
        const errors = r.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.ruleId} line ${d.location.line}: ${d.message}`);
        expect(r.fatal).toBeUndefined();
        expect(errors, `seed ${seed}`).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

const rates = new Map<PerturbationKind, { detected: number; total: number }>();

/** Perturbations a rule group must be present to see (the group's rules may still be in progress). */
const NEEDS: Partial<Record<PerturbationKind, string>> = { narrative: 'narrative/' };

describe('a single planted error', () => {
  const ruleIds = defaultLinter().rules.map((r) => r.id);
  for (const kind of PERTURBATION_KINDS) {
    const needs = NEEDS[kind];
    const present = needs === undefined || ruleIds.some((id) => id.startsWith(needs));
    it.skipIf(!present)(`is found and located: ${kind}`, async () => {
      const stat = { detected: 0, total: 0 };
      rates.set(kind, stat);
      await fc.assert(
        fc.asyncProperty(docSeed, fc.integer({ min: 0, max: 0x7fffffff }), async (seed, where) => {
          const p = perturb(generateDocument(seed), kind, where);
          const r = await check(p.text, `gen-${seed}.txt`);
          stat.total++;
          const ok = pointsAtParticipant(r, p);
          if (ok) stat.detected++;
          expect(r.fatal).toBeUndefined();
          expect(ok, `seed ${seed}/${where}: ${p.description}; findings: ${r.diagnostics.map((d) => `${d.ruleId}@${d.location.line}`).join(', ')}`).toBe(true);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    });
  }
});

afterAll(() => {
  const lines = [...rates].map(([k, s]) => `  ${k.padEnd(11)} ${s.detected}/${s.total} (${s.total ? ((100 * s.detected) / s.total).toFixed(0) : '-'}%)`);
  if (lines.length) console.log(`planted-error detection rate per kind:\n${lines.join('\n')}`);
});
