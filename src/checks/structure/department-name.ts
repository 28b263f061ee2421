import { defineCheck } from '../../engine/define-check.js';
import { nameKey } from '../../catalog/names.js';

/** Places that name the department: "X（部门）主要职能", "X（单位）机构设置", "预算主管部门：X", "X部门预算是包括X本部…". */
const PATTERNS: readonly RegExp[] = [
  /^(?:[-•·*]\s*)?(?:[一二三四五六七八九十]+、|\d+[.．、]\s*)?(.{2,40}?)[（(](?:部门|单位)[）)](?:主要职能|机构设置|预算)/u,
  /^(?:[-•·*]\s*)?(?:[一二三四五六七八九十]+、|\d+[.．、]\s*)?(.{2,40}?)(?:主要职能|机构设置)$/u,
  /^(?:预算主管部门|主管部门|部门名称)[：:]\s*(.{2,40})$/u,
  /^(.{2,40}?)(?:部门预算|单位预算)是包括(.{2,40}?)本部/u,
  /^\d{4}年(.{2,40}?)[（(](?:部门|单位)[）)]下属/u,
];

/**
 * The department name is used consistently (DOMAIN.md §6: the wrong department left in a heading
 * copied from another department's document). Only the template's fixed places are read, so short
 * forms in free text ("区经委") are not judged.
 */
export default defineCheck<Record<string, never>>({
  id: 'department-name',
  meta: {
    description: { zh: '部门名称前后一致', en: 'The department name is used consistently' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      differs: { zh: '此处部门名称为“{printed}”，文件的部门为“{expected}”', en: 'the department is named “{printed}” here but the document is for “{expected}”' },
    },
  },
  run(ctx) {
    const expected = ctx.document.metadata.department;
    if (!expected) {
      ctx.notAssessable('department', 'the document names no department');
      return;
    }
    let places = 0;
    ctx.document.paragraphs.forEach((p, i) => {
      const text = p.text.trim();
      for (const re of PATTERNS) {
        const m = re.exec(text);
        if (!m) continue;
        for (const name of m.slice(1)) {
          if (!name) continue;
          places++;
          const instance = `p${i}:${m.index + text.indexOf(name)}`;
          const offset = p.text.indexOf(name);
          if (sameDepartment(name, expected)) {
            ctx.pass(instance, { paragraph: p, offset, length: name.length });
            continue;
          }
          ctx.report({ instance, messageId: 'differs', data: { printed: name, expected }, at: { paragraph: p, offset, length: name.length } });
        }
        break;
      }
    });
    if (places === 0) ctx.notApplicable('department', 'no heading names the department');
  },
});

/**
 * The same department: equal names, the generic 本部门, or a short form whose characters all occur in
 * the full name in order (商务委 for 上海市普陀区商务委员会, 万里街道 for …万里街道办事处).
 */
export function sameDepartment(printed: string, expected: string): boolean {
  const a = nameKey(printed);
  const b = nameKey(expected);
  if (a === b || a === '部门' || a === '本部门' || a === '单位' || a === '本单位') return true;
  let i = 0;
  for (const ch of b) if (ch === a[i]) i++;
  return i === a.length && a.length >= 2;
}
