import type { LinterOptions } from '../api.js';
import type { DocumentResult } from '../engine/diagnostic.js';
import type { PackedResult } from './transport.js';

/** Per-file options passed to Linter.checkFile (e.g. a narrative file joined to a workbook). */
export interface FileOptions {
  readonly narrative?: string;
}

/** What a worker receives when it starts: enough to build the same linter as the main thread. */
export interface WorkerSetup {
  readonly linterOptions: LinterOptions;
  readonly fileOptions?: FileOptions;
}

/** Main → worker: check the file at `path`; `index` is its position in the input order. */
export interface CheckRequest {
  readonly index: number;
  readonly path: string;
}

/**
 * Worker → main: the result for `index` (packed, or as is when it cannot be packed), or the error
 * its check threw (a crashing rule).
 */
export type CheckReply =
  | { readonly index: number; readonly packed: PackedResult }
  | { readonly index: number; readonly result: DocumentResult }
  | { readonly index: number; readonly crash: { readonly message: string; readonly stack?: string } };
