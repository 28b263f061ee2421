/**
 * Synthetic, fully consistent budget documents for property tests, fuzzing and benchmarks: a seeded
 * generator (budget.ts), a renderer in the seed's text format (render-text.ts) and single planted
 * errors (perturb.ts).
 */
export { generateBudget, type GenerateOptions } from './budget.js';
export type { GeneratedDocument, LineInfo } from './document.js';
export type { GeneratedBudget } from './model.js';
export { PERTURBATION_KINDS, perturb, participantsOf, type Perturbation, type PerturbationKind } from './perturb.js';
export { generateDocument, renderText } from './render-text.js';
export { renderXlsx, type GeneratedWorkbook } from './render-xlsx.js';
