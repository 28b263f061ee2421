/**
 * Bad input never crashes (issue 9): random bytes, truncated and shuffled documents, huge numbers,
 * long lines, broken tables and over-limit files end in a result or a one-line error naming the
 * file (exit 0/1/2), never an exception, a stack trace or a hang. Bounded for the normal suite;
 * scripts/fuzz-long.mjs runs the large cases (100 000-row tables, a 50 MB file).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentResult } from '../../src/engine/diagnostic.js';
import { run } from '../../src/cli/run.js';
import { generateDocument } from '../../src/generate/index.js';
import { MAX_INPUT_BYTES } from '../../src/parsers/index.js';
import { defaultLinter } from '../support/lint.js';

const RUNS = Number(process.env['BUDGETLINT_FUZZ_RUNS'] ?? 15);
const SEED = Number(process.env['BUDGETLINT_PROPERTY_SEED'] ?? 20261127);
const ROOT = new URL('../../', import.meta.url).pathname;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'budgetlint-fuzz-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Checks bytes in memory; the linter must return (never throw) and a fatal message is one line naming the file. */
async function survives(bytes: Uint8Array, file: string): Promise<DocumentResult> {
  const r = await defaultLinter().checkBuffer(bytes, file);
  if (r.fatal) {
    expect(r.fatal.message).not.toContain('\n');
    expect(r.fatal.message.startsWith(file)).toBe(true);
    expect(r.fatal.message).not.toMatch(/internal error/);
  }
  for (const d of r.diagnostics) expect(d.location.file).toBe(file);
  return r;
}

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const base = generateDocument(4242).text;

/** Characters budget documents are made of, for text that looks half like one. */
const budgetChars = fc.constantFrom(...'0123456789,.\t\n 。，、：；“”"（）()万元亿合计类款项其中支出收入预算表单位比上年增加减少%-—'.split(''), '201', '2011301', '合计', '单位：元', '万元，', '2023年部门支出预算总表');

