#!/usr/bin/env node
// Writes generated, fully consistent budget documents (src/generate/) as text files.
//   npm run gen -- --count 100 --out /tmp/docs [--seed 1] [--perturb amount|narrative|row-drop|code-digit] [--xlsx] [--pdf]
// A third of the documents are in the Ministry of Finance layout (render-mof.ts), the others in the
// Shanghai district layout (render-text.ts). --xlsx also writes each document as a workbook (tables)
// plus its narrative (.md), checked with `budgetlint check gen-000001.xlsx --narrative gen-000001.md`.
// --pdf also prints each document (with its planted error, if any) as a PDF, the way a word processor
// lays it out (src/generate/render-pdf.ts). With --perturb every document gets one planted error; its
// description goes to <name>.planted. Needs the build (npm run build): it uses dist/ like the CLI.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scriptArgs, wholeNumber } from './script-args.mjs';

/** For the usage text only (it must print without the build); --perturb is checked against dist's list. */
const KINDS = ['amount', 'narrative', 'row-drop', 'code-digit'];
const USAGE = `usage: npm run gen -- --out DIR [options]
Writes generated, fully consistent budget documents (a third in the Ministry of Finance layout) as
gen-NNNNNN.txt files, numbered by seed.

  --out DIR          folder to write to (created if missing); required
  --count N          number of documents (default 10)
  --seed S           seed of the first document (default 1); the others take S + 1, S + 2, …
  --perturb KIND     plant one error in every document: ${KINDS.join(', ')};
                     its description and participating lines go to gen-NNNNNN.planted
  --layout NAME      only documents of one layout: mof or shanghai (seeds of the other are skipped)
  --xlsx             also write each document as a workbook (.xlsx) and its narrative (.md)
  --pdf              also print each document (with its planted error, if any) as a PDF
  -h, --help         show this help
Needs the build (npm run build).`;

const values = scriptArgs('gen', USAGE, {
  count: { type: 'string', default: '10' },
  out: { type: 'string' },
  seed: { type: 'string', default: '1' },
  perturb: { type: 'string' },
  layout: { type: 'string' },
  xlsx: { type: 'boolean' },
  pdf: { type: 'boolean' },
});
const count = wholeNumber('gen', 'count', values.count, 1);
const first = wholeNumber('gen', 'seed', values.seed, -Infinity);
if (!values.out) {
  console.error('gen: --out DIR is required (--help lists the options)');
  process.exit(2);
}
if (values.layout && !['mof', 'shanghai'].includes(values.layout)) {
  console.error('gen: --layout must be mof or shanghai');
  process.exit(2);
}
const dist = new URL('../dist/generate/index.js', import.meta.url);
if (!existsSync(dist)) {
  console.error('gen: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const { generateBudget, renderDocument, perturb, renderXlsx, textToPdf, PERTURBATION_KINDS } = await import(dist.href);
if (values.perturb && !PERTURBATION_KINDS.includes(values.perturb)) {
  console.error(`gen: --perturb must be one of ${PERTURBATION_KINDS.join(', ')}`);
  process.exit(2);
}

mkdirSync(values.out, { recursive: true });
let bytes = 0;
let mof = 0;
for (let i = 0, seed = first; i < count; seed++) {
  const budget = generateBudget(seed);
  const layout = budget.style.mof ? 'mof' : 'shanghai';
  if (values.layout && layout !== values.layout) continue;
  i++;
  if (budget.style.mof) mof++;
  const doc = renderDocument(budget);
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
console.log(`gen: wrote ${count} documents (${mof} in the MoF layout, ${(bytes / 1024).toFixed(0)} KiB) to ${values.out}`);
