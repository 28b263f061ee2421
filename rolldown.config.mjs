// Bundles the compiled CLI (dist/cli/run.js) and the batch worker into dist/bundle/, so that a cold
// `budgetlint check` loads a few modules instead of ~160 (module loading was a third of start-up).
// Dependencies stay external and load from node_modules. The chunks sit two levels below the package
// root like every dist/<dir>/*.js file, so their import.meta.url paths (rules/, schemas/,
// package.json, ./worker.js) resolve unchanged. The library entry (dist/index.js) is not bundled.
//
// Chunks: `cli` holds what the command line needs before it knows the command (--version and --help
// load only it); `check` everything a check of a text or CSV document needs, in one module instead
// of the dozen rolldown would otherwise split it into along the lazy imports (each module costs the
// loader a resolution, a file read and a link: ≈ 5 ms of a 110 ms cold check, 21 runs interleaved);
// the PDF and XLSX readers, the worker pool, the rule listing and the baseline update stay separate,
// loaded only when used (the PDF reader is ≈ 50 KB that every start would otherwise compile).
import { defineConfig } from 'rolldown';

// what dist/cli/run.js imports statically
const CLI = /\/dist\/(cli\/(run|exit-code|formats|io|v8-flags)|errors|reporters\/tool|batch\/auto-workers)\.js$/;
// loaded only for some inputs or commands
const OPTIONAL = /\/dist\/(parsers\/(xlsx|pdf)|batch\/(pool|worker)|cli\/rule-commands|baseline)/;

export default defineConfig({
  input: { run: 'dist/cli/run.js', worker: 'dist/batch/worker.js' },
  external: (id) => !id.startsWith('.') && !id.startsWith('/'),
  platform: 'node',
  logLevel: 'warn',
  output: {
    dir: 'dist/bundle',
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    cleanDir: true,
    codeSplitting: {
      groups: [
        { name: 'cli', test: CLI, priority: 2 },
        { name: 'check', test: (id) => id.includes('/dist/') && !CLI.test(id) && !OPTIONAL.test(id), priority: 1 },
      ],
    },
  },
});
