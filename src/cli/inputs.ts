import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DOCUMENT_EXTENSIONS, expandInputs } from './files.js';

/** One command-line input after expansion: a path to check, or a pattern that matched nothing. */
export type Input = { readonly path: string } | { readonly unmatched: string };

/** Characters without which no argument is a glob pattern (a superset of what tinyglobby treats as one). */
const MAYBE_PATTERN = /[*?[\]{}()!]/;

/**
 * Expands the command line's inputs in order: existing files and folders as expandInputs does
 * (folders recursively, sorted); glob patterns (`reports/**\/*.pdf`, `*.{txt,xlsx}`) relative to
 * `cwd`, sorted, documents only; a path that does not exist passes through (its check reports it).
 * A path given twice is checked once. The glob library is loaded only when an argument looks like a pattern.
 */
export async function resolveInputs(raw: readonly string[], cwd: string): Promise<Input[]> {
  const out: Input[] = [];
  const seen = new Set<string>();
  const add = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    out.push({ path });
  };
  for (const arg of raw) {
    const abs = resolve(cwd, arg);
    const glob = !existsSync(abs) && MAYBE_PATTERN.test(arg) ? await import('tinyglobby') : undefined;
    if (glob?.isDynamicPattern(arg)) {
      const matches = glob.globSync(arg.split('\\').join('/'), { cwd, absolute: true, onlyFiles: false }).sort();
      // folders come back with a trailing '/': walk them like a folder given by name
      const docs = matches.flatMap((m) => (m.endsWith('/') ? expandInputs([resolve(m)]) : isDocument(m) ? [resolve(m)] : []));
      if (docs.length === 0) out.push({ unmatched: arg });
      docs.forEach(add);
      continue;
    }
    for (const p of expandInputs([abs])) add(p);
  }
  return out;
}

function isDocument(p: string): boolean {
  const dot = p.lastIndexOf('.');
  return dot > p.lastIndexOf('/') && DOCUMENT_EXTENSIONS.has(p.slice(dot).toLowerCase());
}

