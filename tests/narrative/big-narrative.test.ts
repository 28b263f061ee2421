/**
 * A narrative of megabytes reports a bounded number of findings (issue 9): a paragraph is read up to
 * MAX_AMOUNTS_PER_PARAGRAPH amounts (the rest is one info), not-assessable amounts are listed up to
 * MAX_UNLINKED_LISTED per document, and one amount's year-on-year figures give at most
 * MAX_FINDINGS_PER_AMOUNT findings. Counts, not timings, are asserted.
 */
import { describe, expect, it } from 'vitest';
import { MAX_FINDINGS_PER_AMOUNT } from '../../src/checks/narrative/year-on-year.js';
import { MAX_FINDINGS_PER_RULE } from '../../src/engine/report-cap.js';
import { MAX_UNLINKED_LISTED } from '../../src/narrative/analysis.js';
import { MAX_AMOUNTS_PER_PARAGRAPH } from '../../src/narrative/statements.js';
import { lintText } from '../support/lint.js';

const DOC = (body: string): string => `上海市某区2023年区级部门预算\n\n预算主管部门：某局\n\n2023年部门预算编制说明\n\n${body}\n`;
const BODY_LINE = 7;

describe('one paragraph with thousands of amounts', () => {
  it(`is read up to ${MAX_AMOUNTS_PER_PARAGRAPH} amounts; one info says where reading stopped`, async () => {
    const unit = '1,234.5万元，“其中”';
    const r = await lintText(DOC(`本部门收入预算${unit.repeat(2000)}。`), ['narrative/']);
    const unread = r.diagnostics.filter((d) => d.messageId === 'unread');
    expect(unread).toHaveLength(1);
    expect(unread[0]!.ruleId).toBe('narrative/unlinked-amount');
    expect(unread[0]!.severity).toBe('info');
    expect(unread[0]!.data).toEqual({ max: MAX_AMOUNTS_PER_PARAGRAPH, text: '1,234.5万元' });
    // at the first amount not read: after the 7 characters of 本部门收入预算 and 500 units
    expect(unread[0]!.location).toMatchObject({ line: BODY_LINE, column: 1 + 7 + MAX_AMOUNTS_PER_PARAGRAPH * unit.length });
    expect(unread[0]!.message).toBe(`This paragraph holds more than ${MAX_AMOUNTS_PER_PARAGRAPH} amounts: only the first ${MAX_AMOUNTS_PER_PARAGRAPH} were read, and the rest, from 1,234.5万元 on, were not checked (a narrative paragraph holds a few)`);
    // every amount read is accounted for, none past the bound
    expect(r.diagnostics.filter((d) => d.messageId === 'unlinked')).toHaveLength(MAX_AMOUNTS_PER_PARAGRAPH);
    expect(r.outcomes.filter((o) => o.ruleId === 'narrative/amount-matches-table')).toHaveLength(MAX_AMOUNTS_PER_PARAGRAPH);
  });

  it('a paragraph at the bound is read in full', async () => {
    const r = await lintText(DOC(`本部门收入预算${'1,234.5万元，'.repeat(MAX_AMOUNTS_PER_PARAGRAPH)}。`), ['narrative/unlinked-amount']);
    expect(r.diagnostics.filter((d) => d.messageId === 'unread')).toHaveLength(0);
    expect(r.diagnostics.filter((d) => d.messageId === 'unlinked')).toHaveLength(MAX_AMOUNTS_PER_PARAGRAPH);
  });
});

describe('thousands of paragraphs with an amount each', () => {
  const n = MAX_FINDINGS_PER_RULE + 300;
  const body = Array.from({ length: n }, (_, i) => `第${i}项资金收入预算1,234.5万元。`).join('\n\n');

  it(`unlinked amounts: ${MAX_FINDINGS_PER_RULE} listed, then one info counting the rest`, async () => {
    const r = await lintText(DOC(body), ['narrative/unlinked-amount']);
    expect(r.diagnostics.filter((d) => d.messageId === 'unlinked')).toHaveLength(MAX_FINDINGS_PER_RULE);
    const more = r.diagnostics.filter((d) => d.messageId === 'moreFindings');
    expect(more).toHaveLength(1);
    expect(more[0]!.severity).toBe('info');
    expect(more[0]!.data).toEqual({ count: 300, max: MAX_FINDINGS_PER_RULE });
  });

  it(`not-assessable amounts: ${MAX_UNLINKED_LISTED} listed, then one instance for the rest`, async () => {
    const r = await lintText(DOC(body), ['narrative/amount-matches-table']);
    const na = r.outcomes.filter((o) => o.status === 'not-assessable');
    expect(na).toHaveLength(MAX_UNLINKED_LISTED + 1);
    const rest = na.find((o) => o.instance === 'unlinked:more');
    expect(rest?.reason).toBe(`${n - MAX_UNLINKED_LISTED} more amounts could not be linked to a table value (the first ${MAX_UNLINKED_LISTED} are listed one by one)`);
  });
});

describe('one amount followed by hundreds of contradicting year-on-year figures', () => {
  it(`gives at most ${MAX_FINDINGS_PER_AMOUNT} findings`, async () => {
    const r = await lintText(DOC(`本部门收入预算100万元。\n\n${'比上年增加-2万元，增长-3%。\n\n'.repeat(300)}`), ['narrative/year-on-year']);
    expect(r.diagnostics).toHaveLength(MAX_FINDINGS_PER_AMOUNT);
    expect(new Set(r.diagnostics.map((d) => d.instance)).size).toBe(1);
  });
});
