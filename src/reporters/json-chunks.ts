/**
 * JSON written piece by piece, byte for byte what `JSON.stringify(value, null, 2)` gives for the same
 * value, so that a report of 100 000+ findings never has to exist as one string: the big arrays
 * (findings, rule instances, SARIF results) are written element by element.
 *
 * A value is an ordinary JSON value, a JsonArray (elements produced on demand) or a JsonObject
 * (members produced on demand, so that a member can be a JsonArray). Ordinary values, and the
 * elements of a JsonArray a few dozen at a time, are written by the native JSON.stringify.
 */

/** An array whose elements are produced while it is written. */
export class JsonArray {
  constructor(readonly items: Iterable<unknown>) {}
}

/** An object whose members are produced while it is written; undefined values are left out, as JSON.stringify does. */
export class JsonObject {
  constructor(readonly members: Iterable<readonly [string, unknown]>) {}
}

/** Array elements written per piece: a few dozen findings or rule instances (tens of KB). */
export const JSON_BATCH = 64;

const PADS: string[] = [''];
function pad(level: number): string {
  while (PADS.length <= level) PADS.push(`${PADS[PADS.length - 1]}  `);
  return PADS[level]!;
}

/** What JSON.stringify(…, null, 2) writes before and after the elements of an array nested `level` arrays deep. */
const FRAMES: Array<{ head: number; tail: number }> = [];
function frame(level: number): { head: number; tail: number } {
  while (FRAMES.length <= level) {
    const l = FRAMES.length;
    // head: "[\n  " per enclosing array and for the array itself; tail: "\n" + indentation + "]" for each
    let head = 0;
    let tail = 0;
    for (let i = 0; i <= l; i++) {
      head += 1 + 1 + 2 * (i + 1);
      tail += 1 + 2 * i + 1;
    }
    FRAMES.push({ head, tail });
  }
  return FRAMES[level]!;
}

/**
 * The elements of an array that stands at nesting `level`, as JSON.stringify(…, null, 2) writes them
 * there ("e1,\n    e2"): the batch is stringified inside `level` enclosing arrays, so that the native
 * JSON.stringify does the indenting, and the enclosing brackets are cut off. An element JSON has no
 * text for (undefined, a function) is null, as in any array.
 */
function elements(batch: readonly unknown[], level: number): string {
  let wrapped: unknown = batch;
  for (let i = 0; i < level; i++) wrapped = [wrapped];
  const s = JSON.stringify(wrapped, null, 2);
  const { head, tail } = frame(level);
  return s.slice(head, s.length - tail);
}

/** The text of an ordinary value standing at nesting `level`; undefined when JSON has no text for it. */
function plain(value: unknown, level: number): string | undefined {
  if (level === 0) return JSON.stringify(value, null, 2) as string | undefined;
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  return elements([value], level - 1);
}

const lazy = (v: unknown): v is JsonArray | JsonObject => v instanceof JsonArray || v instanceof JsonObject;

/** The text of `value` at nesting `level`, in pieces (no trailing line break). */
export function* jsonChunks(value: unknown, level = 0): Generator<string, void, undefined> {
  if (value instanceof JsonArray) {
    let first = true;
    let batch: unknown[] = [];
    const separator = (): string => {
      const s = `${first ? '[' : ','}\n${pad(level + 1)}`;
      first = false;
      return s;
    };
    for (const item of value.items) {
      if (!lazy(item)) {
        batch.push(item);
        if (batch.length < JSON_BATCH) continue;
      }
      if (batch.length > 0) {
        yield separator() + elements(batch, level);
        batch = [];
      }
      if (lazy(item)) {
        yield separator();
        yield* jsonChunks(item, level + 1);
      }
    }
    if (batch.length > 0) yield separator() + elements(batch, level);
    yield first ? '[]' : `\n${pad(level)}]`;
    return;
  }
  if (value instanceof JsonObject) {
    let first = true;
    for (const [key, member] of value.members) {
      if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
      const head = `${first ? '{' : ','}\n${pad(level + 1)}${JSON.stringify(key)}: `;
      first = false;
      if (lazy(member)) {
        yield head;
        yield* jsonChunks(member, level + 1);
      } else {
        yield head + (plain(member, level + 1) ?? 'null');
      }
    }
    yield first ? '{}' : `\n${pad(level)}}`;
    return;
  }
  const s = plain(value, level);
  if (s !== undefined) yield s;
}

/** The value with its JsonArray and JsonObject parts produced: an ordinary value JSON.stringify writes the same. */
export function materialize(value: unknown): unknown {
  if (value instanceof JsonArray) return Array.from(value.items, materialize);
  if (value instanceof JsonObject) {
    const out: Record<string, unknown> = {};
    for (const [key, member] of value.members) {
      // defined, not assigned: a member named "__proto__" must stay a member, as JSON.stringify writes it
      if (member !== undefined && typeof member !== 'function' && typeof member !== 'symbol') {
        Object.defineProperty(out, key, { value: materialize(member), enumerable: true, writable: true, configurable: true });
      }
    }
    return out;
  }
  return value;
}

/**
 * Reports with at most this many elements (findings, rule instances, related values) are written in
 * one piece: one native JSON.stringify is the fastest way to write a document-sized report (the seed's
 * 1 300 rule instances), and a string of this size costs nothing to hold.
 */
export const ONE_PIECE_ITEMS = 20_000;

/**
 * A whole JSON document and its final line break: in one piece when it has at most `onePiece`
 * elements (`items`, as the caller counts them), else in pieces (jsonChunks). The same text either way.
 */
export function* jsonDocument(value: unknown, items: number, onePiece = ONE_PIECE_ITEMS): Generator<string, void, undefined> {
  if (items <= onePiece) yield JSON.stringify(materialize(value), null, 2);
  else yield* jsonChunks(value);
  yield '\n';
}

/** Joins the pieces of a report (for callers that want one string). */
export function joinChunks(chunks: Iterable<string>): string {
  const parts: string[] = [];
  for (const c of chunks) parts.push(c);
  return parts.join('');
}
