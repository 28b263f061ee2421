import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKS } from '../checks/index.js';
import type { CheckModule } from '../engine/define-check.js';
import type { ResolvedRule, RuleDefinition } from '../engine/rule.js';
import { ConfigError } from '../errors.js';
import { ajv, formatAjvError } from './ajv.js';
import ruleFileSchema from './rule-file.schema.json' with { type: 'json' };
import { givenPath } from './paths.js';
import { didYouMean } from './suggest.js';
import type { ValidateFunction } from 'ajv';

/** The rules/ folder shipped with the package. */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

// compiled on first use: only user rule files and configs are validated at run time
let ruleFileValidator: ValidateFunction | undefined;
const optionValidators = new Map<string, ValidateFunction>();

function optionsValidator(module: CheckModule<Record<string, unknown>>): ValidateFunction {
  let v = optionValidators.get(module.id);
  if (!v) {
    v = ajv.compile(module.meta.schema);
    optionValidators.set(module.id, v);
  }
  return v;
}

/** Parses JSON, turning a syntax error into a ConfigError naming the file and position. */
export function parseJsonFile(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${file}: invalid JSON (${(e as Error).message})`);
  }
}

/** True for a rule file in the package's own rules/ folder (however the path was written). */
export function isBuiltinRuleFile(path: string): boolean {
  return dirname(resolve(path)) === resolve(BUILTIN_RULES_DIR);
}

export interface ReadRuleFileOptions {
  /** Folder that relative paths are read from and user files are shown relative to (default: process.cwd()). */
  readonly cwd?: string;
  /**
   * Skip the schema and options validation. Default: true for the built-in rules/*.json (they are
   * validated by the test suite, tests/config/builtin-rules.test.ts), false for every other file.
   */
  readonly trusted?: boolean;
}

/**
 * Reads one rule file; a user's file is validated here (the file's schema, every check kind and its
 * options). Built-in files are named `rules/<name>`, a user's file as given (relative to `cwd`).
 */
export function readRuleFile(path: string, options: ReadRuleFileOptions = {}): RuleDefinition[] {
  const cwd = options.cwd ?? process.cwd();
  const abs = resolve(cwd, path);
  const builtin = isBuiltinRuleFile(abs);
  const trusted = options.trusted ?? builtin;
  const file = builtin ? `rules/${basename(abs)}` : givenPath(path, cwd);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch {
    throw new ConfigError(`${file}: cannot read rule file`);
  }
  const data = parseJsonFile(text, file);
  if (!trusted) {
    ruleFileValidator ??= ajv.compile(ruleFileSchema);
    if (!ruleFileValidator(data)) throw new ConfigError(`${file}: invalid rule file ${formatAjvError(ruleFileValidator.errors)}`);
  }
  const rules = (data as { rules: Array<Omit<RuleDefinition, 'source' | 'options'> & { options?: Record<string, unknown> }> }).rules;
  return rules.map((r, i) => {
    const module = CHECKS[r.check];
    if (!module) throw new ConfigError(`${file}: at /rules/${i}/check: unknown check kind "${r.check}"${didYouMean(r.check, Object.keys(CHECKS))}`);
    const options = r.options ?? {};
    if (!trusted) validateOptions(module, options, file, `/rules/${i}/options`);
    return { ...r, options, source: file };
  });
}

/** Validates a rule's options against its check kind's schema; `base` is the options' JSON pointer. */
export function validateOptions(module: CheckModule<Record<string, unknown>>, options: unknown, file: string, base: string): void {
  const v = optionsValidator(module);
  if (!v(options)) throw new ConfigError(`${file}: invalid options ${formatAjvError(v.errors, base)}`);
  const problem = module.meta.validate?.(options as Record<string, unknown>);
  if (problem) throw new ConfigError(`${file}: invalid options at ${base}${problem.pointer}: ${problem.message}`);
}

/** All rule files shipped in rules/ (sorted, so the rule order is stable). */
export function builtinRuleFiles(): string[] {
  return readdirSync(BUILTIN_RULES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(BUILTIN_RULES_DIR, f));
}

/** Loads rule files (relative paths against `cwd`), refusing duplicate ids. */
export function loadRuleDefinitions(files: readonly string[], cwd = process.cwd()): RuleDefinition[] {
  const all: RuleDefinition[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    for (const r of readRuleFile(f, { cwd })) {
      const prev = seen.get(r.id);
      if (prev) throw new ConfigError(`${r.source}: rule id "${r.id}" is already defined in ${prev}`);
      seen.set(r.id, r.source);
      all.push(r);
    }
  }
  return all;
}

export function resolveRules(defs: readonly RuleDefinition[]): ResolvedRule[] {
  return defs.map((d) => ({ ...d, module: CHECKS[d.check]! }));
}
