import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasMark, resolveRef, type LayoutMark } from '../../src/checks/table/refs.js';
import { endOfDocument } from '../../src/memo.js';
import { parseTextDoc } from '../support/lint.js';

interface RuleFile {
  rules: Array<{ id: string; options: { layouts?: Array<{ when: LayoutMark }> } }>;
}

/** Every layout mark of the built-in cross-table rules, with the rule that names it. */
function marks(): Array<[string, LayoutMark]> {
  const file = JSON.parse(readFileSync('rules/cross-table.json', 'utf8')) as RuleFile;
  const out: Array<[string, LayoutMark]> = [];
  for (const rule of file.rules) for (const layout of rule.options.layouts ?? []) out.push([rule.id, layout.when]);
  return out;
}

const text = (path: string): string => readFileSync(path, 'utf8');

/**
 * The MoF forms of the cross-table rules replace the Shanghai forms only in a document printing the
 * line that marks that layout; a Shanghai-layout document must print none of them, so that its
 * outcomes stay those of the Shanghai forms.
 */
describe('layout marks of the cross-table rules', () => {
  it('the rules name marks', () => expect(marks().length).toBeGreaterThan(5));

  const shanghai = [
    'fixtures/seed/input.txt',
    ...readdirSync('fixtures/cross')
      .filter((c) => !c.startsWith('mof-'))
      .map((c) => join('fixtures/cross', c, 'input.txt')),
  ];
  it.each(shanghai)('%s (Shanghai layout) prints none of them', async (path) => {
    const doc = await parseTextDoc(text(path), path);
    expect(marks().filter(([, m]) => hasMark(doc, m))).toEqual([]);
    endOfDocument();
  });

  it('the consistent MoF document prints every one of them', async () => {
    const doc = await parseTextDoc(text('fixtures/cross/mof-layout-consistent/input.txt'));
    expect(marks().filter(([, m]) => !hasMark(doc, m))).toEqual([]);
    endOfDocument();
  });
});

describe('a line under a numbered line', () => {
  it('tells the 本年收入 sub-line of a fund from its 上年结转 sub-line', async () => {
    const doc = await parseTextDoc(text('fixtures/cross/mof-layout-consistent/input.txt'));
    const at = (under: string): unknown => {
      const p = resolveRef(doc, { table: 'T4', side: 'income', row: { label: '一般公共预算', under }, column: '预算数' }).participant;
      return p && { line: p.row.location.line, value: p.cell?.amount?.raw };
    };
    expect(at('本年收入')).toEqual({ line: 70, value: '7,500,000' });
    expect(at('上年结转')).toEqual({ line: 74, value: '100,000' });
    // without a group the name is ambiguous: no line
    expect(resolveRef(doc, { table: 'T4', side: 'income', row: { label: '一般公共预算' }, column: '预算数' }).kind).toBe('no-row');
    endOfDocument();
  });

  it('counts a group printed blank or 0 without sub-lines as zero, and one with an amount as absent', async () => {
    const base = text('fixtures/cross/mof-layout-consistent/input.txt').split('\n');
    // 二、上年结转 (line 73) printed with `amount` and no 1./2./3. under it (lines 74–76 keep only the expense side)
    const withoutSubLines = (amount: string): string =>
      [...base.slice(0, 72), base[72]!.replace('100,000', amount), `\t\t${base[73]!.split('\t').slice(2).join('\t')}`, ...base.slice(76)].join('\n');
    const ref = { table: 'T4', side: 'income', row: { label: '政府性基金预算', under: '上年结转' }, column: '预算数' } as const;
    for (const amount of ['', '0']) {
      const r = resolveRef(await parseTextDoc(withoutSubLines(amount)), ref);
      expect(r.kind, amount).toBe('value');
      expect(r.participant?.blank, amount).toBe(true);
      expect(r.participant?.row.label, amount).toBe('二、上年结转');
      endOfDocument();
    }
    expect(resolveRef(await parseTextDoc(withoutSubLines('100,000')), ref).kind).toBe('no-row');
    endOfDocument();
  });
});
