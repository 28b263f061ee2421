import type { CliIo } from './io.js';
import type { ProgressListener } from './check-files.js';

/** The progress line as a report written while checking sees it: out of the way while stdout is written. */
export interface ProgressLine {
  /** Clears the line (until resume): the next text on the terminal starts at its first column. */
  pause(): void;
  /** Draws the line again, with the latest progress. */
  resume(): void;
}

/**
 * A one-line progress indicator on stderr ("checked 3/10 reports/a.pdf"), redrawn in place, only
 * when stderr is a terminal and there is more than one document; undefined otherwise. `done()`
 * clears the line for good.
 */
export function progressOnStderr(io: CliIo, total: number, shown: (path: string) => string): (ProgressLine & { onProgress: ProgressListener; done: () => void }) | undefined {
  if (io.stderr.isTTY !== true || total < 2) return undefined;
  let text = '';
  let width = 0;
  let paused = false;
  let finished = false;
  const draw = (): void => {
    if (paused || finished) return;
    const pad = Math.max(0, width - text.length);
    io.stderr.write(`\r${text}${' '.repeat(pad)}`);
    width = text.length;
  };
  const clear = (): void => {
    if (width > 0) io.stderr.write(`\r${' '.repeat(width)}\r`);
    width = 0;
  };
  return {
    onProgress: (done, n, path) => {
      text = `checked ${done}/${n} ${shown(path)}`.slice(0, 120);
      draw();
    },
    pause: () => {
      if (paused || finished) return;
      clear();
      paused = true;
    },
    resume: () => {
      paused = false;
      draw();
    },
    done: () => {
      if (!finished && !paused) clear();
      finished = true;
    },
  };
}
