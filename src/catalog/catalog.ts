import { ownCopy } from '../memo.js';
import { nameKey, variantKey } from './names.js';
import { schemeOfCode, type CatalogEntry, type CatalogScheme, type Rename } from './types.js';

/** The answer for a name that was never replaced (shared: nearly every name). */
const NO_RENAMES: readonly Rename[] = Object.freeze([]);

/**
 * The classification catalog a run judges names against: user entries (highest precedence) over the
 * built-in entries, plus the known renames. The built-in catalog is partial: a code it does not list
 * is not thereby invalid (see rules/README.md).
 */
export class Catalog {
  private readonly user = new Map<string, CatalogEntry>();
  private readonly builtin = new Map<string, CatalogEntry[]>();
  private readonly byName = new Map<string, Set<string>>();
  private readonly renamesByCode = new Map<string, Rename[]>();
  private readonly classes = new Map<CatalogScheme, Set<string>>();
  /** entryFor's answers by year and code (the catalog does not change; rules ask for the same codes in every document). */
  private readonly entriesByYear = new Map<number | undefined, Map<string, CatalogEntry>>();
  private lastYear: number | undefined = undefined;
  private lastYearEntries: Map<string, CatalogEntry> | undefined = undefined;
  /** Renames by the key of their old name, built on first use (renamesNamed). */
  private renamesByOldName: Map<string, Rename[]> | undefined;

  constructor(builtin: readonly CatalogEntry[], renames: readonly Rename[], user: readonly CatalogEntry[] = []) {
    for (const e of builtin) this.add(this.builtin, e);
    // the first user file listed wins for a code (files are given highest precedence first)
    for (const e of user) if (!this.user.has(e.code)) this.user.set(e.code, e);
    for (const e of [...builtin, ...user]) {
      const k = variantKey(e.name);
      let s = this.byName.get(k);
      if (!s) this.byName.set(k, (s = new Set()));
      s.add(e.code);
      if (e.level === '类') {
        let c = this.classes.get(e.scheme);
        if (!c) this.classes.set(e.scheme, (c = new Set()));
        c.add(e.code);
      }
    }
    for (const r of renames) {
      const list = this.renamesByCode.get(r.code) ?? [];
      list.push(r);
      this.renamesByCode.set(r.code, list);
    }
  }

  private add(map: Map<string, CatalogEntry[]>, e: CatalogEntry): void {
    const list = map.get(e.code) ?? [];
    list.push(e);
    map.set(e.code, list);
  }

  /** Whether the catalog lists the code at all. */
  has(code: string): boolean {
    return this.user.has(code) || this.builtin.has(code);
  }

  /**
   * The entry that names `code` in budget year `year`: the user's entry if any; else the built-in
   * entry valid in that year; else (year unknown or outside every range) the most recent one.
   */
  entryFor(code: string, year?: number): CatalogEntry | undefined {
    // documents of one year come together: the last year's entries are at hand
    let ofYear = year === this.lastYear ? this.lastYearEntries : this.entriesByYear.get(year);
    if (!ofYear) this.entriesByYear.set(year, (ofYear = new Map()));
    this.lastYear = year;
    this.lastYearEntries = ofYear;
    let entry = ofYear.get(code);
    if (entry === undefined) {
      entry = this.findEntry(code, year);
      // only codes the catalog lists are remembered (a document's unknown codes would grow the map), as
      // copies (a code cut from a document would keep its text alive)
      if (entry !== undefined) ofYear.set(ownCopy(code), entry);
    }
    return entry;
  }

  private findEntry(code: string, year: number | undefined): CatalogEntry | undefined {
    const u = this.user.get(code);
    if (u) return u;
    const list = this.builtin.get(code);
    if (!list || list.length === 0) return undefined;
    if (year !== undefined) {
      const valid = list.find((e) => (e.from === undefined || e.from <= year) && (e.to === undefined || year <= e.to));
      if (valid) return valid;
    }
    return [...list].sort((a, b) => (b.from ?? 0) - (a.from ?? 0))[0];
  }

  /** Every name the catalog knows for `code` (user and built-in, any year). */
  namesOf(code: string): CatalogEntry[] {
    return [...(this.user.has(code) ? [this.user.get(code)!] : []), ...(this.builtin.get(code) ?? [])];
  }

  /** Whether the user catalog decides this code (the built-in names then do not count). */
  isUserCode(code: string): boolean {
    return this.user.has(code);
  }

  /** Codes of the same scheme whose name (any year, up to 其它/其他 variants) is `name`. */
  codesNamed(name: string, scheme?: CatalogScheme): string[] {
    const s = this.byName.get(variantKey(name));
    return s ? [...s].filter((c) => scheme === undefined || schemeOfCode(c) === scheme).sort() : [];
  }

  /** The rename that made `name` obsolete for `code`, when `name` is a former name of it. */
  renameOf(code: string, name: string): Rename | undefined {
    // most codes were never renamed: their name's key is not looked up
    const renames = this.renamesByCode.get(code);
    if (renames === undefined) return undefined;
    const k = nameKey(name);
    return renames.find((r) => nameKey(r.oldName) === k);
  }

  /** Renames whose old name is `name`, for places that print a name without a code. */
  renamesNamed(name: string): readonly Rename[] {
    if (!this.renamesByOldName) {
      this.renamesByOldName = new Map();
      for (const list of this.renamesByCode.values()) {
        for (const r of list) {
          const k = nameKey(r.oldName);
          const same = this.renamesByOldName.get(k);
          if (same) same.push(r);
          else this.renamesByOldName.set(k, [r]);
        }
      }
    }
    return this.renamesByOldName.get(nameKey(name)) ?? NO_RENAMES;
  }

  /** Whether `code` (3 digits) is a 类 of its scheme the catalog knows. */
  hasClass(lei: string): boolean {
    const scheme = schemeOfCode(lei);
    return scheme !== undefined && (this.classes.get(scheme)?.has(lei) ?? false);
  }

  /** Whether the catalog knows any 类 of this scheme (a user-only catalog may not). */
  knowsClassesOf(scheme: CatalogScheme): boolean {
    return (this.classes.get(scheme)?.size ?? 0) > 0;
  }
}
