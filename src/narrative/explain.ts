import { formatDecimal, UNIT_FACTOR, type Unit } from '../model/amount.js';
import { paragraphLocation, type BudgetDocument } from '../model/document.js';
import type { CheckModule, Target } from '../engine/define-check.js';
import narrativeBreakdown from '../checks/narrative/breakdown-sum.js';
import narrativeProcurementShares from '../checks/narrative/procurement-shares.js';
import narrativeShare from '../checks/narrative/share-of-total.js';
import narrativeYearOnYear from '../checks/narrative/year-on-year.js';
import { analyzeNarrative } from './analysis.js';
import { findShares } from './shares.js';
import type { Statement } from './statements.js';
import { subjectLabel } from './subjects.js';

/** One line of the narrative explanation: a number of the text and what became of it. */
export interface ExplainedStatement {
  readonly line?: number;
  readonly column?: number;
  readonly page?: number;
  /** The number with its unit as printed. */
  readonly text: string;
  readonly role: 'level' | 'change' | 'previous' | 'percent';
  /** What the number is about (level statements), or the level statement it belongs to. */
  readonly subject?: string;
  /** The table cell(s) compared with, and their value in the narrative's unit. */
  readonly table?: string;
  readonly tableValue?: string;
  /**
   * pass | truncated | mismatch for linked amounts; internal (checked against other narrative
   * amounts); unlinked: <reason>; year-on-year for changes and percentages.
   */
  readonly outcome: string;
}

/**
 * Lists every extracted statement with its link and outcome, so a reviewer sees what was and was
 * not checked (issue 4: nothing silently dropped).
 */
export function explainNarrative(doc: BudgetDocument): ExplainedStatement[] {
  const a = analyzeNarrative(doc);
  const levels = new Map(a.levels.map((l) => [l.statement.index, l]));
  const marks = selfCheckMarks(doc);
  const markOf = (s: Statement): string[] => marks.get(`${s.paragraphIndex}:${s.token.offset}`) ?? [];
  const withMarks = (outcome: string, s: Statement): string => [outcome, ...markOf(s)].join('; ');
  return a.statements.map((s) => {
    const loc = paragraphLocation(s.paragraph, s.token.offset, s.token.numberLength);
    const pos = { ...(loc.line !== undefined ? { line: loc.line } : {}), ...(loc.column !== undefined ? { column: loc.column } : {}), ...(loc.page !== undefined ? { page: loc.page } : {}) };
    const text = s.paragraph.text.slice(s.token.offset, s.token.offset + s.token.length);
    const l = levels.get(s.index);
    if (!l) {
      const owner = s.levelIndex !== undefined ? a.statements[s.levelIndex] : undefined;
      const own = markOf(s);
      const inherited = owner ? markOf(owner).filter((m) => m.startsWith('year-on-year')) : [];
      return {
        ...pos,
        text,
        role: s.role,
        ...(owner?.subject ? { subject: subjectLabel(owner.subject) } : {}),
        outcome: owner ? (own.length > 0 ? own : inherited.length > 0 ? inherited : ['year-on-year']).join('; ') : 'unlinked: no amount before it in the paragraph',
      };
    }
    const base = { ...pos, text, role: s.role, ...(s.subject ? { subject: subjectLabel(s.subject) } : {}) };
    if (l.link.kind === 'internal') return { ...base, outcome: withMarks('internal', s) };
    if (l.link.kind === 'unlinked') return { ...base, outcome: withMarks(`unlinked: ${l.link.reason}`, s) };
    const unit = s.token.unit as Unit;
    const tableValue = formatDecimal(l.link.value.value.dividedBy(UNIT_FACTOR[unit]));
    return { ...base, table: l.link.value.cells.map((c) => c.label).join(' + '), tableValue, outcome: withMarks(l.comparison?.outcome ?? 'unlinked', s) };
  });
}

/** The checks of the narrative against itself, whose outcomes the explanation shows per number. */
const SELF_CHECKS: ReadonlyArray<readonly [string, CheckModule<Record<string, never>>]> = [
  ['breakdown', narrativeBreakdown],
  ['procurement-shares', narrativeProcurementShares],
  // at the amount a share ("占…的X%") is of: the percentage itself is no statement of its own
  ['share-of-total', narrativeShare],
  ['year-on-year', narrativeYearOnYear],
];

/**
 * Runs the self-consistency checks with a recording context and notes, per number (paragraph index
 * and offset), "breakdown: pass", "year-on-year: percent" and the like.
 */
function selfCheckMarks(doc: BudgetDocument): Map<string, string[]> {
  const index = new Map(doc.paragraphs.map((p, i) => [p, i]));
  const marks = new Map<string, string[]>();
  // each share's percentage → the amount it is a share of
  const a = analyzeNarrative(doc);
  const partOf = new Map(findShares(doc, a.statements, a.mentions).map((s) => [`${s.paragraphIndex}:${s.percent.offset}`, `${s.paragraphIndex}:${s.part.token.offset}`]));
  for (const [name, check] of SELF_CHECKS) {
    const mark = (at: Target | undefined, what: string): void => {
      if (!at || !('paragraph' in at)) return;
      const numberKey = `${index.get(at.paragraph)}:${at.offset ?? 0}`;
      const key = (name === 'share-of-total' ? partOf.get(numberKey) : undefined) ?? numberKey;
      const list = marks.get(key) ?? [];
      const text = `${name}: ${what}`;
      if (!list.some((m) => m.startsWith(`${name}:`) && m !== `${name}: pass`)) {
        marks.set(key, [...list.filter((m) => m !== `${name}: pass`), text]);
      }
    };
    check.run({
      document: doc,
      options: {},
      ruleId: `narrative/${name}`,
      settings: { lang: 'en' },
      report: (r) => mark(r.at, r.messageId),
      pass: (_i, at) => mark(at, 'pass'),
      notApplicable: () => undefined,
      notAssessable: (_i, _r, at) => mark(at, 'not assessable'),
    });
  }
  return marks;
}

/** Column heads of formatExplanation. */
export const EXPLANATION_HEADER = ['position', 'text', 'role', 'subject', 'table', 'table value', 'outcome'].join('\t');

/** Renders the explanation as tab-separated lines (line:column, text, role, subject, table, value, outcome). */
export function formatExplanation(rows: readonly ExplainedStatement[]): string {
  return rows
    .map((r) => [`${r.page !== undefined ? `p${r.page} ` : ''}${r.line ?? '?'}:${r.column ?? '?'}`, r.text, r.role, r.subject ?? '-', r.table ?? '-', r.tableValue ?? '-', r.outcome].join('\t'))
    .join('\n');
}
