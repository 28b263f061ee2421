import type { Rng } from '../../src/generate/random.js';

/**
 * A figure as a narrative prints it: mostly plain in `unit`, now and then zero, signed, full-width,
 * with a thousands separator or in another unit (the fast paths must leave those to the plain way).
 */
export function randomFigure(rng: Rng, unit: string): string {
  const choice = rng.next();
  const digits = choice < 0.1 ? '0' : choice < 0.15 ? '12,345' : choice < 0.18 ? '１２' : String(rng.int(0, 99_999));
  let frac = '';
  for (let i = rng.int(0, 3); i > 0; i--) frac += String(rng.int(0, 9));
  const sign = rng.next() < 0.03 ? '-' : '';
  const otherUnit = rng.next() < 0.05 ? rng.pick(['元', '万元', '亿元']) : unit;
  return `${sign}${digits}${frac ? `.${frac}` : ''}${otherUnit}`;
}
