/**
 * Functions of the whole sampled vector, along dim 0 as torch.nn.Softmax(dim=0) does. `apply` fills
 * y and dy = the Jacobian's diagonal ∂yᵢ/∂xᵢ; `jacobian` returns every row (its diagonal is the
 * same numbers as dy).
 *
 * Accuracy: each component within a few ulp of the exact value at the exact double inputs. The
 * shift by the maximum is carried exactly (its rounding error rides along into exp), sums are
 * compensated, 1 − Sᵢ for the largest component is the sum of the others (no cancellation), and
 * LogSoftmax is (xᵢ − max) − log1p(Σ others) — two terms of the same sign, no log of a ratio.
 *
 * Non-finite inputs: NaN anywhere makes every output NaN (as torch). −∞ components get
 * probability 0 (LogSoftmax −∞) and the rest behave as if they were absent (as torch). +∞
 * components — torch gives NaN everywhere — get the limit as they grow together: they share the
 * mass equally and every finite component gets 0. All components −∞: NaN (no limit).
 */
import { noKinks } from '../define.js';
import { twoProductError, twoSumError } from '../numerics/double-double.js';
import type { CatalogEntry, VectorEntry, VectorKernel } from '../types.js';

/** (aHi + aLo)·(bHi + bLo), rounded once. */
function multiply(aHi: number, aLo: number, bHi: number, bLo: number): number {
  const p = aHi * bHi;
  return p + (twoProductError(aHi, bHi, p) + aHi * bLo + aLo * bHi);
}

/** Index of the first maximum of sign·x; −1 if x is empty or has a NaN. (Loops live in plain functions: V8 optimizes them better than loops in constructors.) */
function firstMaximum(x: Float64Array, sign: number): number {
  let max = -Infinity;
  let top = -1;
  for (let i = 0; i < x.length; i++) {
    const z = sign * x[i]!;
    if (z !== z) return -1;
    if (top < 0 || z > max) {
      max = z;
      top = i;
    }
  }
  return top;
}

/**
 * shift = z − max (rounded) with its rounding error, and e^shift as a double-double, for z = sign·x.
 * With max = +∞ the infinite components tie at shift 0 and the finite ones drop to −∞.
 */
function shiftedExponentials(
  x: Float64Array,
  sign: number,
  max: number,
  out: { shift: Float64Array; shiftError: Float64Array; hi: Float64Array; lo: Float64Array },
): void {
  const { shift, shiftError, hi, lo } = out;
  for (let i = 0; i < x.length; i++) {
    const z = sign * x[i]!;
    const d = max === Infinity ? (z === Infinity ? 0 : -Infinity) : z - max;
    shift[i] = d;
    if (d === -Infinity) continue;
    const err = max === Infinity ? 0 : twoSumError(z, -max, d);
    const e = Math.exp(d);
    shiftError[i] = err;
    hi[i] = e;
    // e^(d + err) = e^d·(1 + err) to double-double accuracy, since |err| ≤ ulp(d)/2 is tiny.
    lo[i] = e * err;
  }
}

/** Compensated Σ_{j ≠ skip} (hi[j] + lo[j]) into out.restHi + out.restLo. */
function sumAllBut(skip: number, hi: Float64Array, lo: Float64Array, out: { restHi: number; restLo: number }): void {
  let s = 0;
  let c = 0;
  for (let j = 0; j < hi.length; j++) {
    if (j === skip) continue;
    const t = s + hi[j]!;
    c += twoSumError(s, hi[j]!, t) + lo[j]!;
    s = t;
  }
  out.restHi = s + c;
  out.restLo = c - (out.restHi - s);
}

/**
 * e^(zⱼ − max z) for z = sign·x, as a double-double per component, with the sums the softmax family
 * needs. `top` is the first maximum: its exponential is exactly 1, and `rest` = Σ of the others.
 * `select(i)` then gives Sᵢ and 1 − Sᵢ as double-doubles in scalar fields (no per-call arrays).
 */
