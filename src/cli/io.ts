/** A stream the CLI writes to: process.stdout / process.stderr, or a test's recorder. */
export interface OutStream {
  /** false when the stream's buffer is full: wait for 'drain' before writing more (Node streams). */
  write(s: string): unknown;
  readonly isTTY?: boolean;
  once?(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
  off?(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
  readonly destroyed?: boolean;
}

/** The streams and environment the CLI runs with; injected so tests run it in-process. */
export interface CliIo {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

/** zh when LC_ALL / LC_MESSAGES / LANG start with zh, else en. */
export function localeLang(env: CliIo['env']): 'zh' | 'en' {
  const loc = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return loc.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Colour only on a TTY, and never when NO_COLOR is set; FORCE_COLOR=0 disables it too. */
export function useColor(io: CliIo): boolean {
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  if (io.env['FORCE_COLOR'] === '0') return false;
  if (io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '') return true;
  return io.stdout.isTTY === true;
}

/**
 * Pieces of a report are gathered up to about this many UTF-16 code units per write: small enough for
 * each batch (and its Buffer) to be short-lived garbage V8 collects at once (with 1 MiB batches the
 * 100 000-row table's JSON run peaked ~170 MiB higher), large enough for few system calls.
 */
export const WRITE_BATCH = 1 << 15;

/**
 * Gathers the pieces of a report into writes of about WRITE_BATCH characters, so that a big report
 * is never one string (nor one Buffer) and a small one is one write.
 */
export function* batched(chunks: Iterable<string>, size = WRITE_BATCH): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const c of chunks) {
    if (c.length === 0) continue;
    parts.push(c);
    length += c.length;
    if (length >= size) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (length > 0) yield parts.join('');
}

/** Resolves when the stream can take more ('drain'), or will take nothing more ('close', 'error'). */
function drained(stream: OutStream): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off?.('drain', done);
      stream.off?.('close', done);
      stream.off?.('error', done);
      resolve();
    };
    stream.once!('drain', done);
    stream.once!('close', done);
    stream.once!('error', done);
  });
}

/**
 * Writes a report to a stream piece by piece as the pieces are built, waiting for 'drain' whenever
 * the stream says its buffer is full; the bytes are those of writing the joined text at once.
 */
export async function writeChunks(stream: OutStream, chunks: Iterable<string>): Promise<void> {
  for (const text of batched(chunks)) {
    if (stream.destroyed) return; // the reader went away (bin/budgetlint.js ends the process on EPIPE)
    if (stream.write(text) === false && typeof stream.once === 'function') await drained(stream);
  }
}
