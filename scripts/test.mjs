#!/usr/bin/env node
// `npm test`: the type check (tsc over src, tests and scripts) and the test suite (vitest) run side by
// side, since the type check is one process on one core and the suite leaves part of a core idle
// (2 cores: 47 s side by side against 53 s one after the other). The type check is incremental
// (tests/tsconfig.json keeps its state in node_modules/.cache): ~10 s the first time, ~4 s after.
// Fails when either fails; arguments go to vitest (`npm test -- tests/cli`).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
/** The script of a package's command (its package.json "bin"), run with this Node. */
function bin(pkg, name) {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { bin: entry } = JSON.parse(readFileSync(manifest, 'utf8'));
  return join(dirname(manifest), typeof entry === 'string' ? entry : entry[name]);
}
const run = (script, args) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });

const [typecheck, suite] = await Promise.all([run(bin('typescript', 'tsc'), ['-p', 'tests/tsconfig.json']), run(bin('vitest', 'vitest'), ['run', ...process.argv.slice(2)])]);
if (typecheck !== 0) console.error('npm test: the type check failed (tsc -p tests/tsconfig.json)');
process.exitCode = typecheck !== 0 || suite !== 0 ? 1 : 0;
