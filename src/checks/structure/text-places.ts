import type { Target } from '../../engine/define-check.js';
import type { BudgetDocument, Paragraph, Row, Table } from '../../model/document.js';

/** A piece of printed text to proof-read: a paragraph (or table note), or a table row's name. */
export interface TextPlace {
  readonly text: string;
  /** Target of a span of the text. */
  at(offset: number, length: number): Target;
  /** Stable instance prefix. */
  readonly key: string;
  readonly kind: 'paragraph' | 'heading' | 'note' | 'row';
}

function paragraphPlace(p: Paragraph, kind: TextPlace['kind'], key: string): TextPlace {
  return { text: p.text, kind, key, at: (offset, length) => ({ paragraph: p, offset, length }) };
}

function rowPlace(table: Table, row: Row): TextPlace {
  return { text: row.name, kind: 'row', key: `${table.id}:${row.code ?? row.label ?? row.name}:${row.location.line ?? ''}`, at: () => ({ table, row }) };
}

/** Paragraphs, headings, table notes and the names of table rows, in document order. */
export function textPlaces(doc: BudgetDocument, include: { rows?: boolean } = {}): TextPlace[] {
  const out: TextPlace[] = doc.paragraphs.map((p, i) => paragraphPlace(p, p.kind, `p${i}`));
  for (const t of doc.tables) {
    t.notes.forEach((n, i) => out.push(paragraphPlace(n, 'note', `${t.id}:note${i}`)));
    if (include.rows) for (const r of t.rows) if (r.name.trim() !== '' && !r.isTotal) out.push(rowPlace(t, r));
  }
  return out;
}

/** A short excerpt around a span for messages ("…卫生健康支出支出（类）…"). */
export function excerpt(text: string, offset: number, length: number, around = 8): string {
  const start = Math.max(0, offset - around);
  const end = Math.min(text.length, offset + length + around);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