class Exponentials {
  /** zᵢ − max z, rounded, and its rounding error (LogSoftmax adds it back). */
  readonly shift: Float64Array;
  readonly shiftError: Float64Array;
  /** e^(zᵢ − max z) as hi + lo. */
  readonly hi: Float64Array;
  readonly lo: Float64Array;
  readonly top: number;
  /** False when the result is NaN: a NaN component, or every component −∞, or an empty vector. */
  readonly defined: boolean;
  restHi = 0;
  restLo = 0;
  /** 1/Σ e as a double-double. */
  private invHi = 1;
  private invLo = 0;
  /** Sᵢ and 1 − Sᵢ for the index last passed to select(). */
  sHi = 0;
  sLo = 0;
  cHi = 0;
  cLo = 0;

  constructor(x: Float64Array, sign: 1 | -1) {
    const n = x.length;
    this.shift = new Float64Array(n);
    this.shiftError = new Float64Array(n);
    this.hi = new Float64Array(n);
    this.lo = new Float64Array(n);
    const top = firstMaximum(x, sign);
    this.top = top;
    const max = top < 0 ? NaN : sign * x[top]!;
    this.defined = top >= 0 && max !== -Infinity;
    if (!this.defined) return;
    shiftedExponentials(x, sign, max, this);
    sumAllBut(top, this.hi, this.lo, this);
    const totalHi = 1 + this.restHi;
    const totalLo = twoSumError(1, this.restHi, totalHi) + this.restLo;
    // One division per vector: every Sᵢ is then a double-double product.
    this.invHi = 1 / totalHi;
    const p = this.invHi * totalHi;
    this.invLo = (1 - p - twoProductError(this.invHi, totalHi, p) - this.invHi * totalLo) / totalHi;
  }

  /**
   * Sets sHi + sLo = Sᵢ and cHi + cLo = 1 − Sᵢ. 1 − S_top is the sum of the others times 1/Σ e, so
   * it keeps its digits when S_top is near 1; for the others Sᵢ ≤ 1/2 (eᵢ ≤ e_top), and 1 − Sᵢ is
   * formed exactly from S's two parts.
   */
  select(i: number): void {
    const { invHi, invLo } = this;
    const e = this.hi[i]!;
    const q = e * invHi;
    const qLo = twoProductError(e, invHi, q) + e * invLo + this.lo[i]! * invHi;
    const sHi = q + qLo;
    this.sHi = sHi;
    this.sLo = qLo - (sHi - q);
    if (i === this.top) {
      const r = this.restHi * invHi;
      const rLo = twoProductError(this.restHi, invHi, r) + this.restHi * invLo + this.restLo * invHi;
      const cHi = r + rLo;
      this.cHi = cHi;
      this.cLo = rLo - (cHi - r);
    } else {
      const c = 1 - sHi;
      const cLo = twoSumError(1, -sHi, c) - this.sLo;
      const cHi = c + cLo;
      this.cHi = cHi;
      this.cLo = cLo - (cHi - c);
    }
  }

  /** Sᵢ(1 − Sᵢ) for the selected i, rounded once. */
  diagonal(): number {
    return multiply(this.sHi, this.sLo, this.cHi, this.cLo);
  }

  /** log Σⱼ e^(zⱼ − max z) = log1p(rest), to double-double input accuracy. */
  logTotal(): number {
    return Math.log1p(this.restHi) + this.restLo / (1 + this.restHi);
  }
}

function fillNaN(...arrays: Float64Array[]): void {
  for (const a of arrays) a.fill(NaN);
}

/** An n×n Jacobian as rows, row i = ∂yᵢ/∂x. */
function matrix(n: number, entry: (i: number, j: number) => number): Float64Array[] {
  return Array.from({ length: n }, (_, i) => Float64Array.from({ length: n }, (_, j) => entry(i, j)));
}

