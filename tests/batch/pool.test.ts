/**
 * How many worker threads a batch gets: with --jobs, whenever each worker has a few documents; by
 * default, only when the batch is big enough to repay every worker's start-up and JIT warm-up.
 */
import { describe, expect, it } from 'vitest';
import { AUTO_MIN_FILES_PER_WORKER } from '../../src/batch/auto-workers.js';
import { checkInWorkers, MIN_FILES_PER_WORKER, workerCount } from '../../src/batch/pool.js';

describe('worker pool size', () => {
  it('uses workers for an explicit --jobs once each has MIN_FILES_PER_WORKER documents', () => {
    expect(workerCount(2 * MIN_FILES_PER_WORKER, 2)).toBe(2);
    expect(workerCount(2 * MIN_FILES_PER_WORKER - 1, 2)).toBe(0);
    expect(workerCount(100, 1)).toBe(0);
    expect(workerCount(100, 8)).toBe(8);
  });

  it('by default waits for AUTO_MIN_FILES_PER_WORKER documents per worker', () => {
    expect(workerCount(300, 2, AUTO_MIN_FILES_PER_WORKER)).toBe(0);
    expect(workerCount(2 * AUTO_MIN_FILES_PER_WORKER, 2, AUTO_MIN_FILES_PER_WORKER)).toBe(2);
    expect(workerCount(3 * AUTO_MIN_FILES_PER_WORKER, 4, AUTO_MIN_FILES_PER_WORKER)).toBe(3);
  });

  it('checks a small batch without --jobs in this thread (no pool)', async () => {
    const paths = Array.from({ length: 20 }, (_, i) => `doc-${i}.txt`);
    expect(await checkInWorkers(paths, { linterOptions: {}, displayName: (p) => p })).toBeUndefined();
  });
});
