import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { AUTO_MIN_FILES_PER_WORKER } from '../../src/batch/auto-workers.js';
import { loadConfig } from '../../src/config/load-config.js';
import { CLEAN, cli, ROOT, SEED, tmp } from './support.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

describe('exit codes', () => {
  it('0 for a consistent document, 1 for the seed (it has error-level findings)', async () => {
    const clean = await cli(['check', CLEAN], ROOT);
    expect(clean.err).toBe('');
    expect(clean.code).toBe(0);
    const seed = await cli(['check', SEED, '-f', 'json'], ROOT);
    expect(seed.code).toBe(1);
    expect(JSON.parse(seed.out).totals.counts.error).toBeGreaterThan(0);
  });

  it('2 for an unreadable file, which gets its own result while the others are still checked', async () => {
    const dir = tmp({ 'a.txt': `@${CLEAN}`, 'junk.pdf': 'not a pdf at all' });
    const r = await cli(['check', 'a.txt', 'missing.txt', 'junk.pdf', '-f', 'json'], dir);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.out) as Json;
    expect(out.results.map((x: Json) => x.file)).toEqual(['a.txt', 'missing.txt', 'junk.pdf']);
    expect(out.results[0].fatal).toBeUndefined();
    expect(out.results[0].summary.run).toBeGreaterThan(0);
    expect(out.results[1].fatal.message).toMatch(/missing\.txt/);
    expect(out.results[2].fatal.message).toMatch(/junk\.pdf/);
    expect(r.err.trim().split('\n')).toHaveLength(2);
  });

  it('2 for misuse, with a suggestion: unknown option, format, --output format, rule id, bad number', async () => {
    const opt = await cli(['check', CLEAN, '--formt', 'json'], ROOT);
    expect(opt.code).toBe(2);
    expect(opt.err).toMatch(/unknown option '--formt'[\s\S]*--format/);
    const fmt = await cli(['check', CLEAN, '-f', 'sarf'], ROOT);
    expect(fmt.code).toBe(2);
    expect(fmt.err).toMatch(/sarif/);
    const out = await cli(['check', CLEAN, '--output', 'sarf:x.sarif'], ROOT);
    expect(out.code).toBe(2);
    expect(out.err).toMatch(/unknown format "sarf" \(did you mean "sarif"\?\)/);
    const spec = await cli(['check', CLEAN, '--output', 'report.json'], ROOT);
    expect(spec.code).toBe(2);
    expect(spec.err).toMatch(/FORMAT:FILE/);
    const rule = await cli(['explain', 'table/t1-income-line'], ROOT);
    expect(rule.code).toBe(2);
    expect(rule.err).toMatch(/unknown rule id "table\/t1-income-line" \(did you mean "table\/t1-income-lines"\?\)/);
    const num = await cli(['check', CLEAN, '--max-warnings', 'many'], ROOT);
    expect(num.code).toBe(2);
    const cmd = await cli(['chek', CLEAN], ROOT);
    expect(cmd.code).toBe(2);
    expect(cmd.err).toMatch(/check/);
  });

  it('--max-warnings turns warnings into exit 1; --quiet shows errors only but keeps the exit code', async () => {
    const seed = JSON.parse((await cli(['check', SEED, '-f', 'json'], ROOT)).out) as Json;
    const warnings = seed.totals.counts.warning as number;
    expect(warnings).toBeGreaterThan(0);
    const dir = tmp({
      // errors down to warnings, so that only --max-warnings decides
      'budgetlint.config.json': JSON.stringify({ rules: Object.fromEntries(seed.results[0].diagnostics.filter((d: Json) => d.severity === 'error').map((d: Json) => [d.ruleId, 'warning'])) }),
      'seed.txt': `@${SEED}`,
    });
    const total = (await cli(['check', 'seed.txt', '-f', 'json'], dir));
    const n = JSON.parse(total.out).totals.counts.warning as number;
    expect(total.code).toBe(0);
    expect((await cli(['check', 'seed.txt', '--max-warnings', String(n)], dir)).code).toBe(0);
    expect((await cli(['check', 'seed.txt', '--max-warnings', String(n - 1)], dir)).code).toBe(1);
    const quiet = await cli(['check', 'seed.txt', '-q', '--max-warnings', String(n - 1), '-f', 'json'], dir);
    expect(quiet.code).toBe(1);
    expect(JSON.parse(quiet.out).results[0].diagnostics).toEqual([]);
  });
});

