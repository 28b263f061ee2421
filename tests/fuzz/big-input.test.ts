/**
 * Big inputs stay bounded (issue 9): the documented size limits, lines too wide to be a table, long
 * tables, many documents in one file and floods of one finding. Each case is small enough for the
 * normal suite; scripts/fuzz-long.mjs runs the full-size ones (100 000 rows, 4 MiB, 50 MB). Nothing
 * here depends on timing: the assertions are on exit codes, messages and finding counts.
 */
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FINDINGS_PER_TABLE, MAX_RELATED } from '../../src/checks/catalog/coded-tables.js';
import { MAX_FINDINGS_PER_RULE } from '../../src/engine/report-cap.js';
import { run } from '../../src/cli/run.js';
import type { DocumentResult } from '../../src/engine/diagnostic.js';
import { generateDocument } from '../../src/generate/index.js';
import { decodeText } from '../../src/parsers/decode.js';
import { inputLimit, MAX_INPUT_BYTES, MAX_TEXT_INPUT_BYTES } from '../../src/parsers/index.js';
import { MAX_FIELDS_PER_LINE } from '../../src/parsers/text.js';
import { defaultLinter } from '../support/lint.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'budgetlint-big-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(['node', 'budgetlint', ...args], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: { NO_COLOR: '1' }, cwd: dir });
  return { code, stdout, stderr };
}

/** A sparse file of `size` bytes: no disk or memory used. */
function sparse(name: string, size: number): void {
  const fd = openSync(join(dir, name), 'w');
  ftruncateSync(fd, size);
  closeSync(fd);
}

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const check = (text: string, file = 'big.txt'): Promise<DocumentResult> => defaultLinter().checkBuffer(enc(text), file);
const count = (r: DocumentResult, ruleId: string, messageId?: string): number => r.diagnostics.filter((d) => d.ruleId === ruleId && (messageId === undefined || d.messageId === messageId)).length;

describe('size limits (README: 4 MiB for text and CSV, 64 MiB for PDF and XLSX)', () => {
  it('limits by kind of input', () => {
    expect(MAX_TEXT_INPUT_BYTES).toBe(4 * 1024 * 1024);
    expect(MAX_INPUT_BYTES).toBe(64 * 1024 * 1024);
    for (const f of ['a.txt', 'a.md', 'a.tsv', 'a.csv', 'a.CSV', 'a.dat', 'noext']) expect(inputLimit(f).bytes, f).toBe(MAX_TEXT_INPUT_BYTES);
    for (const f of ['a.pdf', 'a.PDF', 'a.xlsx']) expect(inputLimit(f).bytes, f).toBe(MAX_INPUT_BYTES);
  });

  it('a text-like file one byte over 4 MiB is refused before reading: exit 2, one line naming it', async () => {
    for (const name of ['over.txt', 'over.csv', 'over.md', 'over.dat']) {
      sparse(name, MAX_TEXT_INPUT_BYTES + 1);
      const r = await cli(['check', '-f', 'json', name]);
      expect(r.code, name).toBe(2);
      expect(r.stderr).toBe(`budgetlint: ${name}: ${MAX_TEXT_INPUT_BYTES + 1} bytes is over the ${MAX_TEXT_INPUT_BYTES}-byte input limit for text and CSV files (4 MiB)\n`);
      expect(JSON.parse(r.stdout).results[0].fatal.message).toMatch(new RegExp(`^${name.replace('.', '\\.')}: `));
      rmSync(join(dir, name));
    }
  });

  it('exactly 4 MiB of text is read', async () => {
    const text = `${generateDocument(11).text}\n`;
    const padded = text + ' '.repeat(MAX_TEXT_INPUT_BYTES - enc(text).length);
    expect(enc(padded).length).toBe(MAX_TEXT_INPUT_BYTES);
    const r = await check(padded);
    expect(r.fatal).toBeUndefined();
  });

  it('bytes in memory and decoded text (a CSV folder’s narrative, a user catalog) have the same limit', async () => {
    const bytes = new Uint8Array(MAX_TEXT_INPUT_BYTES + 10).fill(0x20);
    const r = await defaultLinter().checkBuffer(bytes, 'mem.txt');
    expect(r.fatal?.message).toBe(`mem.txt: ${MAX_TEXT_INPUT_BYTES + 10} bytes is over the ${MAX_TEXT_INPUT_BYTES}-byte input limit for text and CSV files (4 MiB)`);
    expect(() => decodeText(bytes, 'folder/text.md')).toThrow(/^folder\/text\.md: \d+ bytes is over the 4194304-byte input limit/);
  });

  it('a PDF between the two limits is not refused for its size; one over 64 MiB is', async () => {
    sparse('mid.pdf', MAX_TEXT_INPUT_BYTES + 1);
    const mid = await cli(['check', 'mid.pdf']);
    expect(mid.code).toBe(2); // zeros are no PDF: refused as such, not for the size
    expect(mid.stderr).toMatch(/^budgetlint: mid\.pdf: /);
    expect(mid.stderr).not.toMatch(/input limit/);
    expect(mid.stderr.trim().split('\n')).toHaveLength(1);
    sparse('huge.pdf', MAX_INPUT_BYTES + 1);
    const huge = await cli(['check', 'huge.pdf']);
    expect(huge.code).toBe(2);
    expect(huge.stderr).toBe(`budgetlint: huge.pdf: ${MAX_INPUT_BYTES + 1} bytes is over the ${MAX_INPUT_BYTES}-byte input limit for PDF and XLSX files (64 MiB)\n`);
  });
});