describe('random and malformed input', () => {
  it('random bytes under any extension', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom('.txt', '.md', '.csv', '.tsv', '.dat'), async (bytes, ext) => {
        await survives(bytes, `random${ext}`);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('budget-flavoured random text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(budgetChars, { maxLength: 3000 }), async (parts) => {
        await survives(enc(parts.join('')), 'noise.txt');
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('documents truncated at any byte (also inside a UTF-8 character)', async () => {
    const bytes = enc(base);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: bytes.length }), async (n) => {
        await survives(bytes.subarray(0, n), 'truncated.txt');
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('documents with shuffled, duplicated or deleted lines', async () => {
    const lines = base.split('\n');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: lines.length - 1 }), { minLength: 1, maxLength: lines.length * 2 }), async (order) => {
        await survives(enc(order.map((i) => lines[i]).join('\n')), 'shuffled.txt');
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('deeply broken tables: cells split, merged and shifted', async () => {
    const lines = base.split('\n');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: lines.length - 1 }), fc.constantFrom('drop-tabs', 'add-tabs', 'split', 'title', 'header-only', 'swap')), { minLength: 1, maxLength: 40 }), async (edits) => {
        const out = [...lines];
        for (const [i, how] of edits) {
          const l = out[i] ?? '';
          if (how === 'drop-tabs') out[i] = l.replace(/\t/g, '');
          if (how === 'add-tabs') out[i] = l.replace(/\t/g, '\t\t\t');
          if (how === 'split') out[i] = l.split('\t').join('\n');
          if (how === 'title') out.splice(i, 0, '2023年部门支出预算总表', '单位：元');
          if (how === 'header-only') out.splice(i, 0, '项目\t\t\t支出预算', '类\t款\t项\t\t\t');
          if (how === 'swap') out[i] = l.split('\t').reverse().join('\t');
        }
        await survives(enc(out.join('\n')), 'broken.txt');
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('huge, tiny and malformed numbers', async () => {
    const amounts = fc.constantFrom('9'.repeat(60), `${'9'.repeat(400)}.99`, '1e309', '-0', '0.000000000001', '1,2,3', '１２３，４５６', '(1,000)', '−5', 'NaN', 'Infinity');
    await fc.assert(
      fc.asyncProperty(amounts, amounts, async (a, b) => {
        const text = base.replace(/\d{1,3}(?:,\d{3})+/g, (m, off: number) => (off % 3 === 0 ? a : off % 3 === 1 ? b : m)).replace(/(\d+(?:\.\d+)?)万元/g, `${a}万元`);
        await survives(enc(text), 'numbers.txt');
      }),
      { numRuns: Math.min(RUNS, 6), seed: SEED },
    );
    // one 20 000-digit amount in a table cell and in the narrative
    const giant = '9'.repeat(20000);
    await survives(enc(base.replace(/\d{1,3}(?:,\d{3})+/, giant).replace(/(\d+(?:\.\d+)?)万元/, `${giant}万元`)), 'giant.txt');
  });

  it('very long lines: digits, commas, quotes and 。 with no line break', async () => {
    for (const unit of ['1234567890', ',', '，', '“', '"', '。', '1,', '\t', '万元', '（类）', ' ']) {
      const text = `2023年，本部门收入预算${unit.repeat(Math.ceil(200_000 / unit.length))}万元。\n${unit.repeat(50_000)}`;
      await survives(enc(text), 'long.txt');
    }
  });

  it('a long table (5 000 coded rows) and 2 000 small tables', async () => {
    const rows: string[] = [];
    for (let k = 0; k < 5000; k++) rows.push(`2${String(k % 100).padStart(2, '0')}\t${String((k >> 2) % 100).padStart(2, '0')}\t${String(k % 97).padStart(2, '0')}\t行政运行\t1,000\t1,000\t`);
    await survives(enc(`2023年部门支出预算总表\n单位：元\n项目\t\t\t支出预算\t\t\n功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出\n类\t款\t项\t\t\t\t\n${rows.join('\n')}\n合计\t\t\t\t5,000,000\t5,000,000\t\n`), 'long-table.txt');
    const small = Array.from({ length: 2000 }, (_, i) => `${2000 + (i % 30)}年部门支出预算总表\n单位：元\n合计\t\t\t\t${i}\t${i}\t`);
    await survives(enc(small.join('\n\n')), 'many-tables.txt');
  });
});

describe('the command line on bad input', () => {
  async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await run(['node', 'budgetlint', ...args], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: { NO_COLOR: '1' }, cwd: dir });
    return { code, stdout, stderr };
  }

  it('refuses a file over the documented input limit without reading it', async () => {
    const big = join(dir, 'huge.txt');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, MAX_INPUT_BYTES + 1); // sparse: no disk or memory used (tests/fuzz/big-input.test.ts: the 4 MiB text limit)
    closeSync(fd);
    const r = await cli(['check', '-f', 'json', 'huge.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/huge\.txt: \d+ bytes is over the \d+-byte input limit/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a 50 MB binary file at once (by its size) and a 3 MB one as binary', async () => {
    const bin = join(dir, 'binary.txt');
    const bytes = Buffer.alloc(50 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = (i / 4096) % 256;
    writeFileSync(bin, bytes);
    const r = await cli(['check', 'binary.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^budgetlint: binary\.txt: 52428800 bytes is over the 4194304-byte input limit for text and CSV files/);
    writeFileSync(bin, bytes.subarray(0, 3 * 1024 * 1024));
    const small = await cli(['check', 'binary.txt']);
    expect(small.code).toBe(2);
    expect(small.stderr).toMatch(/binary\.txt: binary data/);
    rmSync(bin);
  });

  it('exit codes 0/1/2 with one-line messages for missing files, folders without documents and bad options', async () => {
    writeFileSync(join(dir, 'ok.txt'), base);
    expect((await cli(['check', 'ok.txt'])).code).toBeLessThanOrEqual(1);
    const missing = await cli(['check', 'nope.txt']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.txt/);
    expect((await cli(['check', '--jobs', 'x', 'ok.txt'])).code).toBe(2);
    expect((await cli(['check', '--format', 'nope', 'ok.txt'])).code).toBe(2);
    for (const r of [missing]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('the built binary prints no stack trace on garbage', () => {
    const garbage = join(dir, 'garbage.txt');
    writeFileSync(garbage, Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)));
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/budgetlint.js'), 'check', garbage], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/garbage\.txt/);
  });
});
