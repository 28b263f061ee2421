import { defineCheck } from '../../engine/define-check.js';
import { STANDARD_KINDS } from '../../model/document.js';

/** Core title words of each standard table (DOMAIN.md §2), for messages. */
export const TABLE_TITLES: Readonly<Record<(typeof STANDARD_KINDS)[number], string>> = {
  T1: '财务收支预算总表',
  T2: '收入预算总表',
  T3: '支出预算总表',
  T4: '财政拨款收支预算总表',
  T5: '一般公共预算支出功能分类预算表',
  T6: '政府性基金预算支出功能分类预算表',
  T7: '国有资本经营预算支出功能分类预算表',
  T8: '一般公共预算基本支出经济分类预算表',
  T9: '“三公”经费和机关运行经费预算表',
};

/**
 * The nine standard tables are all printed (部门预算 and 单位预算 alike); T6 and T7 may be empty but
 * must still be printed with their header and 合计 row. A document in which no standard table was
 * found at all is not judged (it is not a budget disclosure, or it could not be read).
 */
export default defineCheck<Record<string, never>>({
  id: 'standard-tables',
  meta: {
    description: { zh: '九张公开表齐全', en: 'All nine standard tables are present' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      missing: { zh: '缺少{table}“{title}”', en: 'table {table} “{title}” is missing' },
    },
  },
  run(ctx) {
    const doc = ctx.document;
    if (doc.metadata.stage === '决算') {
      ctx.notApplicable('tables', 'final accounts (决算) print a different set of tables');
      return;
    }
    const present = new Set(doc.tables.map((t) => t.kind));
    if (!STANDARD_KINDS.some((k) => present.has(k))) {
      ctx.notAssessable('tables', 'no standard table was found in the document');
      return;
    }
    const at = { location: { file: doc.source.file, line: 1 } };
    for (const kind of STANDARD_KINDS) {
      if (present.has(kind)) ctx.pass(kind);
      else ctx.report({ instance: kind, messageId: 'missing', data: { table: kind, title: TABLE_TITLES[kind] }, at });
    }
  },
});
