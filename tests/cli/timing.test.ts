import { describe, expect, it } from 'vitest';
import { RuleTiming, timingLimit } from '../../src/engine/rule-timing.js';
import { cli, CLEAN, ROOT, SEED } from './support.js';

/** The rule ids of a TIMING table on stderr, in its order (slowest first). */
function timedRules(err: string): string[] {
  const lines = err.split('\n');
  const head = lines.findIndex((l) => /^Rule\s+\|\s+Time \(ms\) \|\s+Relative$/.test(l));
  expect(head, err).toBeGreaterThanOrEqual(0);
  return lines.slice(head + 2).filter((l) => l.includes('|')).map((l) => l.split('|')[0]!.trim());
}

describe('TIMING: time per rule on stderr, as ESLint prints it', () => {
  it('lists the N slowest rules (ten for TIMING=1 or 3, twelve for 12, every enabled rule for TIMING=all), stdout unchanged', async () => {
    const plain = await cli(['check', SEED, CLEAN, '-f', 'json'], ROOT);
    const ten = await cli(['check', SEED, CLEAN, '-f', 'json'], ROOT, { env: { TIMING: '1' } });
    const three = await cli(['check', SEED, '-f', 'json'], ROOT, { env: { TIMING: '3' } });
    const twelve = await cli(['check', SEED, '-f', 'json'], ROOT, { env: { TIMING: '12' } });
    const all = await cli(['check', SEED, '-f', 'json'], ROOT, { env: { TIMING: 'all' } });
    expect(plain.err).not.toMatch(/Time \(ms\)/);
    expect(ten.out).toBe(plain.out);
    expect(ten.code).toBe(plain.code);
    expect(timedRules(ten.err)).toHaveLength(10);
    expect(timedRules(three.err)).toHaveLength(10);
    expect(timedRules(twelve.err)).toHaveLength(12);
    const rules = new Set(JSON.parse(all.out).results[0].outcomes.map((o: { ruleId: string }) => o.ruleId));
    expect(new Set(timedRules(all.err))).toEqual(rules);
  });

  it('sorts by time and gives each rule its share', () => {
    const t = new RuleTiming();
    t.add('b/slow', 3);
    t.add('a/fast', 1);
    t.add('b/slow', 4);
    const rows = t.format(5).trim().split('\n').slice(2).map((l) => l.split('|').map((c) => c.trim()));
    expect(rows).toEqual([
      ['b/slow', '7.000', '87.5%'],
      ['a/fast', '1.000', '12.5%'],
    ]);
    expect(t.format(1).trim().split('\n')).toHaveLength(3);
  });

  it('reads TIMING like ESLint: "all", a number above ten, else ten; unset or empty is off', () => {
    expect([undefined, '', '1', 'yes', '25', 'ALL', '0', '3', '11'].map(timingLimit)).toEqual([undefined, undefined, 10, 10, 25, Infinity, 10, 10, 11]);
  });
});
