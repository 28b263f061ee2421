import { charSet } from '../char-sets.js';
import { clean, cleanEndsIn } from './clause-marks.js';

/**
 * What a heading does to the 项目经费情况说明 block the narrative is in: it opens one (named by its
 * project, "科技创新专项经费情况说明" → 科技创新专项, or not, "项目经费情况说明"), ends the one open (any other
 * heading ending in 说明: "其他相关情况说明", a numbered part "七、项目经费情况说明"), or leaves it
 * open (a sub-heading such as "六、年度预算安排"). One reading for the narrative's project amounts
 * (statements.ts), the project plans (project-plans.ts) and the end of a PDF form (parsers/pdf).
 */
export type BlockHeading = { readonly kind: 'opens'; readonly name: string | undefined } | { readonly kind: 'ends' } | { readonly kind: 'inside' };

const INSIDE: BlockHeading = { kind: 'inside' };
const ENDS: BlockHeading = { kind: 'ends' };
const MING = charSet('明');

/** "科技创新专项经费情况说明", "XX项目情况说明", "项目经费情况说明": the words before are the project's name. */
const BLOCK_HEADING = /^(.{0,40}?)(项目)?(经费|资金)?(情况)?说明$/;
/** Headings ending in 说明 that open no project block (and end one). */
const NOT_BLOCK = /编制|相关情况|名词|预算情况|总体情况|^(本|部门|单位)/;
/** A heading that names no project opens a block only with one of these words ("项目经费情况说明"). */
const BLOCK_WORDS = /项目|经费|资金/;
/** A numbered heading ("六、年度预算安排", "（二）…", "3.…"): a part of a section, not a block of its own. */
export const NUMBERED_HEADING = /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])/;

export function blockHeading(text: string): BlockHeading {
  // a heading whose last character (spaces and quotes aside) is no 明 cannot end in 说明 (most headings; no copy made)
  if (!cleanEndsIn(text, MING)) return INSIDE;
  const t = clean(text);
  if (!t.endsWith('说明')) return INSIDE;
  if (NUMBERED_HEADING.test(t) || NOT_BLOCK.test(t)) return ENDS;
  const name = BLOCK_HEADING.exec(t)?.[1] ?? '';
  // a name of one character is too little to be a project's
  if (name.length >= 2) return { kind: 'opens', name };
  return BLOCK_WORDS.test(t) ? { kind: 'opens', name: undefined } : ENDS;
}
