import type { LocalizedText } from '../../engine/define-check.js';
import type { Assertion, RefNode } from '../../expression/ast.js';
import { ExpressionError } from '../../expression/errors.js';
import { parseAssertion, parseRowSet } from '../../expression/parser.js';

/** Options of the `expression` check kind (docs/expressions.md). */
export interface Options {
  /** The assertion, e.g. "T8[30217].合计 <= T9.公务接待费" (docs/expressions.md). */
  readonly assert: string;
  /**
   * Rows to iterate over: the assertion is checked once per code of these rows, `$` standing for it.
   * Several row sets iterate over the codes present in all of them ("every 项 in both T2 and T3").
   */
  readonly forEach?: string | readonly string[];
  /** Text of a failure instead of the standard one; {actual} {expected} {difference} {unit} {code} are filled in. */
  readonly message?: string | LocalizedText;
}

/** The options' expressions, parsed. */
export interface Compiled {
  readonly assertion: Assertion;
  readonly forEach?: readonly RefNode[];
}

const LOCALIZED = {
  type: 'object',
  additionalProperties: false,
  required: ['zh', 'en'],
  properties: { zh: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
} as const;

/** Parsed expressions by option text: parsed once per run however many documents are checked. */
const cache = new Map<string, Compiled>();

/** Parses the options' expressions (cached); they were validated at load time. */
export function compile(options: Options): Compiled {
  const key = JSON.stringify([options.assert, options.forEach ?? null]);
  let c = cache.get(key);
  if (!c) {
    const assertion = parseAssertion(options.assert);
    c = { assertion, ...(options.forEach !== undefined ? { forEach: rowSets(options.forEach).map(parseRowSet) } : {}) };
    cache.set(key, c);
  }
  return c;
}

/** Options problems beyond the schema, reported at load time as "<file>: invalid options at …". */
export function validate(options: Record<string, unknown>): { pointer: string; message: string } | undefined {
  const o = options as unknown as Options;
  let assertion: Assertion;
  try {
    assertion = parseAssertion(o.assert);
  } catch (e) {
    if (e instanceof ExpressionError) return { pointer: '/assert', message: e.message };
    throw e;
  }
  if (o.forEach !== undefined) {
    const sets = rowSets(o.forEach);
    for (const [i, set] of sets.entries()) {
      try {
        parseRowSet(set);
      } catch (e) {
        if (e instanceof ExpressionError) return { pointer: typeof o.forEach === 'string' ? '/forEach' : `/forEach/${i}`, message: e.message };
        throw e;
      }
    }
    if (assertion.eachColumn === undefined) return { pointer: '/forEach', message: 'forEach is set but the assertion never uses $ for the current code' };
  } else if (assertion.eachColumn !== undefined) {
    return { pointer: '/assert', message: `'$' (the current code) needs the forEach option at column ${assertion.eachColumn}` };
  }
  return undefined;
}

/** forEach as a list of row sets. */
export function rowSets(forEach: string | readonly string[]): readonly string[] {
  return typeof forEach === 'string' ? [forEach] : forEach;
}

/** JSON Schema of the options (the expressions themselves are checked by `validate`). */
export const OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['assert'],
  properties: {
    assert: { type: 'string', minLength: 1, maxLength: 2000 },
    forEach: {
      oneOf: [
        { type: 'string', minLength: 1, maxLength: 200 },
        { type: 'array', minItems: 1, maxItems: 9, items: { type: 'string', minLength: 1, maxLength: 200 } },
      ],
    },
    message: { oneOf: [{ type: 'string', minLength: 1 }, LOCALIZED] },
  },
} as const;
