import type { CheckModule } from '../../engine/define-check.js';
import formParts from './form-parts.js';
import formsVsNarrative from './forms-vs-narrative.js';

/** Check kinds of the performance group (项目绩效目标表), alphabetised: kind id → module. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const PERFORMANCE_CHECKS: Readonly<Record<string, CheckModule<any>>> = {
  'performance-form-parts': formParts,
  'performance-forms-narrative': formsVsNarrative,
};
