import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';

function io(): { out: string[]; err: string[]; io: Parameters<typeof run>[1] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, env: {}, cwd: process.cwd() } };
}

describe('budgetlint narrative <file>', () => {
  it('lists every extracted statement with its table value and outcome (text)', async () => {
    const t = io();
    expect(await run(['node', 'budgetlint', 'narrative', 'fixtures/seed/input.txt'], t.io)).toBe(0);
    const lines = t.out.join('').trimEnd().split('\n');
    expect(lines[0]).toBe('position\ttext\trole\tsubject\ttable\ttable value\toutcome');
    expect(lines).toHaveLength(1 + 57);
    expect(lines).toContain('84:31\t679.24万元\tlevel\t20805 行政事业单位离退休（款）\tT5 20805 行政事业单位离退休 / 合计\t679.2466\ttruncated; breakdown: pass');
    expect(lines.filter((l) => /\tpass(;|$)/.test(l))).toHaveLength(37);
  });

  it('writes JSON with -f json', async () => {
    const t = io();
    expect(await run(['node', 'budgetlint', 'narrative', '-f', 'json', 'fixtures/narrative/sangong.txt'], t.io)).toBe(0);
    const rows = JSON.parse(t.out.join('')) as Array<{ line: number; column: number; outcome: string }>;
    // the fixture alone has no tables: nothing links, but the 三公 parts are still added up
    expect(rows.map((r) => r.outcome)).toEqual([
      'unlinked: T9 is absent (合计); breakdown: sum',
      'unlinked: T9 is absent (因公出国（境）费)',
      'unlinked: T9 is absent (公务用车购置及运行维护费)',
      'unlinked: T9 is absent (公务接待费)',
    ]);
    const line = readFileSync('fixtures/narrative/sangong.txt', 'utf8').split('\n')[2]!;
    expect(rows.map((r) => `${r.line}:${r.column}`)).toEqual(['5.1万', '1.00万', '2.00万', '2.60万'].map((n) => `3:${line.indexOf(n) + 1}`));
  });

  it('exits 2 with a one-line message on a missing file', async () => {
    const t = io();
    expect(await run(['node', 'budgetlint', 'narrative', 'fixtures/narrative/missing.txt'], t.io)).toBe(2);
    expect(t.err.join('').trim().split('\n')[0]).toMatch(/missing\.txt/);
  });
});
