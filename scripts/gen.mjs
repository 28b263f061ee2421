#!/usr/bin/env node
// Writes generated, fully consistent budget documents (src/generate/) as text files.
//   npm run gen -- --count 100 --out /tmp/docs [--seed 1] [--perturb amount|narrative|row-drop|code-digit] [--xlsx] [--pdf]
// --xlsx also writes each document as a workbook (tables) plus its narrative (.md), checked with
// `budgetlint check gen-000001.xlsx --narrative gen-000001.md`. --pdf also prints each document (with
// its planted error, if any) as a PDF, the way a word processor lays it out (src/generate/render-pdf.ts).
// With --perturb every document gets one planted error; its description goes to <name>.planted.
// Needs the build (npm run build): it uses dist/ like the CLI.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const dist = new URL('../dist/generate/index.js', import.meta.url);
if (!existsSync(dist)) {
  console.error('gen: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const { generateDocument, perturb, renderXlsx, textToPdf, PERTURBATION_KINDS } = await import(dist.href);

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    perturb: { type: 'string' },
    xlsx: { type: 'boolean' },
    pdf: { type: 'boolean' },
  },
});
const count = Number(values.count);
const first = Number(values.seed);
if (!values.out || !Number.isInteger(count) || count < 1 || !Number.isInteger(first)) {
  console.error('usage: npm run gen -- --count N --out DIR [--seed S] [--perturb KIND] [--xlsx] [--pdf]');
  process.exit(2);
}
if (values.perturb && !PERTURBATION_KINDS.includes(values.perturb)) {
  console.error(`gen: --perturb must be one of ${PERTURBATION_KINDS.join(', ')}`);
  process.exit(2);
}
mkdirSync(values.out, { recursive: true });
let bytes = 0;
for (let i = 0; i < count; i++) {
  const seed = first + i;
  const doc = generateDocument(seed);
  const name = `gen-${String(seed).padStart(6, '0')}.txt`;
  let text = doc.text;
  if (values.perturb) {
    const p = perturb(doc, values.perturb, seed);
    text = p.text;
    writeFileSync(join(values.out, `${name.slice(0, -4)}.planted`), `${p.description}\nparticipating lines: ${[...p.participants].sort((a, b) => a - b).join(', ')}\n`);
  }
  writeFileSync(join(values.out, name), text);
  if (values.xlsx) {
    const { workbook, narrative } = await renderXlsx(doc);
    writeFileSync(join(values.out, `${name.slice(0, -4)}.xlsx`), workbook);
    writeFileSync(join(values.out, `${name.slice(0, -4)}.md`), narrative);
  }
  if (values.pdf) writeFileSync(join(values.out, `${name.slice(0, -4)}.pdf`), textToPdf(text));
  bytes += Buffer.byteLength(text);
}
console.log(`gen: wrote ${count} documents (${(bytes / 1024).toFixed(0)} KiB) to ${values.out}`);
