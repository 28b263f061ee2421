import type { CheckModule } from '../../engine/define-check.js';

/** Check kinds of the catalog group, alphabetised: kind id → module. */
export const CATALOG_CHECKS: Readonly<Record<string, CheckModule<any>>> = {};