function nanJacobian(n: number): Float64Array[] {
  return matrix(n, () => NaN);
}

/** Softmax of sign·x: S and the diagonal ±S(1 − S); the Jacobian is ±(diag(S) − S·Sᵀ). */
function softmaxKernel(sign: 1 | -1): VectorKernel {
  return {
    apply(x, y, dy) {
      const ex = new Exponentials(x, sign);
      if (!ex.defined) return fillNaN(y, dy);
      for (let i = 0; i < x.length; i++) {
        ex.select(i);
        y[i] = ex.sHi;
        dy[i] = sign * ex.diagonal();
      }
    },
    jacobian(x) {
      const n = x.length;
      const ex = new Exponentials(x, sign);
      if (!ex.defined) return nanJacobian(n);
      const sHi = new Float64Array(n);
      const sLo = new Float64Array(n);
      const diag = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        ex.select(i);
        sHi[i] = ex.sHi;
        sLo[i] = ex.sLo;
        diag[i] = sign * ex.diagonal();
      }
      return matrix(n, (i, j) => (i === j ? diag[i]! : -sign * multiply(sHi[i]!, sLo[i]!, sHi[j]!, sLo[j]!)));
    },
  };
}

const logSoftmaxKernel: VectorKernel = {
  apply(x, y, dy) {
    const ex = new Exponentials(x, 1);
    if (!ex.defined) return fillNaN(y, dy);
    const logTotal = ex.logTotal();
    for (let i = 0; i < x.length; i++) {
      const d = ex.shift[i]!;
      if (d === -Infinity) {
        y[i] = -Infinity;
      } else {
        // (xᵢ − max) ≤ 0 and −log Σ ≤ 0: the sum of two same-signed terms, plus the shift's rounding error.
        const s = d - logTotal;
        y[i] = s + (twoSumError(d, -logTotal, s) + ex.shiftError[i]!);
      }
      ex.select(i);
      dy[i] = ex.cHi;
    }
  },
  jacobian(x) {
    const n = x.length;
    const ex = new Exponentials(x, 1);
    if (!ex.defined) return nanJacobian(n);
    const s = new Float64Array(n);
    const c = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      ex.select(j);
      s[j] = ex.sHi;
      c[j] = ex.cHi;
    }
    return matrix(n, (i, j) => (i === j ? c[i]! : -s[j]!));
  },
};

/**
 * Sparsemax: the Euclidean projection of x onto the probability simplex. Returns the support size
 * K and fills p (or returns 0 and fills NaN when undefined). τ = (Σ_support x − 1)/K is carried as a
 * double-double, so pᵢ = xᵢ − τ keeps its digits when it is small.
 */
function sparsemaxInto(x: Float64Array, p: Float64Array): { size: number; cutoff: number } {
  const n = x.length;
  let infinite = 0;
  let finite = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    if (v !== v) {
      p.fill(NaN);
      return { size: 0, cutoff: NaN };
    }
    if (v === Infinity) infinite++;
    else if (v !== -Infinity) finite++;
  }
  if (infinite > 0) {
    // The limit as the infinite components grow together: they share the mass equally.
    for (let i = 0; i < n; i++) p[i] = x[i] === Infinity ? 1 / infinite : 0;
    return { size: infinite, cutoff: Infinity };
  }
  if (finite === 0) {
    p.fill(NaN);
    return { size: 0, cutoff: NaN };
  }
  const sorted = new Float64Array(finite);
  for (let i = 0, k = 0; i < n; i++) if (x[i] !== -Infinity) sorted[k++] = x[i]!;
  sorted.sort().reverse();
  // Support size K: the largest k with 1 + k·z₍ₖ₎ > Σ_{j≤k} z₍ⱼ₎ (tested in double-double).
  let sumHi = 0;
  let sumLo = 0;
  let size = 0;
  let keptHi = 0;
  let keptLo = 0;
  for (let k = 1; k <= finite; k++) {
    const z = sorted[k - 1]!;
    const t = sumHi + z;
    sumLo += twoSumError(sumHi, z, t);
    sumHi = t;
    const kz = k * z;
    const kzErr = twoProductError(k, z, kz);
    // 1 + k·z − Σ, in double-double.
    const a = kz - sumHi;
    const aLo = twoSumError(kz, -sumHi, a) + kzErr - sumLo;
    const b = a + 1;
    const margin = b + (twoSumError(a, 1, b) + aLo);
    if (margin > 0) {
      size = k;
      keptHi = sumHi;
      keptLo = sumLo;
    } else break;
  }
  // τ = (Σ − 1)/K as a double-double.
  const numHi = keptHi - 1;
  const numLo = twoSumError(keptHi, -1, numHi) + keptLo;
  const tauHi = numHi / size;
  const product = tauHi * size;
  const tauLo = (numHi - product - twoProductError(tauHi, size, product) + numLo) / size;
  const cutoff = sorted[size - 1]!;
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    if (v >= cutoff) {
      const d = v - tauHi;
      p[i] = d + (twoSumError(v, -tauHi, d) - tauLo);
    } else {
      p[i] = 0;
    }
  }
  return { size, cutoff };
}

