import type { CheckModule } from '../../engine/define-check.js';

/** Check kinds of the table group, alphabetised: kind id → module. */
export const TABLE_CHECKS: Readonly<Record<string, CheckModule<any>>> = {};
