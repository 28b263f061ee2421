import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Linter, LinterOptions } from '../api.js';
import type { DocumentResult } from '../engine/diagnostic.js';
import type { CheckReply, FileOptions, WorkerSetup } from './protocol.js';

export type { FileOptions } from './protocol.js';

/**
 * Files each worker should have at least: starting a worker costs about as much as checking a few
 * text documents (it loads the linter and its rules), so small batches run serially.
 */
export const MIN_FILES_PER_WORKER = 4;

/** Default `--jobs`: the number of cores. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

export interface BatchOptions {
  /** Worker threads to use at most; 1 checks serially in this thread. Default: number of cores. */
  readonly jobs?: number;
  /** How to build the linter in each worker; must describe the same linter as `linter`. */
  readonly linterOptions: LinterOptions;
  readonly fileOptions?: FileOptions;
}

/** Thrown when a worker fails outside any document check (a bug): the CLI reports it as internal. */
export class WorkerFailure extends Error {
  constructor(message: string, readonly workerStack?: string) {
    super(message);
  }
}

/**
 * The compiled worker script. Under the TypeScript sources (tests) the sibling worker.js does not
 * exist, so the built copy in dist/ is used; without either, batches run serially.
 */
export function workerScript(): string | undefined {
  for (const rel of ['./worker.js', '../../dist/batch/worker.js']) {
    const path = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** How many workers a batch of `files` gets with `jobs` allowed (0 = serial in this thread). */
export function workerCount(files: number, jobs: number): number {
  const n = Math.min(jobs, Math.floor(files / MIN_FILES_PER_WORKER));
  return n >= 2 ? n : 0;
}

/**
 * Checks files, in parallel on worker threads when the batch is large enough. Results come back in
 * input order and are identical to a serial run (each worker builds the same linter; every result is
 * a pure function of its file).
 */
export async function checkFiles(linter: Linter, paths: readonly string[], options: BatchOptions): Promise<DocumentResult[]> {
  const jobs = Math.max(1, options.jobs ?? defaultJobs());
  const workers = workerCount(paths.length, jobs);
  const script = workers > 0 ? workerScript() : undefined;
  if (!script) {
    const out: DocumentResult[] = [];
    for (const p of paths) out.push(await checkOne(linter, p, options.fileOptions));
    return out;
  }
  return runPool(script, workers, paths, { linterOptions: options.linterOptions, ...(options.fileOptions ? { fileOptions: options.fileOptions } : {}) });
}

/** Linter.checkFile with per-file options (older linters take the path only). */
export function checkOne(linter: Pick<Linter, 'checkFile'>, path: string, fileOptions?: FileOptions): Promise<DocumentResult> {
  const checkFile = linter.checkFile as (path: string, options?: FileOptions) => Promise<DocumentResult>;
  return fileOptions ? checkFile(path, fileOptions) : checkFile(path);
}

function runPool(script: string, size: number, paths: readonly string[], setup: WorkerSetup): Promise<DocumentResult[]> {
  return new Promise((resolvePromise, reject) => {
    const results: DocumentResult[] = new Array(paths.length);
    const pool: Worker[] = [];
    let next = 0;
    let done = 0;
    let failed = false;
    const finish = (error?: Error): void => {
      if (failed) return;
      if (error) failed = true;
      for (const w of pool) void w.terminate();
      if (error) reject(error);
      else resolvePromise(results);
    };
    const feed = (w: Worker): void => {
      if (next < paths.length) {
        const index = next++;
        w.postMessage({ index, path: paths[index]! });
      }
    };
    for (let i = 0; i < size; i++) {
      const w = new Worker(script, { workerData: setup });
      pool.push(w);
      w.on('message', (reply: CheckReply) => {
        if ('error' in reply) return finish(new WorkerFailure(reply.error.message, reply.error.stack));
        results[reply.index] = reply.result;
        done++;
        if (done === paths.length) return finish();
        feed(w);
      });
      w.on('error', (e) => finish(e instanceof Error ? e : new Error(String(e))));
      w.on('exit', (code) => {
        if (done < paths.length && !failed) finish(new WorkerFailure(`a batch worker stopped (exit code ${code}) before all documents were checked`));
      });
      feed(w);
    }
  });
}
