/**
 * Tick locators: where the ticks of an axis go. Pure functions of the axis domain and a wanted
 * number of ticks; formatting is tick-format.ts's job (matplotlib's locator/formatter split).
 */

/** Tick values plus what a formatter needs to write them all alike. */
export interface TickSet {
  readonly values: readonly number[];
  /** Spacing of linear ticks (NaN for decade ticks). */
  readonly step: number;
  /** Power of ten of the step: 0.5 → −1, 2 → 0, 50 → 1; decimals shown = max(0, −power). */
  readonly power: number;
  /** Every value is a power of ten on a log axis: write them as 10ⁿ. */
  readonly decades: boolean;
}

const EMPTY: TickSet = { values: [], step: NaN, power: 0, decades: false };

/**
 * Nice step for about `count` intervals over a span: 1, 2 or 5 times a power of ten, whichever is
 * nearest to span / count on a log scale (the thresholds are the geometric means √2, √10, √50).
 */
export function niceStep(span: number, count: number): { mantissa: 1 | 2 | 5; power: number } {
  const raw = span / Math.max(count, 0.5);
  const power = Math.floor(Math.log10(raw));
  const r = raw / 10 ** power;
  if (r >= Math.sqrt(50)) return { mantissa: 1, power: power + 1 };
  if (r >= Math.sqrt(10)) return { mantissa: 5, power };
  if (r >= Math.SQRT2) return { mantissa: 2, power };
  return { mantissa: 1, power };
}

/**
 * About `count` ticks at multiples of a 1-2-5 step inside [lo, hi]. Each value is computed as an
 * integer times (or over) a power of ten, so 0.3 is 3/10 and not 0.1 + 0.1 + 0.1.
 */
export function linearTicks(lo: number, hi: number, count: number): TickSet {
  if (!(hi > lo) || !Number.isFinite(hi - lo) || !(count > 0)) return EMPTY;
  const { mantissa, power } = niceStep(hi - lo, count);
  // For negative powers divide by an exact integer: k·m / 10^p reads as the decimal k·m·10^−p.
  const at = power >= 0 ? (k: number) => k * mantissa * 10 ** power : (k: number) => (k * mantissa) / 10 ** -power;
  const step = at(1);
  let first = Math.round(lo / step);
  let last = Math.round(hi / step);
  if (at(first) < lo) first++;
  if (at(last) > hi) last--;
  // At the edge of double precision (a span of a few ulps, or k beyond 2^53) k++ would stall or
  // give repeated values: label the ends instead.
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last) || last - first > 10_000) return endTicks(lo, hi);
  const values: number[] = [];
  for (let k = first; k <= last; k++) values.push(at(k) || 0); // `|| 0` turns −0 into 0
  return { values, step, power, decades: false };
}

/** The two ends of a domain too narrow (in ulps) for a 1-2-5 step, written as their shortest decimals. */
function endTicks(lo: number, hi: number): TickSet {
  return { values: Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : [], step: NaN, power: 0, decades: false };
}

/** 10^e exactly as the decimal literal reads (10 ** e is inexact for negative e). */
export function powerOfTen(e: number): number {
  return Number(`1e${e}`);
}

/**
 * Ticks of a log axis over [lo, hi] (both > 0): powers of ten, every k-th decade when there are
 * many; over fewer than three decades, also 2 and 5 times them; over less than one decade, linear
 * ticks.
 */
export function logTicks(lo: number, hi: number, count: number): TickSet {
  if (!(lo > 0) || !(hi > lo)) return EMPTY;
  const e0 = Math.ceil(Math.log10(lo) - 1e-12);
  const e1 = Math.floor(Math.log10(hi) + 1e-12);
  const decades = Math.log10(hi) - Math.log10(lo);
  if (decades >= 3) {
    const exponents = linearTicks(e0, e1, Math.min(count, e1 - e0 + 1));
    const every = Math.max(1, Math.round(exponents.step));
    const values: number[] = [];
    for (let e = Math.ceil(e0 / every) * every; e <= e1; e += every) values.push(powerOfTen(e));
    return { values, step: NaN, power: 0, decades: true };
  }
  const values: number[] = [];
  for (let e = e0 - 1; e <= e1; e++) {
    for (const m of [1, 2, 5]) {
      const v = Number(`${m}e${e}`);
      if (v >= lo && v <= hi) values.push(v);
    }
  }
  if (values.length >= 2 && values.length <= count + 2) return { values, step: NaN, power: 0, decades: false };
  return linearTicks(lo, hi, count);
}
