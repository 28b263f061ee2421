import { formatDecimal, UNIT_FACTOR, type Unit } from '../../model/amount.js';
import type { BudgetDocument } from '../../model/document.js';
import { addIntervals, compareIntervals } from '../../engine/interval.js';
import { defineCheck, type CheckContext } from '../../engine/define-check.js';
import { analyzeNarrative } from '../../narrative/analysis.js';
import { buildClassificationIndex } from '../../narrative/classification-index.js';
import { statementInterval } from '../../narrative/intervals.js';
import type { Statement } from '../../narrative/statements.js';
import { subjectKey, type Subject } from '../../narrative/subjects.js';
import { numberTarget, statementRelated, subjectText } from './targets.js';

/**
 * "X万元，其中 A、B、C" breakdowns add up under the rounding-aware interval semantics of the rule
 * engine (DOMAIN.md §5): a 类 or 款 and its listed 款 or 项 (when the text lists every child the
 * tables have), 三公 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费, 公务用车 = 购置费 +
 * 运行维护费, 政府采购 = 货物 + 工程 + 服务.
 */
export default defineCheck<Record<string, never>>({
  id: 'narrative-breakdown',
  meta: {
    description: { zh: '说明中“其中”各项之和等于总额', en: 'Narrative breakdowns add up to their totals' },
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      sum: {
        zh: '说明中“{subject}”为{total}{unit}，其中各项（{items}项）合计{sum}{unit}，相差{difference}{unit}，超出四舍五入误差',
        en: 'The narrative gives {subject} as {total} {unit} but its {items} listed parts add up to {sum} {unit}: a difference of {difference} {unit}, more than rounding explains',
      },
    },
  },
  run(ctx) {
    const levels = analyzeNarrative(ctx.document).levels.map((l) => l.statement);
    const groups = [...classificationGroups(ctx.document, levels), ...namedGroups(levels)];
    if (groups.length === 0) ctx.notApplicable('narrative', 'the narrative lists no breakdowns');
    const seen = new Map<string, number>();
    for (const g of groups) {
      const key = subjectKey(g.parent.subject!);
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      check(ctx, `${key}#${n}`, g.parent, g.children);
    }
  },
});

interface Group {
  readonly parent: Statement;
  readonly children: readonly Statement[];
}

function check(ctx: CheckContext<Record<string, never>>, instance: string, parent: Statement, children: readonly Statement[]): void {
  const total = statementInterval(parent);
  const sum = addIntervals(children.map(statementInterval));
  if (compareIntervals(total, sum) !== 'mismatch') {
    ctx.pass(instance, numberTarget(parent));
    return;
  }
  const unit = parent.token.unit as Unit;
  const scale = Math.max(parent.token.scale, ...children.map((c) => c.token.scale));
  const inUnit = (v: typeof total.value): string => formatDecimal(v.dividedBy(UNIT_FACTOR[unit]), scale);
  ctx.report({
    instance,
    messageId: 'sum',
    at: numberTarget(parent),
    data: { subject: subjectText(parent), total: formatDecimal(parent.token.value, parent.token.scale), unit, items: children.length, sum: inUnit(sum.value), difference: inUnit(total.value.minus(sum.value)) },
    related: children.map((c) => statementRelated(c)),
  });
}

function codeOf(s: Statement): string | undefined {
  return s.subject?.kind === 'classification' ? s.subject.code : undefined;
}

/**
 * A 类/款 amount followed by amounts of its direct children; checked only when the children listed
 * are all the children the tables have (a partial listing need not add up).
 */
function classificationGroups(doc: BudgetDocument, levels: readonly Statement[]): Group[] {
  const index = buildClassificationIndex(doc);
  const out: Group[] = [];
  levels.forEach((p, i) => {
    const code = codeOf(p);
    if (!code || code.length >= 7) return;
    const children: Statement[] = [];
    if (p.subject?.kind === 'classification' && p.subject.column) return;
    for (let j = i + 1; j < levels.length; j++) {
      const sj = levels[j]!.subject;
      if (sj?.kind === 'classification' && sj.column) continue; // an item's 基本支出/项目支出 part
      const c = codeOf(levels[j]!);
      if (!c || !c.startsWith(code) || c === code) break;
      if (c.length === code.length + 2) children.push(levels[j]!);
    }
    if (children.length === 0) return;
    const listed = new Set(children.map(codeOf));
    const inTables = index.list(code.length === 3 ? '款' : '项', code);
    if (inTables.length > 0 && !inTables.every((c) => listed.has(c.code))) return;
    out.push({ parent: p, children });
  });
  return out;
}

function find(levels: readonly Statement[], kind: Subject['kind'], part: string, from: number): Statement | undefined {
  return levels.slice(from).find((s) => s.subject?.kind === kind && 'part' in s.subject && s.subject.part === part);
}

/** 三公, 公务用车 and 政府采购 groups: the first total and the first of each part after it. */
function namedGroups(levels: readonly Statement[]): Group[] {
  const out: Group[] = [];
  const group = (kind: Subject['kind'], parentPart: string, parts: readonly string[]): void => {
    const p = find(levels, kind, parentPart, 0);
    if (!p) return;
    const from = levels.indexOf(p) + 1;
    const children = parts.map((x) => find(levels, kind, x, from));
    if (children.every((c): c is Statement => c !== undefined)) out.push({ parent: p, children });
  };
  group('sangong', '合计', ['因公出国（境）费', '公务用车购置及运行维护费', '公务接待费']);
  group('sangong', '公务用车购置及运行维护费', ['公务用车购置费', '公务用车运行维护费']);
  group('procurement', '合计', ['货物', '工程', '服务']);
  return out;
}
