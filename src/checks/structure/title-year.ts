import { defineCheck, type Target } from '../../engine/define-check.js';
import { MAX_PER_PLACE } from './proofread.js';

/** A year written as "2023年" (not part of a longer number). */
const YEAR = /(?<!\d)(20\d{2})(?=年)/gu;
/** Words that make a year a comparison or a range rather than the document's year. */
const COMPARISON_BEFORE = /(比|较|上年|同比|对比|与|截至|截止|至|[-—–~～])\s*$/u;
const RANGE_AFTER = /^年?(度)?\s*[-—–~～至]/u;
/** Headings about the previous year's execution or accounts may name that year. */
const LOOKING_BACK = /执行|决算|完成情况|上年/u;

/**
 * The year in table titles and headings agrees with the document's year (DOMAIN.md §6: the wrong year
 * left in a heading). The previous year in a comparison ("比2022年…") and year ranges are fine.
 */
export default defineCheck<Record<string, never>>({
  id: 'title-year',
  meta: {
    description: { zh: '标题中的年度与文件年度一致', en: 'Years in titles and headings match the document year' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      wrongYear: { zh: '标题“{title}”中的年度为{printed}年，本文件为{year}年', en: 'the title “{title}” says {printed}; the document is for {year}' },
    },
  },
  run(ctx) {
    const year = ctx.document.metadata.year;
    if (year === undefined) {
      ctx.notAssessable('titles', 'the document year is unknown');
      return;
    }
    const titles: Array<{ text: string; key: string; at: (offset: number) => Target }> = [
      ...ctx.document.tables.map((t) => ({ text: t.title, key: t.id, at: (): Target => ({ table: t }) })),
      ...ctx.document.paragraphs.flatMap((p, i) => (p.kind === 'heading' ? [{ text: p.text, key: `p${i}`, at: (offset: number): Target => ({ paragraph: p, offset, length: 5 }) }] : [])),
    ];
    for (const t of titles) {
      let bad = 0;
      // exec on the one global pattern (matchAll would copy it for every title)
      YEAR.lastIndex = 0;
      for (let m = YEAR.exec(t.text); m; m = YEAR.exec(t.text)) {
        const printed = Number(m[1]);
        if (printed === year) continue;
        const before = t.text.slice(0, m.index);
        const after = t.text.slice(m.index + 4);
        if (printed === year - 1 && (COMPARISON_BEFORE.test(before) || LOOKING_BACK.test(t.text))) continue;
        if (COMPARISON_BEFORE.test(before) && /[-—–~～至]\s*$/u.test(before)) continue;
        if (RANGE_AFTER.test(after)) continue;
        bad++;
        ctx.report({ instance: `${t.key}:${m.index}`, messageId: 'wrongYear', data: { title: t.text, printed, year }, at: t.at(m.index) });
        if (bad === MAX_PER_PLACE) break; // a title full of years is one problem
      }
      if (bad === 0) ctx.pass(t.key);
    }
  },
});
