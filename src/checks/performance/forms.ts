import type { Unit } from '../../model/amount.js';
import type { BudgetDocument, Paragraph } from '../../model/document.js';
import type { SourceLocation } from '../../model/location.js';
import { formRegions, type FormLine, type FormRegion } from './form-lines.js';
import { hasTotalLine, isFormVocabulary, readLine, type Block, type FundLabel, type LineReading, type PrintedAmount, type Token } from './tokens.js';
import { oncePer } from '../../memo.js';

/** One fund line of a form: a label and what is printed beside it. */
export interface FundEntry {
  readonly label: FundLabel;
  readonly value: PrintedAmount | 'blank' | 'unreadable';
  /** Where the value is (the label when there is no value). */
  readonly location: SourceLocation;
  /** Index of the form line and position on it (reading order). */
  readonly line: number;
  readonly pos: number;
  /** Table column of the label (tables only). */
  readonly column: number | undefined;
  /** Value column in a layout with one column per block (中期 | 年度). */
  readonly slot?: number;
  /** The label follows "其中": the first of a list of parts. */
  readonly opens: boolean;
}

/** One 绩效目标 form as read. */
export interface PerformanceForm {
  /** 1-based position among all forms of the document. */
  readonly index: number;
  readonly title: string;
  readonly project?: string;
  /**
   * How messages and logical locations name the form: its project, "（第2张）" added for a later form
   * of a project already named by a form before it (stable when other projects' forms come or go);
   * "#3" for a form without a project name.
   */
  readonly subject: string;
  readonly entries: readonly FundEntry[];
  /** The unit of its amounts; undefined when the form does not print one (or prints two). */
  readonly unit?: Unit;
  /** Why its fund lines cannot be read reliably (empty when they can). */
  readonly problems: readonly string[];
  readonly location: SourceLocation;
  /** Column headers of a layout with one value column per block (totals, in order). */
  readonly slots: readonly FundLabel[];
}

export interface FormScan {
  /** True when the document prints 绩效目标 forms (readable or not). */
  readonly present: boolean;
  readonly forms: readonly PerformanceForm[];
  /** Regions that print form lines but from which no form could be read. */
  readonly unreadable: readonly string[];
  /** Paragraphs that are lines of forms printed as text (not narrative). */
  readonly formParagraphs: ReadonlySet<Paragraph>;
}

interface Draft {
  title: string;
  project?: string;
  entries: FundEntry[];
  units: Unit[];
  problems: string[];
  location: SourceLocation;
  slots: FundLabel[];
  zone: 'before' | 'funds' | 'after';
  vocabulary: boolean;
}

function newDraft(title: string, location: SourceLocation): Draft {
  return { title, entries: [], units: [], problems: [], location, slots: [], zone: 'before', vocabulary: false };
}

function hasFunds(d: Draft): boolean {
  return d.entries.length > 0;
}

type LabelToken = Extract<Token, { kind: 'label' }>;

/**
 * Reads the fund lines of a form, line by line: a label takes the amount printed after it on the same
 * line ("项目资金总额 4,100,000.00 年度资金申请总额 4,100,000.00"); a line of block totals without
 * amounts declares value columns ("中期资金总额 年度资金总额"), after which a label with one amount
 * per column has a value in each (a total label's amounts are the columns' totals); labels at the end
 * of a line may have their amounts at the start of the next ("年度资金总额 财政拨款 其他资金" over
 * "100.00 80.00 20.00"). Amounts that belong to no label make the form unreadable rather than guessed.
 */
class FundReader {
  private pending: LabelToken[] = [];
  private pendingLine = -1;
  private slotTokens: LabelToken[] = [];
  private slotTotalsRead = false;

  constructor(private readonly draft: Draft) {}

  private add(label: LabelToken, value: Token | 'blank' | 'unreadable', line: number, slot?: number): void {
    const v = value === 'blank' || value === 'unreadable' ? value : value.kind === 'amount' ? value.amount : 'blank';
    const location = typeof value === 'object' ? value.location : label.location;
    this.draft.entries.push({ label: label.label, value: v, location, line, pos: label.pos + (slot ?? 0), column: label.column, ...(slot !== undefined ? { slot } : {}), opens: label.opens });
  }

  private flushPending(): void {
    for (const l of this.pending) this.add(l, 'blank', this.pendingLine);
    this.pending = [];
  }

  /** The amounts of the column totals, printed under their header. */
  private slotTotals(values: readonly Token[], line: number): void {
    this.slotTokens.forEach((l, s) => this.add(l, values[s]!, line));
    this.slotTotalsRead = true;
  }

