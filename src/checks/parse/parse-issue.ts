import { defineCheck } from '../../engine/define-check.js';

/**
 * Reports the problems the parser met under this rule's id: amounts that are not numbers, tables
 * without a unit line or without their 合计 row, tables with no body. The parser records each
 * problem with the rule id it belongs to; this check turns them into findings so that their
 * severity can be configured like any other rule.
 */
export default defineCheck<Record<string, never>>({
  id: 'parse-issue',
  meta: {
    description: { zh: '解析时发现的问题', en: 'Problems found while reading the document' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      invalidAmount: { zh: '“{table}” {row} 行 “{column}” 列的内容“{text}”不是金额', en: '"{text}" in {table}, row {row}, column {column} is not an amount' },
      missingUnit: { zh: '“{table}”没有“单位：”行，金额单位不明', en: '{table} has no "单位：" line; the unit of its amounts is unknown' },
      missingTotalRow: { zh: '“{table}”没有合计行（表格可能被截断）', en: '{table} has no 合计 row (the table may be cut off)' },
      emptyTableBody: { zh: '“{table}”只有标题，没有表头和数据', en: '{table} has a title but no header or data rows' },
      noDataRows: { zh: '“{table}”有表头，但没有数据行（连合计行也没有）', en: '{table} has a header but no rows, not even its 合计 row' },
      formulaMismatch: { zh: '{sheet}!{cell} 的公式 {formula} 保存的值为 {cached}，按其引用的单元格计算应为 {computed}（工作簿未重新计算？）', en: 'Formula {formula} in {sheet}!{cell} holds the saved value {cached}, but its inputs give {computed} (workbook not recalculated?)' },
      formulaNoValue: { zh: '{sheet}!{cell} 的公式 {formula} 没有保存的计算结果，按空白读取', en: 'Formula {formula} in {sheet}!{cell} has no saved result; it reads as blank' },
      hiddenSheet: { zh: '工作表“{sheet}”被隐藏；已照常读取，但打印或导出时不会出现', en: 'Sheet "{sheet}" is hidden; it was read, but a printed or exported copy leaves it out' },
      hiddenRows: { zh: '工作表“{sheet}”的第 {rows} 行被隐藏；已照常读取，但打印或导出时不会出现', en: 'Rows {rows} of sheet "{sheet}" are hidden; they were read, but a printed or exported copy leaves them out' },
      hiddenColumns: { zh: '工作表“{sheet}”的 {columns} 列被隐藏；已照常读取，但打印或导出时不会出现', en: 'Columns {columns} of sheet "{sheet}" are hidden; they were read, but a printed or exported copy leaves them out' },
      notABudgetTable: { zh: '“{name}”没有表格标题，名称也不是标准表名，不是预算表，未读取', en: '"{name}" has no table title and its name is not a standard table\'s, so it is not a budget table and was not read' },
      duplicateText: { zh: '第 {page} 页的文字在文本层中重复出现（{chars} 字），已只计一次', en: 'Text on page {page} appears twice in the text layer ({chars} characters); counted once' },
    },
  },
  run(ctx) {
    const mine = ctx.document.issues.filter((i) => i.ruleId === ctx.ruleId);
    if (mine.length === 0) ctx.pass('document');
    mine.forEach((issue, n) => {
      ctx.report({
        instance: `${issue.table ?? 'document'}#${n + 1}`,
        messageId: issue.messageId,
        data: issue.data,
        at: {
          location: {
            ...issue.location,
            ...(issue.table ? { table: issue.table } : {}),
            ...(issue.row ? { row: issue.row } : {}),
            ...(issue.field ? { field: issue.field } : {}),
          },
        },
      });
    });
  },
});
