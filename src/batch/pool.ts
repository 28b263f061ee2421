import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { fatalResult, type Linter, type LinterOptions } from '../api.js';
import type { DocumentResult } from '../engine/diagnostic.js';
import { UsageError } from '../errors.js';
import { AUTO_MIN_FILES_PER_WORKER } from './auto-workers.js';
import { checkOne } from './check-one.js';
import type { CheckReply, FileOptions, WorkerSetup } from './protocol.js';
import { unpackResult } from './transport.js';

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

/** Parses a `--jobs` value: a whole number ≥ 1. */
export function parseJobs(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--jobs expects a whole number of at least 1, got "${value}"`);
  return Number(value);
}

/**
 * How many workers a batch of `files` gets with `jobs` allowed (0 = check serially in this thread);
 * `minPerWorker` is MIN_FILES_PER_WORKER for an explicit --jobs, AUTO_MIN_FILES_PER_WORKER otherwise.
 */
export function workerCount(files: number, jobs: number, minPerWorker = MIN_FILES_PER_WORKER): number {
  const n = Math.min(jobs, Math.floor(files / minPerWorker));
  return n >= 2 ? n : 0;
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

/** Thrown when a worker thread itself fails (not a document check): reported as an internal error. */
export class WorkerFailure extends Error {}

export interface PoolOptions {
  /**
   * Worker threads to use at most. Default: the number of cores, for batches big enough to pay for
   * the workers' start-up (AUTO_MIN_FILES_PER_WORKER each); smaller batches run in this thread.
   */
  readonly jobs?: number;
  /** How each worker builds its linter: the options the main thread's linter was built with. */
  readonly linterOptions: LinterOptions;
  readonly fileOptions?: FileOptions;
  /** The name of a path in results and messages (as the linter shows it). */
  readonly displayName: (path: string) => string;
  /** Called after each document, in completion order. */
  readonly onProgress?: (done: number, total: number, path: string) => void;
  /** Called with the error of a document whose check crashed (it gets a fatal result). */
  readonly onCrash?: (e: unknown) => void;
  /**
   * Called with each result as it arrives (in completion order; `index` is its place in the input)
   * and returning what the batch keeps of it: a run that writes its report while checking keeps a
   * slimmer copy. `copied`: the result came from a worker thread, so it shares no memory with a
   * document's text (see retainedResult). Default: the result itself.
   */
  readonly keep?: (result: DocumentResult, index: number, copied: boolean) => DocumentResult;
}

/**
 * Checks files on worker threads, or returns undefined when the batch is too small for workers to
 * pay off (or no compiled worker exists) so the caller checks serially. Results come back in input
 * order and equal a serial run: each worker builds the same linter, every result is a pure function
 * of its file, and a crashing check becomes the same fatal result as in the serial loop.
 */
export async function checkInWorkers(paths: readonly string[], options: PoolOptions): Promise<DocumentResult[] | undefined> {
  const workers = options.jobs !== undefined ? workerCount(paths.length, Math.max(1, options.jobs)) : workerCount(paths.length, defaultJobs(), AUTO_MIN_FILES_PER_WORKER);
  const script = workers > 0 ? workerScript() : undefined;
  if (!script) return undefined;
  const setup: WorkerSetup = {
    linterOptions: options.linterOptions,
    ...(options.fileOptions ? { fileOptions: options.fileOptions } : {}),
  };
  return runPool(script, workers, paths, setup, options);
}

/** Library convenience: checks files with `linter`, in parallel when worthwhile. */
export async function checkFiles(linter: Linter, paths: readonly string[], options: Omit<PoolOptions, 'displayName'> & { displayName?: (path: string) => string }): Promise<DocumentResult[]> {
  const displayName = options.displayName ?? ((p: string) => p);
  const parallel = await checkInWorkers(paths, { ...options, displayName });
  if (parallel) return parallel;
  const out: DocumentResult[] = [];
  for (const p of paths) {
    const result = await checkOne(linter, p, options.fileOptions);
    out.push(options.keep ? options.keep(result, out.length, false) : result);
  }
  return out;
}

function runPool(script: string, size: number, paths: readonly string[], setup: WorkerSetup, options: PoolOptions): Promise<DocumentResult[]> {
  return new Promise((resolvePromise, reject) => {
    const results: DocumentResult[] = new Array(paths.length);
    const pool: Worker[] = [];
    let next = 0;
    let done = 0;
    let settled = false;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
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
        const path = paths[reply.index]!;
        let result: DocumentResult;
        if ('crash' in reply) {
          const err = new Error(reply.crash.message);
          if (reply.crash.stack) err.stack = reply.crash.stack;
          options.onCrash?.(err);
          const name = options.displayName(path);
          result = fatalResult(name, `${name}: internal error: ${reply.crash.message}`);
        } else result = 'packed' in reply ? unpackResult(reply.packed) : reply.result;
        results[reply.index] = options.keep ? options.keep(result, reply.index, true) : result;
        done++;
        options.onProgress?.(done, paths.length, path);
        if (done === paths.length) return finish();
        feed(w);
      });
      w.on('error', (e) => finish(new WorkerFailure(`a batch worker failed: ${e instanceof Error ? e.message : String(e)}`)));
      w.on('exit', (code) => {
        if (done < paths.length) finish(new WorkerFailure(`a batch worker stopped (exit code ${code}) before all documents were checked`));
      });
      // two requests in flight, so a worker never waits for the main thread between documents
      feed(w);
      feed(w);
    }
  });
}
