import type { CheckModule } from '../../engine/define-check.js';
import expression from './expression.js';

/** Check kinds of the expression group, alphabetised: kind id → module. */
export const EXPRESSION_CHECKS: Readonly<Record<string, CheckModule<any>>> = {
  expression,
};
