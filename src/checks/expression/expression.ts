import { formatDecimal, type Unit } from '../../model/amount.js';
import { defineCheck, type CheckContext, type LocalizedText, type RelatedTarget, type Target } from '../../engine/define-check.js';
import { inUnit } from '../../engine/interval.js';
import { renderTemplate } from '../../engine/render.js';
import type { Decimal } from '../../model/decimal.js';
import type { Assertion, RefNode } from '../../expression/ast.js';
import { ExpressionError } from '../../expression/errors.js';
import { evaluate, unitOfCell, type CellValue } from '../../expression/evaluate.js';
import { judge } from '../../expression/judge.js';
import { parseAssertion, parseRowSet } from '../../expression/parser.js';
import { findRows, findTable } from '../../expression/resolve.js';

interface Options {
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

interface Compiled {
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

function compile(options: Options): Compiled {
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
function validate(options: Record<string, unknown>): { pointer: string; message: string } | undefined {
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

function rowSets(forEach: string | readonly string[]): readonly string[] {
  return typeof forEach === 'string' ? [forEach] : forEach;
}

/** The codes to iterate over (present in every row set, in the first set's order), or why there are none. */
function iterationCodes(ctx: CheckContext<Options>, sets: readonly RefNode[]): { codes: string[] } | { reason: string } {
  let codes: string[] | undefined;
  for (const [i, set] of sets.entries()) {
    const text = rowSets(ctx.options.forEach ?? [])[i] ?? '';
    const table = findTable(ctx.document, set.table);
    if (!table.ok) return { reason: `${text}: ${table.reason}` };
    const rows = findRows(table.value, set);
    const here = new Set(rows.ok ? rows.value.map((r) => r.code).filter((c): c is string => c !== undefined) : []);
    codes = codes === undefined ? [...here] : codes.filter((c) => here.has(c));
  }
  return codes && codes.length > 0 ? { codes } : { reason: `${rowSets(ctx.options.forEach ?? []).join(' ∩ ')}: no coded rows to check` };
}

function targetOf(c: CellValue): Target {
  return { table: c.table, row: c.row, column: c.column, ...(c.cell ? { cell: c.cell } : {}) };
}

function cellKey(c: CellValue): string {
  return `${c.table.id}\u0000${c.row.location.line ?? ''}\u0000${c.row.code ?? c.row.label ?? c.row.name}\u0000${c.column.key}`;
}

function relatedOf(c: CellValue): RelatedTarget {
  const a = c.cell?.amount;
  return { at: targetOf(c), label: c.label, value: a ? formatDecimal(a.value, a.scale) : '(blank)', unit: unitOfCell(c) };
}

function show(valueYuan: Decimal, unit: Unit, scale: number): string {
  return formatDecimal(inUnit(valueYuan, unit), scale);
}

function sourceOf(text: string, span: { start: number; end: number }): string {
  return Array.from(text)
    .slice(span.start - 1, span.end - 1)
    .join('')
    .trim();
}

function checkOnce(ctx: CheckContext<Options>, compiled: Compiled, instance: string, code?: string): void {
  const { assertion } = compiled;
  const env = { document: ctx.document, ...(code !== undefined ? { code } : {}) };
  const left = evaluate(assertion.left, env);
  const right = evaluate(assertion.right, env);
  const cells = [...left.cells, ...right.cells];
  const main = left.cells[0] ?? right.cells[0];
  const at: Target = main ? targetOf(main) : { location: { file: ctx.document.source.file } };
  if (!left.ok || !right.ok) {
    const reasons = [...(left.ok ? [] : left.reasons), ...(right.ok ? [] : right.reasons)];
    ctx.notAssessable(instance, [...new Set(reasons)].join('; '), main ? at : undefined);
    return;
  }
  const verdict = judge(assertion.op, left.interval, right.interval);
  if (verdict === 'pass') {
    ctx.pass(instance, main ? at : undefined);
    return;
  }
  // print in the unit of the left-hand side's first cell, with at least its printed decimals
  const unit: Unit = main ? unitOfCell(main) : '元';
  const scales = cells.map((c) => (c.cell?.amount && c.cell.amount.unit === unit ? c.cell.amount.scale : 0));
  const scale = Math.max(unit === '元' ? 0 : 2, ...scales);
  const data: Record<string, string> = {
    left: sourceOf(assertion.source, assertion.left.span),
    op: assertion.op,
    right: sourceOf(assertion.source, assertion.right.span),
    actual: show(left.interval.value, unit, scale),
    expected: show(right.interval.value, unit, scale),
    difference: show(left.interval.value.minus(right.interval.value), unit, scale),
    unit,
    ...(code !== undefined ? { code } : {}),
  };
  const seen = new Set(main ? [cellKey(main)] : []);
  const related: RelatedTarget[] = [];
  for (const c of cells) {
    const k = cellKey(c);
    if (seen.has(k)) continue;
    seen.add(k);
    related.push(relatedOf(c));
  }
  if (verdict === 'rounding') {
    ctx.report({ instance, messageId: 'rounding', data, at, related, severity: 'info' });
    return;
  }
  const custom = ctx.options.message;
  if (custom !== undefined) {
    const template = typeof custom === 'string' ? custom : custom[ctx.settings.lang];
    ctx.report({ instance, messageId: 'custom', data: { ...data, message: renderTemplate(template, data) }, at, related });
    return;
  }
  ctx.report({ instance, messageId: 'violated', data, at, related });
}

/**
 * A user-defined check: an assertion over table values written in the expression language
 * (docs/expressions.md), compared with the same rounding intervals as the built-in identities.
 */
export default defineCheck<Options>({
  id: 'expression',
  meta: {
    description: { zh: '用表达式写成的自定义校验', en: 'A user-defined check written as an expression' },
    schema: {
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
    },
    validate,
    messages: {
      violated: {
        zh: '{left} {op} {right} 不成立：左边为 {actual}{unit}，右边为 {expected}{unit}（差额 {difference}{unit}）',
        en: '{left} {op} {right} does not hold: the left side is {actual} {unit}, the right side {expected} {unit} (difference {difference} {unit})',
      },
      rounding: {
        zh: '{left} {op} {right}：左边 {actual}{unit}，右边 {expected}{unit}，差额 {difference}{unit} 可由四舍五入解释',
        en: '{left} {op} {right}: the left side is {actual} {unit}, the right side {expected} {unit}; the difference {difference} {unit} is explained by rounding',
      },
      custom: { zh: '{message}', en: '{message}' },
    },
  },
  run(ctx) {
    const compiled = compile(ctx.options);
    if (!compiled.forEach) {
      checkOnce(ctx, compiled, 'assert');
      return;
    }
    const found = iterationCodes(ctx, compiled.forEach);
    if ('reason' in found) {
      ctx.notApplicable('forEach', found.reason);
      return;
    }
    const codes = found.codes;
    for (const code of codes) checkOnce(ctx, compiled, code, code);
  },
});
