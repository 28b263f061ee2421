import type { DiagnosticLocation } from './diagnostic.js';

type HashFunction = (algorithm: string, data: string, encoding: 'hex') => string;

/**
 * node:crypto, loaded at the first fingerprint: loading it costs ≈ 4 ms of a cold check (seventeen
 * internal modules), and the terminal report, the usual single-document run, prints no fingerprint.
 */
let oneShotHash: HashFunction | undefined;

function sha256Hex(text: string): string {
  oneShotHash ??= (process.getBuiltinModule('node:crypto') as typeof import('node:crypto')).hash as HashFunction;
  // the one-shot hash (UTF-8, as Hash.update reads a string) costs a third of a Hash object's
  return oneShotHash('sha256', text, 'hex');
}

/**
 * A stable identity for a finding: rule id, table kind, row, column and message id — never line
 * numbers, so that edits elsewhere in the document do not change it (SARIF partialFingerprints,
 * baselines). Narrative findings use the paragraph's section and the matched text instead of a row.
 */
export function fingerprintOf(ruleId: string, messageId: string, loc: DiagnosticLocation, extra = ''): string {
  const parts = [ruleId, messageId, loc.tableKind ?? '', loc.table ?? '', loc.row ?? '', loc.field ?? '', extra];
  return sha256Hex(parts.join('\u001f')).slice(0, 24);
}
