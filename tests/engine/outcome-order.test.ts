import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { defineCheck, type CheckContext } from '../../src/engine/define-check.js';
import type { OutcomeStatus } from '../../src/engine/diagnostic.js';
import { lintDocument } from '../../src/engine/lint.js';
import type { ResolvedRule } from '../../src/engine/rule.js';
import { parseTextDoc } from '../support/lint.js';

/** One record of a rule run; `reason` tells which record an outcome came from. */
type Call = { readonly instance: string; readonly status: Exclude<OutcomeStatus, 'fail'>; readonly reason: string };

const RANK: Record<OutcomeStatus, number> = { fail: 4, 'not-assessable': 3, pass: 2, 'not-applicable': 1 };

/**
 * The plain way: a map by instance, a stronger status replacing a weaker one (an equal one does not),
 * keys sorted by code unit; each outcome with the reason of the record it came from (none for a pass).
 */
function expected(calls: readonly Call[]): Array<[string, string, string | undefined]> {
  const m = new Map<string, Call>();
  for (const c of calls) {
    const prev = m.get(c.instance);
    if (prev === undefined || RANK[prev.status] < RANK[c.status]) m.set(c.instance, c);
  }
  return [...m.keys()].sort().map((k) => {
    const c = m.get(k)!;
    return [k, c.status, c.status === 'pass' ? undefined : c.reason];
  });
}

function actual(outcomes: ReadonlyArray<{ instance: string; status: string; reason?: string }>): Array<[string, string, string | undefined]> {
  return outcomes.map((o) => [o.instance, o.status, o.reason]);
}

/** Instances like the checks': shared prefixes, codes of several lengths, Chinese column names. */
function instances(rng: Rng, n: number): string[] {
  const cols = ['合计', '基本支出', '项目支出', 'a', ''];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const code = String(rng.int(1, 3000)).slice(0, rng.int(1, 4));
    out.push(rng.chance(0.2) ? code : `T${rng.int(1, 3)}:${code}:${rng.pick(cols)}`);
  }
  return out;
}

function callsFor(rng: Rng): Call[] {
  const pool = instances(rng, rng.int(1, 40));
  // in order (the fast path), nearly in order, or shuffled; repeats adjacent or anywhere
  const order = rng.int(0, 2);
  if (order === 0) pool.sort();
  if (order === 1) pool.sort().reverse();
  const statuses: Array<Call['status']> = ['pass', 'not-applicable', 'not-assessable'];
  const calls: Call[] = [];
  const call = (instance: string): Call => ({ instance, status: rng.pick(statuses), reason: `r${calls.length}` });
  for (const instance of pool) {
    calls.push(call(instance));
    if (rng.chance(0.1)) calls.push(call(instance));
    if (rng.chance(0.05) && calls.length > 1) calls.push(call(rng.pick(calls).instance));
  }
  return calls;
}

function rule(calls: readonly Call[] | (() => readonly Call[])): ResolvedRule {
  const run = (ctx: CheckContext<Record<string, unknown>>): void => {
    for (const c of typeof calls === 'function' ? calls() : calls) {
      if (c.status === 'pass') ctx.pass(c.instance);
      else if (c.status === 'not-applicable') ctx.notApplicable(c.instance, c.reason);
      else ctx.notAssessable(c.instance, c.reason);
    }
  };
  const module = defineCheck<Record<string, unknown>>({ id: 'k', meta: { description: { zh: '', en: '' }, schema: {}, messages: {} }, run });
  return { id: 't/r', check: 'k', severity: 'error', description: { zh: '', en: '' }, options: {}, source: 't', module };
}

describe('outcome bookkeeping', () => {
  it('keeps one outcome per instance, the strongest, in code-unit order of instances, however they are recorded', async () => {
    const doc = await parseTextDoc('某区2024年部门预算\n\n正文。\n');
    const rng = new Rng(20261127);
    const wrong: number[] = [];
    for (let i = 0; i < 1500; i++) {
      const calls = callsFor(rng);
      const r = lintDocument(doc, [rule(calls)], { lang: 'en' });
      if (JSON.stringify(actual(r.outcomes)) !== JSON.stringify(expected(calls))) wrong.push(i);
    }
    expect(wrong).toEqual([]);
  });

  it('lists just the not-assessable outcomes, in the same order, with every instance counted, when only those are kept', async () => {
    const doc = await parseTextDoc('某区2024年部门预算\n\n正文。\n');
    const rng = new Rng(20261129);
    const wrong: number[] = [];
    for (let i = 0; i < 1500; i++) {
      const calls = callsFor(rng);
      const all = expected(calls);
      const r = lintDocument(doc, [rule(calls)], { lang: 'en', keptOutcomes: 'not-assessable' });
      const counted = (s: string): number => all.filter((o) => o[1] === s).length;
      const summary = { run: all.length, passed: counted('pass'), failed: 0, notApplicable: counted('not-applicable'), notAssessable: counted('not-assessable') };
      const same = JSON.stringify(actual(r.outcomes)) === JSON.stringify(all.filter((o) => o[1] === 'not-assessable')) && JSON.stringify(r.summary) === JSON.stringify(summary);
      if (!same) wrong.push(i);
    }
    expect(wrong).toEqual([]);
  });

  it('gives the same outcomes when one rule runs on document after document (its log is reused)', async () => {
    const doc = await parseTextDoc('某区2024年部门预算\n\n正文。\n');
    const rng = new Rng(20261128);
    let calls: readonly Call[] = [];
    const reused = rule(() => calls);
    const wrong: number[] = [];
    for (let i = 0; i < 1500; i++) {
      // big and small runs alternate, so entries of a longer earlier run lie beyond a shorter one's
      calls = i % 7 === 0 ? [...callsFor(rng), ...callsFor(rng), ...callsFor(rng)] : callsFor(rng);
      const r = lintDocument(doc, [reused], { lang: 'en' });
      if (JSON.stringify(actual(r.outcomes)) !== JSON.stringify(expected(calls))) wrong.push(i);
    }
    expect(wrong).toEqual([]);
  });

  it('forgets what a rule recorded before it crashed', async () => {
    const doc = await parseTextDoc('某区2024年部门预算\n\n正文。\n');
    let crash = true;
    const r = rule(() => {
      if (crash) return [{ instance: 'z', status: 'pass', reason: '' }, { instance: 'a', status: 'not-assessable', reason: 'r' }, { instance: 'boom', status: 'pass', reason: '' }];
      return [{ instance: 'b', status: 'pass', reason: '' }];
    });
    const boom = { ...r, module: { ...r.module, run: (ctx: CheckContext<Record<string, unknown>>) => { r.module.run(ctx); if (crash) throw new Error('bug'); } } };
    expect(() => lintDocument(doc, [boom], { lang: 'en' })).toThrow(/internal error/);
    crash = false;
    const after = lintDocument(doc, [boom], { lang: 'en' });
    expect(after.outcomes.map((o) => [o.instance, o.status])).toEqual([['b', 'pass']]);
    expect(after.summary).toEqual({ run: 1, passed: 1, failed: 0, notApplicable: 0, notAssessable: 0 });
  });
});
