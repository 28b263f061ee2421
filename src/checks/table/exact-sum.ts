import type { Amount, Unit } from '../../model/amount.js';

/**
 * A signed sum of printed amounts in 元, added exactly on the digit words of decimal.js (base 10^7,
 * aligned to multiples of seven digits: word i of a Decimal stands for d[i] · 10^(7·(⌊e/7⌋ − i))),
 * without a Decimal per addition. Only amounts whose 元 value has at most 7 decimals and is below
 * 10^28 are taken, at most MAX_TERMS of them: every partial sum then has at most 38 significant
 * digits, so the Decimal sums the checks otherwise build (40 digits) are exact too and the two ways
 * agree. Every limb stays an integer far below 2^53 (words below 10^7).
 */
export class ExactSum {
  /** Limb k stands for 10^(7·(k + LOWEST_LIMB)). */
  private readonly limbs: number[] = [0, 0, 0, 0, 0];
  private terms = 0;
  private exact = true;

  /** Starts a new sum at zero. */
  reset(): void {
    const limbs = this.limbs;
    for (let k = 0; k < limbs.length; k++) limbs[k] = 0;
    this.terms = 0;
    this.exact = true;
  }

  /** Adds `sign` × the amount's value in 元 (a blank amount adds nothing). */
  add(amount: Amount | null | undefined, sign: 1 | -1): void {
    if (!amount || !this.exact) return;
    const { d, e } = amount.value;
    if (!d || ++this.terms > MAX_TERMS) {
      this.exact = false;
      return;
    }
    const s = amount.value.s * sign;
    const top = Math.floor(e / 7) - LOWEST_LIMB;
    const limbs = this.limbs;
    if (amount.unit === '元') {
      // (most amounts) each word is a limb
      if (top >= limbs.length || top - d.length + 1 < 0) {
        this.exact = false;
        return;
      }
      for (let i = 0; i < d.length; i++) limbs[top - i] += s * d[i]!;
      return;
    }
    const shift = UNIT_DIGITS[amount.unit];
    for (let i = 0; i < d.length; i++) {
      const word = d[i]!;
      if (word === 0) continue;
      // the word moved left by the unit's digits: into this limb and the next one up
      const k = top - i + shift.limbs;
      const scaled = word * shift.factor;
      const high = Math.floor(scaled / BASE);
      const low = scaled - high * BASE;
      // (a part that is zero may fall outside: 0.5 万元 is 5000 元, its word's low part is zero)
      if ((low !== 0 && (k < 0 || k >= limbs.length)) || (high !== 0 && (k + 1 < 0 || k + 1 >= limbs.length))) {
        this.exact = false;
        return;
      }
      if (low !== 0) limbs[k] += s * low;
      if (high !== 0) limbs[k + 1] += s * high;
    }
  }

  /** −1, 0 or 1 as the sum is negative, zero or positive; undefined when an amount was not taken. */
  sign(): number | undefined {
    if (!this.exact) return undefined;
    // carries from the lowest limb up: every limb but the top one ends in [0, BASE)
    const limbs = this.limbs;
    let carry = 0;
    let nonZero = false;
    let top = 0;
    for (let k = 0; k < limbs.length; k++) {
      const v = limbs[k]! + carry;
      if (k === limbs.length - 1) {
        top = v;
        break;
      }
      carry = Math.floor(v / BASE);
      if (v - carry * BASE !== 0) nonZero = true;
    }
    if (top !== 0) return top < 0 ? -1 : 1;
    return nonZero ? 1 : 0;
  }
}

const BASE = 10_000_000;
/** The limb of 10^−7, the lowest digit taken. */
const LOWEST_LIMB = -1;
/** More terms than a sum of a table's cells has (a longer sum is left to Decimal). */
const MAX_TERMS = 1_000;

/** A unit's factor to 元 as whole limbs and a factor below BASE (10^4 = 0 limbs · 10^4; 10^8 = 1 limb · 10). */
const UNIT_DIGITS: Readonly<Record<Unit, { readonly limbs: number; readonly factor: number }>> = {
  元: { limbs: 0, factor: 1 },
  万元: { limbs: 0, factor: 10_000 },
  亿元: { limbs: 1, factor: 10 },
};
