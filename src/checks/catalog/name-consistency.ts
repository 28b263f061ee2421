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
      const differing = differentlyNamed(group, nameKey(reference.name));
      if (!differing) {
        ctx.pass(code, reference.at);
        continue;
      }
      const variants = groupBy(differing, (o) => nameKey(o.name));
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

/** The occurrences named otherwise than the reference (not just by a doubled word); undefined when none is (the usual case). */
function differentlyNamed(group: readonly NameOccurrence[], referenceKey: string): NameOccurrence[] | undefined {
  const referenceName = group[0]!.name;
  let out: NameOccurrence[] | undefined;
  // a name spelled as the reference has its key (most places): no key looked up
  for (const o of group) if (o.name !== referenceName && nameKey(o.name) !== referenceKey && nameKey(undoubled(o.name)) !== referenceKey) (out ??= []).push(o);
  return out;
}

function placeOf(o: NameOccurrence): string {
  return o.where === 'table' ? (o.table!.kind === 'unknown' ? o.table!.title : o.table!.kind) : '文字说明 (narrative)';
}
