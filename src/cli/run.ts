import { Command, CommanderError, Option } from 'commander';
import { createLinter, displayPath } from '../api.js';
import { isBudgetlintError, UsageError } from '../errors.js';
import { documentToJson } from '../model/to-json.js';
import { parseFile } from '../parsers/index.js';
import { REPORTERS } from '../reporters/index.js';
import { EXIT_FATAL, exitCodeFor } from './exit-code.js';
import { expandInputs } from './files.js';
import { localeLang, processIo, useColor, type CliIo } from './io.js';
import { resolve } from 'node:path';

interface CheckOptions {
  format: string;
  config?: string;
  ruleFile?: string[];
  catalog?: string[];
  lang?: 'zh' | 'en';
  quiet?: boolean;
  maxWarnings?: number;
  debug?: boolean;
  narrative?: string;
}

function parseIntOption(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings expects a whole number, got "${value}"`);
  return Number(value);
}

/** Runs the CLI with argv (as process.argv); returns the exit code and never calls process.exit. */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = 0;
  let debug = argv.includes('--debug');
  const program = new Command('budgetlint')
    .description('Check Chinese department budget disclosures (部门预算公开) for internal consistency.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showSuggestionAfterError(true)
    .version('0.1.0');

  program
    .command('check')
    .description('check documents (text, PDF, CSV, XLSX files or folders) and report findings')
    .argument('<files...>', 'documents or folders to check')
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(REPORTERS)).default('pretty'))
    .option('-c, --config <file>', 'config file (default: ./budgetlint.config.json when present)')
    .option('--rule-file <file...>', 'extra rule files')
    .option('--catalog <file...>', 'classification catalog CSV (code,name,level) that overrides the built-in one')
    .addOption(new Option('--lang <lang>', 'message language (default from the locale)').choices(['zh', 'en']))
    .option('-q, --quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', parseIntOption)
    .option('--debug', 'print stack traces of internal errors')
    .option('--narrative <file>', 'narrative text/Markdown file checked together with one workbook, CSV file or CSV folder')
    .action(async (files: string[], opts: CheckOptions) => {
      debug = opts.debug ?? false;
      const lang = opts.lang ?? localeLang(io.env);
      const linter = createLinter({
        cwd: io.cwd,
        lang,
        ...(opts.config ? { configPath: opts.config } : {}),
        ...(opts.ruleFile ? { ruleFiles: opts.ruleFile.map((f) => resolve(io.cwd, f)) } : {}),
        ...(opts.catalog ? { catalogFiles: opts.catalog.map((f) => resolve(io.cwd, f)) } : {}),
      });
      const inputs = expandInputs(files.map((f) => resolve(io.cwd, f)));
      if (inputs.length === 0) throw new UsageError('no documents found in the given folders');
      if (opts.narrative !== undefined && inputs.length !== 1) throw new UsageError('--narrative needs exactly one workbook, CSV file or CSV folder');
      const narrative = opts.narrative !== undefined ? { narrative: resolve(io.cwd, opts.narrative) } : undefined;
      const results = [];
      for (const f of inputs) {
        const r = await linter.checkFile(f, narrative);
        results.push(opts.quiet ? { ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') } : r);
      }
      for (const r of results) if (r.fatal) io.stderr.write(`budgetlint: ${r.fatal.message}\n`);
      const reporter = REPORTERS[opts.format]!;
      io.stdout.write(reporter({ results, rules: linter.rules }, { lang, color: useColor(io) }));
      exitCode = exitCodeFor(results, opts.maxWarnings);
    });

  program
    .command('parse')
    .description('show the document model read from one file (tables, rows, amounts, paragraphs)')
    .argument('<file>', 'document to read')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['json']).default('json'))
    .option('--debug', 'print stack traces of internal errors')
    .action(async (file: string) => {
      const doc = await parseFile(resolve(io.cwd, file), displayPath(resolve(io.cwd, file), io.cwd));
      io.stdout.write(`${JSON.stringify(documentToJson(doc), null, 2)}\n`);
    });

  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return EXIT_FATAL;
    }
    if (isBudgetlintError(e)) {
      io.stderr.write(`budgetlint: ${e.message}\n${e.hint ? `${e.hint}\n` : ''}`);
      return EXIT_FATAL;
    }
    const err = e as Error;
    io.stderr.write(`budgetlint: internal error: ${err?.message ?? String(e)}\n`);
    if (debug && err?.stack) io.stderr.write(`${err.stack}\n`);
    else io.stderr.write('(run with --debug for details)\n');
    return EXIT_FATAL;
  }
}
