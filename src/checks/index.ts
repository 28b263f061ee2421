import type { CheckModule } from '../engine/define-check.js';
import { CATALOG_CHECKS } from './catalog/index.js';
import { EXPRESSION_CHECKS } from './expression/index.js';
import { NARRATIVE_CHECKS } from './narrative/index.js';
import parseIssue from './parse/parse-issue.js';
import { PERFORMANCE_CHECKS } from './performance/index.js';
import { STRUCTURE_CHECKS } from './structure/index.js';
import { TABLE_CHECKS } from './table/index.js';

/**
 * Every check kind, by id. Each group keeps its own alphabetised registry; ids must be unique across
 * groups (tests/parity.test.ts checks this). Retired ids are never reused.
 */
export const CHECKS: Readonly<Record<string, CheckModule<Record<string, unknown>>>> = Object.freeze(
  // every check lists at most MAX_FINDINGS_PER_RULE findings per document: the engine keeps the
  // bound for every rule (engine/report-cap.ts)
  {
    'parse-issue': parseIssue,
    ...TABLE_CHECKS,
    ...NARRATIVE_CHECKS,
    ...CATALOG_CHECKS,
    ...STRUCTURE_CHECKS,
    ...EXPRESSION_CHECKS,
    ...PERFORMANCE_CHECKS,
  } as Record<string, CheckModule<Record<string, unknown>>>,
);
