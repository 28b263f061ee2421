#!/usr/bin/env node
// budgetlint benchmarks (issue 9). Every figure is printed next to a baseline measured in the same
// run, so the ratios survive a noisy machine:
//   throughput   in-process check of generated documents vs reading and splitting the same files
//                into lines and cells: serial over the first N new documents and warm (best of three
//                runs of N more), worker threads on N and on 4N documents;
//   memory       peak RSS, and live heap after GC at 25 / 50 / 100 % of 4N documents (must not grow);
//   cold start   `budgetlint check seed.txt` vs `node -e ""`;
//   CLI batch    `budgetlint check DIR` on N and 4N documents, terminal and JSON reports, --jobs 1
//                and --jobs <cores>, with the peak RSS of each run;
//   PDF          median parse+check time per PDF (scripts/pdf-bench.mjs), vs the text median.
// Usage: npm run bench [-- --docs 300 --runs 7 --skip-pdf --json out.json]. Needs `npm run build`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { scriptArgs, wholeNumber } from './script-args.mjs';

const USAGE = `usage: npm run bench -- [options]
budgetlint benchmarks: throughput, memory, cold start, CLI batches and PDF, each next to a baseline
measured in the same run. Uses every core for minutes: not on a shared machine.

  --docs N       documents in the small corpus (the large one has 4N; default 300)
  --runs N       repetitions of the timed runs (default 7)
  --skip-pdf     leave out the PDF figures
  --json FILE    also write the figures to FILE as JSON
  -h, --help     show this help
Needs the build (npm run build).`;

