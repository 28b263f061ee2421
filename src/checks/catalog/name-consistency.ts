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
    const inTables = tableOccurrences(ctx.document);
    const inNarrative = narrativeOccurrences(ctx.document);
    if (inTables.length === 0 && inNarrative.length === 0) {
      ctx.notApplicable('names', 'no classification code is named');
      return;
    }
    // the first place of each code (its reference), in first-seen order, and the places of each code
    // named otherwise, in the same order; a place spelled as its reference (most places) is settled
    // without a key look-up
    const referenceOf = new Map<string, number>();
    const references: NameOccurrence[] = [];
    let differingOf: Map<number, NameOccurrence[]> | undefined;
    for (const list of [inTables, inNarrative]) {
      for (const o of list) {
        const r = referenceOf.get(o.code);
        if (r === undefined) {
          referenceOf.set(o.code, references.length);
          references.push(o);
        } else if (o.name !== references[r]!.name && isNamedOtherwise(o.name, nameKey(references[r]!.name))) {
          differingOf ??= new Map();
          const places = differingOf.get(r);
          if (places) places.push(o);
          else differingOf.set(r, [o]);
        }
      }
    }
    for (let r = 0; r < references.length; r++) {
      const reference = references[r]!;
      const code = reference.code;
      const differing = differingOf?.get(r);
      if (differing === undefined) {
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

/** Whether a name differs from the reference's (key) otherwise than by a doubled word. */
function isNamedOtherwise(name: string, referenceKey: string): boolean {
  return nameKey(name) !== referenceKey && nameKey(undoubled(name)) !== referenceKey;
}

function placeOf(o: NameOccurrence): string {
  return o.where === 'table' ? (o.table!.kind === 'unknown' ? o.table!.title : o.table!.kind) : '文字说明 (narrative)';
}
