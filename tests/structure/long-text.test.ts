import { describe, expect, it } from 'vitest';
import { MAX_PER_PLACE } from '../../src/checks/structure/proofread.js';
import { lintText } from '../support/lint.js';

const DOC = (body: string): string => `上海市某区2023年区级部门预算\n\n预算主管部门：某局\n\n2023年部门预算编制说明\n\n${body}\n`;

describe('proof-reading rules on hostile text', () => {
  it('report at most a few findings per paragraph and stay fast', async () => {
    const t0 = Date.now();
    const r = await lintText(DOC('“'.repeat(20_000)), ['structure/unbalanced-quotes']);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(r.diagnostics).toHaveLength(MAX_PER_PLACE);
    expect(r.diagnostics.every((d) => d.ruleId === 'structure/unbalanced-quotes' && d.location.line === 7)).toBe(true);
  });
});
