import { defineCheck } from '../../engine/define-check.js';
import { catalogFor } from '../../catalog/load.js';
import { schemeOfCode } from '../../catalog/types.js';
import type { Row } from '../../model/document.js';
import { codedRows, MORE_IN_TABLE_MESSAGE, passInInstanceOrder, perTableReporter } from './coded-tables.js';

const PART_LENGTHS = [3, 2, 2] as const;
/** The catalog schemes whose codes each kind of table may print. */
const ECONOMIC_SCHEMES: readonly string[] = ['economic', 'economic-gov'];
const FUNCTIONAL_SCHEMES: readonly string[] = ['functional'];

/**
 * Well-formed codes (DOMAIN.md §3, §6): a compact code has 3, 5 or 7 digits; split 类/款/项 parts
 * have 3, 2 and 2 digits (a 1-digit 款 or 项 part lost its leading zero); the 类 exists in the
 * classification of the table (a functional table holds 2xx codes, the economic table 3xx or 5xx).
 */
export default defineCheck<Record<string, never>>({
  id: 'code-format',
  meta: {
    description: { zh: '科目编码格式正确', en: 'Classification codes are well formed' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      missingZero: {
        zh: '科目编码 {printed} 的{part}部分“{value}”缺少前导零（应为“0{value}”）',
        en: 'code {printed}: the {part} part “{value}” lacks its leading zero (“0{value}”)',
      },
      badParts: {
        zh: '科目编码 {printed} 的各部分位数应为 类3位、款2位、项2位',
        en: 'code {printed}: split parts must have 3 (类), 2 (款) and 2 (项) digits',
      },
      badLength: {
        zh: '科目编码 {code} 为{length}位，应为3、5或7位',
        en: 'code {code} has {length} digits; a code has 3, 5 or 7',
      },
      unknownClass: {
        zh: '科目编码 {code} 的类“{lei}”不是{scheme}中的类',
        en: 'code {code}: “{lei}” is not a 类 of the {scheme} classification',
      },
      ...MORE_IN_TABLE_MESSAGE,
    },
  },
  run(ctx) {
    const catalog = catalogFor(ctx.settings);
    const coded = codedRows(ctx.document);
    if (coded.tables.length === 0) {
      ctx.notApplicable('codes', 'no table prints classification codes');
      return;
    }
    const passed = new Uint8Array(coded.instances.length);
    for (const { table, rows, offset } of coded.tables) {
      const out = perTableReporter(ctx, table);
      const expected = table.scheme === 'economic' ? ECONOMIC_SCHEMES : table.scheme === 'functional' ? FUNCTIONAL_SCHEMES : undefined;
      // the last 类 found in the catalog: rows in code order share their 类, so most rows need no look-up
      let knownLei = '';
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        const problem = formatProblem(row);
        if (problem) {
          out.report({ instance: coded.instances[offset + i]!, at: coded.targets[offset + i]!, ...problem });
          continue;
        }
        const code = row.code!;
        if (knownLei !== '' && code.startsWith(knownLei)) {
          passed[offset + i] = 1;
          continue;
        }
        const scheme = schemeOfCode(code);
        const wrongScheme = expected !== undefined && (scheme === undefined || !expected.includes(scheme));
        // (when the scheme is right or no scheme is expected)
        const lei = code.slice(0, 3);
        const knownClass = scheme !== undefined && catalog.hasClass(lei);
        if (wrongScheme || (scheme !== undefined && catalog.knowsClassesOf(scheme) && !knownClass)) {
          out.report({
            instance: coded.instances[offset + i]!,
            at: coded.targets[offset + i]!,
            messageId: 'unknownClass',
            data: { code, lei, scheme: table.scheme === 'economic' || scheme?.startsWith('economic') ? '经济分类' : '功能分类' },
          });
          continue;
        }
        if (knownClass) knownLei = lei;
        passed[offset + i] = 1;
      }
      out.finish();
    }
    passInInstanceOrder(ctx, coded, passed);
  },
});

function formatProblem(row: Row): { messageId: string; data: Record<string, string | number> } | undefined {
  if (!row.codeParts || row.codeParts.length === 1) {
    const code = row.codeParts?.[0] ?? row.code!;
    return code.length === 3 || code.length === 5 || code.length === 7 ? undefined : { messageId: 'badLength', data: { code, length: code.length } };
  }
  const parts = row.codeParts;
  for (let i = 0; i < parts.length; i++) {
    const want = PART_LENGTHS[i];
    const got = parts[i]!.length;
    if (want === undefined) return { messageId: 'badParts', data: { printed: parts.join(' ') } };
    if (got === want) continue;
    if (i > 0 && got === 1) return { messageId: 'missingZero', data: { printed: parts.join(' '), part: i === 1 ? '款' : '项', value: parts[i]! } };
    return { messageId: 'badParts', data: { printed: parts.join(' ') } };
  }
  return undefined;
}
