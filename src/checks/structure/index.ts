import type { CheckModule } from '../../engine/define-check.js';

/** Check kinds of the structure group, alphabetised: kind id → module. */
export const STRUCTURE_CHECKS: Readonly<Record<string, CheckModule<any>>> = {};
