import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { batched, WRITE_BATCH, writeChunks, type OutStream } from '../../src/cli/io.js';
import { writeReport } from '../../src/cli/outputs.js';
import { cli, SEED, tmp } from './support.js';

// chalk is loaded only when the report is coloured (a terminal without NO_COLOR); the real module,
// wrapped to record its loading
const { loaded } = vi.hoisted(() => ({ loaded: [] as string[] }));
vi.mock('chalk', async (original: () => Promise<unknown>) => {
  loaded.push('chalk');
  return original();
});

describe('reports are written in pieces, byte for byte as before', () => {
  it('stdout and --output files carry the same bytes for json, sarif and junit', async () => {
    const dir = tmp({ 'seed.txt': `@${SEED}` });
    for (const format of ['json', 'sarif', 'junit']) {
      const r = await cli(['check', 'seed.txt', '-f', format, '--output', `${format}:out/report`], dir);
      expect(r.code).toBe(1);
      expect(r.out.length).toBeGreaterThan(10_000);
      expect(readFileSync(join(dir, 'out/report'), 'utf8'), format).toBe(r.out);
    }
  });

  it('writeChunks waits for drain when the stream is full, and stops when it closes', async () => {
    const stream = new EventEmitter() as EventEmitter & OutStream & { writes: string[]; destroyed: boolean };
    stream.writes = [];
    stream.destroyed = false;
    stream.write = (s: string) => (stream.writes.push(s), false); // always full
    const pieces = Array.from({ length: 5 }, (_, i) => 'x'.repeat(WRITE_BATCH) + i); // one write each, each one fills the stream
    const done = writeChunks(stream, pieces);
    await new Promise((r) => setImmediate(r));
    expect(stream.writes).toHaveLength(1); // waiting for 'drain'
    stream.emit('drain');
    await new Promise((r) => setImmediate(r));
    expect(stream.writes).toHaveLength(2);
    for (let i = 0; i < 4; i++) {
      stream.emit('drain');
      await new Promise((r) => setImmediate(r));
    }
    await done;
    expect(stream.writes).toEqual(pieces);
    expect(stream.writes.join('')).toBe(pieces.join(''));
    expect(stream.listenerCount('drain') + stream.listenerCount('close') + stream.listenerCount('error')).toBe(0);

    const closing = writeChunks(stream, pieces);
    stream.destroyed = true;
    stream.emit('close');
    await closing;
    expect(stream.writes).toEqual([...pieces, pieces[0]]);
  });

  it('pieces are gathered into writes of about WRITE_BATCH characters; a small report is one write', () => {
    expect([...batched(['a', '', 'b'])]).toEqual(['ab']);
    const pieces = Array.from({ length: 3_000 }, (_, i) => String(i % 10).repeat(1_000));
    const big = [...batched(pieces)];
    const per = Math.ceil(WRITE_BATCH / 1_000) * 1_000;
    expect(big.map((s) => s.length)).toEqual([...Array(Math.floor(3_000_000 / per)).fill(per), 3_000_000 % per].filter((n) => n > 0));
    expect(big.join('')).toBe(pieces.join(''));
  });

  it('writeReport appends when asked and names the file it cannot write', () => {
    const dir = tmp();
    writeReport(dir, 'a/b.md', ['one', ' two'], false);
    writeReport(dir, 'a/b.md', 'three', true);
    expect(readFileSync(join(dir, 'a/b.md'), 'utf8')).toBe('one twothree');
    expect(() => writeReport(dir, 'a', 'x')).toThrow(/^a: cannot write report \(EISDIR\)$/);
  });
});

describe('chalk is loaded only for a coloured report', () => {
  it('json, a pipe and NO_COLOR need no chalk; a terminal does', async () => {
    expect((await cli(['check', SEED, '-f', 'json'], tmp(), { tty: true })).code).toBe(1);
    const piped = await cli(['check', SEED], tmp());
    expect(piped.out).toMatch(/rule instances/);
    expect(piped.out).not.toMatch(/\u001b\[/);
    const noColor = await cli(['check', SEED], tmp(), { tty: true, env: { NO_COLOR: '1' } });
    expect(noColor.out).toBe(piped.out);
    expect(loaded).toEqual([]);
    const terminal = await cli(['check', SEED], tmp(), { tty: true });
    expect(terminal.out).toMatch(/\u001b\[31m✖ error\u001b\[39m/);
    expect(terminal.out.replace(/\u001b\[\d+m/g, '')).toBe(piped.out);
    expect(loaded).toEqual(['chalk']);
  });
});