describe('outputs', () => {
  it('writes several formats in one run and annotates with the step summary for GitHub', async () => {
    const dir = tmp({ 'seed.txt': `@${SEED}` });
    const summary = join(dir, 'summary.md');
    const r = await cli(['check', 'seed.txt', '--format', 'github', '--output', 'json:out/report.json', '--output', 'sarif:out/report.sarif', '-o', 'junit:out/junit.xml'], dir, {
      env: { GITHUB_STEP_SUMMARY: summary },
    });
    expect(r.code).toBe(1);
    const json = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8')) as Json;
    const sarif = JSON.parse(readFileSync(join(dir, 'out/report.sarif'), 'utf8')) as Json;
    const n = json.results[0].diagnostics.length;
    expect(sarif.runs[0].results).toHaveLength(n);
    expect(r.out.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(n);
    expect(XMLValidator.validate(readFileSync(join(dir, 'out/junit.xml'), 'utf8'))).toBe(true);
    const md = readFileSync(summary, 'utf8');
    expect(md).toContain(`| seed.txt | ${json.results[0].summary.run} |`);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('seed.txt');
  });

  it('colour only on a terminal and never with NO_COLOR; language from the locale or --lang', async () => {
    const plain = await cli(['check', SEED], ROOT);
    expect(plain.out).not.toMatch(/\u001b\[/);
    const tty = await cli(['check', SEED], ROOT, { tty: true });
    expect(tty.out).toMatch(/\u001b\[/);
    const noColor = await cli(['check', SEED], ROOT, { tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.out).not.toMatch(/\u001b\[/);
    const zh = await cli(['check', SEED], ROOT, { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.out).toMatch(/项规则检查/);
    const en = await cli(['check', SEED, '--lang', 'en'], ROOT, { env: { LANG: 'zh_CN.UTF-8' } });
    expect(en.out).toMatch(/rule instances/);
  });
});

describe('batch', () => {
  it('takes folders and glob patterns; an unmatched pattern is an error of its own', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'docs/sub'), { recursive: true });
    writeFileSync(join(dir, 'docs/b.txt'), readFileSync(CLEAN));
    writeFileSync(join(dir, 'docs/sub/a.txt'), readFileSync(CLEAN));
    writeFileSync(join(dir, 'docs/notes.bin'), 'x');
    const glob = await cli(['check', 'docs/**/*.txt', '-f', 'json'], dir);
    expect(glob.code).toBe(0);
    expect(JSON.parse(glob.out).results.map((r: Json) => r.file)).toEqual(['docs/b.txt', 'docs/sub/a.txt']);
    const folder = await cli(['check', 'docs', '-f', 'json'], dir);
    expect(JSON.parse(folder.out).results.map((r: Json) => r.file)).toEqual(['docs/b.txt', 'docs/sub/a.txt']);
    const none = await cli(['check', 'docs/b.txt', 'nothing/*.pdf', '-f', 'json'], dir);
    expect(none.code).toBe(2);
    expect(JSON.parse(none.out).results[1].fatal.message).toMatch(/nothing\/\*\.pdf: no documents match/);
  });

  it('shows progress on stderr only when stderr is a terminal', async () => {
    const dir = tmp({ 'a.txt': `@${CLEAN}`, 'b.txt': `@${CLEAN}` });
    expect((await cli(['check', 'a.txt', 'b.txt'], dir)).err).toBe('');
    expect((await cli(['check', 'a.txt', 'b.txt'], dir, { tty: true })).err).toMatch(/checked 2\/2 b\.txt/);
  });
});

describe('baseline', () => {
  it('records findings with a reason, suppresses them, keeps them in JSON and reports stale entries', async () => {
    const dir = tmp({ 'seed.txt': `@${SEED}` });
    const noReason = await cli(['check', 'seed.txt', '--baseline', 'bl.json', '--update-baseline'], dir);
    expect(noReason.code).toBe(2);
    expect(noReason.err).toMatch(/need a reason/);
    expect(existsSync(join(dir, 'bl.json'))).toBe(false);

    const update = await cli(['check', 'seed.txt', '--baseline', 'bl.json', '--update-baseline', '--reason', 'accepted by the finance office'], dir);
    expect(update.code).toBe(0);
    const bl = JSON.parse(readFileSync(join(dir, 'bl.json'), 'utf8')) as Json;
    expect(bl.entries.length).toBeGreaterThan(0);
    expect(bl.entries.every((e: Json) => e.reason === 'accepted by the finance office' && e.file === 'seed.txt')).toBe(true);

    const checked = await cli(['check', 'seed.txt', '--baseline', 'bl.json', '-f', 'json'], dir);
    expect(checked.code).toBe(0);
    const out = JSON.parse(checked.out) as Json;
    expect(out.results[0].counts).toEqual({ error: 0, warning: 0, info: 0 });
    expect(out.results[0].diagnostics.length).toBeGreaterThan(0);
    expect(out.results[0].diagnostics.every((d: Json) => d.suppressed?.reason === 'accepted by the finance office')).toBe(true);
    expect(out.baseline).toMatchObject({ file: 'bl.json', stale: [] });

    // an entry that matches nothing any more is stale; a reasonless entry makes the file invalid
    const stale = { file: 'seed.txt', fingerprint: 'abcdefabcdefabcdefabcdef', ruleId: 'table/gone', reason: 'was fixed' };
    writeFileSync(join(dir, 'bl.json'), JSON.stringify({ ...bl, entries: [...bl.entries, stale] }));
    const withStale = JSON.parse((await cli(['check', 'seed.txt', '--baseline', 'bl.json', '-f', 'json'], dir)).out) as Json;
    expect(withStale.baseline.stale).toEqual([stale]);
    const pretty = await cli(['check', 'seed.txt', '--baseline', 'bl.json'], dir);
    expect(pretty.out).toMatch(/1 stale baseline entry[\s\S]*table\/gone/);

    // updating keeps existing reasons and drops the stale entry
    const again = await cli(['check', 'seed.txt', '--baseline', 'bl.json', '--update-baseline'], dir);
    expect(again.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'bl.json'), 'utf8')).entries).toEqual(bl.entries);

    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ version: 1, entries: [{ ...stale, reason: ' ' }] }));
    const bad = await cli(['check', 'seed.txt', '--baseline', 'bad.json'], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/bad\.json: invalid baseline at \/entries\/0\/reason/);
  });
});

