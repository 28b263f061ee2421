import type { Target } from '../../engine/define-check.js';
import type { BudgetDocument, Paragraph, Row, Table } from '../../model/document.js';
import { oncePer } from '../../memo.js';

/** A piece of printed text to proof-read: a paragraph (or table note), or a table row's name. */
export interface TextPlace {
  readonly text: string;
  /** Target of a span of the text. */
  at(offset: number, length: number): Target;
  /** Stable instance prefix. */
  readonly key: string;
  readonly kind: 'paragraph' | 'heading' | 'note' | 'row';
}

/**
 * A paragraph, heading or note; no closure per place (places are built for every document). Its key
 * ("p12", "T3:note0") is only built when a finding asks for it.
 */
class ParagraphPlace implements TextPlace {
  readonly text: string;
  constructor(
    private readonly paragraph: Paragraph,
    readonly kind: TextPlace['kind'],
    /** Position among the document's paragraphs, or among its table's notes. */
    private readonly index: number,
    /** The table of a note; undefined for a paragraph. */
    private readonly table?: Table,
  ) {
    this.text = paragraph.text;
  }
  get key(): string {
    return this.table ? `${this.table.id}:note${this.index}` : `p${this.index}`;
  }
  at(offset: number, length: number): Target {
    return { paragraph: this.paragraph, offset, length };
  }
}

/** A table row's name; its key is only built when a finding asks for it (most rows have none). */
class RowPlace implements TextPlace {
  readonly text: string;
  readonly kind = 'row';
  private keyText: string | undefined;
  constructor(
    private readonly table: Table,
    private readonly row: Row,
  ) {
    this.text = row.name;
  }
  get key(): string {
    const { table, row } = this;
    return (this.keyText ??= `${table.id}:${row.code ?? row.label ?? row.name}:${row.location.line ?? ''}`);
  }
  at(): Target {
    return { table: this.table, row: this.row };
  }
}

/**
 * Paragraphs, headings, table notes and the names of table rows, in document order. Built once per
 * document and choice of rows: the proof-reading rules all read the same places.
 */
export function textPlaces(doc: BudgetDocument, include: { rows?: boolean } = {}): readonly TextPlace[] {
  return include.rows === true ? placesWithRows(doc) : placesWithoutRows(doc);
}

const placesWithRows = oncePer((doc: BudgetDocument): readonly TextPlace[] => findTextPlaces(doc, true));
const placesWithoutRows = oncePer((doc: BudgetDocument): readonly TextPlace[] => findTextPlaces(doc, false));

function findTextPlaces(doc: BudgetDocument, rows: boolean): TextPlace[] {
  const out: TextPlace[] = [];
  visitPlaces(
    doc,
    rows,
    (p, kind, i, t) => out.push(new ParagraphPlace(p, kind, i, t)),
    (t, r) => out.push(new RowPlace(t, r)),
  );
  return out;
}

/** Visits the places textPlaces lists, in its order, without building them. */
function visitPlaces(
  doc: BudgetDocument,
  rows: boolean,
  paragraph: (p: Paragraph, kind: TextPlace['kind'], index: number, table?: Table) => void,
  row: (t: Table, r: Row) => void,
): void {
  doc.paragraphs.forEach((p, i) => paragraph(p, p.kind, i));
  for (const t of doc.tables) {
    t.notes.forEach((n, i) => paragraph(n, 'note', i, t));
    if (rows) for (const r of t.rows) if (isPlaceRow(r)) row(t, r);
  }
}

/** Whether a table row's name is a text place: a named row other than a total. */
export function isPlaceRow(r: Row): boolean {
  return !r.isTotal && r.name.trim() !== '';
}

/**
 * The texts of textPlaces(doc, include), joined by line feeds, and where each starts: a scan whose
 * finds hold no line feed can read all of a document's texts at once (see proofreadCheck).
 */
export interface JoinedTexts {
  readonly text: string;
  /** Offset of each place's text in `text`, by place index. */
  readonly starts: Int32Array;
}

export function joinedTexts(doc: BudgetDocument, include: { rows?: boolean } = {}): JoinedTexts {
  return include.rows === true ? joinedWithRows(doc) : joinedWithoutRows(doc);
}

const joinedWithRows = oncePer((doc: BudgetDocument): JoinedTexts => joinTexts(doc, true));
const joinedWithoutRows = oncePer((doc: BudgetDocument): JoinedTexts => joinTexts(doc, false));

/** The texts in visitPlaces' order, read in plain loops (no callback per place: this runs for every document). */
function joinTexts(doc: BudgetDocument, rows: boolean): JoinedTexts {
  const texts: string[] = [];
  for (const p of doc.paragraphs) texts.push(p.text);
  for (const t of doc.tables) {
    for (const n of t.notes) texts.push(n.text);
    if (rows) for (const r of t.rows) if (isPlaceRow(r)) texts.push(r.name);
  }
  const starts = new Int32Array(texts.length);
  for (let i = 1; i < texts.length; i++) starts[i] = starts[i - 1]! + texts[i - 1]!.length + 1;
  return { text: texts.join('\n'), starts };
}

/** The index of the place whose text holds `offset` of the joined text (the last place starting at or before it). */
export function placeAt(joined: JoinedTexts, offset: number): number {
  const { starts } = joined;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A short excerpt around a span for messages ("…卫生健康支出支出（类）…"). */
export function excerpt(text: string, offset: number, length: number, around = 8): string {
  const start = Math.max(0, offset - around);
  const end = Math.min(text.length, offset + length + around);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
