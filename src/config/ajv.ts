import { Ajv, type ErrorObject } from 'ajv';

/** The one Ajv instance: strict, all errors, compiled validators cached by the callers. */
export const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });

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