describe('rules, explain, init, help', () => {
  it('rules lists every rule with its default severity and description', async () => {
    const r = await cli(['rules', '--format', 'json'], ROOT);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as Json[];
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      expect(row.id).toMatch(/^[a-z-]+\/[a-z0-9-]+$/);
      expect(['error', 'warning', 'info', 'off']).toContain(row.severity);
      expect(row.description.length).toBeGreaterThan(0);
    }
    const text = await cli(['rules'], ROOT);
    for (const row of rows) expect(text.out).toContain(row.id);
  });

  it('explain prints what the rule checks, why, and an example', async () => {
    const rows = JSON.parse((await cli(['rules', '--format', 'json'], ROOT)).out) as Json[];
    const r = await cli(['explain', rows[0].id], ROOT);
    expect(r.code).toBe(0);
    expect(r.out).toContain(rows[0].description);
    expect(r.out).toMatch(/What it checks:[\s\S]*Why:[\s\S]*Default severity:/);
    const zh = await cli(['explain', rows[0].id, '--lang', 'zh'], ROOT);
    expect(zh.out).toMatch(/检查内容[\s\S]*原因/);
  });

  it('init writes a starter config that loads, and refuses to overwrite it without --force', async () => {
    const dir = tmp();
    expect((await cli(['init'], dir)).code).toBe(0);
    const config = loadConfig(undefined, dir);
    expect(config.file).toBe('budgetlint.config.json');
    expect(config.lang).toBe('en');
    const again = await cli(['init'], dir);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already exists[\s\S]*--force/);
    expect((await cli(['init', '--force', '--lang', 'zh'], dir)).code).toBe(0);
    expect(loadConfig(undefined, dir).lang).toBe('zh');
    expect((await cli(['check', CLEAN], dir)).code).toBe(0);
  });

  it('every command has help, with the exit codes documented', async () => {
    const main = await cli(['--help'], ROOT);
    expect(main.code).toBe(0);
    for (const c of ['check', 'parse', 'rules', 'explain', 'init']) expect(main.out).toContain(c);
    expect(main.out).toMatch(/Exit codes:/);
    for (const c of ['check', 'rules', 'explain', 'init']) {
      const h = await cli([c, '--help'], ROOT);
      expect(h.code).toBe(0);
      expect(h.out).toMatch(/Usage: budgetlint/);
    }
    expect((await cli(['check', '--help'], ROOT)).out).toMatch(/--output[\s\S]*--baseline[\s\S]*Exit codes/);
  });

  it("check's help states the batch size from which workers start without --jobs", async () => {
    const help = (await cli(['check', '--help'], ROOT)).out.replace(/\s+/g, ' ');
    expect(help).toContain(`one per ${AUTO_MIN_FILES_PER_WORKER} documents, at most one per core`);
  });
});
