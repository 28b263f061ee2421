import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { V8_FLAGS } from './src/cli/v8-flags.js';

/**
 * Tests that assert which modules a run loads (lazy loading of Ajv, chalk, the worker pool …) need
 * a fresh module graph per file. Every other file shares its worker's modules with the files before
 * it (isolate: false), which halves the suite's time: the checks and parsers are imported once per
 * worker instead of once per file. Their module state is caches keyed by document or bounded memos
 * of pure functions, so sharing cannot change a result.
 */
const NEEDS_FRESH_MODULES = ['tests/cli/check-loads.test.ts', 'tests/cli/report-output.test.ts', 'tests/cli/startup.test.ts', 'tests/config/builtin-rules.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // the test processes run with the CLI's V8 settings (src/cli/v8-flags.ts): most test files check a
    // few documents with a cold JIT, where compiling the rules' code is most of the work
    execArgv: [...V8_FLAGS],
    // one fork per core: vitest's default (cores - 1) ran the suite in a single fork on a 2-core
    // machine (37 s against 30 s with two)
    maxWorkers: availableParallelism(),
    projects: [
      { extends: true, test: { name: 'fresh-modules', include: NEEDS_FRESH_MODULES } },
      { extends: true, test: { name: 'shared-modules', include: ['tests/**/*.test.ts'], exclude: [...configDefaults.exclude, ...NEEDS_FRESH_MODULES], isolate: false } },
    ],
  },
});
