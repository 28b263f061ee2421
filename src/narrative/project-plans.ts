import type { BudgetDocument, Paragraph } from '../model/document.js';
import { oncePer } from '../memo.js';
import { findNumbers, type NumberToken } from './numbers.js';
import { blockHeading } from './project-blocks.js';

/**
 * The 年度预算安排 of a 项目经费情况说明 block that states the project's year money only in parts: the
 * four quarters' 用款计划 ("第一季度用款计划25.88万元，第二季度…，第四季度用款计划16.78万元") or what it
 * 包括 ("包括产业资金1.39亿元、管理费337.54万元、待安排资金4808.56万元"). A plan that states its total
 * itself ("项目总预算1720.00万，其中…") is a breakdown (breakdowns.ts) and not listed here.
 */
export interface ProjectPlan {
  /** 0-based position among the document's plans. */
  readonly index: number;
  /** The project's name from its block heading ("科技创新专项经费情况说明" → 科技创新专项); none for "项目经费情况说明". */
  readonly name: string | undefined;
  /**
   * The text of the block's paragraphs before the plan, from the start of its project's description (its
   * 项目概况 names the project), at most MAX_BLOCK_TEXT characters of it.
   */
  readonly blockText: string;
  readonly paragraph: Paragraph;
  readonly kind: 'quarters' | 'includes';
  /** The amounts of the parts, in the order printed. */
  readonly parts: readonly NumberToken[];
}

/** The numbered sub-heading of the year's money ("六、年度预算安排", "（六）资金安排"). */
const PLAN_HEADING = /(预算|资金|经费)安排|用款计划/;
/** Words that make a list of parts a partial one, or its amounts limits, rates or estimates. */
const NOT_ALL_PARTS = /[每\/／等约]|以上|以下|以内|不超过|不高于|不低于|最高|最低|上限|至多|左右/;
/**
 * Words before the list (包括, 第一季度) that make it one of a part of the year's money (其中, one source of
 * it), or of money of more years than this one.
 */
const NOT_THE_YEAR = /其中|财政资金|财政拨款|其他资金|自筹|结转|总投资|概算|中期|累计|以前年度|上年/;
/** The first numbered sub-heading of a project's description ("一、项目概述"). */
const RESTART = /^一[、.．]/;
const CUMULATIVE = /累计|累积|截至|截止/;
const QUARTER = /第([一二三四1-4])季度/g;
const MONEY_UNITS = new Set(['元', '万元', '亿元']);
const SPACES = /[\s\u3000]/g;
/**
 * How much of a block's description is kept to find its project's name in: the name stands in its first
 * paragraphs, and a bound keeps a hostile document of many plans under one endless block linear.
 */
const MAX_BLOCK_TEXT = 4000;

/** The project plans of a document, read once per document. */
export const projectPlans: (doc: BudgetDocument) => readonly ProjectPlan[] = oncePer(readPlans);

function readPlans(doc: BudgetDocument): ProjectPlan[] {
  const plans: ProjectPlan[] = [];
  let block: { name: string | undefined; text: string; planned: boolean } | undefined;
  let inPlan = false;
  for (const p of doc.paragraphs) {
    if (p.kind === 'heading') {
      const h = blockHeading(p.text);
      if (h.kind === 'opens') {
        block = { name: h.name, text: '', planned: false };
        inPlan = false;
      } else if (h.kind === 'ends') {
        block = undefined;
      } else if (block) {
        const t = p.text.replace(SPACES, '');
        // numbering that starts again after a plan: the next project's description, under the same heading
        if (block.planned && RESTART.test(t)) block = { name: undefined, text: '', planned: false };
        inPlan = PLAN_HEADING.test(t);
      }
      continue;
    }
    if (!block) continue;
    if (inPlan) {
      const plan = planOf(p);
      if (plan) {
        plans.push({ index: plans.length, name: block.name, blockText: block.text, paragraph: p, ...plan });
        block.planned = true;
      }
    } else if (block.text.length < MAX_BLOCK_TEXT) block.text = `${block.text}${block.text === '' ? '' : '\n'}${p.text}`.slice(0, MAX_BLOCK_TEXT);
  }
  return plans;
}

/** The parts of a plan paragraph, when it states the year's money in parts and in nothing else. */
function planOf(p: Paragraph): Pick<ProjectPlan, 'kind' | 'parts'> | undefined {
  const tokens = findNumbers(p.text);
  const money = tokens.filter((t) => MONEY_UNITS.has(t.unit));
  // a percentage, a count or a rate ("每家企业20万元") beside the amounts: not a plain list of parts
  if (money.length < 2 || money.length !== tokens.length || money.some((t) => t.negative)) return undefined;
  const quarters = quartersOf(p.text, money) && !NOT_THE_YEAR.test(p.text.slice(0, p.text.search(QUARTER)));
  if (quarters) return { kind: 'quarters', parts: money };
  const includes = p.text.indexOf('包括');
  // "包括" before the first amount, and no amount before it (a stated total makes it a breakdown)
  if (includes >= 0 && includes < money[0]!.offset && !NOT_THE_YEAR.test(p.text.slice(0, includes)) && !NOT_ALL_PARTS.test(p.text.slice(includes))) return { kind: 'includes', parts: money };
  return undefined;
}

/** Whether each amount follows its own quarter, the four of them in order ("第一季度…X万元，第二季度…"). */
function quartersOf(text: string, money: readonly NumberToken[]): boolean {
  // amounts to the end of each quarter ("第二季度累计用款…", "截至第三季度…") are not the quarters' own
  if (money.length !== 4 || CUMULATIVE.test(text)) return false;
  const quarters = [...text.matchAll(QUARTER)];
  if (quarters.map((m) => '一二三四1234'.indexOf(m[1]!) % 4).join() !== '0,1,2,3') return false;
  // each amount after its quarter and before the next one's
  return money.every((t, i) => t.offset > quarters[i]!.index! && (i === 3 || t.offset < quarters[i + 1]!.index!));
}
