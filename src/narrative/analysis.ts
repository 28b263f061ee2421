import type { BudgetDocument } from '../model/document.js';
import { findBreakdowns, type Breakdown } from './breakdowns.js';
import { compareToken, type RestatementComparison } from './compare.js';
import { linkSubject, type LinkResult } from './link.js';
import { findClassificationMentions, type ClassificationMention } from './mentions.js';
import { extractStatements, type Statement, type UnreadAmounts } from './statements.js';
import { subjectKey, type Subject } from './subjects.js';
import { oncePer } from '../memo.js';
import { withoutSpaces } from '../char-sets.js';

/**
 * Most amounts a document lists one by one as not linked (narrative/unlinked-amount) or not
 * assessable (narrative/amount-matches-table, year-on-year orphans); the rest are counted in one entry.
 * A real narrative has a few dozen; `budgetlint narrative FILE` still lists every amount.
 */
export const MAX_UNLINKED_LISTED = 1000;

/** A level statement with its link and, when linked, the comparison with the table. */
export interface AssessedStatement {
  readonly statement: Statement;
  /** Stable rule-instance id: subject key and occurrence ("2011301#1"), or the words for unlinked ones. */
  readonly instance: string;
  readonly link: LinkResult;
  readonly comparison?: RestatementComparison;
}

/** Everything the narrative checks need, computed once per document. */
export interface NarrativeAnalysis {
  readonly mentions: readonly ClassificationMention[];
  readonly statements: readonly Statement[];
  /** Level statements (this year's amounts), in document order. */
  readonly levels: readonly AssessedStatement[];
  /** Paragraphs with more amounts than are read (MAX_AMOUNTS_PER_PARAGRAPH): where reading stopped. */
  readonly unread: readonly UnreadAmounts[];
  /** Totals with the parts the narrative lists for them (narrative/breakdown-sum). */
  readonly breakdowns: readonly Breakdown[];
}

/** Extracts, links and compares the narrative of a document (once per document: several checks share it). */
export const analyzeNarrative: (doc: BudgetDocument) => NarrativeAnalysis = oncePer(analyze);

function analyze(doc: BudgetDocument): NarrativeAnalysis {
  const mentions = findClassificationMentions(doc);
  const unread: UnreadAmounts[] = [];
  const statements = extractStatements(doc, mentions, unread);
  const breakdowns = findBreakdowns(doc, statements);
  // the amounts of a complete list ("其中 … 合计"), checked against each other when no table holds them
  const inWholeList = new Set<Statement>();
  for (const b of breakdowns) {
    if (b.kind !== 'listed' || !b.exhaustive) continue;
    inWholeList.add(b.parent);
    for (const s of b.parts) inWholeList.add(s);
    if (b.stated) inWholeList.add(b.stated);
  }
  // a subject's key decides its link (the same code, total or part links to the same cells): linked once
  const links = new Map<string, LinkResult>();
  const seen = new Map<string, number>();
  const levels: AssessedStatement[] = [];
  for (const s of statements) {
    if (s.role !== 'level') continue;
    const key = s.subject && !s.threshold ? subjectKey(s.subject) : textKey(s);
    let link: LinkResult = s.threshold
      ? { kind: 'unlinked', reason: 'a limit or a rate, not a restated amount' }
      : s.subject
        ? linkOnce(doc, links, s.subject, key)
        : { kind: 'unlinked', reason: 'the words before the amount name nothing found in the tables' };
    if (link.kind === 'unlinked' && inWholeList.has(s)) link = { kind: 'internal' };
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    // 绩效目标 money and a project's money are parts of a table value, not restatements of it
    const atMost = s.subject?.kind === 'performance-projects' || s.subject?.kind === 'project';
    const comparison = link.kind === 'linked' && s.token.unit !== '%' ? compareToken(s.token, link.value, atMost) : undefined;
    // one shape for all (comparison undefined when not compared)
    levels.push({ statement: s, instance: `${key}#${n}`, link, comparison });
  }
  return { mentions, statements, levels, unread, breakdowns };
}

function linkOnce(doc: BudgetDocument, links: Map<string, LinkResult>, subject: Subject, key: string): LinkResult {
  let link = links.get(key);
  if (!link) {
    link = linkSubject(doc, subject);
    links.set(key, link);
  }
  return link;
}

/** The instance key of an amount without a (restated) subject: the words before it and the figure. */
export function textKey(s: Statement): string {
  return `text:${withoutSpaces(s.clause).slice(-12)}${s.token.raw}${s.token.unit}`;
}
