// Command-line options of the scripts (gen, fuzz:long, bench): node:util's parseArgs plus --help / -h,
// which prints the script's usage (exit 0), and a one-line message for a mistake — an unknown option,
// a missing value, a stray argument, a value that is not a whole number — with exit code 2, instead of
// parseArgs' stack trace.
import { parseArgs } from 'node:util';

/** Parses process.argv for script `name`; exits on --help and on a mistake. */
export function scriptArgs(name, usage, options) {
  const fail = (message) => {
    console.error(`${name}: ${message} (--help lists the options)`);
    process.exit(2);
  };
  let values;
  try {
    ({ values } = parseArgs({ options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }));
  } catch (e) {
    if (typeof e?.code !== 'string' || !e.code.startsWith('ERR_PARSE_ARGS')) throw e;
    const quoted = /'([^']+)'/.exec(e.message)?.[1] ?? '';
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') fail(`unknown option ${quoted}`);
    if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') fail(`unexpected argument ${quoted}`);
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') fail(`${quoted.replace(/ <value>$/, '')} needs a value`);
    fail(e.message.split('\n')[0]);
  }
  if (values.help) {
    process.stdout.write(usage.endsWith('\n') ? usage : `${usage}\n`);
    process.exit(0);
  }
  return values;
}

/** The value of option `option` as a whole number of at least `min`; exits with one line otherwise. */
export function wholeNumber(name, option, value, min = 0) {
  const n = Number(value);
  if (!/^-?\d+$/.test(String(value)) || !Number.isSafeInteger(n) || n < min) {
    console.error(`${name}: --${option} must be a whole number${min > -Infinity ? ` of at least ${min}` : ''}, not '${value}'`);
    process.exit(2);
  }
  return n;
}
