import type { CheckContext, Report } from '../../src/engine/define-check.js';
import { addIntervals, compareIntervals, lessOrEqual } from '../../src/engine/interval.js';
import { compareAndReport, type Relation } from '../../src/checks/table/compare.js';
import type { Participant } from '../../src/checks/table/values.js';

/** The verdict as the interval functions give it (the comparison before its fast paths). */
export function referenceVerdict(actual: Participant, parts: readonly Participant[], relation: Relation): string {
  const expected = addIntervals(parts.map((p) => p.interval));
  if (relation === 'ge') return lessOrEqual(expected, actual.interval) ? 'pass' : 'belowParts';
  if (relation === 'le') return lessOrEqual(actual.interval, expected) ? 'pass' : 'exceeds';
  const agreement = compareIntervals(actual.interval, expected);
  return agreement === 'equal' ? 'pass' : agreement;
}

/** compareAndReport's verdict: 'pass', the message id it reports, or what else it records. */
export function compareVerdict(actual: Participant, parts: readonly Participant[], relation: Relation): string {
  let verdict = 'none';
  const ctx = {
    settings: {},
    pass: () => (verdict = 'pass'),
    report: (r: Report) => (verdict = r.messageId),
    notAssessable: () => (verdict = 'not-assessable'),
    notApplicable: () => (verdict = 'not-applicable'),
  } as unknown as CheckContext<unknown>;
  compareAndReport(ctx, 'i', actual, parts, relation);
  return verdict;
}
