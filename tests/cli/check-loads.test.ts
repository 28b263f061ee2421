import { describe, expect, it, vi } from 'vitest';
import { ajvLoaded } from '../../src/config/ajv.js';
import { cli, ROOT, SEED } from './support.js';

// A plain `check` of one document loads neither Ajv (the built-in rules are trusted; Ajv is loaded
// only for a user's rule file or config), nor the glob library (no pattern), nor the worker pool (one
// document), nor the baseline code. The modules below are the real ones, wrapped to record their loading.
const { loaded, spy } = vi.hoisted(() => {
  const loaded: string[] = [];
  const spy = (name: string) => async (original: () => Promise<unknown>) => {
    loaded.push(name);
    return original();
  };
  return { loaded, spy };
});
vi.mock('tinyglobby', spy('tinyglobby'));
vi.mock('../../src/batch/pool.js', spy('batch/pool'));
vi.mock('../../src/baseline/baseline.js', spy('baseline'));

describe('check loads what the run needs', () => {
  it('check one document: no Ajv, glob library, worker pool or baseline code', async () => {
    const r = await cli(['check', SEED], ROOT);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/rule instances/);
    expect(loaded).toEqual([]);
    expect(ajvLoaded()).toBe(false);
  });

  it('a glob pattern and a user rule file load what they need', async () => {
    const r = await cli(['check', 'fixtures/seed/*.txt', '-f', 'json', '--rule-file', 'fixtures/expression/worked-examples.rules.json'], ROOT);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).results).toHaveLength(1);
    expect(loaded).toEqual(['tinyglobby']);
    expect(ajvLoaded()).toBe(true);
  });
});
