import { createRequire } from 'node:module';

/** The styles the terminal report uses. */
export interface Paint {
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly blue: (s: string) => string;
  readonly green: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly bold: (s: string) => string;
  readonly underline: (s: string) => string;
}

const same = (s: string): string => s;

/** No colour: every style returns its text unchanged (what chalk does at level 0). */
export const PLAIN: Paint = { red: same, yellow: same, blue: same, green: same, dim: same, bold: same, underline: same };

type ChalkModule = typeof import('chalk');
let chalk: ChalkModule | undefined;

/**
 * Loads chalk ahead of a coloured report. chalk is loaded only when colour is used (a terminal
 * without NO_COLOR): the machine formats, pipes and files need none, and loading it costs start-up
 * time. The CLI calls this before rendering a coloured report.
 */
export async function loadColor(): Promise<void> {
  chalk ??= await import('chalk');
}

/** The styles for a report: plain without colour, chalk's basic 16 colours with it. */
export function painter(color: boolean): Paint {
  if (!color) return PLAIN;
  // a caller of the library that did not await loadColor(): chalk is an ES module, which
  // require() loads synchronously on the Node versions budgetlint supports (≥ 20.19)
  chalk ??= createRequire(import.meta.url)('chalk') as ChalkModule;
  return new chalk.Chalk({ level: 1 });
}
