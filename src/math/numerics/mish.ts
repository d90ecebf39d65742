/**
 * Mish x·tanh(softplus(x)) and its derivatives without tanh, log1p or 1 − tanh².
 *
 * With E = eˣ: tanh(log(1 + E)) = E(E + 2)/D, D = E(E + 2) + 2, and sech²(softplus x) =
 * 4(1 + E)²/D². For x ≤ 0 the results are proportional to E, which we take from expSplit as a
 * double-double mantissa m times 2^k (Math.exp alone is off by up to 1.25 ulp, which would be most
 * of our 4-ulp budget); the power of two is applied last, so the far left tail (x·eˣ subnormal)
 * is rounded once. For x > 0 everything is written in e = e⁻ˣ (nothing overflows) as 1 minus a
 * small correction. f, f′ and f″ at one x share one split of the exponential.
 * (PyTorch's backward forms 1 − tanh², which is 0 from x ≈ 19 on, and returns NaN at ±Infinity.)
 */
import { ddAdd, ddDiv, ddLow, ddMul, twoProductError, twoSumError } from './double-double.js';
import { expParts, expSplitParts, pow2, scalePow2 } from './exp-split.js';

/** Above this Mish = x and Mish′ = 1 to double precision (the corrections are ~x·e⁻²ˣ < 1e−32). */
const DERIVATIVE_IS_ONE = 40;
/** Above this Mish″ = 8(1 − x)e⁻²ˣ to double precision (relative corrections < e⁻ˣ). */
const SECOND_TAIL = 40;
/** Below this every result is 0 to double precision (and x·m would overflow its error term). */
const ZERO_BELOW = -1500;

/**
 * e^x = (hi + lo)·2^k for the last x split: f, f′ and f″ at one x split it once. An object, not
 * module-level `let`s: V8 keeps double fields unboxed, where a `let` would box each store.
 */
const split = { x: NaN, hi: 0, lo: 0, k: 0 };

function splitExp(x: number): void {
  if (x === split.x) return;
  expSplitParts(x, 0);
  split.x = x;
  split.hi = expParts.hi;
  split.lo = expParts.lo;
  split.k = expParts.k;
}

/** e⁻ˣ as a double for 0 < x ≤ 40, through the same cache. */
function expOfNegative(x: number): number {
  splitExp(-x);
  return (split.hi + split.lo) * pow2(split.k);
}

/**
 * Mish′ near its root x₀ ≈ −1.19243: there E·a and E²·R below cancel, so within ±0.3 of x₀ we use
 * the Taylor series Σ cₙhⁿ, h = x − x₀ (exact as x − X0_HI − X0_LO), whose leading term c₁h carries
 * the relative accuracy right through the root. Coefficients from mpmath at 80 digits (mp.taylor);
 * 20 terms reach 5e−19 relative over the window (the nearest singularity is 2.8 away).
 */
const ROOT_WINDOW = 0.3;
const X0_HI = -1.1924312145154952;
const X0_LO = -4.8484829848031044e-17;
const C1_HI = 0.2669479140495345;
const C1_LO = 1.5332816617135587e-17;
/** c₂ … c₂₀. */
const C_REST = [
  0.20473126408010586, 0.04190782104360987, -0.020271822716684245, -0.01582112656173338, -0.0033606849270232685,
  0.0010924055409445854, 0.0009898181021289196, 0.00025412936386191073, -4.1961496031696126e-5, -5.582891567360688e-5,
  -1.72992708103044e-5, 9.427361327376651e-7, 2.9088199364912223e-6, 1.071676702702074e-6, 2.6879417855557728e-8,
  -1.4117255919499382e-7, -6.174424363104907e-8, -5.460186173028381e-9, 6.3895954615089855e-9,
];

function derivativeNearRoot(x: number): number {
  const h = x - X0_HI; // exact (Sterbenz)
  const hl = -X0_LO;
  let tail = C_REST[C_REST.length - 1]!;
  for (let i = C_REST.length - 2; i >= 0; i--) tail = tail * h + C_REST[i]!;
  // c₁·(h + hl) in double-double, plus h²·(c₂ + c₃h + …), whose weight is at most a quarter.
  const p = C1_HI * h;
  const pe = twoProductError(C1_HI, h, p) + (C1_HI * hl + C1_LO * h);
  return p + (pe + h * h * tail);
}

