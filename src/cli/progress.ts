import type { CliIo } from './io.js';
import type { ProgressListener } from './check-files.js';

/**
 * A one-line progress indicator on stderr ("checking 3/10 reports/a.pdf"), redrawn in place, only
 * when stderr is a terminal and there is more than one document; undefined otherwise. `done()`
 * clears the line.
 */
export function progressOnStderr(io: CliIo, total: number, shown: (path: string) => string): { onProgress: ProgressListener; done: () => void } | undefined {
  if (io.stderr.isTTY !== true || total < 2) return undefined;
  let width = 0;
  const draw = (text: string): void => {
    const pad = Math.max(0, width - text.length);
    io.stderr.write(`\r${text}${' '.repeat(pad)}`);
    width = text.length;
  };
  return {
    onProgress: (done, n, path) => draw(`checked ${done}/${n} ${shown(path)}`.slice(0, 120)),
    done: () => io.stderr.write(`\r${' '.repeat(width)}\r`),
  };
}