  read(tokens: readonly Token[], line: number): void {
    // groups of labels with the amounts after them; another word closes a group (a label followed by
    // a word has no amount on this line, and amounts after a word belong to no label)
    const leading: Token[] = [];
    const groups: Array<{ labels: LabelToken[]; values: Token[] }> = [];
    let group: { labels: LabelToken[]; values: Token[] } | undefined;
    let started = false;
    for (const t of tokens) {
      if (t.kind === 'text') group = undefined;
      else if (t.kind === 'label') {
        if (!group || group.values.length > 0) groups.push((group = { labels: [], values: [] }));
        group.labels.push(t);
      } else if (group) group.values.push(t);
      else if (!started) leading.push(t);
      else groups.push((group = { labels: [], values: [t] }));
      if (t.kind !== 'amount' && t.kind !== 'blank') started = true;
    }
    if (leading.length > 0) {
      if (this.pending.length > 0 && this.pending.length === leading.length) {
        this.pending.forEach((l, k) => this.add(l, leading[k]!, line));
        this.pending = [];
      } else if (this.slotTokens.length > 0 && !this.slotTotalsRead && leading.length === this.slotTokens.length) {
        this.flushPending();
        this.slotTotals(leading, line);
      } else {
        this.flushPending();
        if (leading.some((v) => v.kind === 'amount')) this.draft.problems.push('an amount in the fund lines stands beside no fund label');
      }
    } else this.flushPending();
    const endsWithText = tokens[tokens.length - 1]?.kind === 'text';
    groups.forEach((g, i) => {
      if (g.labels.length === 0) {
        if (g.values.some((v) => v.kind === 'amount')) this.draft.problems.push('an amount in the fund lines stands beside no fund label');
        return;
      }
      this.pair(g.labels, g.values, line, i === groups.length - 1 && !endsWithText);
    });
  }

  private pair(labels: LabelToken[], values: Token[], line: number, endOfLine: boolean): void {
    const k = labels.length;
    const m = values.length;
    const slots = this.slotTokens.length;
    if (m === 0) {
      if (k >= 2 && slots === 0 && labels.every((l) => l.label.role === 'total') && new Set(labels.map((l) => l.label.home)).size === k) {
        // a header of value columns, one per block: "中期资金总额 年度资金总额"
        this.slotTokens = labels;
        this.draft.slots = labels.map((l) => l.label);
        return;
      }
      if (endOfLine) {
        this.pending = labels;
        this.pendingLine = line;
      } else for (const l of labels) this.add(l, 'blank', line);
      return;
    }
    if (k === 1 && slots >= 2 && m === slots) {
      if (labels[0]!.label.role === 'total' && !this.slotTotalsRead) this.slotTotals(values, line);
      else values.forEach((v, s) => this.add(labels[0]!, v, line, s));
    } else if (k === 1 && m === 1) this.add(labels[0]!, values[0]!, line);
    else if (k >= 2 && m === 1) {
      labels.slice(0, -1).forEach((l) => this.add(l, 'blank', line));
      this.add(labels[k - 1]!, values[0]!, line);
    } else if (k === m) labels.forEach((l, s) => this.add(l, values[s]!, line));
    else {
      for (const l of labels) this.add(l, 'unreadable', line);
      this.draft.problems.push(`${labels.map((l) => l.label.text).join('、')} ${k === 1 ? 'stands' : 'stand'} beside ${m} amounts`);
    }
  }

  end(): void {
    this.flushPending();
    if (this.slotTokens.length > 0 && !this.slotTotalsRead) for (const l of this.slotTokens) this.add(l, 'blank', this.pendingLine);
    this.slotTokens = [];
  }
}

