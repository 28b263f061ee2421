#!/usr/bin/env node
// Median parse+check time per PDF (the PDF figure of `npm run bench`).
// Usage: node scripts/pdf-bench.mjs [--runs N] [file.pdf ...]   (default: fixtures/corpus/*.pdf)
// Import: const { pdfMedianTimes } = await import('./pdf-bench.mjs') → [{ file, pages, medianMs, medianCpuMs, runs }]
// Run `npm run build` first: it measures the built dist/ code, as the CLI runs it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** The number of pages of a PDF (PDF.js, as the parser reads it). */
async function pageCount(bytes) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false });
  const doc = await task.promise;
  const n = doc.numPages;
  await task.destroy();
  return n;
}

/**
 * Parses and checks each PDF `runs` times (after one warm-up run that also loads PDF.js) and
 * returns the median wall time per file in milliseconds.
 */
export async function pdfMedianTimes(files, runs = 5) {
  const { createLinter } = await import(pathToFileURL(join(root, 'dist', 'api.js')).href);
  const linter = createLinter({ config: {}, lang: 'en' });
  const out = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    const first = await linter.checkBuffer(bytes, file);
    const times = [];
    const cpu = [];
    for (let i = 0; i < runs; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await linter.checkBuffer(bytes, file);
      times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    const pages = await pageCount(bytes);
    if (first.fatal) throw new Error(first.fatal.message);
    out.push({ file, pages, medianMs: Math.round(median(times) * 10) / 10, medianCpuMs: Math.round(median(cpu) * 10) / 10, runs });
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  let runs = 5;
  const r = args.indexOf('--runs');
  if (r >= 0) {
    runs = Number(args[r + 1]);
    args.splice(r, 2);
  }
  const dir = join(root, 'fixtures', 'corpus');
  const files = args.length > 0 ? args : readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort().map((f) => join('fixtures', 'corpus', f));
  const results = await pdfMedianTimes(files, runs);
  for (const x of results) process.stdout.write(`${x.file}\t${x.pages} pages\tmedian ${x.medianMs} ms wall, ${x.medianCpuMs} ms CPU over ${x.runs} runs\n`);
  process.stdout.write(`PDF median of medians: ${median(results.map((x) => x.medianMs))} ms\n`);
}
