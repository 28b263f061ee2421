/**
 * Regular expressions applied to document text must run in linear time (issue 9). Rather than
 * timing them, every regex literal in the modules that read document text is checked statically
 * with recheck (a ReDoS checker that proves or refutes super-linear backtracking), and a few
 * adversarial documents run through the whole pipeline.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
/** Modules whose regexes see document text (parsers, model, narrative and text checks, catalog names). */
const TEXT_DIRS = ['src/parsers', 'src/model', 'src/narrative', 'src/checks', 'src/catalog'];

function tsFiles(dir: string): string[] {
  let out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(join(ROOT, dir));
  } catch {
    return [];
  }
  for (const name of names.sort()) {
    const p = join(dir, name);
    if (statSync(join(ROOT, p)).isDirectory()) out = out.concat(tsFiles(p));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

interface Literal {
  readonly file: string;
  readonly line: number;
  readonly source: string;
  readonly flags: string;
}

/** Every regular-expression literal in a TypeScript file. */
function regexLiterals(file: string): Literal[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const out: Literal[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const lit = (node as ts.RegularExpressionLiteral).text;
      const end = lit.lastIndexOf('/');
      out.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, source: lit.slice(1, end), flags: lit.slice(end + 1) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/**
 * recheck verdicts by pattern, so the suite only analyses patterns it has not seen (each analysis
 * takes ~0.1–0.3 s). Refresh with BUDGETLINT_REGEX_VERDICTS=update after upgrading recheck.
 */
const VERDICTS_FILE = new URL('./regex-verdicts.json', import.meta.url);
type Verdict = { status: string; detail?: string };
const verdicts: Record<string, Verdict> = process.env['BUDGETLINT_REGEX_VERDICTS'] !== 'update' && existsSync(VERDICTS_FILE) ? JSON.parse(readFileSync(VERDICTS_FILE, 'utf8')) : {};

/**
 * Super-linear regexes accepted for now (none): a new vulnerable regex fails, and so does an entry
 * here that is fixed or gone. Key: "file /source/flags".
 */
const KNOWN: ReadonlySet<string> = new Set<string>([]);

/** Only patterns with an unbounded quantifier can backtrack more than linearly. */
const UNBOUNDED = /(?<!\\)(?:[*+]|\{\d+,\})/;

describe('regular expressions on document text', () => {
  const literals = TEXT_DIRS.flatMap(tsFiles).flatMap(regexLiterals);

  it('are found in the text-reading modules', () => {
    expect(literals.length).toBeGreaterThan(50);
  });

  it('are all free of super-linear backtracking (recheck)', () => {
    const found = new Map<string, string>();
    let analysed = 0;
    for (const l of literals.filter((x) => UNBOUNDED.test(x.source))) {
      const key = `/${l.source}/${l.flags}`;
      let v = verdicts[key];
      if (!v) {
        const r = checkSync(l.source, l.flags.replace(/[gy]/g, ''), { timeout: 5000 });
        v = r.status === 'vulnerable' ? { status: r.status, detail: `${r.complexity.type}${r.attack ? `, attack ${JSON.stringify(r.attack.pattern)}` : ''}` } : { status: r.status };
        verdicts[key] = v;
        analysed++;
      }
      if (v.status === 'vulnerable') found.set(`${l.file} ${key}`, `${l.file}:${l.line} ${key} — ${v.detail ?? ''}`);
    }
    if (analysed > 0 && process.env['CI'] === undefined) writeFileSync(VERDICTS_FILE, `${JSON.stringify(Object.fromEntries(Object.entries(verdicts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), null, 1)}\n`);
    const unexpected = [...found].filter(([k]) => !KNOWN.has(k)).map(([, v]) => v);
    const fixed = [...KNOWN].filter((k) => !found.has(k));
    const known = [...found].filter(([k]) => KNOWN.has(k)).map(([, v]) => v);
    if (known.length) console.log(`known super-linear regexes (reported, awaiting fixes):\n  ${known.join('\n  ')}`);
    expect(unexpected, `super-linear regexes:\n${unexpected.join('\n')}`).toEqual([]);
    // a fixed entry must leave KNOWN, so the list stays true
    expect(fixed, 'fixed or removed: drop from KNOWN').toEqual([]);
  });
});
