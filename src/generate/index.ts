/**
 * Synthetic, fully consistent budget documents for property tests, fuzzing and benchmarks: a seeded
 * generator (budget.ts), renderers in the seed's text format (render-text.ts) or the Ministry of Finance layout (render-mof.ts), one of them chosen per document (render.ts), as an XLSX workbook
 * (render-xlsx.ts) and as a printed PDF (render-pdf.ts), and single planted errors (perturb.ts).
 */
export { generateBudget, type GenerateOptions } from './budget.js';
export type { GeneratedDocument, LineInfo } from './document.js';
export type { GeneratedBudget } from './model.js';
export { PERTURBATION_KINDS, perturb, participantsOf, type Perturbation, type PerturbationKind } from './perturb.js';
export { generateDocument, renderDocument } from './render.js';
export { renderMof } from './render-mof.js';
export { renderText } from './render-text.js';
export { renderXlsx, type GeneratedWorkbook } from './render-xlsx.js';
export { textToPdf, type TextToPdfOptions } from './render-pdf.js';
