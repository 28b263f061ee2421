import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { documentFolder } from '../parsers/csv-folder.js';

/** Extensions picked up when a directory is given. */
export const DOCUMENT_EXTENSIONS = new Set(['.txt', '.text', '.tsv', '.md', '.pdf', '.csv', '.xlsx']);

/** Expands directories (recursively, sorted) into document files and CSV folder documents; plain paths pass through. */
export function expandInputs(inputs: readonly string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    let isDir = false;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) {
      out.push(input);
      continue;
    }
    const walk = (dir: string): void => {
      // a folder of CSV tables (plus an optional narrative file) is ONE document
      if (documentFolder(dir)) {
        out.push(dir);
        return;
      }
      for (const name of readdirSync(dir).sort()) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (DOCUMENT_EXTENSIONS.has(extname(name).toLowerCase())) out.push(p);
      }
    };
    walk(input);
  }
  return out;
}
