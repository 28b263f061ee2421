import type { DocumentResult } from '../engine/diagnostic.js';
import { fatalResult } from '../api.js';

/** Checks one document path (the linter's checkFile with the run's per-file options bound). */
export type CheckOne = (path: string) => Promise<DocumentResult>;

/** Called after each document; `done` counts finished documents. */
export type ProgressListener = (done: number, total: number, path: string) => void;

/**
 * Checks documents one after another and returns their results in input order. A document whose
 * check throws (a crashing rule, not bad input: the linter already turns bad input into a result
 * with `fatal`) gets a fatal result of its own, so the others are still checked.
 *
 * This is the one place that loops over files: a parallel implementation (worker pool) can replace
 * it as long as it keeps the input order.
 */
export async function checkFiles(
  paths: readonly string[],
  checkOne: CheckOne,
  options: {
    onProgress?: ProgressListener;
    displayName: (path: string) => string;
    onCrash?: (e: unknown) => void;
    /** What to keep of each result (see PoolOptions.keep); default: the result. */
    keep?: (result: DocumentResult, index: number, copied: boolean) => DocumentResult;
  },
): Promise<DocumentResult[]> {
  const results: DocumentResult[] = [];
  for (const path of paths) {
    let result: DocumentResult;
    try {
      result = await checkOne(path);
    } catch (e) {
      options.onCrash?.(e);
      const message = e instanceof Error ? e.message : String(e);
      result = fatalResult(options.displayName(path), `${options.displayName(path)}: internal error: ${message}`);
    }
    results.push(options.keep ? options.keep(result, results.length, false) : result);
    options.onProgress?.(results.length, paths.length, path);
  }
  return results;
}
