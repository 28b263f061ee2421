import { Decimal as DecimalJs } from 'decimal.js';

/**
 * The one decimal constructor for money. A clone, so global configuration elsewhere cannot change it;
 * 40 significant digits cover national totals in 元 with 分 many times over.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
