import { normalizeName } from '../../model/table-access.js';
import { packedMap } from '../../model/lists.js';
import { stripNumbering } from '../../parsers/row-parse.js';

/** What NamedRows reads of a line. */
interface Named {
  readonly name: string;
  readonly label?: string;
  readonly isTotal: boolean;
}

/**
 * Lines found by their name without numbering: the exact name first, then the one line whose name
 * extends or shortens it ("一般公共预算" ↔ "一般公共预算资金", "政府性基金预算" ↔ "政府性基金"). Each line's
 * name is normalised once however many names are looked up (a summary table's lines each look for
 * their counterpart among the other table's lines).
 */
export class NamedRows<T extends Named> {
  /** normalizeName of each line's name, and of its label without numbering (read only when no name matches). */
  private readonly names: readonly string[];
  private labels: readonly string[] | undefined = undefined;

  constructor(readonly rows: readonly T[]) {
    this.names = packedMap(rows, (r) => normalizeName(r.name));
  }

  find(label: string): T | undefined {
    const want = normalizeName(stripNumbering(label));
    if (want === '') return undefined;
    const { rows, names } = this;
    for (let i = 0; i < rows.length; i++) if (names[i] === want) return rows[i];
    const labels = (this.labels ??= packedMap(rows, (r) => normalizeName(stripNumbering(r.label ?? ''))));
    for (let i = 0; i < rows.length; i++) if (labels[i] === want) return rows[i];
    let near: T | undefined;
    for (let i = 0; i < rows.length; i++) {
      const n = names[i]!;
      if (rows[i]!.isTotal || n.length < 2 || !(n.startsWith(want) || want.startsWith(n))) continue;
      if (near !== undefined) return undefined;
      near = rows[i];
    }
    return near;
  }
}
