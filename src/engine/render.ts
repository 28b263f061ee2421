import type { DiagnosticData } from './diagnostic.js';
import type { LocalizedText } from './define-check.js';

/** Fills {name} placeholders from data; unknown placeholders stay visible. */
export function renderTemplate(template: string, data: DiagnosticData): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}

export function renderMessage(templates: LocalizedText | undefined, data: DiagnosticData, lang: 'zh' | 'en', fallback: string): string {
  if (!templates) return `${fallback} ${JSON.stringify(data)}`;
  return renderTemplate(templates[lang], data);
}
