import { defineCheck, type CheckContext, type RelatedTarget, type Target } from '../../engine/define-check.js';
import { renderTemplate } from '../../engine/render.js';
import type { Unit } from '../../model/amount.js';
import type { RefNode } from '../../expression/ast.js';
import { evaluate, unitOfCell } from '../../expression/evaluate.js';
import { judge } from '../../expression/judge.js';
import { findRows, findTable } from '../../expression/resolve.js';
import { cellKey, relatedOf, show, sourceOf, targetOf } from './findings.js';
import { compile, OPTIONS_SCHEMA, rowSets, validate, type Compiled, type Options } from './options.js';

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
    schema: OPTIONS_SCHEMA,
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
