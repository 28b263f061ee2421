import { describe, expect, it } from 'vitest';
import { DocumentCache, endOfDocument, memoByString, oncePer } from '../../src/memo.js';

describe('oncePer', () => {
  it('computes once per key object, including an undefined result', () => {
    const calls: object[] = [];
    const f = oncePer((k: { id: number }) => {
      calls.push(k);
      return k.id === 2 ? undefined : k.id * 10;
    });
    const a = { id: 1 };
    const b = { id: 2 };
    expect([f(a), f(a), f(b), f(b), f({ id: 1 })]).toEqual([10, 10, undefined, undefined, 10]);
    expect(calls).toEqual([a, b, { id: 1 }]);
  });

  it('forgets its results when a document\'s check ends', () => {
    let calls = 0;
    const f = oncePer((k: { id: number }) => ({ id: k.id, call: ++calls }));
    const key = { id: 1 };
    const first = f(key);
    expect(f(key)).toBe(first);
    endOfDocument();
    const second = f(key);
    expect(second).not.toBe(first);
    expect(second).toEqual({ id: 1, call: 2 });
    expect(f(key)).toBe(second);
  });
});

describe('DocumentCache', () => {
  it('holds entries until the document\'s check ends', () => {
    const cache = new DocumentCache<object, string>();
    const k = {};
    cache.set(k, 'v');
    expect([cache.get(k), cache.has(k), cache.has({})]).toEqual(['v', true, false]);
    endOfDocument();
    expect([cache.get(k), cache.has(k)]).toEqual([undefined, false]);
  });
});

describe('memoByString', () => {
  it('computes a short string once, a long one every time, and empties a full cache', () => {
    const seen: string[] = [];
    const f = memoByString((s: string) => {
      seen.push(s);
      return s.toUpperCase();
    }, 5, 2);
    expect([f('ab'), f('ab'), f('abcdef'), f('abcdef')]).toEqual(['AB', 'AB', 'ABCDEF', 'ABCDEF']);
    expect(seen).toEqual(['ab', 'abcdef', 'abcdef']);
    f('cd'); // the cache now holds 2 entries
    f('ef'); // full: emptied, then 'ef' kept
    f('ab');
    expect(seen).toEqual(['ab', 'abcdef', 'abcdef', 'cd', 'ef', 'ab']);
  });

  // that the stored key is a copy cannot be observed: this checks the value only
  it('gives a result equal to its key the key\'s value', () => {
    const f = memoByString((s: string) => s, 100);
    const name = '一般公共服务支出'.repeat(2);
    expect(f(name)).toBe(name);
    expect(f(name)).toBe(name);
  });
});
