import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../src/cli/exit-code.js';
import { localeLang, useColor, type CliIo } from '../../src/cli/io.js';
import { REPORT_FORMATS } from '../../src/cli/formats.js';
import { parseOutputSpec } from '../../src/cli/outputs.js';
import { REPORTERS } from '../../src/reporters/index.js';
import type { DocumentResult } from '../../src/engine/diagnostic.js';
import { JSON_FORMAT_VERSION } from '../../src/reporters/json.js';
import { ROOT } from './support.js';

const result = (counts: DocumentResult['counts'], fatal = false): DocumentResult => ({
  file: 'x.txt',
  diagnostics: [],
  outcomes: [],
  summary: { run: 0, passed: 0, failed: 0, notApplicable: 0, notAssessable: 0 },
  counts,
  ...(fatal ? { fatal: { message: 'x.txt: unreadable' } } : {}),
});

describe('exit code, locale, colour, --output parsing', () => {
  it('exitCodeFor: fatal beats findings; warnings count only beyond --max-warnings', () => {
    expect(exitCodeFor([result({ error: 0, warning: 3, info: 9 })])).toBe(0);
    expect(exitCodeFor([result({ error: 0, warning: 3, info: 0 })], 3)).toBe(0);
    expect(exitCodeFor([result({ error: 0, warning: 3, info: 0 })], 2)).toBe(1);
    expect(exitCodeFor([result({ error: 1, warning: 0, info: 0 })])).toBe(1);
    expect(exitCodeFor([result({ error: 1, warning: 0, info: 0 }), result({ error: 0, warning: 0, info: 0 }, true)])).toBe(2);
  });

  it('localeLang: zh only when LC_ALL / LC_MESSAGES / LANG (first set) starts with zh', () => {
    expect(localeLang({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(localeLang({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(localeLang({ LC_MESSAGES: 'zh_TW' })).toBe('zh');
    expect(localeLang({})).toBe('en');
  });

  it('useColor: TTY only, NO_COLOR and FORCE_COLOR=0 switch it off', () => {
    const io = (env: Record<string, string>, isTTY: boolean): CliIo => ({ stdout: { write: () => true, isTTY }, stderr: { write: () => true }, env, cwd: '/' });
    expect(useColor(io({}, true))).toBe(true);
    expect(useColor(io({}, false))).toBe(false);
    expect(useColor(io({ NO_COLOR: '1' }, true))).toBe(false);
    expect(useColor(io({ FORCE_COLOR: '0' }, true))).toBe(false);
  });

  it('parseOutputSpec splits at the first colon and suggests a format', () => {
    expect(parseOutputSpec('sarif:out/r.sarif', ['json', 'sarif'])).toEqual({ format: 'sarif', file: 'out/r.sarif' });
    expect(parseOutputSpec('json:C:/r.json', ['json'])).toEqual({ format: 'json', file: 'C:/r.json' });
    expect(() => parseOutputSpec('jsno:r.json', ['json', 'sarif'])).toThrow(/did you mean "json"/);
    expect(() => parseOutputSpec('json:', ['json'])).toThrow(/FORMAT:FILE/);
  });

  it('the package ships the JSON report and baseline schemas, and the report schema accepts our version', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('schemas');
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/report.schema.json'), 'utf8')) as { properties: { version: { pattern: string } } };
    expect(JSON_FORMAT_VERSION).toMatch(new RegExp(schema.properties.version.pattern));
    expect(() => JSON.parse(readFileSync(join(ROOT, 'schemas/baseline.schema.json'), 'utf8'))).not.toThrow();
  });

  it('the format names the command line offers without loading the reporters are exactly those of REPORTERS', () => {
    expect(REPORT_FORMATS).toEqual(Object.keys(REPORTERS));
  });
});
