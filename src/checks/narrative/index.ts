import type { CheckModule } from '../../engine/define-check.js';

/** Check kinds of the narrative group, alphabetised: kind id → module. */
export const NARRATIVE_CHECKS: Readonly<Record<string, CheckModule<any>>> = {};
