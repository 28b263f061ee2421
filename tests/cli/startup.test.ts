import { describe, expect, it, vi } from 'vitest';
import { cli, ROOT } from './support.js';

// Cold start: `--version`, `--help` and usage errors must not load the rules, the parsers, the engine
// or the reporters — each command imports what it needs when it runs (src/cli/run.ts). Every module
// below is replaced by a stub that records its loading.
const loaded = vi.hoisted(() => [] as string[]);
vi.mock('../../src/cli/check-command.js', () => (loaded.push('cli/check-command'), {}));
vi.mock('../../src/cli/rule-commands.js', () => (loaded.push('cli/rule-commands'), {}));
vi.mock('../../src/api.js', () => (loaded.push('api'), {}));
vi.mock('../../src/config/load-rules.js', () => (loaded.push('config/load-rules'), {}));
vi.mock('../../src/config/load-config.js', () => (loaded.push('config/load-config'), {}));
vi.mock('../../src/engine/lint.js', () => (loaded.push('engine/lint'), {}));
vi.mock('../../src/checks/index.js', () => (loaded.push('checks'), {}));
vi.mock('../../src/parsers/index.js', () => (loaded.push('parsers'), {}));
vi.mock('../../src/reporters/index.js', () => (loaded.push('reporters'), {}));
vi.mock('../../src/narrative/explain.js', () => (loaded.push('narrative/explain'), {}));
vi.mock('../../src/batch/pool.js', () => (loaded.push('batch/pool'), {}));
vi.mock('tinyglobby', () => (loaded.push('tinyglobby'), {}));

describe('start-up loads only what the command needs', () => {
  it('--version, --help, command help and usage errors load none of the heavy modules', async () => {
    const version = await cli(['--version'], ROOT);
    expect(version.code).toBe(0);
    expect(version.out).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect((await cli(['--help'], ROOT)).code).toBe(0);
    for (const c of ['check', 'rules', 'explain', 'init', 'parse', 'narrative']) expect((await cli([c, '--help'], ROOT)).code).toBe(0);
    expect((await cli(['check', 'x.txt', '--formt', 'json'], ROOT)).code).toBe(2);
    expect((await cli(['check', 'x.txt', '-f', 'sarf'], ROOT)).code).toBe(2);
    expect((await cli(['check'], ROOT)).code).toBe(2);
    expect((await cli(['chek'], ROOT)).code).toBe(2);
    expect(loaded).toEqual([]);
  });

  it('a command loads its module when it runs (the stubs above are really in the way)', async () => {
    const r = await cli(['check', 'x.txt'], ROOT);
    expect(r.code).toBe(2);
    expect(loaded).toContain('cli/check-command');
  });
});
