import type { CheckModule } from '../../engine/define-check.js';
import cellCompare from './cell-compare.js';
import codedRowsCompare from './coded-rows-compare.js';
import fundingSplit from './funding-split.js';
import hierarchySum from './hierarchy-sum.js';
import linesMatch from './lines-match.js';
import rowEquation from './row-equation.js';
import summaryLines from './summary-lines.js';

/** Check kinds of the table-arithmetic group, alphabetised: kind id → module. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const TABLE_CHECKS: Readonly<Record<string, CheckModule<any>>> = {
  'cell-compare': cellCompare,
  'coded-rows-compare': codedRowsCompare,
  'funding-split': fundingSplit,
  'hierarchy-sum': hierarchySum,
  'lines-match': linesMatch,
  'row-equation': rowEquation,
  'summary-lines': summaryLines,
};
