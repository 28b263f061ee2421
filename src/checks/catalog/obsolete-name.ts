import { defineCheck, type Target } from '../../engine/define-check.js';
import { catalogFor } from '../../catalog/load.js';
import { compareNames } from '../../catalog/names.js';
import type { Rename } from '../../catalog/types.js';
import { groupBy, narrativeOccurrences, relatedPlaces, tableOccurrences } from './occurrences.js';

interface Place {
  readonly code: string;
  readonly name: string;
  readonly at: Target;
  readonly label: string;
}

/**
 * A classification name that was already replaced in the document's budget year (the renames of
 * rules/catalog/renames.csv, e.g. 210 医疗卫生与计划生育支出 → 卫生健康支出 from 2019). Tables, the 类
 * lines of the summary tables T1/T4 and the narrative are read; one finding per code and old name, at
 * its first place, with the other places related.
 */
export default defineCheck<Record<string, never>>({
  id: 'obsolete-name',
  meta: {
    description: { zh: '科目名称应为预算年度的现行名称', en: 'Classification names are current for the budget year' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      obsoleteApprox: {
        zh: '“{printed}”（{code}）是旧科目名称，现行名称为“{current}”（约自{since}年起更名），本文件为{year}年预算',
        en: '“{printed}” ({code}) is a former name; the current name is “{current}” (renamed about {since}); the document is for {year}',
      },
      obsolete: {
        zh: '“{printed}”（{code}）自{since}年起已更名为“{current}”，本文件为{year}年预算',
        en: '“{printed}” ({code}) was renamed “{current}” from {since}; the document is for {year}',
      },
    },
  },
  run(ctx) {
    const catalog = catalogFor(ctx.settings);
    const year = ctx.document.metadata.year;
    if (year === undefined) {
      ctx.notAssessable('names', 'the document year is unknown');
      return;
    }
    const places: Array<Place & { rename: Rename }> = [];
    const consider = (p: Place): void => {
      // a user catalog that still uses the old name decides for its codes
      if (catalog.isUserCode(p.code) && compareNames(p.name, catalog.entryFor(p.code, year)!.name) === 'same') return;
      const rename = catalog.renameOf(p.code, p.name);
      // the fields a place's finding reads (an occurrence's label may be a getter, which a spread would drop)
      if (rename && rename.year <= year) places.push({ code: p.code, name: p.name, at: p.at, label: p.label, rename });
    };
    for (const o of tableOccurrences(ctx.document)) consider(o);
    for (const t of ctx.document.tables) {
      if (t.kind !== 'T1' && t.kind !== 'T4') continue;
      for (const row of t.rows) {
        if (row.code || row.isTotal || row.side === 'income') continue;
        for (const r of catalog.renamesNamed(row.name)) {
          if (r.code.length === 3) consider({ code: r.code, name: row.name, at: { table: t, row }, label: t.kind });
        }
      }
    }
    for (const o of narrativeOccurrences(ctx.document)) consider(o);
    if (places.length === 0) {
      ctx.pass('names');
      return;
    }
    for (const [instance, group] of groupBy(places, (p) => `${p.code}:${p.rename.oldName}`)) {
      const first = group[0]!;
      const current = catalog.entryFor(first.code, year)?.name ?? first.rename.newName;
      ctx.report({
        instance,
        messageId: first.rename.certainty === 'uncertain' ? 'obsoleteApprox' : 'obsolete',
        data: { code: first.code, printed: first.name, current, since: first.rename.year, year, certainty: first.rename.certainty, places: group.length },
        at: first.at,
        related: relatedPlaces(group.slice(1)),
      });
    }
  },
});
