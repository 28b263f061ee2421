import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/random.js';
import { departmentNames } from '../../src/checks/structure/department-name.js';

/** The plain form: every place searched in every paragraph, with slices (as before the character pre-tests). */
function plainDepartmentNames(text: string): Array<{ name: string; offset: number }> {
  const fits = (name: string): boolean => name.length >= 2 && name.length <= 40;
  const within = (t: string, word: string, max: number): number => {
    const i = t.indexOf(word);
    return i <= max ? i : -1;
  };
  const prefix = /^[-•·*\t 一二三四五六七八九十0-9]/.test(text) ? (/^[-•·*]?[ \t]{0,2}(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、])?[ \t]{0,2}/u.exec(text)?.[0].length ?? 0) : 0;
  const body = text.slice(prefix);
  for (const b of ['（部门）', '(部门)', '（单位）', '(单位)']) {
    const i = within(body, b, 45);
    if (i < 0) continue;
    const after = body.slice(i + b.length);
    const name = body.slice(0, i);
    if (fits(name) && (after.startsWith('主要职能') || after.startsWith('机构设置') || after.startsWith('预算'))) return [{ name, offset: prefix }];
    const year = /^\d{4}年/u.exec(body);
    if (year && after.startsWith('下属') && fits(name.slice(year[0].length))) return [{ name: name.slice(year[0].length), offset: prefix + year[0].length }];
  }
  for (const e of ['主要职能', '机构设置']) {
    if (!body.endsWith(e)) continue;
    const name = body.slice(0, body.length - e.length);
    if (fits(name)) return [{ name, offset: prefix }];
  }
  for (const l of ['预算主管部门', '主管部门', '部门名称']) {
    if (!text.startsWith(l) || !'：:'.includes(text[l.length] ?? '')) continue;
    const raw = text.slice(l.length + 1);
    const name = raw.trim();
    if (fits(name)) return [{ name, offset: l.length + 1 + raw.indexOf(name) }];
  }
  for (const sc of ['部门预算是包括', '单位预算是包括']) {
    const i = within(text, sc, 40);
    if (i < 2 || i > 40) continue;
    const rest = text.slice(i + sc.length, i + sc.length + 42);
    const j = rest.indexOf('本部');
    const out = [{ name: text.slice(0, i), offset: 0 }];
    if (j >= 2) out.push({ name: rest.slice(0, j), offset: i + sc.length });
    return out;
  }
  return [];
}

describe('departmentNames', () => {
  it('finds what the plain form finds, on random paragraphs', () => {
    const rng = new Rng(19);
    const pieces = ['某局', '上海市青浦区经济委员会', '（部门）', '(单位)', '主要职能', '机构设置', '预算', '下属', '2023年', '一、', '十一、', '1.', '12．', '- ', '-\t ', ' ', '\t', '预算主管部门', '：', '部门预算是包括', '本部', '包', '（', '某'.repeat(20)];
    const differing: string[] = [];
    for (let n = 0; n < 20000; n++) {
      let text = '';
      for (let i = rng.int(0, 8); i > 0; i--) text += rng.pick(pieces);
      if (JSON.stringify(departmentNames(text)) !== JSON.stringify(plainDepartmentNames(text))) differing.push(text);
    }
    expect(differing).toEqual([]);
  });

  it('finds what the plain form finds around the longest names', () => {
    for (let k = 30; k <= 50; k++) {
      for (const head of ['', '一、', '2023年', '1. 2023年', '- \t十一、\t ', '-\t 12．\t 2023年']) {
        for (const tail of ['（部门）主要职能', '(单位)预算', '（单位）下属1家', '部门预算是包括某局本部', '单位预算是包括']) {
          const text = `${head}${'某'.repeat(k)}${tail}`;
          expect([...departmentNames(text)], text).toEqual(plainDepartmentNames(text));
        }
      }
    }
  });
});
