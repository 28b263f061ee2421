/**
 * Memory of a `--show-passed` run must not grow with the number of documents: the terminal report
 * lists every rule instance (~1 000 per document, ~0.3 MB), written while checking, so the run keeps
 * only the not-assessable outcomes of each result. Measured as in the bench (live heap after a full
 * GC) at a quarter of the batch and at its end, from inside the run: when each document's section
 * reaches stdout.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { generateDocument } from '../../src/generate/index.js';
import { tmp } from './support.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('memory of a --show-passed run', () => {
  it('does not grow with the number of documents', async () => {
    const n = 48;
    const dir = tmp();
    for (let i = 0; i < n; i++) writeFileSync(join(dir, `g${String(i).padStart(3, '0')}.txt`), generateDocument(1000 + i).text);
    const quarter = n / 4;
    const heap: number[] = [];
    let sections = 0;
    const io: CliIo = {
      // one write per document's section (then one for the total)
      stdout: {
        write: () => {
          sections++;
          if (sections === quarter || sections === n) {
            gc();
            heap.push(process.memoryUsage().heapUsed);
          }
          return true;
        },
      },
      stderr: { write: () => true },
      env: { LANG: 'en_US.UTF-8' },
      cwd: dir,
    };
    expect(await run(['node', 'budgetlint', 'check', '--show-passed', '--jobs', '1', '.'], io)).toBeLessThan(2);
    expect(sections).toBe(n + 1);
    // the slim result each document leaves is a few KB; keeping the whole result was ≈ 400 KB
    const perDocument = (heap[1]! - heap[0]!) / (n - quarter);
    expect(perDocument, `${Math.round(perDocument / 1024)} KB per document`).toBeLessThan(40 * 1024);
  });
});
