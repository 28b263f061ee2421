import type { RelatedTarget, Target } from '../../engine/define-check.js';
import type { BudgetDocument, CodeLevel, Row, Table } from '../../model/document.js';
import { findClassificationMentions, type ClassificationMention } from '../../narrative/mentions.js';
import { codedRows, MAX_RELATED, type RowTarget } from './coded-tables.js';
import { oncePer } from '../../memo.js';
import { nameKey } from '../../catalog/names.js';

/** One place where the document prints a classification code with a name. */
export interface NameOccurrence {
  readonly code: string;
  readonly name: string;
  readonly level?: CodeLevel;
  readonly where: 'table' | 'narrative';
  readonly at: Target;
  /** "T3 2011301" or "narrative line 94". */
  readonly label: string;
  readonly table?: Table;
  readonly row?: Row;
  readonly mention?: ClassificationMention;
}

/** Coded, named rows of every table, in document order (found once per document: three rules read them). */
export const tableOccurrences: (doc: BudgetDocument) => readonly NameOccurrence[] = oncePer(findTableOccurrences);

function findTableOccurrences(doc: BudgetDocument): NameOccurrence[] {
  const out: NameOccurrence[] = [];
  const { instances, targets } = codedRows(doc);
  for (let i = 0; i < instances.length; i++) {
    const at = targets[i]!;
    const { code, name } = at.row;
    if (!code || name.trim() === '') continue;
    out.push(new TableOccurrence(at, code));
  }
  return out;
}

/**
 * A coded table row as an occurrence; its label is only built when a finding lists the place (most
 * codes are named alike everywhere).
 */
class TableOccurrence implements NameOccurrence {
  readonly level: CodeLevel | undefined;
  readonly name: string;
  readonly where = 'table' as const;
  readonly table: Table;
  readonly row: Row;
  private labelText: string | undefined;
  constructor(
    /** The row's target, shared with the rules that read coded rows. */
    readonly at: RowTarget,
    readonly code: string,
  ) {
    const { table, row } = at;
    this.table = table;
    this.row = row;
    this.name = row.name;
    // always present (undefined when the row has no level), so every table occurrence has one shape
    this.level = row.level || undefined;
  }
  get label(): string {
    const { table } = this;
    return (this.labelText ??= `${table.kind === 'unknown' ? table.title : table.kind} ${this.code}`);
  }
}

/**
 * Narrative mentions whose code is known (printed, from the context, or resolved by name); found once
 * per list of mentions (a document's mentions are themselves found once).
 */
export function narrativeOccurrences(doc: BudgetDocument, mentions: readonly ClassificationMention[] = findClassificationMentions(doc)): readonly NameOccurrence[] {
  return occurrencesOfMentions(mentions);
}

const occurrencesOfMentions = oncePer(findNarrativeOccurrences);

function findNarrativeOccurrences(mentions: readonly ClassificationMention[]): NameOccurrence[] {
  const out: NameOccurrence[] = [];
  for (const m of mentions) if (m.code !== undefined) out.push(new NarrativeOccurrence(m, m.code));
  return out;
}

/** A narrative mention as an occurrence; its label, like a table occurrence's, is only built when a finding lists the place. */
class NarrativeOccurrence implements NameOccurrence {
  readonly name: string;
  readonly level: CodeLevel | undefined;
  readonly where = 'narrative' as const;
  readonly at: Target;
  constructor(
    readonly mention: ClassificationMention,
    readonly code: string,
  ) {
    this.name = mention.name;
    this.level = mention.level;
    this.at = { paragraph: mention.paragraph, offset: mention.offset, length: mention.nameLength };
  }
  get label(): string {
    return `narrative “${this.name}（${this.level}）”`;
  }
}

/** Groups items by key, keeping first-seen order. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = map.get(k);
    if (list) list.push(it);
    else map.set(k, [it]);
  }
  return map;
}

/** Occurrences of one code whose names have one key (nameKey). */
export interface SpellingGroup {
  readonly code: string;
  /** nameKey of the names. */
  readonly key: string;
  /** The first occurrence's name. */
  readonly name: string;
  readonly items: NameOccurrence[];
}

/**
 * Occurrences grouped by code and name key, groups in first-seen order (as groupBy by
 * `${code}:${nameKey(name)}` would give them). An occurrence spelled like the first of a group of its
 * code joins it without a key lookup (most codes are printed with one spelling in every table).
 */
export function groupBySpelling(items: readonly NameOccurrence[]): SpellingGroup[] {
  const out: SpellingGroup[] = [];
  // the group of each code's first spelling; the code's other spellings (few codes have any) follow it
  const firstOfCode = new Map<string, Spelling>();
  for (const o of items) {
    const first = firstOfCode.get(o.code);
    let group = first;
    while (group !== undefined && group.name !== o.name) group = group.next;
    if (group === undefined) {
      const key = nameKey(o.name);
      group = first;
      while (group !== undefined && group.key !== key) group = group.next;
      if (group === undefined) {
        group = new Spelling(o.code, key, o.name);
        if (first === undefined) firstOfCode.set(o.code, group);
        else {
          let last = first;
          while (last.next !== undefined) last = last.next;
          last.next = group;
        }
        out.push(group);
      }
    }
    group.items.push(o);
  }
  return out;
}

/** A spelling group, linked to the code's next spelling. */
class Spelling implements SpellingGroup {
  readonly items: NameOccurrence[] = [];
  next: Spelling | undefined = undefined;
  constructor(
    readonly code: string,
    readonly key: string,
    readonly name: string,
  ) {}
}

/**
 * Related entries for the other places a finding concerns: "T3 215 资源勘探信息等支出". At most
 * MAX_RELATED places are listed; when there are more, one last entry (at the next place) counts them.
 */
export function relatedPlaces(items: ReadonlyArray<{ at: Target; label: string; name: string }>): RelatedTarget[] {
  const shown = items.slice(0, MAX_RELATED).map((o) => ({ at: o.at, label: `${o.label} ${o.name}` }));
  const rest = items.length - MAX_RELATED;
  if (rest > 0) shown.push({ at: items[MAX_RELATED]!.at, label: `… ${rest} more places (另有 ${rest} 处)` });
  return shown;
}
