import type { CheckModule } from '../../engine/define-check.js';
import narrativeAmount from './amount-matches-table.js';
import narrativeBreakdown from './breakdown-sum.js';
import narrativeProcurementShares from './procurement-shares.js';
import narrativeProjectPlan from './project-plan.js';
import narrativeShare from './share-of-total.js';
import narrativeUnlinked from './unlinked-amount.js';
import narrativeYearOnYear from './year-on-year.js';

/** Check kinds of the narrative group, alphabetised: kind id → module. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const NARRATIVE_CHECKS: Readonly<Record<string, CheckModule<any>>> = {
  'narrative-amount': narrativeAmount,
  'narrative-breakdown': narrativeBreakdown,
  'narrative-procurement-shares': narrativeProcurementShares,
  'narrative-project-plan': narrativeProjectPlan,
  'narrative-share': narrativeShare,
  'narrative-unlinked': narrativeUnlinked,
  'narrative-year-on-year': narrativeYearOnYear,
};
