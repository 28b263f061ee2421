/**
 * Exact money formatting for generated documents. Amounts are whole 元 held as bigint (never JS
 * numbers); 万元 figures are rounded half-up (四舍五入) as DOMAIN.md §5 requires of a correct narrative.
 */

/** "281,135,727"; zero prints as "" (a blank cell means nothing budgeted) unless `zero` is given. */
export function yuanCell(v: bigint, zero = ''): string {
  if (v === 0n) return zero;
  const neg = v < 0n;
  const grouped = withThousands((neg ? -v : v).toString());
  return neg ? `-${grouped}` : grouped;
}

/** Rounds a 元 amount half-up to `decimals` decimals of 万元; returns hundredths-of-万元-style scaled integer. */
function roundWan(v: bigint, decimals: number): bigint {
  const divisor = 10n ** BigInt(4 - decimals);
  const neg = v < 0n;
  const a = neg ? -v : v;
  const q = (a * 2n + divisor) / (divisor * 2n);
  return neg ? -q : q;
}

/** Prints a scaled integer (value × 10^decimals) as a decimal string. */
function scaled(q: bigint, decimals: number): string {
  const neg = q < 0n;
  const s = (neg ? -q : q).toString().padStart(decimals + 1, '0');
  const body = decimals === 0 ? s : `${s.slice(0, s.length - decimals)}.${s.slice(s.length - decimals)}`;
  return neg ? `-${body}` : body;
}

/**
 * Narrative style of 万元 figures. 'fixed2': always two decimals ("1716.00"); 'trim': two decimals
 * with trailing zeros dropped, as the seed prints them ("1716", "27.5"); zero is "0" in both.
 */
export type WanStyle = 'fixed2' | 'trim';

/** A 元 amount as a 万元 figure, rounded half-up to two decimals, in the given style. */
export function wan(v: bigint, style: WanStyle): string {
  if (v === 0n) return '0';
  const s = scaled(roundWan(v, 2), 2);
  return style === 'trim' ? s.replace(/\.?0+$/, '') : s;
}

/** A 元 amount that is an exact multiple of 100 元, printed in 万元 with two decimals ("3.60"); blank when zero. */
export function wanCell(v: bigint): string {
  return v === 0n ? '' : scaled(roundWan(v, 2), 2);
}

/** 万元 with two decimals rounded half-up, as a bigint of hundredths (for sums that must match the print). */
export function wanHundredths(v: bigint): bigint {
  return roundWan(v, 2);
}

/** Prints hundredths of 万元 in the given style. */
export function hundredths(h: bigint, style: WanStyle): string {
  if (h === 0n) return '0';
  const s = scaled(h, 2);
  return style === 'trim' ? s.replace(/\.?0+$/, '') : s;
}

/**
 * The change from `previous` to `current` (元, previous > 0) in % of `previous`, rounded half-up to
 * `decimals` decimals ("12.34", "12.3").
 */
export function percentChange(current: bigint, previous: bigint, decimals = 2): string {
  const d = current > previous ? current - previous : previous - current;
  // 10^-decimals of a percent: d × 100 × 10^decimals ÷ previous, half-up
  const factor = 100n * 10n ** BigInt(decimals);
  return scaled((d * factor * 2n + previous) / (2n * previous), decimals);
}

/** `part` in % of `whole` (元, whole > 0), rounded half-up to `decimals` decimals ("67.4"). */
export function share(part: bigint, whole: bigint, decimals = 1): string {
  // the change from `whole` to `whole + part` is `part`, in % of `whole`
  return percentChange(whole + part, whole, decimals);
}

/**
 * Whether a share of `part` in `whole` (元), printed from the exact amounts, must contradict the printed
 * figures once a planted error moves it by 5 points or more: over the figures' rounding (radii in 元)
 * part ÷ whole spans (2·part·r_w + 2·r_p·whole) ÷ (whole² − r_w²) × 100 points, which must stay under 4
 * (a move of 5 is then beyond it and beyond the percentage's own rounding, ±0.05 at most).
 */
export function shareHeld(part: bigint, partRadius: bigint, whole: bigint, wholeRadius: bigint): boolean {
  if (whole <= wholeRadius) return false;
  return 200n * (part * wholeRadius + partRadius * whole) < 4n * (whole * whole - wholeRadius * wholeRadius);
}

/**
 * A 元 amount rounded half-up to `decimals` decimals of 万元, back in 元 ("1396.58" → 13 965 800): the
 * amount a writer works with when computing from the printed 万元 figures.
 */
export function asPrintedWan(v: bigint, decimals: 0 | 2): bigint {
  return roundWan(v, decimals) * 10n ** BigInt(4 - decimals);
}

/** A 元 amount as a whole 万元 figure, rounded half-up ("28114"); zero is "0". */
export function wanWhole(v: bigint): string {
  return scaled(roundWan(v, 0), 0);
}

/** A 元 amount as a 亿元 figure with two decimals, rounded half-up ("2.81"). */
export function yi(v: bigint): string {
  const neg = v < 0n;
  const a = neg ? -v : v;
  // hundredths of 亿元 = 元 ÷ 1 000 000, half-up
  const q = (a * 2n + 1_000_000n) / 2_000_000n;
  return scaled(neg ? -q : q, 2);
}

/** "37151.47" → "37,151.47", "281135727" → "281,135,727": thousands separators in the integer part. */
export function withThousands(figure: string): string {
  const [i, d] = figure.split('.');
  const grouped = i!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return d === undefined ? grouped : `${grouped}.${d}`;
}

/**
 * Half a unit of a printed figure's last decimal, in 元: the rounding a reader (and the checker) must
 * allow it ("654.3" 万元 → 500 元, "2.81" 亿元 → 500 000 元). A printed zero means nothing and is exact.
 */
export function printedRadius(figure: string, unit: '元' | '万元' | '亿元'): bigint {
  const digits = figure.replace(/,/g, '');
  // 元 are whole and exact (DOMAIN.md §5)
  if (unit === '元' || /^0(\.0*)?$/.test(digits)) return 0n;
  const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
  const half = unit === '万元' ? 5_000n : 50_000_000n;
  return half / 10n ** BigInt(decimals);
}
