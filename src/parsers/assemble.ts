import { makeDocument } from '../model/construct.js';
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
  // the builder's list when the reader met no problems: a spread of two empty lists is another kind of array
  const issues = extraIssues.length === 0 ? built.issues : [...extraIssues, ...built.issues];
  return makeDocument(source, metadata, built.tables, paragraphs, issues);
}
