import { formatDecimal, UNIT_FACTOR, type Unit } from '../model/amount.js';
import { paragraphLocation, type BudgetDocument } from '../model/document.js';
import { analyzeNarrative } from './analysis.js';
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
  return a.statements.map((s) => {
    const loc = paragraphLocation(s.paragraph, s.token.offset, s.token.numberLength);
    const pos = { ...(loc.line !== undefined ? { line: loc.line } : {}), ...(loc.column !== undefined ? { column: loc.column } : {}), ...(loc.page !== undefined ? { page: loc.page } : {}) };
    const text = s.paragraph.text.slice(s.token.offset, s.token.offset + s.token.length);
    const l = levels.get(s.index);
    if (!l) {
      const owner = s.levelIndex !== undefined ? a.statements[s.levelIndex] : undefined;
      return {
        ...pos,
        text,
        role: s.role,
        ...(owner?.subject ? { subject: subjectLabel(owner.subject) } : {}),
        outcome: owner ? `year-on-year${s.direction ? ` (${s.direction})` : ''}` : 'unlinked: no amount before it in the paragraph',
      };
    }
    const base = { ...pos, text, role: s.role, ...(s.subject ? { subject: subjectLabel(s.subject) } : {}) };
    if (l.link.kind === 'internal') return { ...base, outcome: 'internal' };
    if (l.link.kind === 'unlinked') return { ...base, outcome: `unlinked: ${l.link.reason}` };
    const unit = s.token.unit as Unit;
    const tableValue = formatDecimal(l.link.value.value.dividedBy(UNIT_FACTOR[unit]));
    return { ...base, table: l.link.value.cells.map((c) => c.label).join(' + '), tableValue, outcome: l.comparison?.outcome ?? 'unlinked' };
  });
}

/** Column heads of formatExplanation. */
export const EXPLANATION_HEADER = ['position', 'text', 'role', 'subject', 'table', 'table value', 'outcome'].join('\t');

/** Renders the explanation as tab-separated lines (line:column, text, role, subject, table, value, outcome). */
export function formatExplanation(rows: readonly ExplainedStatement[]): string {
  return rows
    .map((r) => [`${r.page !== undefined ? `p${r.page} ` : ''}${r.line ?? '?'}:${r.column ?? '?'}`, r.text, r.role, r.subject ?? '-', r.table ?? '-', r.tableValue ?? '-', r.outcome].join('\t'))
    .join('\n');
}
