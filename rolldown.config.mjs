// Bundles the compiled CLI (dist/cli/run.js) and the batch worker into dist/bundle/, so that a cold
// `budgetlint check` loads a few modules instead of ~160 (module loading was a third of start-up).
// Dependencies stay external and load from node_modules; lazy imports (commands, PDF, XLSX) stay
// separate chunks. The chunks sit two levels below the package root like every dist/<dir>/*.js file,
// so their import.meta.url paths (rules/, schemas/, package.json, ./worker.js) resolve unchanged.
// The library entry (dist/index.js) is not bundled.
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: { run: 'dist/cli/run.js', worker: 'dist/batch/worker.js' },
  external: (id) => !id.startsWith('.') && !id.startsWith('/'),
  platform: 'node',
  logLevel: 'warn',
  output: { dir: 'dist/bundle', format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', cleanDir: true },
});
