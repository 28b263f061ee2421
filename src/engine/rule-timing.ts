/**
 * Time spent in each rule over a run, asked for with the environment variable TIMING as ESLint does
 * (`TIMING=1 budgetlint check …`): the ten slowest rules, or TIMING=all for every rule, TIMING=N for
 * the N slowest when N is more than ten. A rule's time includes the analyses it is the first to ask for in a document (the narrative's
 * statements, the 绩效目标 forms…), which later rules then reuse.
 */
export class RuleTiming {
  readonly #ms = new Map<string, number>();

  add(ruleId: string, ms: number): void {
    this.#ms.set(ruleId, (this.#ms.get(ruleId) ?? 0) + ms);
  }

  /** The `limit` slowest rules as a table: rule id, total ms, share of all the rules' time. */
  format(limit: number): string {
    const rows = [...this.#ms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const total = rows.reduce((s, [, ms]) => s + ms, 0);
    const shown = rows.slice(0, limit);
    const width = Math.max(4, ...shown.map(([id]) => id.length));
    const line = (id: string, ms: string, share: string): string => `${id.padEnd(width)} | ${ms.padStart(10)} | ${share.padStart(8)}\n`;
    let out = line('Rule', 'Time (ms)', 'Relative');
    out += `${'-'.repeat(width)}-|-${'-'.repeat(10)}-|-${'-'.repeat(8)}\n`;
    for (const [id, ms] of shown) out += line(id, ms.toFixed(3), `${total > 0 ? ((100 * ms) / total).toFixed(1) : '0.0'}%`);
    return out;
  }
}

/**
 * How many rules TIMING asks for, as ESLint reads it: every rule for "all", a number above ten, else
 * ten; undefined when unset or empty.
 */
export function timingLimit(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (value.toLowerCase() === 'all') return Infinity;
  const n = Number.parseInt(value, 10);
  return n > 10 ? n : 10;
}
