import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLEAN, cli, ROOT, tmp } from './support.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

/** A user rule file with one valid rule of its own id. */
function ruleFile(id: string): string {
  return JSON.stringify({
    rules: [{ id, check: 'hierarchy-sum', severity: 'warning', description: { zh: '用户规则', en: 'user rule' }, options: { tables: ['T3'] } }],
  });
}

const CATALOG = join(ROOT, 'fixtures/catalog/user/user-catalog.csv');

function ruleIds(out: string): Set<string> {
  const json = JSON.parse(out) as Json;
  return new Set(json.results.flatMap((r: Json) => r.outcomes.map((o: Json) => o.ruleId)));
}

function files(out: string): string[] {
  return (JSON.parse(out) as Json).results.map((r: Json) => r.file);
}

// --rule-file and --catalog take one value each and may be repeated; the documents after them stay documents
describe('repeatable single-value options', () => {
  it('check --rule-file x.json doc.txt: the document is checked, not read as a rule file', async () => {
    const dir = tmp({ 'x.json': ruleFile('user/x'), 'doc.txt': `@${CLEAN}` });
    const r = await cli(['check', '--rule-file', 'x.json', 'doc.txt', '-f', 'json'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(files(r.out)).toEqual(['doc.txt']);
    expect(ruleIds(r.out).has('user/x')).toBe(true);
  });

  it('--rule-file a.json --rule-file b.json loads both, in any place on the command line', async () => {
    const dir = tmp({ 'a.json': ruleFile('user/a'), 'b.json': ruleFile('user/b'), 'doc.txt': `@${CLEAN}`, 'other.txt': `@${CLEAN}` });
    const r = await cli(['check', '--rule-file', 'a.json', 'doc.txt', '--rule-file', 'b.json', 'other.txt', '-f', 'json'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(files(r.out)).toEqual(['doc.txt', 'other.txt']);
    const ids = ruleIds(r.out);
    expect(ids.has('user/a') && ids.has('user/b')).toBe(true);
    // the = form works too
    const eq = await cli(['check', '--rule-file=a.json', '--rule-file=b.json', 'doc.txt', '-f', 'json'], dir);
    expect(files(eq.out)).toEqual(['doc.txt']);
    expect(ruleIds(eq.out).has('user/b')).toBe(true);
  });

  it('a bad second rule file is the one reported', async () => {
    const dir = tmp({ 'a.json': ruleFile('user/a'), 'bad.json': '{"rules": [', 'doc.txt': `@${CLEAN}` });
    const r = await cli(['check', '--rule-file', 'a.json', '--rule-file', 'bad.json', 'doc.txt'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^budgetlint: bad\.json: invalid JSON/);
  });

  it('check --catalog c.csv doc.txt and repeated --catalog: the documents stay documents', async () => {
    const dir = tmp({ 'c.csv': `@${CATALOG}`, 'd.csv': `@${CATALOG}`, 'doc.txt': `@${CLEAN}` });
    const one = await cli(['check', '--catalog', 'c.csv', 'doc.txt', '-f', 'json'], dir);
    expect(one.err).toBe('');
    expect(files(one.out)).toEqual(['doc.txt']);
    const two = await cli(['check', '--catalog', 'c.csv', '--catalog', 'd.csv', 'doc.txt', '-f', 'json'], dir);
    expect(two.err).toBe('');
    expect(files(two.out)).toEqual(['doc.txt']);
    // each --catalog value is read: a missing one stops the run naming it
    const missing = await cli(['check', '--catalog', 'c.csv', '--catalog', 'nope.csv', 'doc.txt'], dir);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/nope\.csv: cannot read catalog file/);
  });

  it('--output stays repeatable; a missing value is a usage error', async () => {
    const dir = tmp({ 'doc.txt': `@${CLEAN}` });
    mkdirSync(join(dir, 'out'));
    const r = await cli(['check', '--output', 'json:out/a.json', 'doc.txt', '--output', 'sarif:out/a.sarif'], dir);
    expect(r.code).toBe(0);
    const none = await cli(['check', 'doc.txt', '--rule-file'], dir);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/option '--rule-file <file>' argument missing/);
  });
});
