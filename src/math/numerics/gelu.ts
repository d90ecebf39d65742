/**
 * GELU in its three forms, to about an ulp for f and f′ at every x, both tails included.
 *
 * Exact: GELU(x) = x·Φ(x), GELU′ = Φ(x) + x·φ(x), GELU″ = φ(x)·(2 − x²), with t = x/√2 carried as
 * a double-double (t's rounding would cost up to 2t² ulp in erfc(t)) and fdlibm's rational
 * approximations (erf.ts) on three intervals of |t|:
 *   |t| < 0.84375:   Φ = ½ + ½·(t + t·R(t²));
 *   |t| < 1.25:      Φ = ½(1 ± c) ± ½·P1(s)/Q1(s), s = |t| − 1;
 *   |t| ≥ 1.25:      erfc(|t|) = exp(−t² − 0.5625 + R/S)/|t|, which turns x·Φ(x) into
 *                    GELU(x) = x·[x > 0] − exp(E)/√2,   E = −x²/2 − 0.5625 + R/S(|t|),
 *                    with −x²/2 exact (x² split) and exp(E) from expSplit. No 1 + erf: PyTorch's
 *                    0.5·x·(1 + erf(x/√2)) has lost every digit by x = −8.
 *   GELU′ = Φ + x·φ sums two terms of opposite sign for x < 0, both formed as double-doubles; near
 *   its root (x ≈ −0.7518) no formula of that kind keeps relative accuracy, and there f′ is its
 *   Taylor series about the root (root-series.ts). The same for the tanh form's root.
 * tanh form: 0.5x(1 + tanh(√(2/π)(x + 0.044715x³))) = x·σ(v), v = x·(A + B·x²), A = 2√(2/π),
 *   B = 0.044715·A, with v as a double-double (in the left tail σ(v) ≈ e^v).
 * sigmoid form: x·σ(1.702·x), with 1.702·x as a double-double.
 *
 * As in logistic.ts, the steps take their inputs from and leave their results in a module-level
 * record, and f, f′, f″ at the same x share one evaluation of the exponentials.
 */
import { ddAddParts, ddLow, ddMulParts, fastTwoSumError, twoProductError, twoSumError } from './double-double.js';
import { ERF_MID, ERF_SMALL, ERX, erfcTailCorrection, erfNearOne, erfSmallRatio } from './erf.js';
import { expParts, expSplitParts, pow2, scaleByPow2 } from './exp-split.js';
import { lg } from './logistic.js';
import { nearRoot, rootSeries, sumRootSeries } from './root-series.js';
import { geluTanhFormKernel } from './gelu-tanh-form.js';
import { swishCurvatureOf, swishSlopeOf, swishValue } from './swish.js';

// Constants as double-doubles (hi + lo), from mpmath at 80 digits.
/** 1/√2 */
const S_HI = 0.7071067811865476;
const S_LO = -4.833646656726457e-17;
/** 1/√(2π) */
const C_HI = 0.3989422804014327;
const C_LO = -2.49232720227773e-17;
/** A = 2·√(2/π) (σ(2u) = (1 + tanh u)/2) */
const A_HI = 1.5957691216057308;
const A_LO = -9.96930880911092e-17;
/** B = 2·√(2/π)·0.044715, with the decimal 0.044715 exact */
const B_HI = 0.07135481627260025;
const B_LO = -6.175149918155315e-19;
/** 1.702 (the decimal) */
const K_HI = 1.702;
const K_LO = 4.263256414560601e-17;

/** ½(1 + c) and ½(1 − c) for fdlibm's c = erf(1) rounded to 24 bits: both exact. */
const HALF_ONE_PLUS_ERX = 0.5 * (1 + ERX);
const HALF_ONE_MINUS_ERX = 0.5 * (1 - ERX);

/** GELU′ about its root −0.75179152469356445745790494678 (the minimum of GELU), |h| < 0.25. */
const SLOPE_ROOT = rootSeries(
  -0.7517915246935645,
  1.4956759177009883e-17,
  0.4314939923140469,
  2.7308688141129613e-17,
  0.25,
  [
    0.388284982990552, -0.018199676398671087, -0.1140082332972217, -0.014771522148244337, 0.019421679838189067,
    0.004539228379125415, -0.002239538068073497, -0.0007448268386746817, 0.00018633974623233514, 8.615947861116571e-5,
    -1.121438018842664e-5, -7.74846130700372e-6, 4.3284506257392273e-7, 5.702764979242107e-7, -1.6044265494246427e-9,
    -3.5459866461783865e-8,
  ],
);

