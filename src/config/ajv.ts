import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';

/**
 * The one Ajv instance (strict, all errors), created on first use: Ajv itself takes tens of
 * milliseconds to load and each schema more to compile, which a run that only reads the built-in
 * (trusted, test-validated) rule files never needs. Validators are cached by the callers.
 */
let instance: AjvClass | undefined;

function getAjv(): AjvClass {
  if (!instance) {
    // loaded synchronously on demand: the loaders that validate are synchronous
    const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
    instance = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
  }
  return instance;
}

/** Whether Ajv has been loaded in this process (tests check that trusted loads never need it). */
export function ajvLoaded(): boolean {
  return instance !== undefined;
}

/** Compiles a schema with the shared instance (loading Ajv on first use). */
export const ajv = {
  compile<T = unknown>(schema: object): ValidateFunction<T> {
    return getAjv().compile<T>(schema);
  },
};

/** The first error as a JSON pointer (relative to the validated value) and a short message. */
export function ajvDetail(errors: readonly ErrorObject[] | null | undefined): { pointer: string; message: string } {
  const e = errors?.[0];
  if (!e) return { pointer: '', message: 'invalid' };
  let message = e.message ?? 'invalid';
  if (e.keyword === 'additionalProperties') message = `unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  if (e.keyword === 'enum') message += ` (${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})`;
  return { pointer: e.instancePath, message };
}

/** "at /rules/3/severity: must be equal to one of the allowed values (error, warning, info, off)". */
export function formatAjvError(errors: readonly ErrorObject[] | null | undefined, base = ''): string {
  const d = ajvDetail(errors);
  return `at ${base}${d.pointer || (base ? '' : '/')}: ${d.message}`;
}
