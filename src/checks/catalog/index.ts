import type { CheckModule } from '../../engine/define-check.js';
import catalogName from './catalog-name.js';
import codeFormat from './code-format.js';
import codeOrder from './code-order.js';
import codeParent from './code-parent.js';
import duplicateCode from './duplicate-code.js';
import nameConsistency from './name-consistency.js';
import obsoleteName from './obsolete-name.js';

/** Check kinds of the catalog group, alphabetised: kind id → module. */
export const CATALOG_CHECKS: Readonly<Record<string, CheckModule<any>>> = {
  'catalog-name': catalogName,
  'code-format': codeFormat,
  'code-order': codeOrder,
  'code-parent': codeParent,
  'duplicate-code': duplicateCode,
  'name-consistency': nameConsistency,
  'obsolete-name': obsoleteName,
};
