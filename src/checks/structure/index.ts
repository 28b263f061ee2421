import type { CheckModule } from '../../engine/define-check.js';
import adminCostAllAdmin from './admin-cost-all-admin.js';
import cutOffSentence from './cut-off-sentence.js';
import departmentName from './department-name.js';
import doubledPunctuation from './doubled-punctuation.js';
import doubledWord from './doubled-word.js';
import emptyTableNote from './empty-table-note.js';
import placeholder from './placeholder.js';
import repeatedText from './repeated-text.js';
import standardTables from './standard-tables.js';
import titleYear from './title-year.js';
import unbalancedQuotes from './unbalanced-quotes.js';

/** Check kinds of the structure group, alphabetised: kind id → module. */
export const STRUCTURE_CHECKS: Readonly<Record<string, CheckModule<any>>> = {
  'admin-cost-all-admin': adminCostAllAdmin,
  'cut-off-sentence': cutOffSentence,
  'department-name': departmentName,
  'doubled-punctuation': doubledPunctuation,
  'doubled-word': doubledWord,
  'empty-table-note': emptyTableNote,
  placeholder,
  'repeated-text': repeatedText,
  'standard-tables': standardTables,
  'title-year': titleYear,
  'unbalanced-quotes': unbalancedQuotes,
};
