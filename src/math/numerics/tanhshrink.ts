/**
 * x − tanh x without cancellation. Near 0 the difference is x³/3 − 2x⁵/15 + …, and subtracting
 * the rounded tanh x from x loses ~log₂(3/x²) bits (PyTorch: 3.3333288e−16 at x = 1e−5, correct to
 * 5 digits). Lambert's continued fraction tanh x = x/(1 + K), K = t/(3 + t/(5 + t/(7 + …))),
 * t = x², gives x − tanh x = x·K/(1 + K) = x·t·N(t)/D(t), two polynomials with positive
 * coefficients: nothing cancels. Ten levels (the [4/5] Padé approximant below) are accurate to
 * 2.5e−19 relative for |x| ≤ 1.4. Evaluated plainly that is a chain of ~8 roundings (up to 4 ulp
 * measured), so t = x² and the last steps are carried in double-double (measured ≤ 1.9 ulp).
 * From |x| = 1.4 on, x − tanh x ≥ 0.5 and the direct difference is exact (Sterbenz) up to x ≈ 1.9,
 * with no more error than tanh x itself.
 */
import { twoProductError, twoSumError } from './double-double.js';
import { tanh, tanhDerivative } from './logistic.js';

/** Where the direct difference takes over: x − tanh x ≥ 0.5 from here on. */
const SERIES_BELOW = 1.4;
/** Where tanh² x = sech² x (≈ 0.8814): below it tanh² from x − tanhshrink(x), above it 1 − sech². */
const SQUARES_EQUAL = 0.88;

// x − tanh x = x·t·N(t)/D(t): the 10th convergent of Lambert's continued fraction in lowest terms
// (exact rationals such as 8/315, rounded to double; N0_LO = 1/3 − N0).
const N0 = 1 / 3;
const N0_LO = 1.850371707708594e-17;
const N1 = 8 / 315;
const N2 = 1 / 1995;
const N3 = 4 / 1281987;
const N4 = 1 / 211527855;
const D1 = 10 / 21;
const D2 = 4 / 133;
const D3 = 8 / 14535;
const D4 = 1 / 305235;
const D5 = 2 / 416645775;

/** The last argument and value of the continued fraction: f and f′ at one x evaluate it once. */
const last = { x: NaN, value: NaN };

/** x − tanh x to ~2 ulp for every x (±Infinity → ±Infinity, NaN → NaN). */
export function tanhshrink(x: number): number {
  if (!(Math.abs(x) < SERIES_BELOW)) return x - tanh(x);
  if (x === 0) return x; // ±0 keeps its sign
  if (x === last.x) return last.value;
  last.x = x;
  last.value = continuedFraction(x);
  return last.value;
}

/** x − tanh x = x·t·N(t)/D(t) for 0 < |x| < 1.4, with the last steps in double-double. */
function continuedFraction(x: number): number {
  const t = x * x;
  const tl = twoProductError(x, x, t);
  // N = N0 + t·(N1 + …) and D = 1 + t·(D1 + …), each as a double-double.
  const nt = t * (N1 + t * (N2 + t * (N3 + t * N4))) + tl * N1;
  const n = N0 + nt;
  const nl = twoSumError(N0, nt, n) + N0_LO;
  const dt = t * (D1 + t * (D2 + t * (D3 + t * (D4 + t * D5)))) + tl * D1;
  const d = 1 + dt;
  const dl = twoSumError(1, dt, d);
  // g = N/D with its remainder; then x·t·g.
  const g = n / d;
  const gd = g * d;
  const gl = (n - gd - twoProductError(g, d, gd) + nl - g * dl) / d;
  const xt = x * t;
  const xtl = twoProductError(x, t, xt) + x * tl;
  const p = xt * g;
  return p + (twoProductError(xt, g, p) + xt * gl + xtl * g);
}

/**
 * tanh² x, the derivative of x − tanh x, to ~1 ulp. Below |x| = 0.88, tanh x = x − tanhshrink(x)
 * as a double-double (tanhshrink is at most a quarter of x there, so its error shrinks by 4) and
 * squared; above, 1 − sech² x, which cancels by less than a factor 2 there.
 */
export function tanhSquared(x: number): number {
  // sech² is even: at |x|, tanh(x) in tanhshrink has split e^−2|x| already.
  if (!(Math.abs(x) < SQUARES_EQUAL)) return 1 - tanhDerivative(Math.abs(x));
  const s = tanhshrink(x);
  const th = x - s;
  const tl = twoSumError(x, -s, th);
  const p = th * th;
  return p + (twoProductError(th, th, p) + 2 * th * tl);
}
