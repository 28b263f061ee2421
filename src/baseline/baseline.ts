import { readFileSync, writeFileSync } from 'node:fs';
import { ajv, formatAjvError } from '../config/ajv.js';
import { parseJsonFile } from '../config/load-rules.js';
import { ConfigError, UsageError } from '../errors.js';
import { compareStrings } from '../model/location.js';

/** Version of the baseline file format. */
export const BASELINE_VERSION = 1;

/**
 * One accepted finding. It matches findings of the same file with the same fingerprint (rule id,
 * table, row, column and message id — never line numbers, so edits elsewhere keep it matching).
 */
export interface BaselineEntry {
  readonly file: string;
  readonly fingerprint: string;
  readonly ruleId: string;
  /** Why the finding is accepted; required, never empty. */
  readonly reason: string;
  /** Where the finding was when it was recorded, for the reader of the file only. */
  readonly where?: string;
  readonly message?: string;
}

export interface Baseline {
  readonly version: number;
  readonly entries: readonly BaselineEntry[];
}

const SCHEMA_URL = new URL('../../schemas/baseline.schema.json', import.meta.url);
let validator: ReturnType<typeof ajv.compile> | undefined;

function validate(data: unknown): boolean {
  validator ??= ajv.compile(JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as object);
  return validator(data) as boolean;
}

/** Reads and validates a baseline file; `shown` names it in messages. */
export function readBaseline(path: string, shown: string): Baseline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`${shown}: cannot read baseline file`, 'create it with --update-baseline');
  }
  const data = parseJsonFile(text, shown);
  if (!validate(data)) throw new ConfigError(`${shown}: invalid baseline ${formatAjvError(validator!.errors)}`);
  return data as Baseline;
}

/** Baseline file text: entries sorted by file, rule id and fingerprint, so that diffs stay small. */
export function baselineText(b: Baseline): string {
  const entries = [...b.entries].sort(
    (x, y) => compareStrings(x.file, y.file) || compareStrings(x.ruleId, y.ruleId) || compareStrings(x.fingerprint, y.fingerprint),
  );
  return `${JSON.stringify({ version: b.version, entries }, null, 2)}\n`;
}

export function writeBaseline(path: string, b: Baseline): void {
  writeFileSync(path, baselineText(b));
}

