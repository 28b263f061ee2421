import type { DocumentResult, OutcomeStatus, RuleOutcome } from '../engine/diagnostic.js';

/**
 * The compact form in which a worker sends a result to the main thread. A document has about a
 * thousand rule outcomes whose locations repeat the same few strings (file, table title, kind);
 * as plain objects they cost the main thread more to receive (structured clone) than the check
 * itself. Here every string is sent once in a table and each outcome is a run of integers in one
 * Int32Array; decoding rebuilds objects equal (deep, key order included) to the originals.
 */
export interface PackedResult {
  readonly rest: Omit<DocumentResult, 'outcomes'>;
  /** The result's own key order, so the rebuilt object serialises identically. */
  readonly keys: readonly string[];
  readonly strings: readonly string[];
  /** Key lists of the location objects, as string-table indices. */
  readonly shapes: readonly (readonly number[])[];
  readonly codes: Int32Array;
}

const STATUSES: readonly OutcomeStatus[] = ['pass', 'fail', 'not-applicable', 'not-assessable'];
const STATUS_CODE: Readonly<Record<OutcomeStatus, number>> = { pass: 0, fail: 1, 'not-applicable': 2, 'not-assessable': 3 };
// a value fits when it is a string or an integer in [0, 2^29): encoded as 2n (number) or 2i+1 (string i)
const MAX_NUMBER = 2 ** 29;

/** Packs a result, or returns undefined when an outcome holds a value the codes cannot carry. */
export function packResult(result: DocumentResult): PackedResult | undefined {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const str = (s: string): number => {
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };
  const shapes: number[][] = [];
  const shapeIndex = new Map<string, number>();
  const codes: number[] = [];
  for (const o of result.outcomes) {
    // ruleId, instance, status, reason (-1: none), shape (-1: no location), then the values
    codes.push(str(o.ruleId), str(o.instance), STATUS_CODE[o.status], o.reason === undefined ? -1 : str(o.reason));
    const loc = o.location as Readonly<Record<string, unknown>> | undefined;
    if (!loc) {
      codes.push(-1);
      continue;
    }
    const keys = Object.keys(loc);
    const shapeKey = keys.join('\u0000');
    let shape = shapeIndex.get(shapeKey);
    if (shape === undefined) {
      shape = shapes.length;
      shapes.push(keys.map(str));
      shapeIndex.set(shapeKey, shape);
    }
    codes.push(shape);
    for (const k of keys) {
      const v = loc[k];
      if (typeof v === 'string') codes.push(str(v) * 2 + 1);
      else if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < MAX_NUMBER) codes.push(v * 2);
      else return undefined;
    }
  }
  const { outcomes: _outcomes, ...rest } = result;
  return { rest, keys: Object.keys(result), strings, shapes, codes: Int32Array.from(codes) };
}

/** Rebuilds the result a worker packed. */
export function unpackResult(packed: PackedResult): DocumentResult {
  const { strings, shapes, codes } = packed;
  const shapeKeys = shapes.map((s) => s.map((i) => strings[i]!));
  const outcomes: RuleOutcome[] = [];
  let p = 0;
  while (p < codes.length) {
    const ruleId = strings[codes[p++]!]!;
    const instance = strings[codes[p++]!]!;
    const status = STATUSES[codes[p++]!]!;
    const reason = codes[p++]!;
    const shape = codes[p++]!;
    const o: { ruleId: string; instance: string; status: OutcomeStatus; reason?: string; location?: RuleOutcome['location'] } = { ruleId, instance, status };
    if (reason >= 0) o.reason = strings[reason]!;
    if (shape >= 0) {
      const loc: Record<string, string | number> = {};
      for (const k of shapeKeys[shape]!) {
        const v = codes[p++]!;
        loc[k] = v % 2 === 1 ? strings[(v - 1) / 2]! : v / 2;
      }
      o.location = loc as unknown as RuleOutcome['location'];
    }
    outcomes.push(o);
  }
  const rest = packed.rest as Readonly<Record<string, unknown>>;
  const out: Record<string, unknown> = {};
  for (const k of packed.keys) out[k] = k === 'outcomes' ? outcomes : rest[k];
  return out as unknown as DocumentResult;
}
