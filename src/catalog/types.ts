import type { CodeLevel } from '../model/document.js';

/** Which classification a code belongs to, decided by its first digit (2 / 3 / 5). */
export type CatalogScheme = 'functional' | 'economic' | 'economic-gov';

/** One code–name pair of a catalog, valid in the budget years [from, to] (open ends when absent). */
export interface CatalogEntry {
  readonly code: string;
  readonly name: string;
  readonly level: CodeLevel;
  readonly scheme: CatalogScheme;
  readonly from?: number;
  readonly to?: number;
  /** 'shared-catalog:<source ids>', 'mof-knowledge', or 'user:<file>'. */
  readonly provenance: string;
}

/** A name that changed: `oldName` is obsolete from budget year `year` on, `newName` replaces it. */
export interface Rename {
  readonly code: string;
  readonly oldName: string;
  readonly newName: string;
  readonly year: number;
  /** How sure the effective year is: 'certain' | 'likely' | 'uncertain'. */
  readonly certainty: string;
  readonly note: string;
}

const LEVELS: Readonly<Record<number, CodeLevel>> = { 3: '类', 5: '款', 7: '项' };

/** Level of a well-formed code from its length (3 = 类, 5 = 款, 7 = 项). */
export function levelOfCode(code: string): CodeLevel | undefined {
  return /^\d+$/.test(code) ? LEVELS[code.length] : undefined;
}

/** Scheme of a code: 2xx functional, 3xx 部门预算经济分类, 5xx 政府预算经济分类. */
export function schemeOfCode(code: string): CatalogScheme | undefined {
  const d = code[0];
  return d === '2' ? 'functional' : d === '3' ? 'economic' : d === '5' ? 'economic-gov' : undefined;
}
