import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Every regular-expression literal of the expression language's sources (user text goes through them). */
function literals(): Array<{ where: string; source: string; flags: string }> {
  const out: Array<{ where: string; source: string; flags: string }> = [];
  for (const name of readdirSync('src/expression').filter((n) => n.endsWith('.ts')).sort()) {
    const file = join('src/expression', name);
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const lit = (node as ts.RegularExpressionLiteral).text;
        const end = lit.lastIndexOf('/');
        out.push({ where: `${file}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`, source: lit.slice(1, end), flags: lit.slice(end + 1) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

describe('regular expressions of the expression language', () => {
  it('are all proven linear by recheck', () => {
    const found = literals();
    expect(found.length).toBeGreaterThan(0);
    const bad = found
      .map((l) => ({ l, r: checkSync(l.source, l.flags.replace(/[gy]/g, ''), { timeout: 5000 }) }))
      .filter(({ r }) => r.status !== 'safe')
      .map(({ l, r }) => `${l.where} /${l.source}/ ${r.status}`);
    expect(bad).toEqual([]);
  }, 60_000);
});
