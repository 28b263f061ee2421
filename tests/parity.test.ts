import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../src/checks/index.js';
import { builtinRuleFiles, loadRuleDefinitions } from '../src/config/load-rules.js';

/** Parity between registries, rule files and tests (after ESLint's checkRuleFiles). */
function walk(dir: string, exts: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p, exts));
    else if (exts.some((e) => name.endsWith(e))) out.push(p);
  }
  return out;
}

const rules = loadRuleDefinitions(builtinRuleFiles());
/** Check kinds meant for users' own rule files rather than the standard set. */
const USER_KINDS = new Set(['expression']);

describe('parity', () => {
  it('every check module file is registered under its own id', () => {
    const files = walk('src/checks', ['.ts']).filter((f) => /defineCheck(<[^>]*>)?\(\{/.test(readFileSync(f, 'utf8')));
    const ids = files.map((f) => /\bid:\s*'([a-z0-9-]+)'/.exec(readFileSync(f, 'utf8'))?.[1]);
    for (const [i, id] of ids.entries()) {
      expect(id, files[i]).toBeDefined();
      expect(CHECKS[id!], `${files[i]} (${id}) is in src/checks registries`).toBeDefined();
      expect(CHECKS[id!]!.id).toBe(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every check kind is used by a built-in rule (or is a user-facing kind)', () => {
    const used = new Set(rules.map((r) => r.check));
    for (const id of Object.keys(CHECKS)) if (!USER_KINDS.has(id)) expect(used.has(id), `check kind ${id} is used by rules/*.json`).toBe(true);
  });

  it('every built-in rule has a rationale and an example (for `budgetlint explain`)', () => {
    for (const r of rules) {
      expect(r.rationale, `${r.id} rationale`).toBeDefined();
      expect(r.example, `${r.id} example`).toBeDefined();
    }
  });

  it('every built-in rule is exercised by a test or fixture', () => {
    const corpus = [...walk('tests', ['.ts']), ...walk('fixtures', ['.json', '.md'])].map((f) => readFileSync(f, 'utf8')).join('\n');
    const untested = rules.map((r) => r.id).filter((id) => !corpus.includes(`'${id}'`) && !corpus.includes(`"${id}"`) && !corpus.includes(`\`${id}\``));
    expect(untested).toEqual([]);
  });
});
