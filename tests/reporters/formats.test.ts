import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, DiagnosticLocation, DocumentResult } from '../../src/engine/diagnostic.js';
import { escapeData, escapeProperty } from '../../src/reporters/github.js';
import { REPORTERS, type RunResult } from '../../src/reporters/index.js';
import { jsonLocation, LOCATION_KEYS, LOCATION_ORDER } from '../../src/reporters/json.js';
import { FINGERPRINT_KEY } from '../../src/reporters/sarif.js';
import { reportValidator, sarifValidator, seedResult, syntheticRun } from './support.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const render = (format: string, run: RunResult, lang: 'zh' | 'en' = 'en', extra: { showPassed?: boolean; color?: boolean } = {}): string =>
  REPORTERS[format]!(run, { lang, color: extra.color ?? false, ...(extra.showPassed ? { showPassed: true } : {}) });

const open = (r: DocumentResult): Diagnostic[] => r.diagnostics.filter((d) => !d.suppressed);

/** Structural properties every format must keep, whatever the rules find. */
function checkJson(run: RunResult): void {
  const out = JSON.parse(render('json', run)) as Json;
  const validate = reportValidator();
  expect(validate(out), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  expect(out.results.map((r: Json) => r.file)).toEqual(run.results.map((r) => r.file));
  for (const r of out.results) {
    const counts = { error: 0, warning: 0, info: 0 } as Record<string, number>;
    for (const d of r.diagnostics) if (!d.suppressed) counts[d.severity]!++;
    expect(r.counts).toEqual(counts);
    const s = r.summary;
    expect(s.run).toBe(s.passed + s.failed + s.notApplicable + s.notAssessable);
    expect(s.run).toBe(r.outcomes.length);
    for (const d of r.diagnostics) {
      expect(typeof d.location.file).toBe('string');
      // issue 2: the six location keys are always there, null where they do not apply
      for (const loc of [d.location, ...d.related.map((x: Json) => x.location)]) expect(Object.keys(loc)).toEqual(expect.arrayContaining([...LOCATION_KEYS]));
    }
    for (const o of r.outcomes) if (o.location) expect(Object.keys(o.location)).toEqual(expect.arrayContaining([...LOCATION_KEYS]));
  }
  expect(out.totals.documents).toBe(run.results.length);
  expect(out.totals.counts.error).toBe(out.results.reduce((n: number, r: Json) => n + r.counts.error, 0));
  expect(out.totals.summary.run).toBe(out.results.reduce((n: number, r: Json) => n + r.summary.run, 0));
}

function checkSarif(run: RunResult): Json {
  const log = JSON.parse(render('sarif', run)) as Json;
  const validate = sarifValidator();
  expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  const sarifRun = log.runs[0];
  const all = run.results.flatMap((r) => r.diagnostics);
  expect(sarifRun.results).toHaveLength(all.length);
  const ruleIds = sarifRun.tool.driver.rules.map((r: Json) => r.id);
  expect(ruleIds).toEqual(run.rules.map((r) => r.id));
  for (const rule of sarifRun.tool.driver.rules) {
    expect(rule.help.text.length).toBeGreaterThan(0);
    expect(rule.shortDescription.text.length).toBeGreaterThan(0);
  }
  sarifRun.results.forEach((res: Json, i: number) => {
    const d = all[i]!;
    expect(res.ruleId).toBe(d.ruleId);
    if (run.rules.length > 0) expect(ruleIds[res.ruleIndex]).toBe(d.ruleId);
    expect(res.partialFingerprints[FINGERPRINT_KEY]).toBe(d.fingerprint);
    const phys = res.locations[0].physicalLocation;
    expect(phys.region.startLine).toBeGreaterThanOrEqual(1);
    const uri: string = phys.artifactLocation.uri;
    // a valid URI reference: nothing outside the URI character set, relative unless a file: URL
    expect(uri).toMatch(/^[A-Za-z0-9\-._~%!$&'()*+,;=:@/]+$/);
    if (!uri.startsWith('file:')) {
      expect(uri.startsWith('/')).toBe(false);
      expect(phys.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(decodeURIComponent(uri)).toBe(d.location.file);
    }
    expect(sarifRun.artifacts[phys.artifactLocation.index].location.uri).toBe(uri);
    expect(res.relatedLocations?.length ?? 0).toBe(d.related.length);
    if (d.location.table !== undefined) expect(res.locations[0].logicalLocations[0].fullyQualifiedName).toContain(d.location.row ?? d.location.table);
    expect(res.suppressions !== undefined).toBe(d.suppressed !== undefined);
  });
  const fatal = run.results.filter((r) => r.fatal).length;
  expect(sarifRun.invocations[0].executionSuccessful).toBe(fatal === 0);
  expect(sarifRun.invocations[0].toolExecutionNotifications).toHaveLength(fatal);
  return log;
}

function checkJunit(run: RunResult): void {
  const xml = render('junit', run);
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name) }).parse(xml) as Json;
  const suites = doc.testsuites.testsuite as Json[];
  expect(suites.map((s) => s.name)).toEqual(run.results.map((r) => r.file));
  let tests = 0;
  suites.forEach((s, i) => {
    const r = run.results[i]!;
    const cases = (s.testcase ?? []) as Json[];
    expect(Number(s.tests)).toBe(cases.length);
    tests += cases.length;
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    if (r.fatal) {
      expect(Number(s.errors)).toBe(1);
      return;
    }
    expect(cases).toHaveLength(r.outcomes.length);
    const failing = r.outcomes.filter((o) => o.status === 'fail' && r.diagnostics.some((d) => d.ruleId === o.ruleId && d.instance === o.instance && !d.suppressed));
    expect(Number(s.failures)).toBe(failing.length);
    expect(cases.filter((c) => c.failure !== undefined)).toHaveLength(failing.length);
    expect(Number(s.skipped)).toBe(cases.filter((c) => c.skipped !== undefined).length);
    for (const c of cases.filter((x) => x.failure !== undefined)) {
      const o = r.outcomes.find((x) => `${x.ruleId} [${x.instance}]` === c.name)!;
      const d = open(r).find((x) => x.ruleId === o.ruleId && x.instance === o.instance)!;
      expect(String(c.failure['#text'] ?? '')).toContain(d.message.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, ''));
    }
  });
  expect(Number(doc.testsuites.tests)).toBe(tests);
}

