import { describe, expect, it } from 'vitest';
import { MAX_PER_PLACE } from '../../src/checks/structure/proofread.js';
import { MAX_FINDINGS_PER_RULE } from '../../src/engine/report-cap.js';
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

describe('repeated text on hostile input', () => {
  it('one sentence printed 20 000 times in a paragraph: at most a few findings', async () => {
    const r = await lintText(DOC('主要用于保障机构正常运转和履行职能。'.repeat(20_000)), ['structure/repeated-text']);
    expect(r.diagnostics).toHaveLength(MAX_PER_PLACE);
    expect(r.diagnostics.every((d) => d.messageId === 'sentence' && d.location.line === 7)).toBe(true);
  });

  it(`a paragraph printed ${MAX_FINDINGS_PER_RULE + 100} times: ${MAX_FINDINGS_PER_RULE} findings and one counting the rest`, async () => {
    const para = '本部门2023年收入预算安排主要用于保障机构正常运转，支持各项业务工作开展。';
    const r = await lintText(DOC(Array.from({ length: MAX_FINDINGS_PER_RULE + 101 }, () => para).join('\n\n')), ['structure/repeated-text']);
    expect(r.diagnostics.filter((d) => d.messageId === 'paragraph')).toHaveLength(MAX_FINDINGS_PER_RULE);
    const more = r.diagnostics.filter((d) => d.messageId === 'moreFindings');
    expect(more.map((d) => d.data)).toEqual([{ count: 100, max: MAX_FINDINGS_PER_RULE }]);
    // the copies not listed are one failed instance
    expect(r.outcomes.filter((o) => o.status === 'fail')).toHaveLength(MAX_FINDINGS_PER_RULE + 1);
  });
});
