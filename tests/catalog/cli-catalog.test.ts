import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

const ROOT = process.cwd();
const SEED = join(ROOT, 'fixtures/seed/input.txt');

async function cli(args: string[], cwd = ROOT): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, env: { LANG: 'en_US.UTF-8' }, cwd };
  const code = await run(['node', 'budgetlint', 'check', ...args], io);
  return { code, out, err };
}

interface JsonOut {
  results: Array<{ diagnostics: Array<{ ruleId: string; location: { row?: string }; data: Record<string, unknown> }> }>;
}

function findings(out: string, rule: string): string[] {
  const json = JSON.parse(out) as JsonOut;
  return json.results[0]!.diagnostics.filter((d) => d.ruleId === rule).map((d) => d.location.row ?? '');
}

describe('--catalog user.csv', () => {
  it('takes precedence over the built-in catalog', async () => {
    const plain = await cli([SEED, '--format', 'json']);
    expect(findings(plain.out, 'catalog/name-mismatch')).toEqual(['21699', '30209', '30399']);
    expect(findings(plain.out, 'catalog/obsolete-name')).toEqual(['20805', '2080501', '215']);
    // the user's budget system names 30209 维修（护）费, 21699 其他商业流通事务支出 and 215 by its old name
    const user = await cli([SEED, '--format', 'json', '--catalog', 'fixtures/catalog/user/user-catalog.csv']);
    expect(user.err).toBe('');
    expect(findings(user.out, 'catalog/name-mismatch')).toEqual(['30399']);
    expect(findings(user.out, 'catalog/obsolete-name')).toEqual(['20805', '2080501']);
  });

  it('is read from the config\'s "catalog" too, relative to the config file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'budgetlint-catalog-'));
    copyFileSync(join(ROOT, 'fixtures/catalog/user/user-catalog.csv'), join(dir, 'mine.csv'));
    writeFileSync(join(dir, 'budgetlint.config.json'), JSON.stringify({ catalog: ['mine.csv'] }));
    const r = await cli([SEED, '--format', 'json'], dir);
    expect(r.err).toBe('');
    expect(findings(r.out, 'catalog/name-mismatch')).toEqual(['30399']);
  });

  it('a malformed user catalog stops the run with one line naming the file (exit 2)', async () => {
    const r = await cli([SEED, '--catalog', 'fixtures/catalog/user/bad-level.csv']);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe('budgetlint: fixtures/catalog/user/bad-level.csv:2: code 30209 has level "项" but its length makes it a 款');
    const missing = await cli([SEED, '--catalog', 'fixtures/catalog/user/none.csv']);
    expect(missing.code).toBe(2);
    expect(missing.err.trim()).toBe('budgetlint: fixtures/catalog/user/none.csv: cannot read catalog file');
  });
});
