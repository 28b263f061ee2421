import { readFileSync } from 'node:fs';

/** The tool's name and version as machine formats report them (read once from package.json). */
export const TOOL_NAME = 'budgetlint';

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export const TOOL_VERSION = readVersion();
