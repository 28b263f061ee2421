import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKS } from '../checks/index.js';
import type { CheckModule } from '../engine/define-check.js';
import type { ResolvedRule, RuleDefinition } from '../engine/rule.js';
import { ConfigError } from '../errors.js';
import { ajv, formatAjvError } from './ajv.js';
import ruleFileSchema from './rule-file.schema.json' with { type: 'json' };
import { didYouMean } from './suggest.js';
import type { ValidateFunction } from 'ajv';

/** The rules/ folder shipped with the package. */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

const validateRuleFile = ajv.compile(ruleFileSchema);
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

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path).split('\\').join('/');
  return rel.startsWith('..') ? `rules/${basename(path)}` : rel;
}

/** Reads and validates one rule file; every check kind and its options are checked here. */
export function readRuleFile(path: string): RuleDefinition[] {
  const file = displayPath(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError(`${file}: cannot read rule file`);
  }
  const data = parseJsonFile(text, file);
  if (!validateRuleFile(data)) throw new ConfigError(`${file}: invalid rule file ${formatAjvError(validateRuleFile.errors)}`);
  const rules = (data as { rules: Array<Omit<RuleDefinition, 'source' | 'options'> & { options?: Record<string, unknown> }> }).rules;
  return rules.map((r, i) => {
    const module = CHECKS[r.check];
    if (!module) throw new ConfigError(`${file}: at /rules/${i}/check: unknown check kind "${r.check}"${didYouMean(r.check, Object.keys(CHECKS))}`);
    const options = r.options ?? {};
    validateOptions(module, options, file, `/rules/${i}/options`);
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

/** Loads rule files, refusing duplicate ids. */
export function loadRuleDefinitions(files: readonly string[]): RuleDefinition[] {
  const all: RuleDefinition[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    for (const r of readRuleFile(f)) {
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
