import type { CheckModule } from '../engine/define-check.js';
import { MAX_FINDINGS_PER_RULE, MORE_FINDINGS_MESSAGE } from '../engine/report-cap.js';

export { MAX_FINDINGS_PER_RULE, MORE_FINDINGS_MESSAGE };

/**
 * A check with the message of the finding that counts its findings past MAX_FINDINGS_PER_RULE. The
 * bound itself is kept by the engine (RuleRun in engine/lint.ts): it lists at most that many findings
 * of a rule per document, then one finding (instance "more", at the first finding not listed) with
 * the count of the rest. Findings past the bound get no rule instance of their own; they fail as
 * part of that one. The count's severity is info only when every finding it stands for was an info.
 */
export function withMoreFindingsMessage<O>(module: CheckModule<O>): CheckModule<O> {
  return { ...module, meta: { ...module.meta, messages: { ...module.meta.messages, ...MORE_FINDINGS_MESSAGE } } };
}
