/** The streams and environment the CLI runs with; injected so tests run it in-process. */
export interface CliIo {
  readonly stdout: { write(s: string): unknown; isTTY?: boolean };
  readonly stderr: { write(s: string): unknown; isTTY?: boolean };
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
