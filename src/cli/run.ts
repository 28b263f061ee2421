import { Command, CommanderError, Option } from 'commander';
import { AUTO_MIN_FILES_PER_WORKER } from '../batch/auto-workers.js';
import { isBudgetlintError, UsageError } from '../errors.js';
import { TOOL_VERSION } from '../reporters/tool.js';
import type { CheckOptions } from './check-command.js';
import { EXIT_CODES_HELP, EXIT_FATAL } from './exit-code.js';
import { REPORT_FORMATS } from './formats.js';
import { localeLang, processIo, type CliIo } from './io.js';

export { applyV8Flags } from './v8-flags.js';

// Start-up is kept small: only commander and a few small modules load here. Each command imports
// what it needs when it runs, so `--version`, `--help` and usage errors never load the rules, the
// parsers or the reporters (see the cold-start rows in BENCHMARKS.md).

/** A repeatable single-value option: `--rule-file a.json --rule-file b.json` (never swallows the documents). */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
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
    .version(TOOL_VERSION)
    .addHelpText('after', EXIT_CODES_HELP);

  program
    .command('check')
    .description('check documents (text, PDF, CSV, XLSX files, folders or glob patterns) and report findings')
    .argument('<files...>', 'documents, folders or glob patterns (quote them: "reports/**/*.pdf")')
    .addOption(new Option('-f, --format <name>', 'report format on stdout').choices(REPORT_FORMATS).default('pretty'))
    .option('-o, --output <format:file>', `also write a report to a file (repeatable), e.g. --output json:report.json --output sarif:report.sarif; formats: ${REPORT_FORMATS.join(', ')}`, collect, [])
    .option('-c, --config <file>', 'config file (default: ./budgetlint.config.json when present)')
    .option('--rule-file <file>', 'extra rule file (repeatable: --rule-file a.json --rule-file b.json)', collect)
    .option('--catalog <file>', 'classification catalog CSV (code,name,level) that overrides the built-in one (repeatable; the first one given takes precedence)', collect)
    .addOption(new Option('--lang <lang>', 'message language (default from the locale: zh when LC_ALL/LC_MESSAGES/LANG start with zh)').choices(['zh', 'en']))
    .option('-q, --quiet', 'report error-level findings only (warnings still count for --max-warnings)')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', parseIntOption)
    .option('--show-passed', 'also list every rule instance with its outcome (pass, fail, not applicable, not assessable)')
    .option('--baseline <file>', 'suppress the findings recorded in this baseline file (matched by fingerprint)')
    .option('--update-baseline', 'write every current finding to the --baseline file (keeps existing reasons)')
    .option('--reason <text>', 'with --update-baseline: the reason recorded for new entries (required when there are any)')
    .option('--debug', 'print stack traces of internal errors')
    .option('--narrative <file>', 'narrative text/Markdown file checked together with one workbook, CSV file or CSV folder')
    .option('-j, --jobs <n>', `worker threads for checking many documents (default: one per ${AUTO_MIN_FILES_PER_WORKER} documents, at most one per core, and none for fewer than two; results are the same in any case)`)
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (files: string[], opts: CheckOptions) => {
      debug = opts.debug ?? false;
      const { runCheck } = await import('./check-command.js');
      exitCode = await runCheck(files, opts, io);
    });

  program
    .command('rules')
    .description('list every rule: id, default severity and description')
    .option('-c, --config <file>', 'config file whose rule files and severities to include')
    .addOption(new Option('--lang <lang>', 'description language (default from the locale)').choices(['zh', 'en']))
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (opts: { config?: string; lang?: 'zh' | 'en'; format: string }) => {
      const { rulesCommand } = await import('./rule-commands.js');
      rulesCommand(io, { ...(opts.config ? { config: opts.config } : {}), lang: opts.lang ?? localeLang(io.env), format: opts.format });
    });

  program
    .command('explain')
    .description('explain one rule: what it checks, why, and an example of a failing document')
    .argument('<ruleId>', 'rule id, e.g. table/t1-income-lines (see: budgetlint rules)')
    .option('-c, --config <file>', 'config file whose rule files and severities to include')
    .addOption(new Option('--lang <lang>', 'language (default from the locale)').choices(['zh', 'en']))
    .action(async (ruleId: string, opts: { config?: string; lang?: 'zh' | 'en' }) => {
      const { explainCommand } = await import('./rule-commands.js');
      explainCommand(io, ruleId, { ...(opts.config ? { config: opts.config } : {}), lang: opts.lang ?? localeLang(io.env) });
    });

  program
    .command('init')
    .description('write a starter budgetlint.config.json in the current folder')
    .option('--force', 'overwrite an existing config file')
    .addOption(new Option('--lang <lang>', 'the "lang" the config sets (default from the locale)').choices(['zh', 'en']))
    .action(async (opts: { force?: boolean; lang?: 'zh' | 'en' }) => {
      const { initCommand } = await import('./rule-commands.js');
      initCommand(io, { lang: opts.lang ?? localeLang(io.env), ...(opts.force ? { force: true } : {}) });
    });

  /** Reads one document, joining a narrative file to a workbook, CSV file or folder when given. */
  const readDocument = async (file: string, narrative: string | undefined): Promise<import('../model/document.js').BudgetDocument> => {
    const [{ parseFile }, { parseJoined }, { displayPath }, { resolve }] = await Promise.all([
      import('../parsers/index.js'),
      import('../parsers/csv-folder.js'),
      import('../config/paths.js'),
      import('node:path'),
    ]);
    const path = resolve(io.cwd, file);
    if (narrative === undefined) return parseFile(path, displayPath(path, io.cwd));
    const text = resolve(io.cwd, narrative);
    return parseJoined(path, displayPath(path, io.cwd), { path: text, display: displayPath(text, io.cwd) });
  };

  program
    .command('parse')
    .description('show the document model read from one file (tables, rows, amounts, paragraphs)')
    .argument('<file>', 'document to read')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['json']).default('json'))
    .option('--narrative <file>', 'narrative text/Markdown file read together with one workbook, CSV file or CSV folder')
    .option('--debug', 'print stack traces of internal errors')
    .action(async (file: string, opts: { narrative?: string }) => {
      const [{ documentToJson }, doc] = await Promise.all([import('../model/to-json.js'), readDocument(file, opts.narrative)]);
      io.stdout.write(`${JSON.stringify(documentToJson(doc), null, 2)}\n`);
    });

  program
    .command('narrative')
    .description('list every amount the narrative states: its position, subject, the table value it was compared with, and the outcome')
    .argument('<file>', 'document to read')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json']).default('text'))
    .option('--narrative <file>', 'narrative text/Markdown file read together with one workbook, CSV file or CSV folder')
    .option('--debug', 'print stack traces of internal errors')
    .action(async (file: string, opts: { format: string; narrative?: string }) => {
      const [{ EXPLANATION_HEADER, explainNarrative, formatExplanation }, doc] = await Promise.all([import('../narrative/explain.js'), readDocument(file, opts.narrative)]);
      const rows = explainNarrative(doc);
      io.stdout.write(opts.format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : `${EXPLANATION_HEADER}\n${formatExplanation(rows)}\n`);
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