/** Splits a region into forms and reads each form's fund lines. */
function readRegion(region: FormRegion): { drafts: Draft[]; vocabulary: boolean } {
  const drafts: Draft[] = [];
  let cur: Draft | undefined;
  let reader: FundReader | undefined;
  let vocabulary = false;
  const start = (line: FormLine): void => {
    reader?.end();
    cur = newDraft(region.title, line.location);
    drafts.push(cur);
    reader = new FundReader(cur);
  };
  region.lines.forEach((line, index) => {
    const r: LineReading = readLine(line);
    if (isFormVocabulary(r)) vocabulary = true;
    const labels = r.tokens.filter((t): t is Extract<Token, { kind: 'label' }> => t.kind === 'label');
    // a new form starts at a title or a new printed part, at a second project name, or at a second
    // total of a block (the header rows a later part repeats are read in their place: form-lines.ts)
    const repeatsTotal =
      cur !== undefined &&
      hasTotalLine(r) &&
      !r.goals &&
      labels.some((l) => l.label.role === 'total' && cur!.entries.some((e) => e.label.role === 'total' && e.label.home === l.label.home && e.line !== index));
    const secondName = cur !== undefined && r.project !== undefined && cur.project !== undefined;
    if (!cur || line.partStart || repeatsTotal || secondName) {
      // a part with no fund lines and no project name of its own continues the form before it
      if (cur && line.partStart && !repeatsTotal && !secondName && !line.title && hasFunds(cur) && r.project === undefined && labels.length === 0) {
        // keep reading into the current form
      } else start(line);
    }
    const d = cur!;
    if (isFormVocabulary(r)) d.vocabulary = true;
    if (r.project !== undefined && d.project === undefined && r.project !== '') d.project = r.project;
    // units of the indicators ("≤100(万元)") are not the unit of the fund lines
    if (d.zone !== 'after') d.units.push(...r.units);
    if (line.title) return;
    if (d.zone !== 'after' && (labels.length > 0 || d.zone === 'funds')) {
      d.zone = 'funds';
      reader!.read(r.tokens, index);
    }
    if (r.goals && d.zone === 'funds') {
      reader!.end();
      d.zone = 'after';
    }
  });
  reader?.end();
  return { drafts, vocabulary };
}

function unitOf(d: Draft, region: FormRegion): Unit | undefined {
  const printed = new Set<Unit>(d.units);
  for (const e of d.entries) if (typeof e.value === 'object' && e.value.unit) printed.add(e.value.unit);
  if (printed.size === 1) return [...printed][0];
  if (printed.size > 1) return undefined;
  return region.unit;
}

/** Finds and reads the 绩效目标 forms of a document (once per document; both rules use it). */
export const scanForms: (doc: BudgetDocument) => FormScan = oncePer(readForms);

function readForms(doc: BudgetDocument): FormScan {
  const forms: PerformanceForm[] = [];
  const unreadable: string[] = [];
  let present = false;
  // forms read so far per project name
  const named = new Map<string, number>();
  const formParagraphs = new Set<Paragraph>();
  for (const region of formRegions(doc)) {
    for (const p of region.paragraphs) formParagraphs.add(p);
    const { drafts, vocabulary } = readRegion(region);
    if (!vocabulary) continue;
    present = true;
    // a part without fund lines and without a project of its own (a title and header repeated on the
    // next page) continues the form before it
    const kept: Draft[] = [];
    for (const d of drafts) {
      const prev = kept[kept.length - 1];
      if (d.vocabulary && (hasFunds(d) || !prev || (d.project !== undefined && d.project !== prev.project))) kept.push(d);
    }
    if (!kept.some(hasFunds)) {
      unreadable.push(`${region.title}: no fund lines (年度资金总额 …) could be read`);
      continue;
    }
    for (const d of kept) {
      const printedUnits = new Set(d.units);
      const problems = [...new Set(d.problems)];
      if (printedUnits.size > 1) problems.push(`the form prints two units (${[...printedUnits].join(', ')})`);
      const unit = unitOf(d, region);
      const index = forms.length + 1;
      let subject = `#${index}`;
      if (d.project !== undefined && d.project !== '') {
        const n = (named.get(d.project) ?? 0) + 1;
        named.set(d.project, n);
        subject = n === 1 ? d.project : `${d.project}（第${n}张）`;
      }
      forms.push({
        index,
        title: d.title,
        ...(d.project !== undefined ? { project: d.project } : {}),
        subject,
        entries: d.entries,
        ...(unit ? { unit } : {}),
        problems,
        location: d.location,
        slots: d.slots,
      });
    }
  }
  // a workbook sheet the parser skipped (no title row) that is named as a form holds forms nobody read
  for (const issue of doc.issues) {
    const name = issue.data['name'];
    if (issue.ruleId === 'parse/not-a-budget-table' && typeof name === 'string' && /绩效/.test(name)) {
      present = true;
      unreadable.push(`sheet ${name} was not read (it has no title row)`);
    }
  }
  return { present, forms, unreadable, formParagraphs };
}

/** The form's name in messages and logical locations: PerformanceForm.subject. */
export function formSubject(f: PerformanceForm): string {
  return f.subject;
}

export type { Block };
