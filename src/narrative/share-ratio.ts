import { Decimal, ZERO } from '../model/decimal.js';
import type { Interval } from '../engine/interval.js';
import { percentRadius } from './intervals.js';

const HUNDRED = new Decimal(100);

/** percentRadius by the percentage's decimals (a handful), made once each. */
const radii: Decimal[] = [];

function radiusAt(scale: number): Decimal {
  return (radii[scale] ??= percentRadius(scale));
}

/** How a printed share compares with part ÷ whole. */
export type ShareOutcome = 'pass' | 'truncated' | 'mismatch';

export interface ShareVerdict {
  readonly outcome: ShareOutcome;
  /** part ÷ whole × 100 on the printed figures (the middles of their intervals). */
  readonly mid: Decimal;
}

/**
 * Judges a share printed as `printed` % with `scale` decimals against its part and whole (intervals
 * in 元, DOMAIN.md §5; a figure with d decimals stands for ±½·10^−d of its unit, a 元 value or a printed
 * zero for itself). The ratio is monotonic in each figure, so over the intervals it ranges from
 * (part − r) ÷ (whole + r') to (part + r) ÷ (whole − r'). The share is consistent when a value of that
 * range rounds half-up (四舍五入) to the printed percentage, i.e. lies within ±½·10^−scale of it (both
 * ends taken, as narrative/year-on-year takes them: the figures' own intervals are half-open, and a
 * share is never reported on a tie). Otherwise it is `truncated` when a value of the range, cut after
 * `scale` decimals, gives the printed percentage (67.46 printed as 67.4: the writer's figure, not
 * rounded — the same defect narrative/amount-matches-table reports for amounts), else `mismatch`.
 * Undefined when the whole may be zero (no share of nothing can be judged).
 */
export function judgeShare(printed: Decimal, scale: number, part: Interval, whole: Interval): ShareVerdict | undefined {
  const wholeLow = whole.value.minus(whole.radius);
  if (wholeLow.lte(0)) return undefined;
  const h = radiusAt(scale);
  // most shares are the printed figures' own ratio, rounded: one division decides them (the ratio of
  // the middles lies within the range)
  const mid = part.value.dividedBy(whole.value).times(HUNDRED);
  if (printed.minus(h).lte(mid) && printed.plus(h).gte(mid)) return { outcome: 'pass', mid };
  const partLow = Decimal.max(part.value.minus(part.radius), ZERO);
  const min = partLow.dividedBy(whole.value.plus(whole.radius)).times(HUNDRED);
  const max = part.value.plus(part.radius).dividedBy(wholeLow).times(HUNDRED);
  if (printed.minus(h).lte(max) && printed.plus(h).gte(min)) return { outcome: 'pass', mid };
  // truncated: some value of the range lies in [printed, printed + 2h)
  const truncated = printed.gte(0) && printed.lte(max) && printed.plus(h.times(2)).gt(min);
  return { outcome: truncated ? 'truncated' : 'mismatch', mid };
}
