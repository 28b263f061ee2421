import { makeMetadata } from '../model/construct.js';
import type { DocumentMetadata, Paragraph, Table } from '../model/document.js';

/**
 * Reads department, year and scope from the cover and headings: "上海市青浦区2023年区级部门预算",
 * "预算主管部门：上海市青浦区经济委员会", "XX（单位）主要职能".
 */
export function readMetadata(paragraphs: readonly Paragraph[], tables: readonly Table[]): DocumentMetadata {
  const head = paragraphs.slice(0, 40);
  const title = head.find((p) => /预算|决算/.test(p.text) && p.text.length <= 60)?.text;
  const yearText = title ?? head.map((p) => p.text).join('\n') + tables.map((t) => t.title).join('\n');
  const year = /(20\d{2})\s*年/.exec(yearText)?.[1];
  let department: string | undefined;
  for (const p of head) {
    const m = /^(?:预算主管部门|预算单位|主管部门|部门名称|单位名称)[ \t]*[:：]([^\n]+)/.exec(p.text);
    if (m) {
      department = m[1]!.trim() || undefined;
      if (department) break;
    }
  }
  if (!department) {
    for (const p of paragraphs.slice(0, 80)) {
      const m = /^(.{2,40}?)[（(](部门|单位)[）)](主要职能|机构设置)/.exec(p.text);
      if (m) {
        department = m[1]!.trim();
        break;
      }
    }
  }
  if (!department && title) {
    const m = /^(.{2,40}?)(20\d{2})年(度)?.{0,4}(部门|单位)(预算|决算)/.exec(title);
    if (m) department = m[1]!.trim();
  }
  // a word "in the title or the head": the words have no spaces, so no match spans two texts and
  // each text can be tested on its own instead of joining them
  const inTitleOrHead = (re: RegExp): boolean => re.test(title ?? '') || head.some((p) => re.test(p.text));
  const scope = /单位预算|单位决算/.test(title ?? '') ? '单位预算' : inTitleOrHead(/部门预算|部门决算/) ? '部门预算' : inTitleOrHead(/单位预算/) ? '单位预算' : undefined;
  const stage = /决算/.test(title ?? '') ? '决算' : inTitleOrHead(/预算/) ? '预算' : undefined;
  return makeMetadata(title || undefined, department || undefined, year ? Number(year) : undefined, scope, stage);
}
