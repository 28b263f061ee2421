import { generateBudget, type GenerateOptions } from './budget.js';
import type { GeneratedDocument } from './document.js';
import type { GeneratedBudget } from './model.js';
import { renderMof } from './render-mof.js';
import { renderText } from './render-text.js';

/** Renders a generated budget in its layout: the Ministry of Finance one (render-mof.ts) or the Shanghai one (render-text.ts). */
export function renderDocument(b: GeneratedBudget): GeneratedDocument {
  return b.style.mof ? renderMof(b) : renderText(b);
}

/** Generates and renders one document from a seed. */
export function generateDocument(seed: number, options: GenerateOptions = {}): GeneratedDocument {
  return renderDocument(generateBudget(seed, options));
}
