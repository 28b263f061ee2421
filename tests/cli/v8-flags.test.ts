import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { V8_FLAGS } from '../../src/cli/v8-flags.js';
import { ROOT } from './support.js';

describe('the V8 settings of the CLI', () => {
  it('are flags this Node knows (an unknown one would print a warning on every run)', () => {
    for (const flag of V8_FLAGS) {
      const r = spawnSync(process.execPath, [flag, '-e', ''], { encoding: 'utf8' });
      expect(r.status, flag).toBe(0);
      expect(r.stderr, flag).toBe('');
    }
  });

  it('are applied by the shim without a word on stderr', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/budgetlint.js'), '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});
