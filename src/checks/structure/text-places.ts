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
  const out: TextPlace[] = doc.paragraphs.map((p, i) => new ParagraphPlace(p, p.kind, i));
  for (const t of doc.tables) {
    t.notes.forEach((n, i) => out.push(new ParagraphPlace(n, 'note', i, t)));
    if (rows) for (const r of t.rows) if (r.name.trim() !== '' && !r.isTotal) out.push(new RowPlace(t, r));
  }
  return out;
}

/** A short excerpt around a span for messages ("…卫生健康支出支出（类）…"). */
export function excerpt(text: string, offset: number, length: number, around = 8): string {
  const start = Math.max(0, offset - around);
  const end = Math.min(text.length, offset + length + around);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