/**
 * Mish′ = E·N/M on (x₀ + 0.3, 0], with N = (1 + x) + E·((1.5 + x) + E·g), g = 1 + E/4, and
 * M = 1 + E·(2 + E·(2 + E·g)) (the expansion of B/D² below). Every term is positive there but the
 * chain is long and its result sits near 0.5, so it is evaluated in double-double (≤ 4.3 ulp in
 * double, ~1 ulp here).
 */
function derivativeNearZero(x: number): number {
  splitExp(x);
  const mh = split.hi;
  const ml = split.lo;
  const k = split.k; // 0 or −1 here: E = (mh + ml)·2^k is exact to scale
  const eh = mh * pow2(k);
  const el = ml * pow2(k);
  const g = 1 + 0.25 * eh;
  const th = ddMul(eh, el, g, 0);
  const tl = ddLow.lo;
  const s = 1.5 + x;
  const ch = ddAdd(s, twoSumError(1.5, x, s), th, tl);
  const uh = ddMul(eh, el, ch, ddLow.lo);
  const a = 1 + x;
  const nh = ddAdd(a, twoSumError(1, x, a), uh, ddLow.lo);
  const nl = ddLow.lo;
  const q2 = ddAdd(2, 0, th, tl);
  const q3 = ddMul(eh, el, q2, ddLow.lo);
  const q = ddAdd(2, 0, q3, ddLow.lo);
  const eq = ddMul(eh, el, q, ddLow.lo);
  const mm = ddAdd(1, 0, eq, ddLow.lo);
  const rh = ddDiv(nh, nl, mm, ddLow.lo);
  const result = ddMul(mh, ml, rh, ddLow.lo);
  return scalePow2(result + ddLow.lo, k);
}

export function mish(x: number): number {
  if (x > 0) {
    if (x > DERIVATIVE_IS_ONE) return x; // v < 1e−34: also Mish(∞) = ∞ without ∞·0
    // x·T with T = 1 − v, v = 2e²/(1 + 2e + 2e²) ≤ 0.4.
    const e = expOfNegative(x);
    const e2 = e * e;
    return x - x * ((2 * e2) / (1 + 2 * e + 2 * e2));
  }
  if (x === 0) return x; // ±0 keeps its sign
  if (!(x > ZERO_BELOW)) return x === x ? -0 : NaN;
  // x·E·(1 − w), w = E(1 + E)/D ≤ 0.4: x·m exactly, then one subtraction.
  splitExp(x);
  const mh = split.hi;
  const ml = split.lo;
  const k = split.k;
  const e = mh * pow2(k); // exact while normal; below that only its size matters
  const w = (e * (1 + e)) / (e * (e + 2) + 2);
  const p = x * mh;
  const pe = twoProductError(x, mh, p) + x * ml;
  return scalePow2(p - (p * w - pe), k);
}

/** Mish′ = tanh(sp) + x·σ(x)·sech²(sp), sp = softplus(x). */
export function mishDerivative(x: number): number {
  if (x > 0) {
    if (x > DERIVATIVE_IS_ONE) return 1;
    // 1 + 2e²(2x(1 + e) − d)/d², d = 1 + 2e + 2e².
    const e = expOfNegative(x);
    const e2 = e * e;
    const d = 1 + 2 * e + 2 * e2;
    return 1 + (2 * e2 * (2 * x * (1 + e) - d)) / (d * d);
  }
  if (!(x > ZERO_BELOW)) return x === x ? -0 : NaN;
  if (x > X0_HI + ROOT_WINDOW) return derivativeNearZero(x);
  if (x > X0_HI - ROOT_WINDOW) return derivativeNearRoot(x);
  // E·B/D² with B = 4(1 + x) + E·C, C = 6 + 4x + E(4 + E), D² = 4(1 + E·Q), Q = 2 + 2E + E² + E³/4,
  // rearranged as E·a + E²·R with a = 1 + x and R = (C/4 − a·Q)/(1 + E·Q): the leading E·a in
  // double-double, the correction (weight ≤ E) in double. Only near the root (x ≈ −1.19) do the two
  // terms cancel, and there derivativeNearRoot takes over.
  splitExp(x);
  const mh = split.hi;
  const ml = split.lo;
  const k = split.k;
  const e = mh * pow2(k); // exact while normal; below that only its size matters
  const a = 1 + x;
  const al = twoSumError(1, x, a);
  const q = 2 + e * (2 + e * (1 + e * 0.25));
  const r = ((6 + 4 * x + e * (4 + e)) * 0.25 - a * q) / (1 + e * q);
  const p = mh * a;
  const pe = twoProductError(mh, a, p) + (mh * al + ml * a) + mh * (e * r);
  return scalePow2(p + pe, k);
}

