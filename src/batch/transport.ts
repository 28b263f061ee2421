import type { DiagnosticLocation, DocumentResult, OutcomeStatus, RuleOutcome } from '../engine/diagnostic.js';

/**
 * The compact form in which a worker sends a result to the main thread. A document has about a
 * thousand rule outcomes; as plain objects they cost more to send (structured clone on both sides)
 * than the check itself. Here:
 * - each distinct location object is sent once (the engine shares one location object among all the
 *   outcomes that point at the same cell), as a run of integers;
 * - rule ids, reasons and every string inside a location are sent once, in a string table;
 * - instances (nearly all different) go as one string, cut by their lengths (cloning one string is
 *   a copy; cloning a thousand short ones costs more than packing the whole result);
 * - each outcome is five integers.
 * Decoding rebuilds a result equal (deep, key order included) to the original, sharing one location
 * object among the outcomes that shared it in the worker, as the engine's own results do.
 */
export interface PackedResult {
  readonly rest: Omit<DocumentResult, 'outcomes'>;
  /** The result's own key order, so the rebuilt object serialises identically. */
  readonly keys: readonly string[];
  readonly strings: readonly string[];
  /** Key lists of the location objects, as string-table indices. */
  readonly shapes: readonly (readonly number[])[];
  /** Per distinct location: its shape, then one code per key (see encodeValue). */
  readonly locations: Int32Array;
  /** The outcomes' instances, one after the other. */
  readonly instances: string;
  /**
   * Per outcome: rule id (string index), status, reason (string index or -1), location (index or
   * -1), length of its instance.
   */
  readonly outcomes: Int32Array;
}

const STATUSES: readonly OutcomeStatus[] = ['pass', 'fail', 'not-applicable', 'not-assessable'];
const STATUS_CODE: Readonly<Record<OutcomeStatus, number>> = { pass: 0, fail: 1, 'not-applicable': 2, 'not-assessable': 3 };
// a location value fits when it is a string or an integer in [0, 2^29): 2n (number n) or 2i+1 (string i)
const MAX_NUMBER = 2 ** 29;
const FIELDS_PER_OUTCOME = 5;

/** A string table that hands out each distinct string's index once. */
class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  of(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

interface ShapeNode {
  readonly next: Map<string, ShapeNode>;
  shape?: number;
}

/** Packs, once each, the distinct location objects of a result's outcomes. */
class LocationTable {
  readonly codes: number[] = [];
  readonly shapes: number[][] = [];
  private count = 0;
  private readonly byObject = new Map<DiagnosticLocation, number>();
  /** Shapes by their keys, one level per key (property names need no joining to be looked up). */
  private readonly shapeTrie: ShapeNode = { next: new Map() };

  constructor(private readonly strings: StringTable) {}

  /** The index of a location, or -1 when one of its values cannot be encoded. */
  of(location: DiagnosticLocation): number {
    const known = this.byObject.get(location);
    if (known !== undefined) return known;
    const record = location as unknown as Readonly<Record<string, unknown>>;
    const keys = Object.keys(record);
    const start = this.codes.length;
    this.codes.push(this.shapeOf(keys));
    for (const k of keys) {
      const code = this.encodeValue(record[k]);
      if (code < 0) {
        this.codes.length = start;
        return -1;
      }
      this.codes.push(code);
    }
    const i = this.count++;
    this.byObject.set(location, i);
    return i;
  }

  private shapeOf(keys: readonly string[]): number {
    let node = this.shapeTrie;
    for (const k of keys) {
      let child = node.next.get(k);
      if (child === undefined) node.next.set(k, (child = { next: new Map() }));
      node = child;
    }
    if (node.shape === undefined) {
      node.shape = this.shapes.length;
      this.shapes.push(keys.map((k) => this.strings.of(k)));
    }
    return node.shape;
  }

  private encodeValue(v: unknown): number {
    if (typeof v === 'string') return this.strings.of(v) * 2 + 1;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < MAX_NUMBER) return v * 2;
    return -1;
  }
}

/** Packs a result, or returns undefined when an outcome holds a value the codes cannot carry. */
export function packResult(result: DocumentResult): PackedResult | undefined {
  const strings = new StringTable();
  const locations = new LocationTable(strings);
  const list = result.outcomes;
  const codes = new Int32Array(list.length * FIELDS_PER_OUTCOME);
  const instances: string[] = new Array(list.length);
  // outcomes come grouped by rule: the rule id's index is looked up once per group
  let ruleId: string | undefined;
  let ruleCode = -1;
  for (let i = 0, p = 0; i < list.length; i++) {
    const o = list[i]!;
    if (o.ruleId !== ruleId) {
      ruleId = o.ruleId;
      ruleCode = strings.of(ruleId);
    }
    let location = -1;
    if (o.location !== undefined) {
      location = locations.of(o.location);
      if (location < 0) return undefined;
    }
    instances[i] = o.instance;
    codes[p++] = ruleCode;
    codes[p++] = STATUS_CODE[o.status];
    codes[p++] = o.reason === undefined ? -1 : strings.of(o.reason);
    codes[p++] = location;
    codes[p++] = o.instance.length;
  }
  const { outcomes: _outcomes, ...rest } = result;
  return { rest, keys: Object.keys(result), strings: strings.strings, shapes: locations.shapes, locations: Int32Array.from(locations.codes), instances: instances.join(''), outcomes: codes };
}

/** Rebuilds the result a worker packed. */
export function unpackResult(packed: PackedResult): DocumentResult {
  const { strings, instances, outcomes: codes } = packed;
  const locations = unpackLocations(packed);
  const count = codes.length / FIELDS_PER_OUTCOME;
  const outcomes: RuleOutcome[] = new Array(count);
  for (let i = 0, p = 0, at = 0; i < count; i++, p += FIELDS_PER_OUTCOME) {
    const ruleId = strings[codes[p]!]!;
    const instance = instances.slice(at, (at += codes[p + 4]!));
    const status = STATUSES[codes[p + 1]!]!;
    const reason = codes[p + 2]!;
    const location = codes[p + 3]!;
    // one literal per shape, as the engine builds them (same key order)
    if (location < 0) outcomes[i] = reason < 0 ? { ruleId, instance, status } : { ruleId, instance, status, reason: strings[reason]! };
    else outcomes[i] = reason < 0 ? { ruleId, instance, status, location: locations[location]! } : { ruleId, instance, status, reason: strings[reason]!, location: locations[location]! };
  }
  const rest = packed.rest as Readonly<Record<string, unknown>>;
  const out: Record<string, unknown> = {};
  for (const k of packed.keys) out[k] = k === 'outcomes' ? outcomes : rest[k];
  return out as unknown as DocumentResult;
}

function unpackLocations(packed: PackedResult): DiagnosticLocation[] {
  const { strings, shapes, locations: codes } = packed;
  const shapeKeys = shapes.map((s) => s.map((i) => strings[i]!));
  const out: DiagnosticLocation[] = [];
  for (let p = 0; p < codes.length; ) {
    const keys = shapeKeys[codes[p++]!]!;
    const loc: Record<string, string | number> = {};
    for (const k of keys) {
      const v = codes[p++]!;
      loc[k] = v % 2 === 1 ? strings[(v - 1) / 2]! : v / 2;
    }
    out.push(loc as unknown as DiagnosticLocation);
  }
  return out;
}