/** The tanh form's f′ about its root −0.752461422071016258487954443289, |h| < 0.25. */
const TANH_SLOPE_ROOT = rootSeries(
  -0.7524614220710163,
  3.635560509207687e-17,
  0.4304000910248585,
  2.028254970529195e-17,
  0.25,
  [
    0.38751844613578895, -0.01578285352184803, -0.11394448308095899, -0.01661932834305256, 0.019682309459833118,
    0.005261059254921912, -0.0024227318458750974, -0.0009274420230205449, 0.00026392764052681053,
    0.00012425227802639782, -3.4956171694436116e-5, -1.5950896871645105e-5, 5.918611710894005e-6, 2.4335516344299543e-6,
    -9.898647747433667e-7, -4.3102482988029016e-7, 1.4157556987729473e-7, 7.520740909289922e-8,
  ],
);

/** Beyond |x| = 39, exp(−x²/2) < 2^−1075 even times x²: GELU is x or −0, GELU′ 1 or −0. */
const LIMIT = 39;

/**
 * The exact form's state at x = gs.x, filled by geluSplit. Erf region (|x/√2| < 1.25): Φ(x) =
 * fh + fl and e^(−x²/2) = (gh + gl)·2^kg. Left tail (x ≤ −1.77): exp(E)/√2 = (th + tl)·2^kt as
 * well. Right tail (x ≥ 1.77): GELU = x − T and GELU′ = 1 + (x·G/√(2π) − T/x) with T = exp(E)/√2
 * and G = e^(−x²/2) small next to x and 1, so plain doubles suffice there (T/x ≤ 0.04).
 */
// Kept for speed, cache included: without the cache GELU f + f′ cost 450 more instructions a point
// (callgrind).
const gs = { x: NaN, region: 0, gh: 0, gl: 0, kg: 0, fh: 0, fl: 0, th: 0, tl: 0, kt: 0 };
const ERF_REGION = 0;
const LEFT_TAIL = 1;
const RIGHT_TAIL = 2;

/** Fills `gs` for x unless it holds that x already; one function per region (see logistic.ts on why). */
function geluSplit(x: number): void {
  if (x === gs.x) return;
  gs.x = x;
  const th = x * S_HI;
  if (th >= ERF_MID) rightTail();
  else if (th > -ERF_MID) erfRegion();
  else leftTail();
}

/** e^(−x²/2) into gs, with x² split exactly; returns x² (its low word in ddLow.lo). */
function gaussian(x: number): number {
  const p = x * x;
  const pl = twoProductError(x, x, p);
  expSplitParts(-0.5 * p, -0.5 * pl);
  gs.gh = expParts.hi;
  gs.gl = expParts.lo;
  gs.kg = expParts.k;
  ddLow.lo = pl;
  return p;
}

function erfRegion(): void {
  const x = gs.x;
  gs.region = ERF_REGION;
  const p = gaussian(x);
  // t = x/√2 = th + tl
  const th = x * S_HI;
  const tl = twoProductError(x, S_HI, th) + x * S_LO;
  if (Math.abs(th) < ERF_SMALL) {
    // Φ = ½ + ½·(t + t·R(t²)): ½ + ½th split exactly, the rest small.
    const y = erfSmallRatio(0.5 * p);
    const h = 0.5 + 0.5 * th;
    gs.fh = h;
    gs.fl = fastTwoSumError(0.5, 0.5 * th, h) + 0.5 * (th * y + tl);
    return;
  }
  // |t| = 1 + s, s = (|th| − 1) + |t|'s share of tl; the first difference is exact.
  const s = th > 0 ? th - 1 + tl : -th - 1 - tl;
  const r = 0.5 * erfNearOne(s);
  const h = th > 0 ? HALF_ONE_PLUS_ERX + r : HALF_ONE_MINUS_ERX - r;
  gs.fh = h;
  gs.fl = th > 0 ? fastTwoSumError(HALF_ONE_PLUS_ERX, r, h) : twoSumError(HALF_ONE_MINUS_ERX, -r, h);
}

function leftTail(): void {
  const x = gs.x;
  gs.region = LEFT_TAIL;
  const p = gaussian(x);
  const pl = ddLow.lo;
  // E = −x²/2 + (R/S − 0.5625) as a double-double
  const rs = erfcTailCorrection(-x * S_HI);
  const ch = rs - 0.5625;
  const cl = twoSumError(rs, -0.5625, ch);
  const eh = ch - 0.5 * p;
  const el = twoSumError(ch, -0.5 * p, eh) + (cl - 0.5 * pl);
  expSplitParts(eh, el);
  const k = expParts.k;
  ddMulParts(expParts.hi, expParts.lo, S_HI, S_LO);
  gs.th = ddLow.hi;
  gs.tl = ddLow.lo;
  gs.kt = k;
}

