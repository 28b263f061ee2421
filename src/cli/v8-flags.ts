import { setFlagsFromString } from 'node:v8';

/**
 * V8 settings for a budgetlint process (the CLI sets them at start, before any document is checked).
 *
 * `--max-inlined-bytecode-size-cumulative=200` (V8's default: 920): how much TurboFan inlines into one
 * optimised function. A run checks each document with ~80 rules and their helpers, several hundred
 * functions that V8 optimises one after the other during the first few hundred documents; with the
 * default budget the big ones (each rule's run, the table and narrative scanners) inline so much that
 * compiling them cost more CPU than checking (~500 TurboFan jobs, seconds of a second core, per
 * thread). Half the inlining (1 203 → 597 inlined calls over 150 documents) cut the instructions for
 * the first 100 documents by 22 % (callgrind, single-threaded: 9.28 G → 7.25 G) and the CPU over
 * 1 200 documents by ~20 %, with the steady state unchanged (BENCHMARKS.md).
 *
 * Flags are process-wide, so worker threads started afterwards have them too. Setting them after
 * start-up is safe for this one: it is read each time a function is compiled.
 */
export const V8_FLAGS: readonly string[] = ['--max-inlined-bytecode-size-cumulative=200'];

export function applyV8Flags(): void {
  for (const flag of V8_FLAGS) setFlagsFromString(flag);
}
