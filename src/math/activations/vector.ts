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

/** The low part of the last `divide`: a second return value without allocating. */
let quotientLo = 0;

/** (aHi + aLo) / (bHi + bLo) as a double-double: returns the high part, leaves the low in quotientLo. */
function divide(aHi: number, aLo: number, bHi: number, bLo: number): number {
  const q = aHi / bHi;
  const p = q * bHi;
  const remainder = aHi - p - twoProductError(q, bHi, p) + aLo - q * bLo;
  const correction = remainder / bHi;
  const hi = q + correction;
  quotientLo = correction - (hi - q);
  return hi;
}

/** (aHi + aLo)·(bHi + bLo), rounded once. */
function multiply(aHi: number, aLo: number, bHi: number, bLo: number): number {
  const p = aHi * bHi;
  return p + (twoProductError(aHi, bHi, p) + aHi * bLo + aLo * bHi);
}

/**
 * e^(zⱼ − max z) for z = sign·x, as a double-double per component, with the sums the softmax family
 * needs. `top` is the first maximum: its exponential is exactly 1, and `rest` = Σ of the others.
 */
class Exponentials {
  readonly shift: Float64Array;
  readonly shiftError: Float64Array;
  readonly hi: Float64Array;
  readonly lo: Float64Array;
  top = 0;
  restHi = 0;
  restLo = 0;
  totalHi = 1;
  totalLo = 0;
  /** False when the result is NaN: a NaN component, or every component −∞, or an empty vector. */
  readonly defined: boolean;

  constructor(x: Float64Array, sign: 1 | -1) {
    const n = x.length;
    this.shift = new Float64Array(n);
    this.shiftError = new Float64Array(n);
    this.hi = new Float64Array(n);
    this.lo = new Float64Array(n);
    this.sHi = new Float64Array(n);
    this.sLo = new Float64Array(n);
    this.cHi = new Float64Array(n);
    this.cLo = new Float64Array(n);
    let max = -Infinity;
    let top = -1;
    let hasNaN = false;
    for (let i = 0; i < n; i++) {
      const z = sign * x[i]!;
      if (z !== z) hasNaN = true;
      else if (top < 0 || z > max) {
        max = z;
        top = i;
      }
    }
    this.top = top;
    this.defined = n > 0 && !hasNaN && max !== -Infinity;
    if (!this.defined) return;
    for (let i = 0; i < n; i++) {
      const z = sign * x[i]!;
      // With max = +∞ the infinite components tie at shift 0 and the finite ones drop to −∞.
      const d = max === Infinity ? (z === Infinity ? 0 : -Infinity) : z - max;
      this.shift[i] = d;
      if (d === -Infinity) continue;
      const err = max === Infinity ? 0 : twoSumError(z, -max, d);
      const e = Math.exp(d);
      this.shiftError[i] = err;
      this.hi[i] = e;
      // e^(d + err) = e^d·(1 + err) to double-double accuracy, since |err| ≤ ulp(d)/2 is tiny.
      this.lo[i] = e * err;
    }
    // Compensated sum of every exponential but the top one (e_top = 1 exactly).
    let s = 0;
    let c = 0;
    for (let j = 0; j < n; j++) {
      if (j === this.top) continue;
      const t = s + this.hi[j]!;
      c += twoSumError(s, this.hi[j]!, t) + this.lo[j]!;
      s = t;
    }
    this.restHi = s + c;
    this.restLo = c - (this.restHi - s);
    this.totalHi = 1 + this.restHi;
    this.totalLo = twoSumError(1, this.restHi, this.totalHi) + this.restLo;
    this.normalize();
  }

  /** Sᵢ = eᵢ / Σ e, as double-doubles (filled by `normalize`). */
  readonly sHi: Float64Array;
  readonly sLo: Float64Array;
  /** 1 − Sᵢ, as double-doubles. */
  readonly cHi: Float64Array;
  readonly cLo: Float64Array;