function checkGithub(run: RunResult): void {
  const lines = render('github', run).trimEnd().split('\n');
  const annotations = lines.filter((l) => l.startsWith('::'));
  const expected = run.results.reduce((n, r) => n + open(r).length + (r.fatal ? 1 : 0), 0);
  expect(annotations).toHaveLength(expected);
  for (const a of annotations) expect(a).toMatch(/^::(error|warning|notice) file=[^,:\n]+(,[a-zA-Z]+=[^,:\n]*)*::[^\n]+$/);
}

describe('reporters on the seed', () => {
  it('JSON validates against the shipped schema and its counts agree with its findings', async () => {
    checkJson(await seedResult());
  });

  it('SARIF validates against the official SARIF 2.1.0 schema and carries every finding and rule', async () => {
    checkSarif(await seedResult());
  });

  it('JUnit is well-formed XML with a suite per document and a case per rule instance', async () => {
    checkJunit(await seedResult());
  });

  it('GitHub annotations: one workflow command per finding', async () => {
    checkGithub(await seedResult());
  });

  it('pretty: no escape codes without colour, some with it; --show-passed lists every rule instance', async () => {
    const run = await seedResult();
    expect(render('pretty', run)).not.toMatch(/\u001b\[/);
    expect(render('pretty', run, 'en', { color: true })).toMatch(/\u001b\[/);
    const r = run.results[0]!;
    const listed = render('pretty', run, 'en', { showPassed: true }).split('\n');
    expect(listed.filter((l) => /^ {4}✔ pass {2}/.test(l))).toHaveLength(r.summary.passed);
    expect(listed.filter((l) => /^ {4}✖ fail {2}/.test(l))).toHaveLength(r.summary.failed);
    const summaryLine = `${r.summary.run} rule instances: ${r.summary.passed} passed, ${r.summary.failed} failed`;
    expect(render('pretty', run)).toContain(summaryLine);
    for (const d of open(r)) expect(render('pretty', run)).toContain(d.message);
  });

  it('Markdown summary carries the full counts', async () => {
    const run = await seedResult();
    const md = render('markdown', run);
    const r = run.results[0]!;
    expect(md).toContain(`| ${r.file} | ${r.summary.run} | ${r.summary.passed} | ${r.summary.failed} |`);
    expect(md).toContain(`${r.counts.error} error`);
  });

  // Snapshots change when rules change: refresh with `npx vitest run tests/reporters -u`.
  for (const [format, lang] of [['pretty', 'en'], ['pretty', 'zh'], ['json', 'en'], ['sarif', 'en'], ['junit', 'en'], ['github', 'en'], ['markdown', 'zh']] as const) {
    it(`snapshot: ${format} (${lang})`, async () => {
      const ext = { pretty: 'txt', json: 'json', sarif: 'sarif', junit: 'xml', github: 'txt', markdown: 'md' }[format];
      await expect(render(format, await seedResult(lang), lang)).toMatchFileSnapshot(`__snapshots__/seed.${format}.${lang}.${ext}`);
    });
  }
});

describe('the validators themselves', () => {
  it('reject a SARIF log with startLine 0 and a JSON report without counts', async () => {
    const log = JSON.parse(render('sarif', syntheticRun())) as Json;
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(sarifValidator()(log)).toBe(false);
    const out = JSON.parse(render('json', await seedResult())) as Json;
    delete out.results[0].counts;
    expect(reportValidator()(out)).toBe(false);
  });

  it('reject a location without one of its six keys (1.2.0), accept null for them', () => {
    const out = JSON.parse(render('json', syntheticRun())) as Json;
    expect(reportValidator()(out)).toBe(true);
    const loc = out.results[1].diagnostics[1].location;
    expect(loc).toMatchObject({ table: null, row: null, field: null });
    for (const key of LOCATION_KEYS) {
      const copy = structuredClone(out) as Json;
      delete copy.results[1].diagnostics[1].location[key];
      expect(reportValidator()(copy), key).toBe(false);
    }
    out.results[1].diagnostics[1].location.page = null; // the other keys are never null: absent when they do not apply
    expect(reportValidator()(out)).toBe(false);
  });
});

describe('reporters on edge cases (unreadable document, PDF page, sheet cell, suppressed finding, escaping)', () => {
  const run = syntheticRun();

  // These do not depend on the rule set: they change only when a reporter changes.
  for (const format of ['pretty', 'json', 'sarif', 'junit', 'github', 'markdown'] as const) {
    it(`snapshot: ${format} of the hand-made run`, async () => {
      const ext = { pretty: 'txt', json: 'json', sarif: 'sarif', junit: 'xml', github: 'txt', markdown: 'md' }[format];
      await expect(render(format, run, 'en', { showPassed: true })).toMatchFileSnapshot(`__snapshots__/synthetic.${format}.${ext}`);
    });
  }

  it('JSON locations: the six keys always, null where they do not apply; page, sheet, cell, tableKind as before', () => {
    const out = JSON.parse(render('json', run)) as Json;
    const [pdf, xlsx] = out.results as Json[];
    expect(pdf.diagnostics[0].location).toEqual({ file: 'docs/预算 2024.pdf', page: 3, line: 14, column: 2, table: '收支总表', tableKind: 'T1', row: '一、财政拨款收入', field: '本年收入/预算数' });
    expect(pdf.diagnostics[0].related[0].location).toEqual({ file: 'docs/预算 2024.pdf', page: 3, line: 15, column: null, table: null, row: null, field: null });
    expect(xlsx.diagnostics[0].location).toEqual({ file: '/elsewhere/book.xlsx', sheet: 'Sheet1', line: null, column: null, cell: 'C12', table: 'T2 表', row: null, field: null });
    expect(xlsx.diagnostics[1].location).toEqual({ file: 'notes/text.md', line: 5, column: 14, table: null, row: null, field: null });
    // key order: file, page, sheet, line, column, endLine, endColumn, cell, table, tableKind, row, field
    expect(Object.keys(xlsx.diagnostics[0].location)).toEqual(['file', 'sheet', 'line', 'column', 'cell', 'table', 'row', 'field']);
    expect(out.version).toBe('1.2.0');
  });

  it('jsonLocation: every combination of keys in the same order, the six always, nothing else', () => {
    const values: Record<string, string | number> = { file: 'f', page: 2, sheet: 'S', line: 3, column: 4, endLine: 5, endColumn: 6, cell: 'B2', table: 't', tableKind: 'T1', row: 'r', field: 'c' };
    const optional = LOCATION_ORDER.filter((k) => k !== 'file');
    for (let mask = 0; mask < 1 << optional.length; mask++) {
      const loc: Record<string, string | number> = { file: 'f' };
      // built in a shuffled order: the report's order does not depend on it
      for (const k of [...optional].reverse()) if (mask & (1 << optional.indexOf(k))) loc[k] = values[k]!;
      const out = jsonLocation(loc as unknown as DiagnosticLocation);
      const expected = LOCATION_ORDER.filter((k) => k in loc || (LOCATION_KEYS as readonly string[]).includes(k));
      expect(Object.keys(out)).toEqual(expected);
      for (const k of expected) expect(out[k]).toBe(loc[k] ?? null);
    }
  });

  it('JSON keeps suppressed findings marked and validates', () => {
    checkJson(run);
    const out = JSON.parse(render('json', run)) as Json;
    expect(out.results[0].diagnostics[1].suppressed).toEqual({ reason: 'known typo, fixed next year' });
    expect(out.results[2].fatal.message).toContain('broken.pdf');
    expect(out.baseline.stale).toHaveLength(1);
  });

  it('SARIF is valid, encodes URIs, uses line 1 for pages and cells, marks suppressions', () => {
    const log = checkSarif(run);
    const results = log.runs[0].results as Json[];
    expect(results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('docs/%E9%A2%84%E7%AE%97%202024.pdf');
    expect(results[0].locations[0].physicalLocation.region).toEqual({ startLine: 1 });
    expect(results[0].locations[0].physicalLocation.properties).toMatchObject({ page: 3, line: 14 });
    expect(results[0].message.text).toContain('page 3 line 14:2');
    expect(results[1].suppressions[0]).toMatchObject({ kind: 'external', justification: 'known typo, fixed next year' });
    expect(results[2].locations[0].physicalLocation.artifactLocation.uri).toBe('file:///elsewhere/book.xlsx');
    expect(results[2].level).toBe('note');
  });

  it('JUnit escapes text, reports the unreadable document as an error and the suppressed one as skipped', () => {
    checkJunit(run);
    const xml = render('junit', run);
    expect(xml).toContain('&lt;b&gt; &amp; &quot;c&quot;');
    expect(xml).not.toContain('\u0007');
    expect(xml).toMatch(/<skipped message="suppressed by baseline: known typo/);
    expect(xml).toMatch(/<error message="broken.pdf: not a PDF file"/);
  });

  it('GitHub commands escape data and properties; suppressed findings are left out', () => {
    checkGithub(run);
    const out = render('github', run);
    expect(out).toContain('::error file=docs/预算 2024.pdf,title=table/demo::a <b> & "c" \'d\' 50%25 of x: y, z%0Asecond line');
    expect(out).toContain('::notice file=/elsewhere/book.xlsx,title=table/demo::demo finding (Sheet1!C12)');
    expect(out).not.toContain('accepted');
    expect(escapeData('50%\r\n')).toBe('50%25%0D%0A');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });

  it('pretty and Markdown show the unreadable document, suppressed count and stale entries', () => {
    const pretty = render('pretty', run);
    expect(pretty).toContain('broken.pdf: not a PDF file');
    expect(pretty).toContain('1 suppressed by baseline');
    expect(pretty).toContain('1 stale baseline entry');
    // document text cannot drive the terminal: control characters are dropped, line breaks indented
    expect(pretty).not.toContain('\u0007');
    expect(pretty).toContain('50% of x: y, z\n      second line');
    expect(pretty).toContain('expected 1,234.50 万元 · actual 1,234.05 万元 · difference -0.45 万元');
    expect(pretty).toContain('page 3 line 14:2 · row 一、财政拨款收入 · column 本年收入/预算数');
    expect(pretty).toContain('Sheet1!C12');
    // positions in another file of the same document name that file; CSV cells show their reference
    expect(pretty).toContain('notes/text.md line 5:14');
    expect(pretty).toContain('T3 201 / 合计 = 12.00 万元 (folder/03.csv line 7 (E7))');
    const md = render('markdown', run);
    expect(md).toContain('3 documents (1 unreadable)');
    expect(md).toContain('| notes/text.md line 5:14 |');
    expect(md).toContain('a <b> & "c" \'d\' 50% of x: y, z<br>second line');
  });
});
