import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { packResult, unpackResult, type PackedResult } from '../batch/transport.js';
import type { DocumentResult } from '../engine/diagnostic.js';
import { UsageError } from '../errors.js';
import { temporaryFolder } from './temporary-folder.js';

/**
 * Results set aside on disk until every document is checked, for a run that can write its reports
 * only then (--update-baseline: the new baseline, known at the end, suppresses findings). Each result
 * is one structured-clone record (v8.serialize) of its packed form, the one worker threads send
 * (batch/transport.ts: it comes back equal, key order included; packed, a generated document's
 * thousand outcomes took 1.4 ms to write and read back instead of 4.5 ms, and 67 KB instead of
 * 168 KB), read back one at a time, so the run holds one whole result at a time instead of every
 * rule instance of every document. close() removes the file and its folder.
 */
export class ResultSpool {
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private end = 0;

  private constructor(
    private readonly dir: string,
    private readonly fd: number,
  ) {}

  static open(): ResultSpool {
    const dir = temporaryFolder('budgetlint-results-', 'the results of a baseline update');
    try {
      return new ResultSpool(dir, openSync(join(dir, 'results.bin'), 'w+'));
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      throw cannotSpool(e);
    }
  }

  /** Sets aside the result of the document at `index` (each index once, in any order). */
  put(index: number, result: DocumentResult): void {
    const packed = packResult(result);
    const bytes = serialize(packed ? { packed } : { result });
    try {
      for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at, bytes.length - at, this.end + at);
    } catch (e) {
      throw cannotSpool(e);
    }
    this.offsets[index] = this.end;
    this.lengths[index] = bytes.length;
    this.end += bytes.length;
  }

  /** The result put at `index`, equal to it (deep, key order included). */
  get(index: number): DocumentResult {
    const offset = this.offsets[index]!;
    const bytes = Buffer.allocUnsafe(this.lengths[index]!);
    for (let at = 0; at < bytes.length; ) {
      const n = readSync(this.fd, bytes, at, bytes.length - at, offset + at);
      if (n === 0) throw new Error(`the temporary results file in ${this.dir} ended early`);
      at += n;
    }
    const record = deserialize(bytes) as { packed: PackedResult } | { result: DocumentResult };
    return 'packed' in record ? unpackResult(record.packed) : record.result;
  }

  close(): void {
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function cannotSpool(e: unknown): UsageError {
  return new UsageError(`cannot write the temporary results of a baseline update (${(e as NodeJS.ErrnoException).code ?? 'error'}); set TMPDIR to a folder with room`);
}
