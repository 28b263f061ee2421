#!/usr/bin/env node
// The long run of the property and fuzz tests (issue 9): many more generated documents than the test
// suite, plus the large inputs the suite cannot afford (a 100 000-row table, 4 MiB of text in several
// hostile shapes, and files over the size limits: a 50 MB file, an 11 MB line).
//   npm run fuzz:long [-- --docs 500 --per-kind 200 --timeout 600 --skip-big | --only-big [--case NAME]]
// Needs `npm run build`. Exit 1 when a property fails or a big input crashes, hangs (timeout) or
// ends with an exit code other than 0/1/2. Each big input prints its time, peak RSS, exit code,
// findings and rule instances (BENCHMARKS.md, "Big and hostile inputs").
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scriptArgs, wholeNumber } from './script-args.mjs';

const USAGE = `usage: npm run fuzz:long -- [options]
The long run of the property and fuzz tests: generated documents (a third in the Ministry of Finance
layout) must draw no error or warning, one planted error per document must be found at a
participating line, and big or hostile inputs must neither crash nor hang the CLI. Exit 1 when any fails.

  --docs N        consistent documents to check (default 500)
  --per-kind N    documents per planted-error kind (default 200)
  --seed S        seed of the first document (default 100000)
  --timeout SECS  time limit of each big input (default 600)
  --skip-big      leave out the big inputs
  --only-big      only the big inputs
  --case NAME     only the big inputs whose name contains NAME (repeatable)
  -h, --help      show this help
Needs the build (npm run build).`;

