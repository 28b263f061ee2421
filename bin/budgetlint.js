#!/usr/bin/env node
// budgetlint command-line shim. Exit codes: 0 no error-level finding; 1 at least one error-level
// finding (or more warnings than --max-warnings); 2 usage error, unreadable input or internal failure.
// dist/bundle is the bundled build of dist/cli (rolldown.config.mjs): fewer modules to load at start-up
import { applyV8Flags, run } from '../dist/bundle/run.js';

// V8's settings for checking documents (src/cli/v8-flags.ts), before any is checked
applyV8Flags();

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await run(process.argv);
