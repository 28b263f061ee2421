import type { BudgetDocument, DocumentSource, ParseIssue } from '../model/document.js';
import type { LayoutLine } from './layout.js';
import { readMetadata } from './metadata.js';
import { buildParagraphs } from './paragraphs.js';
import { buildTables } from './table-builder.js';

/**
 * Turns format-neutral layout lines into a BudgetDocument: tables, paragraphs and metadata. Every
 * parser (text, PDF, spreadsheet) ends here so that all rules see the same model.
 */
export function assembleDocument(lines: readonly LayoutLine[], source: DocumentSource, extraIssues: readonly ParseIssue[] = []): BudgetDocument {
  const built = buildTables(lines, source.file);
  const paragraphs = buildParagraphs(built.textLines, lines);
  const metadata = readMetadata(paragraphs, built.tables);
  return { source, metadata, tables: built.tables, paragraphs, issues: [...extraIssues, ...built.issues] };
}