const values = scriptArgs('fuzz-long', USAGE, {
  docs: { type: 'string', default: '500' },
  'per-kind': { type: 'string', default: '200' },
  timeout: { type: 'string', default: '600' },
  'skip-big': { type: 'boolean' },
  'only-big': { type: 'boolean' },
  case: { type: 'string', multiple: true },
  seed: { type: 'string', default: '100000' },
});
const docCount = wholeNumber('fuzz-long', 'docs', values.docs);
const perKindCount = wholeNumber('fuzz-long', 'per-kind', values['per-kind']);
const timeoutSecs = wholeNumber('fuzz-long', 'timeout', values.timeout, 1);
const first = wholeNumber('fuzz-long', 'seed', values.seed, -Infinity);
const root = new URL('../', import.meta.url).pathname;
if (!existsSync(join(root, 'dist/api.js'))) {
  console.error('fuzz-long: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const { createLinter } = await import(join(root, 'dist/api.js'));
const { generateBudget, generateDocument, renderDocument, perturb, PERTURBATION_KINDS } = await import(join(root, 'dist/generate/index.js'));
const linter = createLinter({ config: {}, lang: 'en' });
const enc = (s) => new TextEncoder().encode(s);
let failed = false;

// ── consistent documents: no error or warning (a false alarm either way) ──
const docs = values['only-big'] ? 0 : docCount;
const layoutOf = (budget) => (budget.style.mof ? 'MoF' : 'Shanghai');
let falseErrors = 0;
let falseWarnings = 0;
const byRule = new Map();
const perLayout = { MoF: { docs: 0, withFindings: 0 }, Shanghai: { docs: 0, withFindings: 0 } };
for (let s = first; s < first + docs; s++) {
  const budget = generateBudget(s);
  const stat = perLayout[layoutOf(budget)];
  stat.docs++;
  const r = await linter.checkBuffer(enc(renderDocument(budget).text), `gen-${s}.txt`);
  const found = r.diagnostics.filter((x) => x.severity !== 'info');
  if (found.length > 0) stat.withFindings++;
  for (const d of found) {
    if (d.severity === 'error') falseErrors++;
    else falseWarnings++;
    const k = `${d.severity} ${d.ruleId}`;
    if (!byRule.has(k)) byRule.set(k, `seed ${s} (${layoutOf(budget)}) line ${d.location.line}: ${d.message}`);
  }
}
console.log(`consistent documents: ${docs}, error-level findings: ${falseErrors}, warnings: ${falseWarnings}`);
for (const [layout, st] of Object.entries(perLayout)) if (st.docs > 0) console.log(`  ${layout} layout: ${st.docs} documents, ${st.withFindings} with a finding`);
for (const [k, ex] of byRule) console.log(`  ${k} — e.g. ${ex}`);
if (falseErrors + falseWarnings > 0) failed = true;

// ── planted errors: detection rate per kind ──
const perKind = values['only-big'] ? 0 : perKindCount;
console.log(`planted errors (${perKind} per kind): detected = a finding or a related value on a participating line`);
for (const kind of perKind > 0 ? PERTURBATION_KINDS : []) {
  let hit = 0;
  const misses = [];
  const mof = { hit: 0, total: 0 };
  for (let i = 0; i < perKind; i++) {
    const s = first + i;
    const budget = generateBudget(s);
    const p = perturb(renderDocument(budget), kind, s * 31 + 7);
    const r = await linter.checkBuffer(enc(p.text), `gen-${s}.txt`);
    const ok = r.diagnostics.some((d) => d.severity !== 'info' && (p.participants.has(d.location.line) || d.related.some((x) => p.participants.has(x.location.line))));
    if (budget.style.mof) mof.total++;
    if (ok) hit++;
    if (ok && budget.style.mof) mof.hit++;
    if (!ok && misses.length < 5) misses.push(`seed ${s} (${layoutOf(budget)}): ${p.description}`);
  }
  console.log(`  ${kind.padEnd(11)} ${hit}/${perKind} (${((100 * hit) / perKind).toFixed(1)}%), MoF layout ${mof.hit}/${mof.total}${misses.length ? `\n    missed: ${misses.join('\n    missed: ')}` : ''}`);
  if (hit < perKind) failed = true;
}

// ── big inputs through the real CLI, each in its own process with a timeout ──
if (!values['skip-big']) {
  const dir = mkdtempSync(join(tmpdir(), 'budgetlint-fuzz-long-'));
  const preload = join(dir, 'rss.mjs');
  writeFileSync(preload, "process.on('exit', () => process.stderr.write(`\\n@rss ${Math.round(process.resourceUsage().maxRSS / 1024)}\\n`));\n");
  // a Shanghai-layout document: the 100 000-row case goes under its 部门支出预算总表 header
  let baseSeed = 7;
  while (generateBudget(baseSeed).style.mof) baseSeed++;
  const base = generateDocument(baseSeed).text;
  const MiB = 1024 * 1024;
  /** `unit` repeated to just under `bytes` bytes, after `head`. */
  const fill = (unit, bytes, head = '') => head + unit.repeat(Math.floor((bytes - Buffer.byteLength(head) - 64) / Buffer.byteLength(unit)));
  /** Generated documents concatenated up to `bytes`. */
  const documents = (bytes) => {
    const parts = [];
    let n = 0;
    for (let s = 1; ; s++) {
      const t = generateDocument(s).text;
      if (n + Buffer.byteLength(t) + 1 > bytes) break;
      parts.push(t);
      n += Buffer.byteLength(t) + 1;
    }
    return parts.join('\n');
  };
  const cases = {
    '100 000-row table': () => {
      const rows = [];
      for (let k = 0; k < 100_000; k++) rows.push(`2${String(k % 100).padStart(2, '0')}\t${String((k >> 2) % 100).padStart(2, '0')}\t${String(k % 97).padStart(2, '0')}\t行政运行\t1,000\t1,000\t`);
      return base.replace(/(\d{4}年部门支出预算总表\n\n单位：元\n\n[^\n]*\n[^\n]*\n[^\n]*\n)/, (m) => m + rows.join('\n') + '\n');
    },
    // over the 4 MiB limit for text: refused before reading
    '50 MB of budget documents': () => documents(50 * MiB),
    '11 MB single line': () => `本部门收入预算${'1,234.5万元，“其中”'.repeat(400_000)}。`,
    // just under the limit: read in full
    '4 MiB of budget documents': () => documents(4 * MiB),
    '4 MiB single line': () => fill('1,234.5万元，“其中”', 4 * MiB, '本部门收入预算'),
    '4 MiB one paragraph copied': () => base + fill('“一般公共服务支出（201类）商贸事务（13款）” 3015.04万元，其中：行政运行（01项）726.41万元，比上年减少1.5万元，下降2.3%。\n', 4 * MiB - Buffer.byteLength(base)),
    '4 MiB of headings': () => base + fill('2019年部门预算\n\n', 4 * MiB - Buffer.byteLength(base)),
    '4 MiB unpunctuated lines': () => fill('一般公共服务支出行政运行1万元\n', 4 * MiB),
    '4 MiB line of tabs': () => fill('1\t', 4 * MiB, '2023年部门支出预算总表\n单位：元\n'),
  };
  for (const [name, make] of Object.entries(cases)) {
    if (values.case && !values.case.some((c) => name.includes(c))) continue;
    const file = join(dir, `${name.replace(/\W+/g, '-')}.txt`);
    writeFileSync(file, make());
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--import', preload, join(root, 'bin/budgetlint.js'), 'check', '-f', 'json', file], { encoding: 'utf8', timeout: timeoutSecs * 1000, maxBuffer: 1 << 30 });
    const secs = (performance.now() - t0) / 1000;
    const rss = /@rss (\d+)/.exec(r.stderr ?? '')?.[1];
    const stackTrace = /\n\s+at /.test(r.stderr ?? '');
    const verdict = r.error ? `TIMEOUT/ERROR (${r.error.message})` : [0, 1, 2].includes(r.status ?? -1) && !stackTrace ? 'ok' : `BAD exit ${r.status}${stackTrace ? ' with a stack trace' : ''}`;
    if (verdict !== 'ok') failed = true;
    let counts = '';
    try {
      const doc = JSON.parse(r.stdout).results[0];
      counts = doc.fatal ? `, refused: ${doc.fatal.message.slice(0, 110)}` : `, ${doc.diagnostics.length} findings, ${doc.outcomes.length} rule instances, report ${(r.stdout.length / MiB).toFixed(1)} MB`;
    } catch {
      counts = r.stderr ? `, stderr: ${r.stderr.split('\n')[0].slice(0, 110)}` : '';
    }
    console.log(`big input: ${name.padEnd(28)} ${(statSync(file).size / MiB).toFixed(1)} MiB  ${verdict}, exit ${r.status}, ${secs.toFixed(1)} s, peak RSS ${rss ?? '?'} MiB${counts}`);
    rmSync(file);
  }
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
