import type { Linter } from '../api.js';
import type { DocumentResult } from '../engine/diagnostic.js';
import type { FileOptions } from './protocol.js';

/** Linter.checkFile with per-file options when there are any. */
export function checkOne(linter: Pick<Linter, 'checkFile'>, path: string, fileOptions?: FileOptions): Promise<DocumentResult> {
  return fileOptions ? linter.checkFile(path, fileOptions) : linter.checkFile(path);
}
