/**
 * The report format names: the keys of REPORTERS (src/reporters/index.ts), in the same order, so that
 * the command line offers them (`--format`, `--output`, `--help`) without loading the reporters.
 * tests/cli/units.test.ts keeps the two equal.
 */
export const REPORT_FORMATS: readonly string[] = ['github', 'json', 'junit', 'markdown', 'pretty', 'sarif'];