/** Whether xᵢ is in the support that sparsemaxInto found. */
const inSupport = (v: number, cutoff: number): boolean => (cutoff === Infinity ? v === Infinity : v >= cutoff);

const sparsemaxKernel: VectorKernel = {
  apply(x, y, dy) {
    const { size, cutoff } = sparsemaxInto(x, y);
    if (size === 0) {
      dy.fill(NaN);
      return;
    }
    const diag = (size - 1) / size;
    for (let i = 0; i < x.length; i++) dy[i] = inSupport(x[i]!, cutoff) ? diag : 0;
  },
  jacobian(x) {
    const n = x.length;
    const { size, cutoff } = sparsemaxInto(x, new Float64Array(n));
    if (size === 0) return nanJacobian(n);
    const inv = 1 / size;
    const diag = (size - 1) / size;
    return matrix(n, (i, j) => (!inSupport(x[i]!, cutoff) || !inSupport(x[j]!, cutoff) ? 0 : i === j ? diag : -inv));
  },
};

const VECTOR_NOTE =
  'Acts on the whole sampled vector (dim 0), so a plot of it depends on the sampled range; the derivative shown is the Jacobian diagonal ∂yᵢ/∂xᵢ, and the library returns the full Jacobian.';

export const Softmax: VectorEntry = {
  name: 'Softmax',
  aliases: ['softmax'],
  kind: 'vector',
  source: 'article',
  summary: 'Normalized exponentials of the whole input vector: a probability distribution.',
  params: [],
  formula: { f: 'Sᵢ = e^(xᵢ) / Σⱼ e^(xⱼ)', df: '∂Sᵢ/∂xᵢ = Sᵢ·(1 − Sᵢ)   (∂Sᵢ/∂xⱼ = −Sᵢ·Sⱼ for j ≠ i)' },
  equivalents: {
    torch: 'torch.nn.Softmax(dim=0)',
    jax: 'jax.nn.softmax(x, axis=0)',
    keras: 'keras.activations.softmax(x, axis=0)',
    notes: [
      VECTOR_NOTE,
      'torch and jax return NaN everywhere when a component is +∞; we return the limit (the +∞ components share 1 equally).',
      "The source article's plot of the derivative is flat zero because it differentiated the sum of the outputs, which is constantly 1.",
    ],
  },
  usage:
    'The output layer of multi-class classifiers and the normalization of attention scores: it turns any real vector into probabilities, and preserves order. Pair it with a cross-entropy loss (or use LogSoftmax) rather than taking its log yourself.',
  kinks: noKinks,
  kernel: () => softmaxKernel(1),
};

