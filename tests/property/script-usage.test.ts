/**
 * The generator's scripts (npm run gen, fuzz:long, bench) answer --help with their usage (exit 0) and a
 * mistake on the command line with one line naming it (exit 2), never with parseArgs' stack trace.
 * Neither needs the build: both are answered before dist/ is loaded.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function run(script: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [`scripts/${script}`, ...args], { encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.each(['gen.mjs', 'fuzz-long.mjs', 'bench.mjs'])('scripts/%s', (script) => {
  it.each(['--help', '-h'])('prints its usage for %s', (flag) => {
    const r = run(script, [flag]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run /);
    expect(r.stdout).toContain('--help');
    expect(r.stderr).toBe('');
  });

  it.each([
    [['--no-such-option'], '--no-such-option'],
    [['--docs-count', '3'], '--docs-count'],
    [['stray'], 'stray'],
  ])('names a mistake in one line with exit 2: %j', (args, named) => {
    const r = run(script, args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(named);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

it('gen refuses a count that is not a whole number', () => {
  const r = run('gen.mjs', ['--out', 'unused', '--count', 'ten']);
  expect(r.status).toBe(2);
  expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining('--count')]);
});
