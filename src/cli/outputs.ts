import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { didYouMean } from '../config/suggest.js';
import { UsageError } from '../errors.js';
import { batched } from './io.js';

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

/**
 * Writes a report file, creating its folder; a failure is a usage error naming the file. The report
 * comes in pieces (see CHUNKED_REPORTERS) written as they are built, synchronously, so that a big
 * report is never held whole; the file's bytes are those of the joined text.
 */
export function writeReport(cwd: string, file: string, report: string | Iterable<string>, append = false): void {
  const out = openReport(cwd, file, append);
  try {
    out.write(typeof report === 'string' ? [report] : report);
  } finally {
    out.close();
  }
}

/** A report file open for writing in several goes (a report written while the documents are checked). */
export interface ReportFile {
  /** Writes the pieces, synchronously; errors while building them pass through, write errors name the file. */
  write(pieces: Iterable<string>): void;
  close(): void;
}

/** Opens (creates or, with `append`, extends) a report file, creating its folder; a failure is a usage error naming the file. */
export function openReport(cwd: string, file: string, append = false): ReportFile {
  const abs = resolve(cwd, file);
  let fd: number;
  try {
    mkdirSync(dirname(abs), { recursive: true });
    fd = openSync(abs, append ? 'a' : 'w');
  } catch (e) {
    throw cannotWrite(file, e);
  }
  return {
    write(pieces) {
      for (const text of batched(pieces)) {
        const bytes = Buffer.from(text, 'utf8');
        for (let at = 0; at < bytes.length; ) {
          try {
            at += writeSync(fd, bytes, at);
          } catch (e) {
            throw cannotWrite(file, e);
          }
        }
      }
    },
    close() {
      closeSync(fd);
    },
  };
}

function cannotWrite(file: string, e: unknown): UsageError {
  return new UsageError(`${file}: cannot write report (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
}
