import type { BudgetDocument } from '../model/document.js';
import { findBreakdowns, type Breakdown } from './breakdowns.js';
import { compareToken, type RestatementComparison } from './compare.js';
import { linkSubject, type LinkResult } from './link.js';
import { findClassificationMentions, type ClassificationMention } from './mentions.js';
import { extractStatements, type Statement, type UnreadAmounts } from './statements.js';
import { subjectKey } from './subjects.js';
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
  const inWholeList = wholeListAmounts(breakdowns);
  // per instance key: how many amounts had it so far, and the link of its subject (a subject's key
  // decides its link: the same code, total or part links to the same cells): linked once
  const byKey = new Map<string, KeyUse>();
  const levels: AssessedStatement[] = [];
  for (const s of statements) {
    if (s.role !== 'level') continue;
    const key = s.subject && !s.threshold ? subjectKey(s.subject) : textKey(s);
    let use = byKey.get(key);
    if (use === undefined) {
      use = { count: 0, link: undefined };
      byKey.set(key, use);
    }
    let link: LinkResult = s.threshold
      ? { kind: 'unlinked', reason: 'a limit or a rate, not a restated amount' }
      : s.subject
        ? (use.link ??= linkSubject(doc, s.subject))
        : { kind: 'unlinked', reason: 'the words before the amount name nothing found in the tables' };
    if (link.kind === 'unlinked' && inWholeList?.has(s)) link = { kind: 'internal' };
    const n = ++use.count;
    // 绩效目标 money and a project's money are parts of a table value, not restatements of it
    const atMost = s.subject?.kind === 'performance-projects' || s.subject?.kind === 'project';
    const comparison = link.kind === 'linked' && s.token.unit !== '%' ? compareToken(s.token, link.value, atMost) : undefined;
    // one shape for all (comparison undefined when not compared)
    levels.push({ statement: s, instance: `${key}#${n}`, link, comparison });
  }
  return { mentions, statements, levels, unread, breakdowns };
}

/** What the analysis knows of one instance key. */
interface KeyUse {
  count: number;
  link: LinkResult | undefined;
}

/** The amounts of the complete "其中" lists (parent, parts, stated sum); undefined when there is none (most documents). */
function wholeListAmounts(breakdowns: readonly Breakdown[]): Set<Statement> | undefined {
  let amounts: Set<Statement> | undefined;
  for (const b of breakdowns) {
    if (b.kind !== 'listed' || !b.exhaustive) continue;
    amounts ??= new Set();
    amounts.add(b.parent);
    for (const s of b.parts) amounts.add(s);
    if (b.stated) amounts.add(b.stated);
  }
  return amounts;
}

/** The instance key of an amount without a (restated) subject: the words before it and the figure. */
export function textKey(s: Statement): string {
  return `text:${withoutSpaces(s.clause).slice(-12)}${s.token.raw}${s.token.unit}`;
}
