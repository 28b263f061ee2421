import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { didYouMean } from '../config/suggest.js';
import { UsageError } from '../errors.js';

/** One `--output format:file` request. */
export interface OutputSpec {
  readonly format: string;
  readonly file: string;
}

/** Parses "sarif:report.sarif"; the format must be one of `formats`. */
export function parseOutputSpec(spec: string, formats: readonly string[]): OutputSpec {
  const colon = spec.indexOf(':');
  if (colon <= 0 || colon === spec.length - 1) {
    throw new UsageError(`--output expects FORMAT:FILE (e.g. sarif:report.sarif), got "${spec}"`);
  }
  const format = spec.slice(0, colon);
  if (!formats.includes(format)) {
    throw new UsageError(`--output: unknown format "${format}"${didYouMean(format, formats)}`, `formats: ${formats.join(', ')}`);
  }
  return { format, file: spec.slice(colon + 1) };
}

/** Writes a report file, creating its folder; a failure is a usage error naming the file. */
export function writeReport(cwd: string, file: string, text: string, append = false): void {
  const abs = resolve(cwd, file);
  try {
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text, append ? { flag: 'a' } : undefined);
  } catch (e) {
    throw new UsageError(`${file}: cannot write report (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
