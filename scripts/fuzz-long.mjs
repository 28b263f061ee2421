#!/usr/bin/env node
// The long run of the property and fuzz tests (issue 9): many more generated documents than the test
// suite, plus the large inputs the suite cannot afford (a 100 000-row table, a 50 MB file, a 5 MB line).
//   npm run fuzz:long [-- --docs 500 --per-kind 200 --timeout 600 --skip-big]
// Needs `npm run build`. Exit 1 when a property fails or a big input crashes, hangs (timeout) or
// ends with an exit code other than 0/1/2.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('../', import.meta.url).pathname;
if (!existsSync(join(root, 'dist/api.js'))) {
  console.error('fuzz-long: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const { values } = parseArgs({
  options: { docs: { type: 'string', default: '500' }, 'per-kind': { type: 'string', default: '200' }, timeout: { type: 'string', default: '600' }, 'skip-big': { type: 'boolean' }, seed: { type: 'string', default: '100000' } },
});
const { createLinter } = await import(join(root, 'dist/api.js'));
const { generateDocument, perturb, PERTURBATION_KINDS } = await import(join(root, 'dist/generate/index.js'));
const linter = createLinter({ config: {}, lang: 'en' });
const enc = (s) => new TextEncoder().encode(s);
let failed = false;

// ── consistent documents: no error-level finding ──
const docs = Number(values.docs);
const first = Number(values.seed);
let falseErrors = 0;
const byRule = new Map();
for (let s = first; s < first + docs; s++) {
  const r = await linter.checkBuffer(enc(generateDocument(s).text), `gen-${s}.txt`);
  for (const d of r.diagnostics.filter((x) => x.severity !== 'info')) {
    if (d.severity === 'error') falseErrors++;
    const k = `${d.severity} ${d.ruleId}`;
    if (!byRule.has(k)) byRule.set(k, `seed ${s} line ${d.location.line}: ${d.message}`);
  }
}
console.log(`consistent documents: ${docs}, error-level findings: ${falseErrors}`);
for (const [k, ex] of byRule) console.log(`  ${k} — e.g. ${ex}`);
if (falseErrors > 0) failed = true;

// ── planted errors: detection rate per kind ──
const perKind = Number(values['per-kind']);
console.log(`planted errors (${perKind} per kind): detected = a finding or a related value on a participating line`);
for (const kind of PERTURBATION_KINDS) {
  let hit = 0;
  const misses = [];
  for (let i = 0; i < perKind; i++) {
    const s = first + i;
    const p = perturb(generateDocument(s), kind, s * 31 + 7);
    const r = await linter.checkBuffer(enc(p.text), `gen-${s}.txt`);
    const ok = r.diagnostics.some((d) => d.severity !== 'info' && (p.participants.has(d.location.line) || d.related.some((x) => p.participants.has(x.location.line))));
    if (ok) hit++;
    else if (misses.length < 5) misses.push(`seed ${s}: ${p.description}`);
  }
  console.log(`  ${kind.padEnd(11)} ${hit}/${perKind} (${((100 * hit) / perKind).toFixed(1)}%)${misses.length ? `\n    missed: ${misses.join('\n    missed: ')}` : ''}`);
  if (hit < perKind) failed = true;
}

// ── big inputs through the real CLI, each in its own process with a timeout ──
if (!values['skip-big']) {
  const dir = mkdtempSync(join(tmpdir(), 'budgetlint-fuzz-long-'));
  const preload = join(dir, 'rss.mjs');
  writeFileSync(preload, "process.on('exit', () => process.stderr.write(`\\n@rss ${Math.round(process.resourceUsage().maxRSS / 1024)}\\n`));\n");
  const base = generateDocument(7).text;
  const cases = {
    '100 000-row table': () => {
      const rows = [];
      for (let k = 0; k < 100_000; k++) rows.push(`2${String(k % 100).padStart(2, '0')}\t${String((k >> 2) % 100).padStart(2, '0')}\t${String(k % 97).padStart(2, '0')}\t行政运行\t1,000\t1,000\t`);
      return base.replace(/(\d{4}年部门支出预算总表\n\n单位：元\n\n[^\n]*\n[^\n]*\n[^\n]*\n)/, (m) => m + rows.join('\n') + '\n');
    },
    '50 MB of budget documents': () => {
      const parts = [];
      let n = 0;
      for (let s = 1; n < 50 * 1024 * 1024; s++) {
        const t = generateDocument(s).text;
        parts.push(t);
        n += Buffer.byteLength(t);
      }
      return parts.join('\n');
    },
    '5 MB single line': () => `本部门收入预算${'1,234.5万元，“其中”'.repeat(400_000)}。`,
  };
  for (const [name, make] of Object.entries(cases)) {
    const file = join(dir, `${name.replace(/\W+/g, '-')}.txt`);
    writeFileSync(file, make());
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--import', preload, join(root, 'bin/budgetlint.js'), 'check', '-f', 'json', file], { encoding: 'utf8', timeout: Number(values.timeout) * 1000, maxBuffer: 1 << 30 });
    const secs = (performance.now() - t0) / 1000;
    const rss = /@rss (\d+)/.exec(r.stderr ?? '')?.[1];
    const stackTrace = /\n\s+at /.test(r.stderr ?? '');
    const verdict = r.error ? `TIMEOUT/ERROR (${r.error.message})` : [0, 1, 2].includes(r.status ?? -1) && !stackTrace ? 'ok' : `BAD exit ${r.status}${stackTrace ? ' with a stack trace' : ''}`;
    if (verdict !== 'ok') failed = true;
    console.log(`big input: ${name.padEnd(26)} ${verdict}, exit ${r.status}, ${secs.toFixed(1)} s, peak RSS ${rss ?? '?'} MiB`);
    rmSync(file);
  }
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
