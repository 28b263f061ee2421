import { isUtf8 } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { decodeText, looksBinary, validUtf8 } from '../../src/parsers/decode.js';

/** Code points drawn from every UTF-8 length, with the edges (surrogate neighbours, BOM, noncharacters). */
function randomText(rng: Rng, length: number): string {
  const edges = [0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xfeff, 0xfffd, 0xfffe, 0xffff, 0x10000, 0x10ffff];
  let s = '';
  for (let i = 0; i < length; i++) {
    const r = rng.next();
    const cp =
      r < 0.3 ? rng.int(0x20, 0x7e) : r < 0.35 ? rng.pick([0x09, 0x0a, 0x0d]) : r < 0.7 ? rng.int(0x4e00, 0x9fff) : r < 0.8 ? rng.int(0x80, 0x7ff) : r < 0.9 ? rng.pick(edges) : rng.int(0x10000, 0x10ffff);
    s += String.fromCodePoint(cp);
  }
  return s;
}

describe('validUtf8 (the fast UTF-8 decode)', () => {
  it('gives the string a fatal TextDecoder gives, on many random texts', () => {
    // ignoreBOM: a leading U+FEFF is text here (decodeText takes a byte-order mark off before)
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const rng = new Rng(20261127);
    for (let n = 0; n < 2000; n++) {
      const bytes = new Uint8Array(Buffer.from(randomText(rng, rng.int(0, 300))));
      // a view into a larger buffer, as Node's pooled reads give
      const offset = rng.int(0, 7);
      const big = new Uint8Array(bytes.length + offset + 3);
      big.set(bytes, offset);
      const view = big.subarray(offset, offset + bytes.length);
      expect(validUtf8(view)).toBe(decoder.decode(bytes));
    }
  });

  it('decodeText takes random bytes as TextDecoder judges them: UTF-8 when valid, else not', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const rng = new Rng(7);
    for (let n = 0; n < 2000; n++) {
      const bytes = new Uint8Array(Buffer.from('预算 ' + randomText(rng, rng.int(1, 60))));
      // corrupt a few bytes in half the cases (kept out of the control range so the input stays text)
      if (rng.chance(0.5)) for (let k = rng.int(1, 3); k > 0; k--) bytes[rng.int(0, bytes.length - 1)] = rng.int(0x80, 0xff);
      let expected: string | undefined;
      try {
        expected = decoder.decode(bytes);
      } catch {
        expected = undefined;
      }
      expect(isUtf8(bytes)).toBe(expected !== undefined);
      if (expected === undefined) continue;
      expect(decodeText(bytes, 'x.txt')).toEqual({ text: expected, encoding: 'utf-8' });
    }
  });
});

/** The byte loop looksBinary replaced. */
function looksBinaryByLoop(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return n > 0 && control / n > 0.05;
}

describe('looksBinary (native searches)', () => {
  it('judges random bytes as the byte loop does, around the 5 % control-character threshold', () => {
    const rng = new Rng(99);
    for (let n = 0; n < 3000; n++) {
      const length = rng.pick([0, 1, 2, 50, 400, 8191, 8192, 8193, 9000]);
      const controlShare = rng.pick([0, 0.01, 0.04, 0.05, 0.06, 0.2]);
      const withNul = rng.chance(0.05);
      // a view at an offset into a larger buffer, as Node's pooled reads give
      const offset = rng.int(0, 5);
      const bytes = new Uint8Array(length + 5).subarray(offset, offset + length);
      for (let i = 0; i < bytes.length; i++) {
        bytes[i] = rng.chance(controlShare) ? rng.int(1, 0x1f) : rng.chance(0.1) ? rng.pick([0x09, 0x0a, 0x0d, 0x1b]) : rng.int(0x20, 0xff);
      }
      if (withNul && bytes.length > 0) bytes[rng.int(0, bytes.length - 1)] = 0;
      expect(looksBinary(bytes)).toBe(looksBinaryByLoop(bytes));
    }
  });
});

describe('decodeText on UTF-8 (control characters looked for in the decoded text first)', () => {
  it('refuses or reads random texts as looksBinary on the bytes, then the decoder, do', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const rng = new Rng(2026);
    for (let n = 0; n < 400; n++) {
      const length = rng.pick([1, 40, 2000, 2800, 4100, 9000]);
      const controlShare = rng.pick([0, 0, 0.001, 0.03, 0.06, 0.2]);
      let text = '';
      for (let i = 0; i < length; i++) {
        text += rng.chance(controlShare) ? String.fromCharCode(rng.int(0, 0x1f)) : rng.chance(0.5) ? String.fromCharCode(rng.int(0x4e00, 0x9fff)) : String.fromCharCode(rng.int(0x20, 0x7e));
      }
      const bytes = new Uint8Array(Buffer.from(text));
      const binary = looksBinary(bytes);
      if (binary) expect(() => decodeText(bytes, 'x.txt')).toThrow('x.txt: binary data, not a text document');
      else expect(decodeText(bytes, 'x.txt')).toEqual({ text: decoder.decode(bytes), encoding: 'utf-8' });
    }
  });
});
