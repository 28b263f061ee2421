import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_CONFIG_NAME, loadConfig, rulesForConfig } from '../config/load-config.js';
import { didYouMean } from '../config/suggest.js';
import type { ResolvedRule } from '../engine/rule.js';
import { UsageError } from '../errors.js';
import type { CliIo } from './io.js';

interface RuleCommandOptions {
  readonly config?: string;
  readonly lang: 'zh' | 'en';
}

/** The rules as the rule files define them and as the config sets them. */
function loadRules(io: CliIo, opts: RuleCommandOptions): { defaults: Map<string, ResolvedRule>; effective: ResolvedRule[] } {
  const config = loadConfig(opts.config, io.cwd);
  const effective = rulesForConfig(config, [], io.cwd);
  const defaults = new Map(rulesForConfig({ ...(config.ruleFiles ? { ruleFiles: config.ruleFiles } : {}) }, [], io.cwd).map((r) => [r.id, r]));
  return { defaults, effective };
}

/** `budgetlint rules`: every rule with its id, default severity (and the config's, when it differs) and description. */
export function rulesCommand(io: CliIo, opts: RuleCommandOptions & { format: string }): void {
  const { defaults, effective } = loadRules(io, opts);
  const rows = [...effective]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r) => ({ id: r.id, severity: defaults.get(r.id)?.severity ?? r.severity, configured: r.severity, check: r.check, description: r.description[opts.lang] }));
  if (opts.format === 'json') {
    io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  const idWidth = Math.max(...rows.map((r) => r.id.length), 2);
  const sev = (r: (typeof rows)[number]): string => (r.configured === r.severity ? r.severity : `${r.severity}→${r.configured}`);
  const sevWidth = Math.max(...rows.map((r) => sev(r).length), 8);
  const out = rows.map((r) => `${r.id.padEnd(idWidth)}  ${sev(r).padEnd(sevWidth)}  ${r.description}`);
  io.stdout.write(`${out.join('\n')}\n${rows.length} rules${opts.lang === 'zh' ? '（severity 为默认级别；“a→b”表示配置文件改为 b）' : ' (default severity; "a→b" when the config changes it to b)'}\n`);
}

/** `budgetlint explain <ruleId>`: what the rule checks, why, an example of a failing document, its options. */
export function explainCommand(io: CliIo, ruleId: string, opts: RuleCommandOptions): void {
  const { defaults, effective } = loadRules(io, opts);
  const rule = effective.find((r) => r.id === ruleId);
  if (!rule) {
    throw new UsageError(`unknown rule id "${ruleId}"${didYouMean(ruleId, effective.map((r) => r.id))}`, 'run "budgetlint rules" to list every rule');
  }
  const zh = opts.lang === 'zh';
  const def = defaults.get(rule.id)?.severity ?? rule.severity;
  const lines = [
    rule.id,
    '',
    `${zh ? '检查内容' : 'What it checks'}: ${rule.description[opts.lang]}`,
    `${zh ? '原因' : 'Why'}: ${rule.rationale?.[opts.lang] ?? (zh ? '（未说明）' : '(not given)')}`,
    `${zh ? '默认级别' : 'Default severity'}: ${def}${rule.severity !== def ? ` (${zh ? '配置为' : 'configured'}: ${rule.severity})` : ''}`,
    `${zh ? '检查类型' : 'Check kind'}: ${rule.check} — ${rule.module.meta.description[opts.lang]}`,
    `${zh ? '定义于' : 'Defined in'}: ${rule.source}`,
  ];
  if (rule.example) lines.push('', zh ? '不合格的示例：' : 'Example of a failing document:', ...rule.example.split('\n').map((s) => `  ${s}`));
  if (Object.keys(rule.options).length > 0) lines.push('', zh ? '选项：' : 'Options:', ...JSON.stringify(rule.options, null, 2).split('\n').map((s) => `  ${s}`));
  io.stdout.write(`${lines.join('\n')}\n`);
}

/** The starter config `budgetlint init` writes. */
export function starterConfig(lang: 'zh' | 'en'): string {
  const config = {
    $schema: './node_modules/budgetlint/dist/config/config.schema.json',
    lang,
    ruleFiles: [],
    catalog: [],
    rules: {},
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** `budgetlint init`: writes budgetlint.config.json (never over an existing file unless forced). */
export function initCommand(io: CliIo, opts: { lang: 'zh' | 'en'; force?: boolean; file?: string }): void {
  const file = opts.file ?? DEFAULT_CONFIG_NAME;
  const abs = resolve(io.cwd, file);
  if (existsSync(abs) && !opts.force) throw new UsageError(`${file} already exists`, 'use --force to overwrite it');
  writeFileSync(abs, starterConfig(opts.lang));
  const hint =
    opts.lang === 'zh'
      ? `已写入 ${file}。在 "rules" 中按规则 id 设置级别（"off"、"info"、"warning"、"error"）；用 budgetlint rules 列出全部规则。\n`
      : `Wrote ${file}. Set severities under "rules" by rule id ("off", "info", "warning", "error"); list the rules with: budgetlint rules\n`;
  io.stdout.write(hint);
}