describe('lines too wide to be a table row', () => {
  const doc = (fields: number): string => `2023年部门支出预算总表\n单位：元\n${Array.from({ length: fields }, () => '1').join('\t')}\n`;

  it(`${MAX_FIELDS_PER_LINE} tab-separated fields are read; one more refuses the file naming the line`, async () => {
    expect((await check(doc(MAX_FIELDS_PER_LINE))).fatal).toBeUndefined();
    const r = await check(doc(MAX_FIELDS_PER_LINE + 1), 'wide.txt');
    expect(r.fatal?.message).toBe(`wide.txt: line 3 has ${MAX_FIELDS_PER_LINE + 1} tab-separated fields; not a budget table line (a table has a few dozen columns; the limit is ${MAX_FIELDS_PER_LINE})`);
  });
});

describe('a long table lists a bounded number of catalog findings', () => {
  // 300 项 rows 2010201 under 款 20101: each stands under the wrong 款, and the code repeats 300 times
  const rows = ['201\t\t\t一般公共服务支出\t300\t300\t', '201\t01\t\t人大事务\t0\t0\t'];
  for (let k = 0; k < 300; k++) rows.push('201\t02\t01\t行政运行\t1\t1\t');
  const text = `2023年部门支出预算总表\n单位：元\n项目\t\t\t支出预算\t\t\n功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出\n类\t款\t项\t\t\t\t\n${rows.join('\n')}\n合计\t\t\t\t300\t300\t\n`;

  it(`code-parent: the first ${MAX_FINDINGS_PER_TABLE} rows, then one finding counting the other ${300 - MAX_FINDINGS_PER_TABLE}`, async () => {
    const r = await check(text);
    expect(count(r, 'catalog/code-parent', 'notUnder')).toBe(MAX_FINDINGS_PER_TABLE);
    const more = r.diagnostics.filter((d) => d.ruleId === 'catalog/code-parent' && d.messageId === 'more');
    expect(more).toHaveLength(1);
    expect(more[0]!.data).toEqual({ count: 300 - MAX_FINDINGS_PER_TABLE, max: MAX_FINDINGS_PER_TABLE });
    expect(more[0]!.message).toBe(`${300 - MAX_FINDINGS_PER_TABLE} more findings of this kind in this table are not listed (at most ${MAX_FINDINGS_PER_TABLE} per table)`);
    // it points at the first row not listed (rows start on line 8)
    expect(more[0]!.location.line).toBe(8 + MAX_FINDINGS_PER_TABLE);
    // the rows not listed fail as one instance: outcomes stay bounded too
    const fails = r.outcomes.filter((o) => o.ruleId === 'catalog/code-parent' && o.status === 'fail');
    expect(fails).toHaveLength(MAX_FINDINGS_PER_TABLE + 1);
  });

  it(`duplicate-code: one finding with the count and at most ${MAX_RELATED} related places`, async () => {
    const r = await check(text);
    const dup = r.diagnostics.filter((d) => d.ruleId === 'catalog/duplicate-code');
    expect(dup).toHaveLength(1);
    expect(dup[0]!.data['count']).toBe(300);
    expect(dup[0]!.related).toHaveLength(MAX_RELATED);
  });
});

describe('many documents in one file', () => {
  it('a narrative amount is compared with one cell per table kind, not the sum over every copy', async () => {
    const text = Array.from({ length: 6 }, (_, i) => generateDocument(300 + i).text).join('\n');
    const r = await check(text);
    expect(r.fatal).toBeUndefined();
    const amounts = r.diagnostics.filter((d) => d.ruleId === 'narrative/amount-matches-table');
    expect(amounts.length).toBeGreaterThan(0); // documents 2–6 are compared with document 1's tables
    for (const d of amounts) expect(d.related.length).toBeLessThanOrEqual(3); // T5 + T6 + T7 at most
  });
});

describe('a flood of one finding is listed up to a bound per rule and document', () => {
  it(`${MAX_FINDINGS_PER_RULE + 200} headings with the wrong year: ${MAX_FINDINGS_PER_RULE} findings and one counting the rest`, async () => {
    const base = generateDocument(12).text;
    const year = Number(/(20\d{2})年/.exec(base)![1]);
    const heads = Array.from({ length: MAX_FINDINGS_PER_RULE + 200 }, () => `${year - 3}年部门预算\n`).join('\n');
    const r = await check(`${base}\n${heads}`);
    expect(count(r, 'structure/title-year', 'wrongYear')).toBe(MAX_FINDINGS_PER_RULE);
    const more = r.diagnostics.filter((d) => d.ruleId === 'structure/title-year' && d.messageId === 'moreFindings');
    expect(more).toHaveLength(1);
    expect(more[0]!.data).toEqual({ count: 200, max: MAX_FINDINGS_PER_RULE });
    expect(more[0]!.severity).toBe(r.diagnostics.find((d) => d.messageId === 'wrongYear')!.severity); // the rule's
    expect(more[0]!.message).toBe(`200 more findings of this rule are not listed one by one (at most ${MAX_FINDINGS_PER_RULE} per document)`);
  });
});
