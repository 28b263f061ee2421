import { hash } from 'node:crypto';
import type { DiagnosticLocation } from './diagnostic.js';

/**
 * A stable identity for a finding: rule id, table kind, row, column and message id — never line
 * numbers, so that edits elsewhere in the document do not change it (SARIF partialFingerprints,
 * baselines). Narrative findings use the paragraph's section and the matched text instead of a row.
 */
export function fingerprintOf(ruleId: string, messageId: string, loc: DiagnosticLocation, extra = ''): string {
  const parts = [ruleId, messageId, loc.tableKind ?? '', loc.table ?? '', loc.row ?? '', loc.field ?? '', extra];
  // the one-shot hash (UTF-8, as Hash.update reads a string) costs a third of a Hash object's
  return hash('sha256', parts.join('\u001f'), 'hex').slice(0, 24);
}
