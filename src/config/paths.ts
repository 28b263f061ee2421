import { isAbsolute, relative, resolve, sep } from 'node:path';

function slashes(p: string): string {
  return p.split(sep).join('/').split('\\').join('/');
}

function outside(rel: string): boolean {
  return rel === '..' || rel.startsWith(`..${sep}`) || rel.startsWith('../') || isAbsolute(rel);
}

/** Relative path with `/` separators, as used in every location and machine format. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return slashes(rel === '' || outside(rel) ? path : rel);
}

/**
 * How a user's file is named in messages: as given, relative to `cwd` (`my-rules.json`,
 * `../shared/rules.json`); an absolute path outside `cwd` stays absolute.
 */
export function givenPath(given: string, cwd = process.cwd()): string {
  const abs = resolve(cwd, given);
  const rel = relative(cwd, abs);
  if (rel === '' || (isAbsolute(given) && outside(rel))) return slashes(abs);
  return slashes(rel);
}
