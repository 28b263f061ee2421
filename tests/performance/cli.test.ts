import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../cli/support.js';

describe('the performance rules in `budgetlint rules` and `explain`', () => {
  it('rules lists both with severity error', async () => {
    const rows = JSON.parse((await cli(['rules', '--format', 'json'], ROOT)).out) as Array<{ id: string; severity: string }>;
    expect(rows.filter((r) => r.id.startsWith('performance/')).map((r) => [r.id, r.severity])).toEqual([
      ['performance/form-parts', 'error'],
      ['performance/forms-vs-narrative', 'error'],
    ]);
  });

  it.each(['performance/form-parts', 'performance/forms-vs-narrative'])('explain %s in English and Chinese', async (id) => {
    const en = await cli(['explain', id], ROOT);
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/What it checks:[\s\S]*Why:[\s\S]*Default severity:/);
    expect(en.out).toContain('绩效目标');
    const zh = await cli(['explain', id, '--lang', 'zh'], ROOT);
    expect(zh.out).toMatch(/检查内容[\s\S]*原因/);
  });
});
