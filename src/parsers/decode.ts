import { Buffer, isUtf8, transcode } from 'node:buffer';
import { createRequire } from 'node:module';
import { InputError } from '../errors.js';

/**
 * Largest text-like input (text, Markdown, TSV, CSV, a user catalog): 4 MiB. Real text and CSV
 * disclosures are under 2 MB (the seed is 40 KB), and the checks' cost and findings grow with the
 * text, so a bigger file is refused with one line naming it rather than read for minutes. PDF and
 * XLSX bytes have their own, larger limit (MAX_INPUT_BYTES in index.ts).
 */
export const MAX_TEXT_INPUT_BYTES = 4 * 1024 * 1024;

/** The one-line refusal of an input over its size limit. */
export function sizeLimitMessage(file: string, size: number, limit: number, what: string): string {
  return `${file}: ${size} bytes is over the ${limit}-byte input limit for ${what} (${limit / (1024 * 1024)} MiB)`;
}

export interface DecodedText {
  readonly text: string;
  readonly encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

/**
 * Decodes a text file: UTF-8 with or without BOM, UTF-16 with BOM, otherwise GB18030 (a superset of
 * GBK, the usual encoding of files from Windows systems). Binary content is refused.
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length > MAX_TEXT_INPUT_BYTES) throw new InputError(sizeLimitMessage(file, bytes.length, MAX_TEXT_INPUT_BYTES, 'text and CSV files'));
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: utf8(bytes.subarray(3), file), encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return checkText(new TextDecoder('utf-16le').decode(bytes.subarray(2)), file, 'utf-16le');
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return checkText(new TextDecoder('utf-16be').decode(bytes.subarray(2)), file, 'utf-16be');
  }
  if (isUtf8(bytes)) {
    // UTF-8 keeps control bytes as they are (bytes of longer characters are 0x80 and up), and the
    // first 8 KiB are no more than 8 Ki characters: without a control character there, the bytes
    // are not binary, which most text shows without a second look at its bytes
    const text = validUtf8(bytes);
    if (!ANY_CONTROL.test(text.length > BINARY_SAMPLE ? text.slice(0, BINARY_SAMPLE) : text)) return { text, encoding: 'utf-8' };
    if (looksBinary(bytes)) throw new InputError(`${file}: binary data, not a text document`);
    return { text, encoding: 'utf-8' };
  }
  if (looksBinary(bytes)) throw new InputError(`${file}: binary data, not a text document`);
  return checkText(gb18030(bytes), file, 'gb18030');
}

/**
 * Text of bytes known to be valid UTF-8 without a byte-order mark: the same string as a fatal
 * TextDecoder gives, in a quarter of the time (ICU converts to UTF-16 and the string is a copy of
 * that; decoding UTF-8 straight into a string is slow for Chinese text).
 */
export function validUtf8(bytes: Uint8Array): string {
  if (bytes.length === 0) return '';
  return transcode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'utf8', 'utf16le').toString('utf16le');
}

/** Shared: a decode without `stream` starts afresh, also after an error. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** GB18030 (a superset of GBK) with iconv-lite, loaded only for such files (most input is UTF-8). */
function gb18030(bytes: Uint8Array): string {
  const iconv = createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite');
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
}

function utf8(bytes: Uint8Array, file: string): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new InputError(`${file}: invalid UTF-8 after a UTF-8 byte-order mark`);
  }
}

/**
 * NUL bytes or many control characters (below 0x20, other than tab, line breaks, form feed and
 * escape) in the first 8 KiB mean the file is not text. The bytes are searched by native code (a
 * byte search, then a regular expression over their Latin-1 reading, one character per byte): a
 * loop over 8 KiB in JavaScript costs a third of a millisecond until it is compiled.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, BINARY_SAMPLE);
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, n);
  if (head.indexOf(0) >= 0) return true;
  const text = head.toString('latin1');
  // most text has no control character at all
  if (!CONTROL.test(text)) return false;
  const control = text.match(CONTROLS)!.length;
  return control / n > 0.05;
}

/** The bytes looksBinary reads: the first 8 KiB. */
const BINARY_SAMPLE = 8192;
const CONTROL = /[\x01-\x08\x0e-\x1a\x1c-\x1f]/;
/** NUL or one of CONTROL. */
const ANY_CONTROL = /[\x00-\x08\x0e-\x1a\x1c-\x1f]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

function checkText(text: string, file: string, encoding: DecodedText['encoding']): DecodedText {
  const sample = text.slice(0, 8192);
  let bad = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)) bad++;
  }
  if (sample.length > 0 && bad / sample.length > 0.05) {
    throw new InputError(`${file}: not a readable text document (undecodable bytes as ${encoding})`);
  }
  return { text, encoding };
}
