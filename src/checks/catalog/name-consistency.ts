import { defineCheck } from '../../engine/define-check.js';
import { compareNames, nameKey, undoubled } from '../../catalog/names.js';
import { groupBy, narrativeOccurrences, relatedPlaces, tableOccurrences, type NameOccurrence } from './occurrences.js';

/**
 * The same code named differently in different places — between tables, or between the tables and
 * the narrative (DOMAIN.md §6). The reference is the first table that prints the code; each other
 * spelling is reported once, at its first place. A 其它/其他-style variant is info; a name that differs
 * only by a doubled word is left to structure/doubled-word.
 */
export default defineCheck<Record<string, never>>({
  id: 'name-consistency',
  meta: {
    description: { zh: '同一科目在各表和说明中名称一致', en: 'A code carries one name throughout tables and narrative' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      differs: {
        zh: '科目 {code} 在{place}中写作“{printed}”，在{referencePlace}中为“{reference}”',
        en: 'code {code} is named “{printed}” in {place} but “{reference}” in {referencePlace}',
      },
    },
  },
  run(ctx) {
    const all = [...tableOccurrences(ctx.document), ...narrativeOccurrences(ctx.document)];
    if (all.length === 0) {
      ctx.notApplicable('names', 'no classification code is named');
      return;
    }
    for (const [code, group] of groupBy(all, (o) => o.code)) {
      const reference = group[0]!;
      const variants = groupBy(
        group.filter((o) => nameKey(o.name) !== nameKey(reference.name) && nameKey(undoubled(o.name)) !== nameKey(reference.name)),
        (o) => nameKey(o.name),
      );
      if (variants.size === 0) {
        ctx.pass(code, reference.at);
        continue;
      }
      for (const [key, places] of variants) {
        const first = places[0]!;
        const variant = compareNames(first.name, reference.name) === 'variant';
        ctx.report({
          instance: `${code}:${key}`,
          messageId: 'differs',
          data: { code, printed: first.name, reference: reference.name, place: placeOf(first), referencePlace: placeOf(reference), where: first.where },
          at: first.at,
          related: relatedPlaces([reference, ...places.slice(1)]),
          ...(variant ? { severity: 'info' as const } : {}),
        });
      }
    }
  },
});

function placeOf(o: NameOccurrence): string {
  return o.where === 'table' ? (o.table!.kind === 'unknown' ? o.table!.title : o.table!.kind) : '文字说明 (narrative)';
}
