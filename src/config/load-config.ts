import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ResolvedRule, RuleDefinition } from '../engine/rule.js';
import type { Severity } from '../engine/diagnostic.js';
import { ConfigError } from '../errors.js';
import { ajv, formatAjvError } from './ajv.js';
import configSchema from './config.schema.json' with { type: 'json' };
import { builtinRuleFiles, loadRuleDefinitions, parseJsonFile, resolveRules, validateOptions } from './load-rules.js';
import { didYouMean } from './suggest.js';
import type { ValidateFunction } from 'ajv';

export const DEFAULT_CONFIG_NAME = 'budgetlint.config.json';

type RuleSetting = Severity | 'off' | { severity?: Severity | 'off'; options?: Record<string, unknown> };

export interface Config {
  readonly lang?: 'zh' | 'en';
  /** Extra rule files, resolved against the config file's folder. */
  readonly ruleFiles?: readonly string[];
  /** User catalog CSV files, resolved against the config file's folder. */
  readonly catalog?: readonly string[];
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly settings?: Readonly<Record<string, unknown>>;
  /** The file it was read from (display form), if any. */
  readonly file?: string;
}

// compiled on first use: a run without a config file never needs it
let configValidator: ValidateFunction | undefined;

/** Reads `path`, or budgetlint.config.json in `cwd` when present; no file gives an empty config. */
export function loadConfig(path: string | undefined, cwd = process.cwd()): Config {
  const file = path ?? (existsSync(resolve(cwd, DEFAULT_CONFIG_NAME)) ? DEFAULT_CONFIG_NAME : undefined);
  if (!file) return {};
  const abs = resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch {
    throw new ConfigError(`${file}: cannot read config file`);
  }
  const data = parseJsonFile(text, file);
  configValidator ??= ajv.compile(configSchema);
  if (!configValidator(data)) throw new ConfigError(`${file}: invalid config ${formatAjvError(configValidator.errors)}`);
  const c = data as Omit<Config, 'file'>;
  const base = dirname(abs);
  return {
    ...c,
    ...(c.ruleFiles ? { ruleFiles: c.ruleFiles.map((f) => resolve(base, f)) } : {}),
    ...(c.catalog ? { catalog: c.catalog.map((f) => resolve(base, f)) } : {}),
    file,
  };
}

/**
 * Built-in rules plus the config's rule files and `extraRuleFiles` (relative paths against `cwd`),
 * with the config's severities and options applied.
 */
export function rulesForConfig(config: Config, extraRuleFiles: readonly string[] = [], cwd = process.cwd()): ResolvedRule[] {
  const defs = loadRuleDefinitions([...builtinRuleFiles(), ...(config.ruleFiles ?? []), ...extraRuleFiles], cwd);
  const byId = new Map(defs.map((d) => [d.id, d]));
  const out: RuleDefinition[] = [...defs];
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    const def = byId.get(id);
    if (!def) throw new ConfigError(`${config.file ?? 'config'}: at /rules/${pointerToken(id)}: unknown rule id "${id}"${didYouMean(id, byId.keys())}`);
    const s = typeof setting === 'string' ? { severity: setting } : setting;
    const options = s.options ? { ...def.options, ...s.options } : def.options;
    const updated: RuleDefinition = { ...def, ...(s.severity ? { severity: s.severity } : {}), options };
    out[out.indexOf(def)] = updated;
    byId.set(id, updated);
  }
  const resolved = resolveRules(out);
  for (const r of resolved) {
    const setting = config.rules?.[r.id];
    if (setting && typeof setting === 'object' && setting.options) validateOptions(r.module, r.options, config.file ?? 'config', `/rules/${pointerToken(r.id)}/options`);
  }
  return resolved;
}

/** A rule id as one JSON-pointer token (RFC 6901: "~" → "~0", "/" → "~1"). */
function pointerToken(id: string): string {
  return id.replace(/~/g, '~0').replace(/\//g, '~1');
}