/**
 * Mish″ = σ·sech²(sp)·(2 + x(1 − σ − 2σ·tanh(sp))): in E, 4E·(2(1 + E) + x(1 − 2T·E))/D² with
 * T = E(E + 2)/D; in e = e⁻ˣ, 4e²·(2(1 + e) + x(e − 2T))/d² with T = (1 + 2e)/d, d = 1 + 2e + 2e².
 */
export function mishSecondDerivative(x: number): number {
  if (x > 0) {
    if (x > SECOND_TAIL) {
      if (x === Infinity) return 0;
      expSplitParts(-2 * x, 0);
      const c = 8 * (1 - x);
      return scalePow2(c * expParts.hi + c * expParts.lo, expParts.k);
    }
    // 4e²·B/d², B = 2(1 + e) + x·(e − 2t): B vanishes at Mish″'s root (x ≈ 2.2), so e = e⁻ˣ enters
    // as a double-double and B, d and t are formed in double-double arithmetic.
    splitExp(-x);
    const s = pow2(split.k);
    const eh = split.hi * s;
    const el = split.lo * s;
    const e2h = ddMul(eh, el, eh, el);
    const e2l = ddLow.lo;
    // d = 1 + 2e + 2e², t = (1 + 2e)/d
    const oh = ddAdd(1, 0, 2 * eh, 2 * el);
    const ol = ddLow.lo;
    const dh = ddAdd(oh, ol, 2 * e2h, 2 * e2l);
    const dl = ddLow.lo;
    const th = ddDiv(oh, ol, dh, dl);
    const tl = ddLow.lo;
    // B = 2 + 2e + x·(e − 2t)
    const mh = ddAdd(eh, el, -2 * th, -2 * tl);
    const ml = ddLow.lo;
    const xh = ddMul(mh, ml, x, 0);
    const xl = ddLow.lo;
    const bh = ddAdd(2 + 2 * eh, twoSumError(2, 2 * eh, 2 + 2 * eh) + 2 * el, xh, xl);
    const bl = ddLow.lo;
    const nh = ddMul(bh, bl, 4 * e2h, 4 * e2l);
    const nl = ddLow.lo;
    const d2h = ddMul(dh, dl, dh, dl);
    return ddDiv(nh, nl, d2h, ddLow.lo);
  }
  if (!(x > ZERO_BELOW)) return x === x ? 0 : NaN;
  splitExp(x);
  const mh = split.hi;
  const ml = split.lo;
  const k = split.k;
  if (x > -SECOND_TAIL) {
    // 4E·B/D², B = 2(1 + E) + x(1 − 2nE/D), vanishes at Mish″'s negative root (x ≈ −2.7): E as a
    // double-double, B, n and D formed in double-double arithmetic (E ≥ e^−40 is normal here).
    const s = pow2(k);
    const eh = mh * s;
    const el = ml * s;
    const nh = ddMul(eh, el, eh + 2, el + twoSumError(eh, 2, eh + 2));
    const nl = ddLow.lo;
    const dh = ddAdd(nh, nl, 2, 0);
    const dl = ddLow.lo;
    const qh = ddMul(nh, nl, 2 * eh, 2 * el);
    const qh2 = ddDiv(qh, ddLow.lo, dh, dl);
    const oh = ddAdd(1, 0, -qh2, -ddLow.lo);
    const xh = ddMul(oh, ddLow.lo, x, 0);
    const xl = ddLow.lo;
    const bh = ddAdd(2 + 2 * eh, twoSumError(2, 2 * eh, 2 + 2 * eh) + 2 * el, xh, xl);
    const ph = ddMul(bh, ddLow.lo, 4 * eh, 4 * el);
    const pl = ddLow.lo;
    const d2h = ddMul(dh, dl, dh, dl);
    return ddDiv(ph, pl, d2h, ddLow.lo);
  }
  const e = mh * pow2(k); // exact while normal; below that only its size matters
  const n = e * (e + 2);
  const d = n + 2;
  const g = (4 * (2 * (1 + e) + x * (1 - (2 * n * e) / d))) / (d * d);
  return scalePow2(mh * g + ml * g, k);
}
