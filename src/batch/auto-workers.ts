// A module of its own: the CLI's help quotes it without loading the pool and the linter.

/**
 * Files each worker should have when the number of workers is not given (no `--jobs`). Every worker
 * loads the rules and warms up its own JIT (V8 compiles the rules' hot code again for each thread:
 * about a second of CPU, and a few hundred documents before it runs at its steady speed), while a
 * single thread already keeps a second core partly busy with compiling and GC. On a 2-core machine,
 * once a document cost ≈ 2 ms to check (2026-11-27, 18:00), two workers took 1.1–1.2× one thread's
 * time on 1 200 documents, 0.75–0.85× on 2 400 and 0.7× on 4 800 (BENCHMARKS.md), so workers start
 * from 800 documents each.
 */
export const AUTO_MIN_FILES_PER_WORKER = 800;
