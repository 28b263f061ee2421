import { defineCheck } from '../../engine/define-check.js';
import { catalogFor } from '../../catalog/load.js';
import { compareNames, nameKey } from '../../catalog/names.js';
import { ascendingOrder, childrenFirst } from './instance-order.js';
import { schemeOfCode } from '../../catalog/types.js';
import { groupBySpelling, relatedPlaces, tableOccurrences, type NameOccurrence } from './occurrences.js';
import { objectList, packedMap } from '../../model/lists.js';
import type { CatalogEntry } from '../../catalog/types.js';

/** What became of a spelling group that was not reported. */
const PASSED = 1;
const NOT_IN_CATALOG = 2;

/**
 * A code whose printed name differs from the catalog's name for it in the document's year
 * (DOMAIN.md §3, §6). Spaces and full/half-width brackets are no difference; 其它/其他-style variants
 * are reported as info. A former name of the code is left to catalog/obsolete-name, and a code the
 * catalog does not list is not judged (the built-in catalog is partial).
 */
export default defineCheck<Record<string, never>>({
  id: 'catalog-name',
  meta: {
    description: { zh: '表中科目名称与分类科目名称一致', en: 'Printed classification names match the catalog' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      different: {
        zh: '科目 {code} 印作“{printed}”，{year}年分类科目名称为“{expected}”',
        en: 'code {code} is printed as “{printed}”; the classification names it “{expected}” ({year})',
      },
      otherCode: {
        zh: '科目 {code} 印作“{printed}”（这是科目 {otherCode} 的名称），分类科目名称为“{expected}”',
        en: 'code {code} is printed as “{printed}”, which is the name of {otherCode}; the classification names {code} “{expected}”',
      },
      variant: {
        zh: '科目 {code} 印作“{printed}”，规范写法为“{expected}”',
        en: 'code {code} is printed as “{printed}”; the standard spelling is “{expected}”',
      },
    },
  },
  run(ctx) {
    const catalog = catalogFor(ctx.settings);
    const year = ctx.document.metadata.year;
    const occurrences = tableOccurrences(ctx.document);
    if (occurrences.length === 0) {
      ctx.notApplicable('names', 'no table prints classification codes');
      return;
    }
    const spellings = groupBySpelling(occurrences);
    const instances = objectList<string>();
    // what is not reported is recorded at the end, in instance order (see instance-order.ts)
    const outcome = new Uint8Array(spellings.length);
    for (let g = 0; g < spellings.length; g++) {
      const spelling = spellings[g]!;
      const group = spelling.items;
      const first = group[0]!;
      const { code, name } = first;
      const entry = catalog.entryFor(code, year);
      // the group's key is the name's key: equal keys are compareNames' 'same' (and equal names have equal keys)
      if (entry !== undefined && (name === entry.name || spelling.key === nameKey(entry.name))) {
        // the instance of a name agreeing with its entry is the entry's own, built once for the run
        instances.push(agreeingInstance(entry));
        outcome[g] = PASSED;
        continue;
      }
      const instance = `${code}:${spelling.key}`;
      instances.push(instance);
      if (!entry) {
        outcome[g] = NOT_IN_CATALOG;
        continue;
      }
      // a name the code carried in another year is judged by catalog/obsolete-name, not here
      if (!catalog.isUserCode(code) && catalog.namesOf(code).some((e) => nameKey(e.name) === spelling.key)) {
        outcome[g] = PASSED;
        continue;
      }
      const agreement = compareNames(name, entry.name);
      const related = relatedPlaces(group.slice(1));
      const data = { code, printed: name, expected: entry.name, year: year ?? '', provenance: entry.provenance };
      if (agreement === 'variant') {
        ctx.report({ instance, messageId: 'variant', data, at: first.at, related, severity: 'info' });
        continue;
      }
      const other = otherCodeNamed(catalog.codesNamed(name, schemeOfCode(code)).filter((c) => c !== code), first);
      ctx.report({ instance, messageId: other ? 'otherCode' : 'different', data: other ? { ...data, otherCode: other } : data, at: first.at, related });
    }
    const guess = new Int32Array(spellings.length);
    childrenFirst(packedMap(spellings, (s) => s.code), 0, spellings.length, guess, 0);
    for (const g of ascendingOrder(instances, guess)) {
      const first = spellings[g]!.items[0]!;
      if (outcome[g] === PASSED) ctx.pass(instances[g]!, first.at);
      else if (outcome[g] === NOT_IN_CATALOG) ctx.notAssessable(instances[g]!, `code ${first.code} is not in the catalog`, first.at);
    }
  },
});

/**
 * "<code>:<name key>" of a catalog entry: the instance of a spelling group that agrees with it (nearly
 * every group). Kept for the run (the catalog's entries live as long as it), so a document builds no
 * instance string for its agreeing groups, and the one compared and recorded is already flat.
 */
function agreeingInstance(entry: CatalogEntry): string {
  let instance = agreeingInstances.get(entry);
  if (instance === undefined) agreeingInstances.set(entry, (instance = `${entry.code}:${nameKey(entry.name)}`));
  return instance;
}

const agreeingInstances = new WeakMap<CatalogEntry, string>();

/** The code whose name was printed: the closest relative of the printed code (names like 行政运行 repeat). */
function otherCodeNamed(codes: readonly string[], o: NameOccurrence): string | undefined {
  if (codes.length === 0) return undefined;
  const common = (c: string): number => {
    let i = 0;
    while (i < c.length && i < o.code.length && c[i] === o.code[i]) i++;
    return i;
  };
  const ranked = [...codes].sort((a, b) => common(b) - common(a) || Math.abs(a.length - o.code.length) - Math.abs(b.length - o.code.length) || (a < b ? -1 : 1));
  const best = ranked.filter((c) => common(c) === common(ranked[0]!));
  // several equally close codes (a repeated 项 name under other 款): name them all, at most three
  return best.slice(0, 3).join('、');
}
