/**
 * Name similarity for linking narrative names to table names that differ slightly ("卫生健康支出支出"
 * for "卫生健康支出", "行政单位离退休" for "行政事业单位离退休"): the longest common subsequence over
 * the longer length. Names are short (under ~40 characters), so the quadratic table is cheap.
 */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    prev = cur;
  }
  return prev[b.length]! / Math.max(a.length, b.length);
}

/** Minimum similarity for linking a name to the best of several candidates. */
export const LINK_SIMILARITY = 0.6;
/** Minimum similarity when the context leaves only one candidate. */
export const SOLE_CANDIDATE_SIMILARITY = 0.5;

/**
 * Picks the candidate whose name is most similar to `name`, or undefined when no candidate is similar
 * enough or two candidates tie (a name alone must never be guessed).
 */
export function bestByName<T>(name: string, candidates: readonly T[], nameOf: (c: T) => string): { item: T; score: number } | undefined {
  const scored = candidates.map((c) => ({ item: c, score: nameSimilarity(name, nameOf(c)) })).sort((x, y) => y.score - x.score);
  const best = scored[0];
  if (!best) return undefined;
  const min = candidates.length === 1 ? SOLE_CANDIDATE_SIMILARITY : LINK_SIMILARITY;
  if (best.score < min) return undefined;
  if (scored[1] && scored[1].score === best.score) return undefined;
  return best;
}
