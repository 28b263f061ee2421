import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CliIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SEED = join(ROOT, 'fixtures/seed/input.txt');
/** A nine-table document whose tables agree with each other (no error-level finding). */
export const CLEAN = join(ROOT, 'fixtures/cross/consistent-document/input.txt');

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the CLI in-process with captured streams; `tty` makes stdout and stderr look like terminals. */
export async function cli(args: readonly string[], cwd: string, opts: { env?: Record<string, string>; tty?: boolean } = {}): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (out += s), ...(opts.tty ? { isTTY: true } : {}) },
    stderr: { write: (s: string) => (err += s), ...(opts.tty ? { isTTY: true } : {}) },
    env: { LANG: 'en_US.UTF-8', ...opts.env },
    cwd,
  };
  const code = await run(['node', 'budgetlint', ...args], io);
  return { code, out, err };
}

/** A temporary folder with the given files (text, or a path to copy when the value starts with '@'). */
export function tmp(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'budgetlint-cli-'));
  for (const [name, content] of Object.entries(files)) {
    if (content.startsWith('@')) copyFileSync(content.slice(1), join(dir, name));
    else writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** Runs `f` with TMPDIR (the folder Node's os.tmpdir() names) set to `dir`, then restores it. */
export async function withTmpdir<T>(dir: string, f: () => Promise<T>): Promise<T> {
  const before = process.env['TMPDIR'];
  process.env['TMPDIR'] = dir;
  try {
    return await f();
  } finally {
    if (before === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = before;
  }
}
