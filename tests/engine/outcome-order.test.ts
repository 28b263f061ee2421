import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { defineCheck, type CheckContext } from '../../src/engine/define-check.js';
import type { OutcomeStatus } from '../../src/engine/diagnostic.js';
import { lintDocument } from '../../src/engine/lint.js';
import type { ResolvedRule } from '../../src/engine/rule.js';
import { parseTextDoc } from '../support/lint.js';

type Call = { readonly instance: string; readonly status: Exclude<OutcomeStatus, 'fail'> };

const RANK: Record<OutcomeStatus, number> = { fail: 4, 'not-assessable': 3, pass: 2, 'not-applicable': 1 };

/** The plain way: a map by instance, a stronger status replacing a weaker one, keys sorted by code unit. */
function expected(calls: readonly Call[]): Array<[string, string]> {
  const m = new Map<string, OutcomeStatus>();
  for (const c of calls) {
    const prev = m.get(c.instance);
    if (prev === undefined || RANK[prev] < RANK[c.status]) m.set(c.instance, c.status);
  }
  return [...m.keys()].sort().map((k) => [k, m.get(k)!]);
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
  for (const instance of pool) {
    calls.push({ instance, status: rng.pick(statuses) });
    if (rng.chance(0.1)) calls.push({ instance, status: rng.pick(statuses) });
    if (rng.chance(0.05) && calls.length > 1) calls.push({ instance: rng.pick(calls).instance, status: rng.pick(statuses) });
  }
  return calls;
}

function rule(calls: readonly Call[]): ResolvedRule {
  const run = (ctx: CheckContext<Record<string, unknown>>): void => {
    for (const c of calls) {
      if (c.status === 'pass') ctx.pass(c.instance);
      else if (c.status === 'not-applicable') ctx.notApplicable(c.instance, 'r');
      else ctx.notAssessable(c.instance, 'r');
    }
  };
  const module = defineCheck<Record<string, unknown>>({ id: 'k', meta: { description: { zh: '', en: '' }, schema: {}, messages: {} }, run });
  return { id: 't/r', check: 'k', severity: 'error', description: { zh: '', en: '' }, options: {}, source: 't', module };
}

describe('outcome bookkeeping', () => {
  it('keeps one outcome per instance, the strongest, in code-unit order of instances, however they are recorded', async () => {
    const doc = await parseTextDoc('某区2024年部门预算\n\n正文。\n');
    const rng = new Rng(20261127);
    for (let i = 0; i < 1500; i++) {
      const calls = callsFor(rng);
      const r = lintDocument(doc, [rule(calls)], { lang: 'en' });
      expect(r.outcomes.map((o) => [o.instance, o.status])).toEqual(expected(calls));
    }
  });
});
