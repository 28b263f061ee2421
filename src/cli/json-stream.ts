import type { BaselineReport } from '../baseline/apply.js';
import type { DocumentResult } from '../engine/diagnostic.js';
import { jsonReportParts } from '../reporters/json.js';
import { InOrder } from './in-order.js';
import { writeChunks, type OutStream } from './io.js';
import type { ReportFile } from './outputs.js';

/**
 * JSON reports written while a batch is checked: each document's result goes out as soon as the
 * results before it have, so a run keeps only what its other reports need (a JSON report lists every
 * rule instance: ~0.3 MB per document held until the end otherwise). The text is the JSON reporter's
 * (jsonReportParts), to stdout and/or report files.
 */
export class JsonReportStream {
  private readonly order = new InOrder<DocumentResult>((r, i) => this.write(jsonReportParts.document(r, i)));

  constructor(
    private readonly stdout: OutStream | undefined,
    private readonly files: readonly ReportFile[],
  ) {}

  /** Writes the report's head; call before the first put. */
  start(): Promise<void> {
    return this.write([jsonReportParts.head()]);
  }

  /** The result of the document at `index` of the run's inputs (each index once, in any order). */
  put(index: number, result: DocumentResult): void {
    this.order.put(index, result);
  }

  /** Waits for every result to be written, then writes the totals of `results` (the whole run) and the baseline. */
  async finish(results: readonly DocumentResult[], baseline: BaselineReport | undefined): Promise<void> {
    await this.order.done();
    await this.write([jsonReportParts.tail(results, baseline)]);
  }

  close(): void {
    for (const f of this.files) f.close();
  }

  private async write(pieces: Iterable<string>): Promise<void> {
    const text = [...pieces];
    for (const f of this.files) f.write(text);
    if (this.stdout) await writeChunks(this.stdout, text);
  }
}
