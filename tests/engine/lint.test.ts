import { describe, expect, it } from 'vitest';
import { defineCheck } from '../../src/engine/define-check.js';
import { CheckCrash, lintDocument } from '../../src/engine/lint.js';
import type { ResolvedRule } from '../../src/engine/rule.js';
import { oncePer } from '../../src/memo.js';
import type { BudgetDocument } from '../../src/model/document.js';
import { parseTextDoc } from '../support/lint.js';

const DOC = '某区2024年部门预算\n\n正文一段。\n';

function rule(id: string, run: ResolvedRule['module']['run'], severity: ResolvedRule['severity'] = 'error'): ResolvedRule {
  const module = defineCheck<Record<string, unknown>>({
    id: 'test-kind',
    meta: { description: { zh: '测试', en: 'test' }, schema: {}, messages: { m: { zh: '值 {v}', en: 'value {v}' } } },
    run,
  });
  return { id, check: 'test-kind', severity, description: { zh: '测试', en: 'test' }, options: {}, source: 'test', module };
}

describe('lintDocument', () => {
  it('records outcomes: fail beats pass, not-assessable is never a pass, downgraded notes pass', async () => {
    const doc = await parseTextDoc(DOC);
    const p = doc.paragraphs[1]!;
    const r = lintDocument(
      doc,
      [
        rule('t/a', (ctx) => {
          ctx.pass('one');
          ctx.report({ instance: 'one', messageId: 'm', data: { v: 1 }, at: { paragraph: p, offset: 2, length: 1 } });
          ctx.notAssessable('two', 'data missing');
          ctx.notApplicable('three', 'table absent');
          ctx.report({ instance: 'four', messageId: 'm', data: { v: 2 }, at: { paragraph: p }, severity: 'info' });
        }),
      ],
      { lang: 'en' },
    );
    expect(r.outcomes.map((o) => [o.instance, o.status])).toEqual([
      ['four', 'pass'],
      ['one', 'fail'],
      ['three', 'not-applicable'],
      ['two', 'not-assessable'],
    ]);
    expect(r.summary).toEqual({ run: 4, passed: 1, failed: 1, notApplicable: 1, notAssessable: 1 });
    expect(r.counts).toEqual({ error: 1, warning: 0, info: 1 });
    const one = r.diagnostics.find((d) => d.instance === 'one')!;
    expect(one.location).toMatchObject({ file: 'fixture.txt', line: 3, column: 3, endColumn: 4 });
    expect(one.message).toBe('value 1');
  });

  it('renders messages in Chinese when asked', async () => {
    const doc = await parseTextDoc(DOC);
    const r = lintDocument(doc, [rule('t/a', (ctx) => ctx.report({ instance: 'x', messageId: 'm', data: { v: 7 }, at: { paragraph: doc.paragraphs[0]! } }))], { lang: 'zh' });
    expect(r.diagnostics[0]!.message).toBe('值 7');
  });

  it('skips rules that are off', async () => {
    const doc = await parseTextDoc(DOC);
    const r = lintDocument(doc, [rule('t/off', () => { throw new Error('must not run'); }, 'off')], { lang: 'en' });
    expect(r.outcomes).toEqual([]);
  });

  it('turns a crashing check into a CheckCrash naming the file and rule', async () => {
    const doc = await parseTextDoc(DOC);
    expect(() => lintDocument(doc, [rule('t/boom', () => { throw new Error('bug'); })], { lang: 'en' })).toThrow(CheckCrash);
    expect(() => lintDocument(doc, [rule('t/boom', () => { throw new Error('bug'); })], { lang: 'en' })).toThrow('fixture.txt: internal error in rule t/boom: bug');
  });

  it('shares data derived once per document among its rules and drops it when the run ends, crashed or not', async () => {
    const doc = await parseTextDoc(DOC);
    const derived: object[] = [];
    const derive = oncePer((_: BudgetDocument) => ({}));
    const asks = rule('t/asks', (ctx) => void derived.push(derive(ctx.document)));
    lintDocument(doc, [asks, asks], { lang: 'en' });
    expect(() => lintDocument(doc, [asks, rule('t/boom', () => { throw new Error('bug'); })], { lang: 'en' })).toThrow(CheckCrash);
    lintDocument(doc, [asks], { lang: 'en' });
    expect(derived).toHaveLength(4);
    expect(derived[1]).toBe(derived[0]);
    expect(new Set(derived).size).toBe(3);
  });

  it('rejects a report that points outside the document', async () => {
    const doc = await parseTextDoc(DOC);
    const bad = rule('t/elsewhere', (ctx) => ctx.report({ instance: 'x', messageId: 'm', data: {}, at: { location: { file: 'other.txt', line: 1 } } }));
    expect(() => lintDocument(doc, [bad], { lang: 'en' })).toThrow(/outside the document/);
  });

  it('sorts findings by location and removes exact duplicates', async () => {
    const doc = await parseTextDoc('标题\n\n第一段。\n\n第二段。\n');
    const [first, second] = [doc.paragraphs[1]!, doc.paragraphs[2]!];
    const r = lintDocument(
      doc,
      [
        rule('t/z', (ctx) => {
          ctx.report({ instance: 'b', messageId: 'm', data: { v: 2 }, at: { paragraph: second } });
          ctx.report({ instance: 'a', messageId: 'm', data: { v: 1 }, at: { paragraph: first } });
          ctx.report({ instance: 'a', messageId: 'm', data: { v: 1 }, at: { paragraph: first } });
        }),
      ],
      { lang: 'en' },
    );
    expect(r.diagnostics.map((d) => d.location.line)).toEqual([3, 5]);
  });
});
