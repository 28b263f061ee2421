import type { Row, Table } from '../../model/document.js';
import { columnByName } from '../../model/table-access.js';
import { defineCheck } from '../../engine/define-check.js';
import { decimalsEqual } from '../../engine/interval.js';
import { COMPARISON_MESSAGES, compareAndReport } from './compare.js';
import { participant, relatedOf, targetOf, type Participant } from './values.js';
import { rowsByCode } from './coded-rows-compare.js';

interface Options {
  /** The table of all spending (T3). */
  readonly total: string;
  /** The per-fund tables (T5, T6, T7). */
  readonly parts: readonly string[];
  /** The income table (T2) that tells whether a row is funded by 财政拨款 alone. */
  readonly income?: string;
  readonly columns: readonly string[];
}

/**
 * Spending by fund: for every code and column, T5 + T6 + T7 ≤ T3 (a unit with 事业收入 or other
 * income legitimately spends more than its 财政拨款), and = T3 where the income table shows the
 * row funded by 财政拨款收入 alone (T2 合计 = 财政拨款收入). DOMAIN.md §4 "T5 ≤ T3 per code".
 */
export default defineCheck<Options>({
  id: 'funding-split',
  meta: {
    description: {
      zh: '一般公共预算、政府性基金、国有资本经营支出表之和不超过支出总表，全部为财政拨款时相等',
      en: 'Per-fund spending tables add up to at most the spending table, exactly when all income is 财政拨款',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['total', 'parts', 'columns'],
      properties: {
        total: { type: 'string' },
        parts: { type: 'array', items: { type: 'string' } },
        income: { type: 'string' },
        columns: { type: 'array', items: { type: 'string' } },
      },
    },
    messages: {
      ...COMPARISON_MESSAGES,
      missingCode: {
        zh: '{subject} 为 {actual}{unit}，但 {other} 中没有科目 {code}',
        en: '{subject} is {actual} {unit} but {other} has no row for code {code}',
      },
    },
  },
  run(ctx) {
    const doc = ctx.document;
    const total = doc.tables.find((t) => t.kind === ctx.options.total);
    if (!total) {
      ctx.notApplicable('split', `table ${ctx.options.total} is absent`);
      return;
    }
    const parts = ctx.options.parts.map((k) => doc.tables.find((t) => t.kind === k)).filter((t): t is Table => t !== undefined);
    if (parts.length === 0) {
      ctx.notApplicable('split', `none of ${ctx.options.parts.join(', ')} is present`);
      return;
    }
    const income = ctx.options.income ? doc.tables.find((t) => t.kind === ctx.options.income) : undefined;
    const fiscalOnly = fiscalOnlyTest(income);
    const totalRows = rowsByCode(total);
    const partRows = parts.map((t) => rowsByCode(t));
    // the rows of a code (and the total rows) in the part tables: looked up once, used by every column
    const partRowsByCode = new Map<string, Array<Row | undefined>>();
    totalRows.forEach((_, code) => partRowsByCode.set(code, partRows.map((m) => m.get(code))));
    const tTotal = total.rows.find((r) => r.isTotal);
    const partTotals = tTotal ? parts.map((t) => t.rows.find((r) => r.isTotal)) : [];
    for (const name of ctx.options.columns) {
      const tc = columnByName(total, name);
      if (!tc) continue;
      const pcs = parts.map((t) => columnByName(t, name));
      const compare = (key: string, trow: Row, prows: ReadonlyArray<Row | undefined>, code?: string): void => {
        const ps: Participant[] = [];
        for (let i = 0; i < prows.length; i++) {
          const r = prows[i];
          const pc = pcs[i];
          if (r && pc) ps.push(participant(parts[i]!, r, pc));
        }
        const equal = fiscalOnly(code);
        if (ps.length === 0 && !equal) return;
        const whole = participant(total, trow, tc);
        if (ps.length === 0 && (whole.blank || whole.interval.value.isZero())) return;
        compareAndReport(ctx, `${key}:${name}`, whole, ps, equal ? 'eq' : 'ge');
      };
      if (tTotal) compare('合计', tTotal, partTotals);
      totalRows.forEach((trow, code) => compare(code, trow, partRowsByCode.get(code)!, code));
      partRows.forEach((m, i) => {
        const pc = pcs[i];
        if (!pc) return;
        m.forEach((prow, code) => {
          if (totalRows.has(code)) return;
          const p = participant(parts[i]!, prow, pc);
          if (p.blank || p.interval.value.isZero()) return;
          ctx.report({
            instance: `${code}:${name}`,
            messageId: 'missingCode',
            data: { subject: p.label, actual: p.cell?.amount?.raw ?? '', unit: p.cell?.amount?.unit ?? '', other: `${total.kind} ${total.title}`, code },
            at: targetOf(p),
            related: [relatedOf(p)],
          });
        });
      });
    }
  },
});

/** Whether the income table shows a code (or the whole table) funded by 财政拨款收入 alone. */
function fiscalOnlyTest(income: Table | undefined): (code?: string) => boolean {
  if (!income) return () => false;
  const totalCol = columnByName(income, '合计');
  const fiscalCol = columnByName(income, '财政拨款收入') ?? columnByName(income, '财政拨款');
  if (!totalCol || !fiscalCol) return () => false;
  const rows = rowsByCode(income);
  const totalRow = income.rows.find((r) => r.isTotal);
  const isFiscalOnly = (row: Row | undefined): boolean => {
    if (!row) return false;
    const t = row.cells[totalCol.key]?.amount;
    const f = row.cells[fiscalCol.key]?.amount;
    return t !== undefined && t !== null && f !== undefined && f !== null && decimalsEqual(t.value, f.value);
  };
  // asked once per code and column: answered once per code
  const byCode = new Map<string | undefined, boolean>();
  return (code) => {
    let answer = byCode.get(code);
    if (answer === undefined) byCode.set(code, (answer = isFiscalOnly(code ? rows.get(code) : totalRow)));
    return answer;
  };
}