function rightTail(): void {
  const x = gs.x;
  gs.region = RIGHT_TAIL;
  const h = -0.5 * (x * x);
  gs.gh = Math.exp(h);
  gs.th = Math.exp(h + (erfcTailCorrection(x * S_HI) - 0.5625)) * S_HI;
}

/** GELU(x) = x·Φ(x). */
export function gelu(x: number): number {
  if (!(x > -LIMIT && x < LIMIT)) return x > 0 ? x : x < 0 ? -0 : NaN;
  geluSplit(x);
  if (gs.region === ERF_REGION) {
    const fh = gs.fh;
    const q = x * fh;
    return q + (twoProductError(x, fh, q) + x * gs.fl);
  }
  if (gs.region === RIGHT_TAIL) return x - gs.th;
  return -scaleByPow2(gs.th, gs.kt);
}

/** GELU′(x) = Φ(x) + x·φ(x). */
export function geluDerivative(x: number): number {
  if (!(x > -LIMIT && x < LIMIT)) return x > 0 ? 1 : x < 0 ? -0 : NaN;
  if (nearRoot(SLOPE_ROOT, x)) return sumRootSeries(SLOPE_ROOT, x, 0);
  geluSplit(x);
  if (gs.region === RIGHT_TAIL) return 1 + (x * C_HI * gs.gh - gs.th / x);
  // x·φ(x) = x·(1/√(2π))·e^(−x²/2) as a double-double mantissa m·2^kg
  const xc = x * C_HI;
  ddMulParts(xc, twoProductError(x, C_HI, xc) + x * C_LO, gs.gh, gs.gl);
  const kg = gs.kg;
  if (gs.region === ERF_REGION) {
    // kg ∈ [−3, 0] here (x²/2 < 1.57): scaling is exact.
    const s = pow2(kg);
    ddAddParts(gs.fh, gs.fl, ddLow.hi * s, ddLow.lo * s);
    return ddLow.hi;
  }
  // Φ(x) = exp(E)/(√2·|x|) with exp(E)/√2 = (th + tl)·2^kt; both terms at the exponent kg
  // (kt − kg is −1 or −2), so that the one rounding into the subnormal range is the last.
  const ratio = (gs.th * pow2(gs.kt - kg)) / -x;
  ddAddParts(ratio, 0, ddLow.hi, ddLow.lo);
  return scaleByPow2(ddLow.hi, kg);
}

/** GELU″(x) = φ(x)·(2 − x²). */
export function geluSecondDerivative(x: number): number {
  if (!(x > -LIMIT && x < LIMIT)) return x === x ? -0 : NaN;
  const p = x * x;
  const pl = twoProductError(x, x, p);
  expSplitParts(-0.5 * p, -0.5 * pl);
  return scaleByPow2(expParts.hi * C_HI * (2 - p - pl), expParts.k);
}

// ---------------------------------------------------------------------------------------------
// tanh form: x·σ(v), v = x·(A + B·x²)

/**
 * GELU's own tanh form (√(2/π), 0.044715): the kernel every tanh-form GELU shares
 * (gelu-tanh-form.ts: transformers' gelu_fast is the same formula with other constants).
 */
const TANH_FORM = geluTanhFormKernel(A_HI, A_LO, B_HI, B_LO);

/** GELU(x) with approximate='tanh'. */
export const geluTanh = TANH_FORM.f;

/** d/dx of the tanh form; near its root, the root's series (the kernel's value has no digits left there). */
export function geluTanhDerivative(x: number): number {
  if (nearRoot(TANH_SLOPE_ROOT, x)) return sumRootSeries(TANH_SLOPE_ROOT, x, 0);
  return TANH_FORM.df(x);
}

/** d²/dx² of the tanh form, in double-double arithmetic through its roots. */
export const geluTanhSecondDerivative = TANH_FORM.d2!;

// ---------------------------------------------------------------------------------------------
// sigmoid form: x·σ(1.702·x)

/** Sets lg.vh + lg.vl = 1.702·x as a double-double. */
function sigmoidArgument(x: number): void {
  const vh = K_HI * x;
  lg.vh = vh;
  lg.vl = twoProductError(K_HI, x, vh) + K_LO * x;
}

/** GELU(x) with approximate='sigmoid': x·σ(1.702x). */
export function geluSigmoid(x: number): number {
  sigmoidArgument(x);
  lg.c = x;
  return swishValue();
}

export function geluSigmoidDerivative(x: number): number {
  sigmoidArgument(x);
  swishSlopeOf();
  return lg.y;
}

export function geluSigmoidSecondDerivative(x: number): number {
  sigmoidArgument(x);
  lg.c = K_HI;
  swishCurvatureOf();
  return lg.y;
}
