import { formatDecimal, type Unit } from '../../model/amount.js';
import { inUnit } from '../../engine/interval.js';
import { defineCheck } from '../../engine/define-check.js';
import { analyzeNarrative, type AssessedStatement } from '../../narrative/analysis.js';
import { statementAtMost, statementInterval } from '../../narrative/intervals.js';
import type { Statement } from '../../narrative/statements.js';
import type { ProcurementPart } from '../../narrative/subjects.js';
import { numberTarget, statementRelated, subjectText } from './targets.js';

/**
 * 政府采购 shares (DOMAIN.md §5): the amount reserved for small and medium enterprises (预留中小企业)
 * is at most the 政府采购 total, and the part reserved for small and micro enterprises (小微) at most
 * the reserved amount, under rounding-aware comparison.
 */
export default defineCheck<Record<string, never>>({
  id: 'narrative-procurement-shares',
  meta: {
    description: { zh: '政府采购：预留中小企业份额不超过采购总额，小微企业份额不超过预留份额', en: 'Procurement: the SME reservation is at most the total, the small/micro share at most the reservation' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      exceeds: {
        zh: '说明中“{part}”{value}{unit}超过了“{whole}”{limit}{unit}',
        en: 'The narrative gives {part} as {value} {unit}, more than {whole} ({limit} {unit})',
      },
    },
  },
  run(ctx) {
    const first = firstProcurementStatements(analyzeNarrative(ctx.document).levels);
    const pairs: Array<[ProcurementPart, ProcurementPart]> = [
      ['预留中小企业', '合计'],
      ['预留小微企业', '预留中小企业'],
    ];
    let any = false;
    for (const [partName, wholeName] of pairs) {
      const part = first.get(partName);
      const whole = first.get(wholeName);
      if (!part || !whole) continue;
      any = true;
      const instance = `${partName}≤${wholeName}`;
      if (statementAtMost(part, whole)) {
        ctx.pass(instance, numberTarget(part));
        continue;
      }
      ctx.report({
        instance,
        messageId: 'exceeds',
        at: numberTarget(part),
        // both figures in the part's unit (the whole may be printed in another: 1.2亿元 against 500万元)
        data: { part: subjectText(part), value: formatDecimal(part.token.value, part.token.scale), unit: part.token.unit, whole: subjectText(whole), limit: inPartUnit(whole, part) },
        related: [statementRelated(whole)],
      });
    }
    if (!any) ctx.notApplicable('narrative', 'the narrative states no procurement reservation with its total');
  },
});

/** The whole's figure in the part's unit: as printed when the units agree, else converted exactly. */
function inPartUnit(whole: Statement, part: Statement): string {
  if (whole.token.unit === part.token.unit) return formatDecimal(whole.token.value, whole.token.scale);
  return formatDecimal(inUnit(statementInterval(whole).value, part.token.unit as Unit));
}

/** The first statement of each 政府采购 part ("合计" for the total) among the narrative's levels, in one pass. */
function firstProcurementStatements(levels: readonly AssessedStatement[]): Map<ProcurementPart, Statement> {
  const first = new Map<ProcurementPart, Statement>();
  for (const { statement } of levels) {
    const subject = statement.subject;
    if (subject?.kind === 'procurement' && !first.has(subject.part)) first.set(subject.part, statement);
  }
  return first;
}
