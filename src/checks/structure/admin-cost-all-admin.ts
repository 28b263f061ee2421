import { defineCheck } from '../../engine/define-check.js';
import type { BudgetDocument, Paragraph } from '../../model/document.js';
import { columnByName, firstTableOf, totalRow } from '../../model/table-access.js';
import { COMPARISON_MESSAGES, compareAndReport } from '../table/compare.js';
import { participant } from '../table/values.js';

/** Unit counts stated in the 机构设置 section. */
export interface UnitCounts {
  readonly admin: number;
  /** 参照公务员法管理的事业单位 (参公). */
  readonly civilServiceManaged: number;
  /** Other 事业单位 (not 参公). */
  readonly publicInstitutions: number;
  readonly paragraph: Paragraph;
}

const count = (re: RegExp, text: string): number | undefined => {
  const m = re.exec(text);
  return m ? Number(m[1]) : undefined;
};

/**
 * Reads "行政单位1家，参公单位1家，事业单位4家" (and "…事业单位2家（其中参公事业单位2家）") from the
 * 机构设置 section. Undefined when the section states no counts.
 */
export function unitCounts(doc: BudgetDocument): UnitCounts | undefined {
  for (const p of doc.paragraphs) {
    if (p.kind !== 'paragraph' || !(p.section ?? '').includes('机构设置')) continue;
    const text = p.text.replace(/[ \u3000]+/g, '');
    const admin = count(/行政单位(\d+)家/u, text);
    const canGong = count(/参(?:照公务员法管理|公)(?:的)?(?:事业)?单位(\d+)家/u, text) ?? 0;
    const other = count(/其他事业单位(\d+)家/u, text);
    const shiye = count(/(?<!参公|管理的|参公事业|其他)事业单位(\d+)家/u, text);
    if (admin === undefined && shiye === undefined) continue;
    const nested = /其中[^。]{0,12}参/u.test(text);
    const publicInstitutions = other ?? (shiye === undefined ? 0 : nested ? Math.max(0, shiye - canGong) : shiye);
    return { admin: admin ?? 0, civilServiceManaged: canGong, publicInstitutions, paragraph: p };
  }
  return undefined;
}

/**
 * 机关运行经费 (T9) equals T8 公用经费 when every unit is 行政 or 参公 (DOMAIN.md §4): 机关运行经费 is the
 * 公用经费 of exactly those units. (The ≤ bound for other documents is a table rule.)
 */
export default defineCheck<Record<string, never>>({
  id: 'admin-cost-all-admin',
  meta: {
    description: { zh: '全部为行政或参公单位时，机关运行经费等于基本支出公用经费', en: '机关运行经费 equals T8 公用经费 when every unit is 行政 or 参公' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: COMPARISON_MESSAGES,
  },
  run(ctx) {
    const instance = 'identity';
    const doc = ctx.document;
    const t9 = firstTableOf(doc, 'T9');
    const t8 = firstTableOf(doc, 'T8');
    if (!t9 || !t8) {
      ctx.notApplicable(instance, `table ${!t9 ? 'T9' : 'T8'} is absent`);
      return;
    }
    const units = unitCounts(doc);
    if (!units) {
      ctx.notAssessable(instance, 'the 机构设置 section states no unit counts');
      return;
    }
    if (units.publicInstitutions > 0 || units.admin + units.civilServiceManaged === 0) {
      ctx.notApplicable(instance, 'not every unit is 行政 or 参公');
      return;
    }
    const cost = columnByName(t9, '机关运行经费');
    const publicCol = columnByName(t8, '公用经费');
    const costRow = t9.rows.find((r) => !!cost && r.cells[cost.key]?.amount) ?? t9.rows[0];
    const total = totalRow(t8);
    if (!cost || !publicCol || !costRow || !total) {
      ctx.notApplicable(instance, 'T9 机关运行经费 or the T8 公用经费 total is not printed');
      return;
    }
    const left = participant(t9, costRow, cost);
    const right = participant(t8, total, publicCol);
    if (left.cell?.invalid || right.cell?.invalid) {
      ctx.notAssessable(instance, 'an amount could not be read');
      return;
    }
    compareAndReport(ctx as never, instance, left, [right], 'eq', { reason: 'every unit is 行政 or 参公' });
  },
});
