import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/support.js';
import { givenPath } from '../../src/config/paths.js';

const SEED = join(process.cwd(), 'fixtures/seed/input.txt');


const BAD = JSON.stringify({ rules: [{ id: 'x/y', check: 'hierarchy-sum', severity: 'fatal', description: { zh: 'a', en: 'b' } }] });

/** Two sibling folders: `work` (the working folder) and `elsewhere` (holding the bad rule file). */
function layout(): { root: string; work: string; elsewhere: string } {
  const root = mkdtempSync(join(tmpdir(), 'budgetlint-paths-'));
  const work = join(root, 'work');
  const elsewhere = join(root, 'elsewhere');
  mkdirSync(join(work, 'sub'), { recursive: true });
  mkdirSync(elsewhere);
  writeFileSync(join(elsewhere, 'bad.json'), BAD);
  writeFileSync(join(work, 'sub', 'bad.json'), BAD);
  return { root, work, elsewhere };
}

// Messages name a user's rule file as the user wrote it (relative to the working folder), never as
// rules/<name>, which is reserved for the built-in rule files.
describe('rule file names in messages', () => {
  it('an invalid rule file outside the working folder, given as an absolute path, is named by that path', async () => {
    const { work, elsewhere } = layout();
    const abs = join(elsewhere, 'bad.json');
    const r = await cli(['check', SEED, '--rule-file', abs], work);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`budgetlint: ${abs.split('\\').join('/')}: invalid rule file at /rules/0/severity: must be equal to one of the allowed values (error, warning, info, off)\n`);
    expect(r.err).not.toMatch(/rules\/bad\.json/);
  });

  it('given relative to the working folder (even ../), it is named as given', async () => {
    const { work } = layout();
    const up = await cli(['check', SEED, '--rule-file', '../elsewhere/bad.json'], work);
    expect(up.code).toBe(2);
    expect(up.err).toMatch(/^budgetlint: \.\.\/elsewhere\/bad\.json: invalid rule file at \/rules\/0\/severity/);
    const sub = await cli(['check', SEED, '--rule-file', './sub/bad.json'], work);
    expect(sub.code).toBe(2);
    expect(sub.err).toMatch(/^budgetlint: sub\/bad\.json: invalid rule file at \/rules\/0\/severity/);
  });

  it('a rule file listed in a config is named relative to the working folder, or absolute outside it', async () => {
    const { work, elsewhere } = layout();
    writeFileSync(join(work, 'budgetlint.config.json'), JSON.stringify({ ruleFiles: ['sub/bad.json'] }));
    const inside = await cli(['check', SEED], work);
    expect(inside.code).toBe(2);
    expect(inside.err).toMatch(/^budgetlint: sub\/bad\.json: invalid rule file at \/rules\/0\/severity/);
    writeFileSync(join(work, 'budgetlint.config.json'), JSON.stringify({ ruleFiles: ['../elsewhere/bad.json'] }));
    const outside = await cli(['check', SEED], work);
    expect(outside.code).toBe(2);
    expect(outside.err.startsWith(`budgetlint: ${join(elsewhere, 'bad.json').split('\\').join('/')}: invalid rule file`)).toBe(true);
  });

  it('rules and explain name a config rule file relative to the working folder too', async () => {
    const { work } = layout();
    writeFileSync(join(work, 'sub', 'mine.json'), JSON.stringify({ rules: [{ id: 'user/mine', check: 'hierarchy-sum', severity: 'warning', description: { zh: '我的', en: 'mine' }, options: { tables: ['T3'] } }] }));
    writeFileSync(join(work, 'budgetlint.config.json'), JSON.stringify({ ruleFiles: ['sub/mine.json'] }));
    const explained = await cli(['explain', 'user/mine'], work);
    expect(explained.code).toBe(0);
    expect(explained.out).toMatch(/Defined in: sub\/mine\.json\n/);
  });

  it('built-in rules stay rules/<name> from any working folder', async () => {
    const { work } = layout();
    writeFileSync(join(work, 'dup.json'), JSON.stringify({ rules: [{ id: 'table/hierarchy-sum', check: 'hierarchy-sum', severity: 'error', description: { zh: 'a', en: 'b' }, options: { tables: ['T3'] } }] }));
    const r = await cli(['check', SEED, '--rule-file', 'dup.json'], work);
    expect(r.code).toBe(2);
    expect(r.err).toBe('budgetlint: dup.json: rule id "table/hierarchy-sum" is already defined in rules/table.json\n');
    const explained = await cli(['explain', 'table/hierarchy-sum'], work);
    expect(explained.out).toMatch(/Defined in: rules\/table\.json/);
  });

  it('givenPath: relative as given, absolute inside the folder made relative, absolute outside kept', () => {
    const cwd = join(tmpdir(), 'w');
    expect(givenPath('a/b.json', cwd)).toBe('a/b.json');
    expect(givenPath('./a/../b.json', cwd)).toBe('b.json');
    expect(givenPath('../x/b.json', cwd)).toBe('../x/b.json');
    expect(givenPath(join(cwd, 'a', 'b.json'), cwd)).toBe('a/b.json');
    const outside = join(tmpdir(), 'x', 'b.json');
    expect(givenPath(outside, cwd)).toBe(outside.split('\\').join('/'));
    expect(relative(cwd, outside).startsWith('..')).toBe(true);
  });
});