  /** Fills S and 1 − S. 1 − Sᵢ is (Σ e − eᵢ)/Σ e: for the top one the sum of the others, so no cancellation near 1. */
  private normalize(): void {
    for (let i = 0; i < this.hi.length; i++) {
      this.sHi[i] = divide(this.hi[i]!, this.lo[i]!, this.totalHi, this.totalLo);
      this.sLo[i] = quotientLo;
      if (i === this.top) {
        this.cHi[i] = divide(this.restHi, this.restLo, this.totalHi, this.totalLo);
      } else {
        // Here eᵢ ≤ e_top, so Sᵢ ≤ 1/2 and the difference loses nothing.
        const a = this.totalHi - this.hi[i]!;
        const aLo = twoSumError(this.totalHi, -this.hi[i]!, a) + this.totalLo - this.lo[i]!;
        this.cHi[i] = divide(a, aLo, this.totalHi, this.totalLo);
      }
      this.cLo[i] = quotientLo;
    }
  }

  /** Sᵢ(1 − Sᵢ), rounded once. */
  diagonal(i: number): number {
    return multiply(this.sHi[i]!, this.sLo[i]!, this.cHi[i]!, this.cLo[i]!);
  }

  /** Sᵢ·Sⱼ, rounded once. */
  product(i: number, j: number): number {
    return multiply(this.sHi[i]!, this.sLo[i]!, this.sHi[j]!, this.sLo[j]!);
  }

  /** log Σⱼ e^(zⱼ − max z) = log1p(rest), to double-double input accuracy. */
  logTotal(): number {
    return Math.log1p(this.restHi) + this.restLo / this.totalHi;
  }
}

function fillNaN(...arrays: Float64Array[]): void {
  for (const a of arrays) a.fill(NaN);
}

function nanJacobian(n: number): Float64Array[] {
  return Array.from({ length: n }, () => new Float64Array(n).fill(NaN));
}

/** Softmax of sign·x: S and the diagonal ±S(1 − S); the Jacobian is ±(diag(S) − S·Sᵀ). */
function softmaxKernel(sign: 1 | -1): VectorKernel {
  return {
    apply(x, y, dy) {
      const ex = new Exponentials(x, sign);
      if (!ex.defined) return fillNaN(y, dy);
      for (let i = 0; i < x.length; i++) {
        y[i] = ex.sHi[i]!;
        dy[i] = sign * ex.diagonal(i);
      }
    },
    jacobian(x) {
      const n = x.length;
      const ex = new Exponentials(x, sign);
      if (!ex.defined) return nanJacobian(n);
      return Array.from({ length: n }, (_, i) => {
        const row = new Float64Array(n);
        for (let j = 0; j < n; j++) row[j] = i === j ? sign * ex.diagonal(i) : -sign * ex.product(i, j);
        return row;
      });
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
      dy[i] = ex.cHi[i]!;
    }
  },
  jacobian(x) {
    const n = x.length;
    const ex = new Exponentials(x, 1);
    if (!ex.defined) return nanJacobian(n);
    return Array.from({ length: n }, (_, i) => {
      const row = new Float64Array(n);
      for (let j = 0; j < n; j++) row[j] = i === j ? ex.cHi[i]! : -ex.sHi[j]!;
      return row;
    });
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
    return Array.from({ length: n }, (_, i) => {
      const row = new Float64Array(n);
      if (!inSupport(x[i]!, cutoff)) return row;
      for (let j = 0; j < n; j++) if (inSupport(x[j]!, cutoff)) row[j] = i === j ? diag : -inv;
      return row;
    });
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
    notes: [VECTOR_NOTE, 'torch and jax return NaN everywhere when a component is +∞; we return the limit (−log m for the m infinite components, −∞ for the rest).'],
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
    notes: [VECTOR_NOTE, 'torch returns NaN everywhere when a component is −∞; we return the limit (the −∞ components share 1 equally).'],
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
