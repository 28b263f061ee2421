import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../errors.js';

/**
 * A new folder of this run's own in the system's temporary folder (TMPDIR), named after `prefix`.
 * None can be made (a TMPDIR that does not exist or is not writable): a usage error naming the
 * folder and what needed it (exit 2), not an internal error.
 */
export function temporaryFolder(prefix: string, purpose: string): string {
  try {
    return mkdtempSync(join(tmpdir(), prefix));
  } catch (e) {
    throw new UsageError(`cannot create a temporary folder for ${purpose} in ${tmpdir()} (${(e as NodeJS.ErrnoException).code ?? 'error'}); set TMPDIR to a writable folder`);
  }
}
