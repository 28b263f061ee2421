/**
 * The terminal report is written while the documents are checked (src/cli/report-streams.ts): its
 * text must be the reporter's for the gathered results, on stdout (coloured or not) and in
 * `--output pretty:FILE`, and the progress line on stderr must never end up inside it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { batchFiles, batchWithBaseline, gatheredResults, referenceReport, referenceRun } from './reference-reports.js';
import { cli, tmp } from './support.js';

/** What a terminal shows after `text`: a carriage return goes back to the start of the line, which later characters overwrite. */
function screen(text: string): string {
  const lines: string[][] = [[]];
  let column = 0;
  for (const ch of text) {
    if (ch === '\n') {
      lines.push([]);
      column = 0;
    } else if (ch === '\r') column = 0;
    else lines[lines.length - 1]![column++] = ch;
  }
  return lines.map((l) => l.join('').trimEnd()).join('\n');
}

describe('terminal report written while checking', () => {
  const { files, names } = batchFiles();

  it("is byte for byte the reporter's text of the gathered results: stdout and file, serial and on workers, baseline, --quiet, --show-passed, colour on and off", async () => {
    const { dir, gathered } = await batchWithBaseline();
    // colour on a terminal (stdout coloured, the file plain), off elsewhere
    const variants: Array<{ jobs: string; args: string[]; tty: boolean }> = [
      { jobs: '1', args: ['--baseline', 'bl.json', '--quiet', '--show-passed'], tty: true },
      { jobs: '2', args: ['--baseline', 'bl.json', '--show-passed'], tty: false },
      { jobs: '2', args: [], tty: true },
    ];
    for (const v of variants) {
      const label = `--jobs ${v.jobs} ${v.args.join(' ')}${v.tty ? ' on a terminal' : ''}`;
      const reference = referenceRun(dir, gathered, { ...(v.args.includes('--baseline') ? { baseline: 'bl.json' } : {}), quiet: v.args.includes('--quiet') });
      const showPassed = v.args.includes('--show-passed');
      const r = await cli(['check', ...names, '--jobs', v.jobs, '-o', 'pretty:out/report.txt', ...v.args], dir, { tty: v.tty });
      expect(r.code, label).toBe(2);
      expect(r.out, label).toBe(referenceReport('pretty', reference, { color: v.tty, showPassed }));
      if (v.tty) expect(r.out, label).toMatch(/\u001b\[/);
      expect(readFileSync(join(dir, 'out/report.txt'), 'utf8'), label).toBe(referenceReport('pretty', reference, { showPassed }));
    }
  });

  it('never shares a line with the progress line when both are on a terminal', async () => {
    const dir = tmp(files);
    const good = names.filter((n) => n.startsWith('d'));
    const reference = referenceReport('pretty', referenceRun(dir, await gatheredResults(dir, good), {}));
    for (const jobs of ['1', '2']) {
      let terminal = '';
      const io: CliIo = {
        stdout: { write: (s: string) => (terminal += s), isTTY: true },
        stderr: { write: (s: string) => (terminal += s), isTTY: true },
        env: { LANG: 'en_US.UTF-8', NO_COLOR: '1' },
        cwd: dir,
      };
      expect(await run(['node', 'budgetlint', 'check', ...good, '--jobs', jobs], io)).toBe(1);
      // the progress line was drawn between sections (serially, after each one), and the screen shows the report alone
      if (jobs === '1') expect(terminal.indexOf(`\rchecked ${good.length - 1}/`)).toBeGreaterThan(terminal.indexOf(good[0]!));
      expect(screen(terminal), `--jobs ${jobs}`).toBe(screen(reference));
    }
  });
});