const values = scriptArgs('bench', USAGE, { docs: { type: 'string', default: '300' }, runs: { type: 'string', default: '7' }, 'skip-pdf': { type: 'boolean' }, json: { type: 'string' } });
const N = wholeNumber('bench', 'docs', values.docs, 1);
const RUNS = wholeNumber('bench', 'runs', values.runs, 1);
const root = new URL('../', import.meta.url).pathname;
if (!existsSync(join(root, 'dist/api.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const cores = availableParallelism();

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
// the V8 settings the CLI runs with (src/cli/v8-flags.ts), so that the in-process figures are the CLI's
const { applyV8Flags, V8_FLAGS } = await import(join(root, 'dist/cli/v8-flags.js'));
applyV8Flags();
const { createLinter } = await import(join(root, 'dist/api.js'));
const { checkInWorkers } = await import(join(root, 'dist/batch/pool.js'));
const { generateDocument } = await import(join(root, 'dist/generate/index.js'));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (x, d = 1) => x.toFixed(d);
const results = { machine: {}, throughput: {}, memory: {}, coldStart: {}, cliBatch: {}, pdf: {} };
const line = (label, value, baseline, ratio) => console.log(`  ${label.padEnd(34)} ${String(value).padStart(14)}   ${baseline ? `baseline ${baseline}` : ''}${ratio ? `   (${ratio})` : ''}`);

// ── machine ──
const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
results.machine = { cpu: cpus()[0]?.model ?? 'unknown', cores, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, load, v8Flags: V8_FLAGS };
console.log(`budgetlint bench — ${results.machine.cpu}, ${cores} cores, ${results.machine.memoryGiB} GiB, Node ${process.version}, load average ${load}`);
console.log(`  V8 settings of the CLI, applied here too: ${V8_FLAGS.join(' ')}`);

// How much parallel capacity the machine really has right now: busy-loop iterations of `cores`
// threads relative to one thread (≈ cores on an idle machine, ≈ 1 when others use the other cores).
const spin = (threads) =>
  new Promise((resolveSpin) => {
    const code = "let x=0;const t=Date.now();while(Date.now()-t<1500)x++;require('node:worker_threads').parentPort.postMessage(x)";
    let done = 0;
    let sum = 0;
    for (let i = 0; i < threads; i++) {
      new Worker(code, { eval: true }).on('message', (x) => {
        sum += x;
        if (++done === threads) resolveSpin(sum);
      });
    }
  });
const capacity = (await spin(cores)) / (await spin(1));
results.machine.parallelCapacity = capacity;
console.log(`parallel capacity now: ${fmt(capacity, 2)} cores' worth of work with ${cores} busy threads (the ceiling of any speed-up)`);

// ── corpus ──
// N documents in one folder, and 4N different documents (the N and 3N more) in another: every speed
// figure is measured on documents the linter has not seen before (its caches of header readings, codes and
// titles would make a second pass over the same files look faster than a real batch).
const dir = mkdtempSync(join(tmpdir(), 'budgetlint-bench-'));
const bigDir = mkdtempSync(join(tmpdir(), 'budgetlint-bench-x4-'));
let bytes = 0;
for (let s = 1; s <= 4 * N; s++) {
  const text = generateDocument(s).text;
  const name = `gen-${String(s).padStart(6, '0')}.txt`;
  if (s <= N) {
    bytes += Buffer.byteLength(text);
    writeFileSync(join(dir, name), text);
    linkSync(join(dir, name), join(bigDir, name));
  } else writeFileSync(join(bigDir, name), text);
}
const files = readdirSync(dir).sort().map((f) => join(dir, f));
const allFiles = readdirSync(bigDir).sort().map((f) => join(bigDir, f));
console.log(`corpus: ${N} generated documents (and ${4 * N} for the long runs), ${fmt(bytes / N / 1024)} KiB each on average, 9 tables and ~${generateDocument(1).lines.length} lines`);

// ── throughput ──
// A fresh linter keeps getting faster for several hundred documents (V8 optimises the ~80 rules'
// code paths only once each has run often), so the serial figure is given twice: the first N
// documents (what a one-off batch of N sees) and the best of the next three runs of N new
// documents (the steady state of a long batch, e.g. a whole district's documents).
console.log('\nthroughput (in-process)');
const linter = createLinter({ config: {}, lang: 'en', cwd: dir });
let t = performance.now();
let cells = 0;
for (const f of files) for (const l of readFileSync(f, 'utf8').split('\n')) cells += l.split('\t').length;
const baseMs = performance.now() - t;
const serialPass = async (paths) => {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const f of paths) await linter.checkFile(f);
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
};
const first = await serialPass(files);
const later = [await serialPass(allFiles.slice(N, 2 * N)), await serialPass(allFiles.slice(2 * N, 3 * N)), await serialPass(allFiles.slice(3 * N))].sort((a, b) => a.ms - b.ms)[0];
const serialMs = first.ms;
const serialCpu = first.cpu;
const workerRun = async (paths) => {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = await checkInWorkers(paths, { jobs: cores, linterOptions: { config: {}, lang: 'en', cwd: dir }, displayName: (p) => p });
  const c = process.cpuUsage(c0);
  // process CPU time includes the worker threads
  return { ms: performance.now() - t0, cpu: (c.user + c.system) / 1000, used: r !== undefined };
};
const par = await workerRun(files);
// a long batch: 4N documents (each worker warms up once, as in a district-wide run)
const longBatch = allFiles;
const parLong = await workerRun(longBatch);
const parallelMs = par.ms;
const parallelCpu = par.cpu;
const dps = (ms, n = N) => (n / ms) * 1000;
results.throughput = {
  baselineDocsPerSec: dps(baseMs),
  serialDocsPerSec: dps(serialMs), serialMsPerDoc: serialMs / N, serialCpuMsPerDoc: serialCpu / N,
  warmSerialDocsPerSec: dps(later.ms), warmSerialMsPerDoc: later.ms / N, warmSerialCpuMsPerDoc: later.cpu / N,
  parallelDocsPerSec: dps(parallelMs), parallelMsPerDoc: parallelMs / N, parallelCpuMsPerDoc: parallelCpu / N,
  longBatchDocs: longBatch.length, longParallelDocsPerSec: dps(parLong.ms, longBatch.length), longParallelMsPerDoc: parLong.ms / longBatch.length,
  workers: par.used ? Math.min(cores, Math.floor(N / 4)) : 0,
};
line('read + split lines/cells', `${fmt(dps(baseMs), 0)} docs/s`, '', `${fmt(baseMs / N, 3)} ms/doc, ${cells} cells`);
line(`check, serial, first ${N}`, `${fmt(dps(serialMs), 1)} docs/s`, `${fmt(dps(baseMs), 0)} docs/s`, `${fmt(serialMs / N, 2)} ms/doc, ${fmt(serialCpu / N, 2)} CPU ms/doc; ${fmt(serialMs / baseMs, 0)}× the baseline time`);
line('check, serial, warm (best of 3)', `${fmt(dps(later.ms), 1)} docs/s`, `${fmt(dps(serialMs), 1)} docs/s first pass`, `${fmt(later.ms / N, 2)} ms/doc, ${fmt(later.cpu / N, 2)} CPU ms/doc`);
line(`check, ${cores} worker threads, ${N}`, `${fmt(dps(parallelMs), 1)} docs/s`, `${fmt(dps(serialMs), 1)} docs/s serial`, `${fmt(parallelMs / N, 2)} ms/doc, ${fmt(parallelCpu / N, 2)} CPU ms/doc (all threads); speed-up ${fmt(serialMs / parallelMs, 2)}× incl. worker start-up, ceiling ${fmt(capacity, 2)}×`);
line(`check, ${cores} workers, ${longBatch.length}`, `${fmt(dps(parLong.ms, longBatch.length), 1)} docs/s`, `${fmt(dps(later.ms), 1)} docs/s warm serial`, `${fmt(parLong.ms / longBatch.length, 2)} ms/doc, ${fmt(parLong.cpu / longBatch.length, 2)} CPU ms/doc (all threads); ${fmt(later.ms / N / (parLong.ms / longBatch.length), 2)}× warm serial`);

// ── memory ──
console.log(`\nmemory (serial over ${4 * N} documents, results dropped; live heap after a full GC)`);
const heap = [];
// let the worker runs' last messages and terminated threads be released before the baseline (this
// can take a second or two: wait until a full GC frees no more)
let before = Infinity;
for (let waited = 0; waited < 5000; waited += 100) {
  await new Promise((r) => setTimeout(r, 100));
  gc();
  gc();
  const now = process.memoryUsage().heapUsed;
  if (now > before - 2 ** 20) break;
  before = now;
}
before = Math.min(before, process.memoryUsage().heapUsed);
// over the 4N documents again (the one pass that re-checks documents: growth is what it measures, and
// the process-wide caches of header readings, codes and titles are bounded)
const M = allFiles.length;
for (let i = 0; i < M; i++) {
  await linter.checkFile(allFiles[i]);
  if ([Math.floor(M / 4) - 1, Math.floor(M / 2) - 1, M - 1].includes(i)) {
    gc();
    heap.push(process.memoryUsage().heapUsed);
  }
}
results.memory = { peakRssMiB: process.resourceUsage().maxRSS / 1024, heapBeforeMiB: before / 2 ** 20, heapAtQuarterHalfFullMiB: heap.map((h) => h / 2 ** 20) };
line('peak RSS of this process', `${fmt(results.memory.peakRssMiB, 0)} MiB`, '', 'includes the corpus text and the worker results');
line('live heap at 25/50/100 % of batch', heap.map((h) => fmt(h / 2 ** 20, 1)).join(' / ') + ' MiB', `${fmt(before / 2 ** 20, 1)} MiB before`, `growth 25→100 %: ${fmt((heap[2] - heap[0]) / 2 ** 20, 1)} MiB`);

// ── cold start ──
console.log(`\ncold start (median of ${RUNS} runs, separate processes)`);
// CPU time (user + system) of the child as well as wall time: on a shared machine wall time mostly
// measures the other processes. A preload prints the child's CPU time on exit to stderr.
const preload = join(dir, 'cpu-preload.mjs');
writeFileSync(preload, "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write(`\\n@cpu ${(u.user + u.system) / 1000}\\n@rss ${process.resourceUsage().maxRSS / 1024}\\n`); });\n");
// The variants take turns (bare Node, --version, the check, then again), so that a busy spell of the
// machine falls on all of them alike.
const startAll = (variants, env) => {
  const runs = variants.map(() => ({ walls: [], cpu: [] }));
  for (let i = 0; i < RUNS; i++) {
    variants.forEach((args, v) => {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, ['--import', preload, ...args], { cwd: root, encoding: 'utf8', env });
      runs[v].walls.push(performance.now() - t0);
      const m = /@cpu ([\d.]+)/.exec(r.stderr ?? '');
      if (m) runs[v].cpu.push(Number(m[1]));
    });
  }
  return runs.map((r) => ({ wall: median(r.walls), cpu: median(r.cpu) }));
};
const both = (x) => `${fmt(x.wall, 0)} ms wall, ${fmt(x.cpu, 0)} ms CPU`;
const ratios = (x, bare) => `${fmt(x.wall / bare.wall, 2)}× wall, ${fmt(x.cpu / bare.cpu, 2)}× CPU`;
const coldStart = (env) => {
  const [bare, help, cold] = startAll([['-e', ''], ['bin/budgetlint.js', '--version'], ['bin/budgetlint.js', 'check', 'fixtures/seed/input.txt']], env);
  line('node -e ""', both(bare));
  line('budgetlint --version', both(help), '', ratios(help, bare));
  line('budgetlint check seed.txt', both(cold), '', `${ratios(cold, bare)} (target ≤ 3×)`);
  return { bareNode: bare, version: help, checkSeed: cold, wallRatio: cold.wall / bare.wall, cpuRatio: cold.cpu / bare.cpu };
};
results.coldStart = coldStart(process.env);
// NODE_EXTRA_CA_CERTS makes every Node process read and parse those certificates at start-up, bare
// Node too (≈ 50–75 ms of CPU here for a system bundle of ~140): a slower baseline, so a better-looking
// ratio. The figures without it are the ones that hold on a machine that does not set it.
if (process.env.NODE_EXTRA_CA_CERTS) {
  console.log('  without NODE_EXTRA_CA_CERTS (set here: Node reads those certificates at every start)');
  const { NODE_EXTRA_CA_CERTS: _, ...env } = process.env;
  results.coldStart.withoutExtraCaCerts = coldStart(env);
}

// ── CLI batch ──
// The real command on the N documents and on the 4N (and 16N, below), with the
// default terminal report and with JSON (which lists every rule instance, so it holds them all until
// written). Peak RSS comes from the child itself (a preload prints it on exit): with the default
// report it should not grow with the number of documents.
console.log('\nCLI batch (budgetlint check DIR, one run each; peak RSS of the process)');
const cli = (target, jobs, format) => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', preload, join(root, 'bin/budgetlint.js'), 'check', '-f', format, '--jobs', String(jobs), target], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  // exit 0 (no error) or 1 (findings); anything else is a failed run, not a figure
  if (r.status !== 0 && r.status !== 1) throw new Error(`bench: budgetlint check ${target} exited with ${r.status}: ${r.stderr}`);
  const m = /@rss ([\d.]+)/.exec(r.stderr ?? '');
  return { ms: performance.now() - t0, rssMiB: m ? Number(m[1]) : NaN };
};
const cliRuns = {};
const cliRun = (target, n, format, jobs) => {
  const r = cli(target, jobs, format);
  cliRuns[`${format}-${n}-jobs${jobs}`] = { ...r, docs: n, docsPerSec: dps(r.ms, n) };
  line(`${n} docs, -f ${format}, --jobs ${jobs}`, `${fmt(dps(r.ms, n), 1)} docs/s`, '', `${fmt(r.ms / 1000, 1)} s, peak RSS ${fmt(r.rssMiB, 0)} MiB`);
  return r;
};
for (const [target, n] of [[dir, N], [bigDir, 4 * N]]) {
  for (const format of ['pretty', 'json']) {
    for (const jobs of [1, cores]) cliRun(target, n, format, jobs);
  }
}
// A large batch (16N documents: a city's or a province's budget units at once), terminal report. Each
// worker thread warms up its JIT once (V8 compiles the rules' hot code for each thread: seconds of CPU),
// so documents per second grow with the batch; the rate between the 4N and the 16N runs is the
// batch's steady rate, with start-up and warm-up left out.
const hugeDir = mkdtempSync(join(tmpdir(), 'budgetlint-bench-x16-'));
for (const f of readdirSync(bigDir)) linkSync(join(bigDir, f), join(hugeDir, f));
for (let s = 4 * N + 1; s <= 16 * N; s++) writeFileSync(join(hugeDir, `gen-${String(s).padStart(6, '0')}.txt`), generateDocument(s).text);
for (const jobs of [1, cores]) {
  const r = cliRun(hugeDir, 16 * N, 'pretty', jobs);
  const steady = dps(r.ms - cliRuns[`pretty-${4 * N}-jobs${jobs}`].ms, 12 * N);
  cliRuns[`pretty-${16 * N}-jobs${jobs}`].steadyDocsPerSec = steady;
  line(`  steady rate, ${4 * N} → ${16 * N} docs`, `${fmt(steady, 1)} docs/s`, '', `the ${12 * N} documents more, in ${fmt((r.ms - cliRuns[`pretty-${4 * N}-jobs${jobs}`].ms) / 1000, 1)} s more`);
}
rmSync(hugeDir, { recursive: true, force: true });
results.cliBatch = cliRuns;