export const LogSoftmax: VectorEntry = {
  name: 'LogSoftmax',
  aliases: ['log_softmax', 'logsoftmax'],
  kind: 'vector',
  source: 'torch',
  summary: 'The logarithm of Softmax, computed without forming the ratio: xᵢ − log Σⱼ e^(xⱼ).',
  params: [],
  formula: { f: 'xᵢ − log Σⱼ e^(xⱼ)', df: '∂yᵢ/∂xᵢ = 1 − Sᵢ   (∂yᵢ/∂xⱼ = −Sⱼ for j ≠ i; S = Softmax(x))' },
  equivalents: {
    torch: 'torch.nn.LogSoftmax(dim=0)',
    jax: 'jax.nn.log_softmax(x, axis=0)',
    keras: 'keras.activations.log_softmax(x, axis=0)',
    notes: [
      VECTOR_NOTE,
      'torch and jax return NaN everywhere when a component is +∞; we return the limit (−log m for the m infinite components, −∞ for the rest).',
    ],
  },
  usage:
    'Log-probabilities for classification, fed to a negative log-likelihood loss (torch.nn.NLLLoss); stable where log(Softmax) would underflow to −∞. Prefer it whenever the next step takes a logarithm.',
  kinks: noKinks,
  kernel: () => logSoftmaxKernel,
};

export const Softmin: VectorEntry = {
  name: 'Softmin',
  aliases: ['softmin'],
  kind: 'vector',
  source: 'torch',
  summary: 'Softmax of the negated vector: weights that favour the smallest components.',
  params: [],
  formula: { f: 'Sᵢ = e^(−xᵢ) / Σⱼ e^(−xⱼ)', df: '∂Sᵢ/∂xᵢ = −Sᵢ·(1 − Sᵢ)   (∂Sᵢ/∂xⱼ = Sᵢ·Sⱼ for j ≠ i)' },
  equivalents: {
    torch: 'torch.nn.Softmin(dim=0)',
    jax: 'jax.nn.softmax(-x, axis=0)',
    keras: 'keras.activations.softmax(-x, axis=0)',
    notes: [
      VECTOR_NOTE,
      'torch returns NaN everywhere when a component is −∞; we return the limit (the −∞ components share 1 equally).',
    ],
  },
  usage:
    'Turns costs or distances into probabilities, the smallest getting the most weight: soft nearest-neighbour assignment, soft attention over distances. It is Softmax(−x), nothing more.',
  kinks: noKinks,
  kernel: () => softmaxKernel(-1),
};

export const Sparsemax: VectorEntry = {
  name: 'Sparsemax',
  aliases: ['sparsemax'],
  kind: 'vector',
  source: 'jax-keras',
  summary: 'Euclidean projection onto the probability simplex: like Softmax, but with exact zeros.',
  params: [],
  formula: {
    f: 'pᵢ = max(xᵢ − τ, 0), τ chosen so that Σ pᵢ = 1',
    df: '∂pᵢ/∂xᵢ = 1 − 1/|S| on the support S = {i : pᵢ > 0}, 0 off it   (∂pᵢ/∂xⱼ = −1/|S| for i ≠ j both in S)',
  },
  equivalents: {
    torch: 'none in torch; Martins & Astudillo (2016), sort-based algorithm',
    keras: 'keras.activations.sparsemax(x, axis=0)',
    notes: [
      VECTOR_NOTE,
      'Components with xᵢ = τ exactly get pᵢ = 0 and count as outside the support (derivative 0).',
      '+∞ components share 1 equally (the limit); −∞ components get 0; NaN anywhere gives NaN.',
    ],
  },
  usage:
    'A Softmax replacement when you want sparse probabilities: attention that ignores irrelevant items entirely, or multi-label outputs. It is piecewise linear, so its Jacobian is simple and cheap.',
  kinks: noKinks,
  kernel: () => sparsemaxKernel,
};

export const vectorEntries: readonly CatalogEntry[] = [Softmax, LogSoftmax, Softmin, Sparsemax];