// ── PDF ──
console.log('\nPDF (median parse+check per document)');
const pdfBench = join(root, 'scripts/pdf-bench.mjs');
const pdfs = existsSync(join(root, 'fixtures/corpus')) ? readdirSync(join(root, 'fixtures/corpus')).filter((f) => f.endsWith('.pdf')).map((f) => join(root, 'fixtures/corpus', f)) : [];
if (values['skip-pdf'] || !existsSync(pdfBench) || pdfs.length === 0) {
  console.log('  not available (no scripts/pdf-bench.mjs or no fixtures/corpus/*.pdf, or --skip-pdf)');
} else {
  const { pdfMedianTimes } = await import(pdfBench);
  const r = await pdfMedianTimes(pdfs, 3);
  const med = median(r.map((x) => x.medianMs));
  const pages = r.reduce((s, x) => s + (x.pages ?? 0), 0);
  results.pdf = { files: r, medianMs: med };
  for (const x of r) line(x.file.split('/').pop().slice(0, 34), `${fmt(x.medianMs, 0)} ms`, '', `${x.pages} pages`);
  line('median per PDF', `${fmt(med, 0)} ms`, `${fmt(serialMs / N, 1)} ms per text doc`, `${fmt(med / (serialMs / N), 1)}× a text document; ${fmt(pages / r.length, 0)} pages on average`);
}

rmSync(dir, { recursive: true, force: true });
rmSync(bigDir, { recursive: true, force: true });
if (values.json) writeFileSync(values.json, `${JSON.stringify(results, null, 2)}\n`);
void execFileSync;
