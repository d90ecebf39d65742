/**
 * The exponential-linear family: ELU, SELU, CELU. Each is linear for x > 0 and a scaled eˣ − 1
 * (expm1, not exp(x) − 1, which PyTorch 1.13 uses and which loses digits near 0) for x ≤ 0.
 *
 * Conventions at 0 follow PyTorch's elu_backward, which takes the x ≤ 0 branch there: ELU′(0) =
 * alpha, SELU′(0) = scale·alpha, CELU′(0) = e⁰ = 1 (CELU is C¹, so no corner). Its double backward
 * takes the x < 0 branch, so f″(0) = 0 for all three.
 */
import { corner, noKinks, numberParam } from '../define.js';
import { twoProductError } from '../numerics/double-double.js';
import { mulExp } from '../numerics/exp-scaled.js';
import { num } from '../param-read.js';
import type { CatalogEntry, PointwiseEntry, PointwiseKernel } from '../types.js';

/** f″ = 0 for x ≥ 0 (and at 0, as torch's double backward), NaN for NaN. */
const zeroUnlessNaN = (x: number): number => (x === x ? 0 : NaN);

/**
 * The kernel of scale·x (x > 0) and c·(eˣ − 1) (x ≤ 0). c·eˣ goes through mulExp so that a
 * subnormal eˣ is not multiplied up (ELU′ with alpha = 1e10 at x = −740 is normal).
 */
function expLinearKernel(scale: number, c: number): PointwiseKernel {
  return {
    f: (x) => (x > 0 ? scale * x : c * Math.expm1(x)),
    df: (x) => (x > 0 ? scale : mulExp(c, x, 0)),
    d2: (x) => (x < 0 ? mulExp(c, x, 0) : zeroUnlessNaN(x)),
  };
}

export const ELU: PointwiseEntry = {
  name: 'ELU',
  aliases: ['elu'],
  kind: 'pointwise',
  source: 'article',
  summary: 'Exponential linear unit: x for x > 0, alpha·(eˣ − 1) below, saturating at −alpha.',
  params: [numberParam('alpha', 1, 'the negative saturation value: f → −alpha as x → −∞')],
  formula: { f: 'x if x > 0, else alpha·(eˣ − 1)', df: '1 if x > 0, else alpha·eˣ' },
  equivalents: {
    torch: 'torch.nn.ELU(alpha)',
    jax: 'jax.nn.elu(x, alpha)',
    keras: 'keras.activations.elu(x, alpha)',
    notes: [
      'PyTorch 1.13 computes eˣ − 1 as exp(x) − 1, so its ELU(−1e−10) = −1.0000000827e−10 is correct to 7 digits only; we use expm1.',
      'ELU′(0) = alpha: torch’s elu_backward takes the x ≤ 0 branch at 0.',
    ],
  },
  usage:
    'A ReLU whose negative side bends smoothly down to −alpha instead of being cut to 0, so mean activations sit nearer zero and negative inputs still get a gradient. Costs an exponential per negative input; with alpha = 1 it is continuously differentiable.',
  // With alpha = 1 the two slopes meet (f′(0−) = e⁰ = 1): C¹, no corner.
  kinks: (p) => {
    const alpha = num(p, 'alpha');
    return alpha === 1 ? [] : [corner(0, alpha, 1, alpha)];
  },
  kernel: (p) => expLinearKernel(1, num(p, 'alpha')),
};

/**
 * SELU's constants (Klambauer et al. 2017) as torch.nn.SELU writes them: alpha =
 * 1.6732632423543772848170429916717, scale = 1.0507009873554804934193349852946. Our accuracy
 * reference is these exact decimals; SELU_SCALE_ALPHA is their exact product rounded once (torch
 * multiplies the two rounded doubles: 1.7580993408473766, one ulp lower).
 */
const SELU_SCALE = 1.0507009873554804934193349852946;
const SELU_SCALE_ALPHA = 1.7580993408473768;

export const SELU: PointwiseEntry = {
  name: 'SELU',
  aliases: ['selu'],
  kind: 'pointwise',
  source: 'article',
  summary: 'Scaled ELU with fixed constants that make activations self-normalizing.',
  params: [],
  formula: {
    f: 'scale·x if x > 0, else scale·alpha·(eˣ − 1)   (alpha ≈ 1.6733, scale ≈ 1.0507)',
    df: 'scale if x > 0, else scale·alpha·eˣ',
  },
  equivalents: {
    // A heuristic (pytorch/pytorch#50664), not the self-normalizing 1.
    torchGain: { call: () => "calculate_gain('selu')", value: () => 3 / 4 },
    torch: 'torch.nn.SELU()',
    jax: 'jax.nn.selu',
    keras: 'keras.activations.selu',
    notes: [
      'alpha = 1.6732632423543772848170429916717, scale = 1.0507009873554804934193349852946 in all three libraries.',
      'SELU′(0) = scale·alpha (torch’s x ≤ 0 branch at 0).',
    ],
  },
  usage:
    'For deep plain feed-forward networks without batch normalization: with LeCun-normal initialization (and alpha-dropout) the constants keep activations near zero mean and unit variance layer after layer. Elsewhere it behaves like an ELU with a slope a little above 1.',
  kinks: () => [corner(0, SELU_SCALE_ALPHA, SELU_SCALE, SELU_SCALE_ALPHA)],
  kernel: () => expLinearKernel(SELU_SCALE, SELU_SCALE_ALPHA),
};

/** CELU′(x) = e^(x/alpha) for x ≤ 0, with the rounding error of x/alpha carried into the exponential. */
function celuKernel(alpha: number): PointwiseKernel {
  const inverse = 1 / alpha;
  // Beyond 1e300 twoProductError's splitting of alpha would overflow: form the residual with x and
  // alpha scaled by 2^−600 instead (q is the same quotient).
  const scale = alpha > 1e300 ? 2 ** -600 : 1;
  const scaledAlpha = alpha * scale;
  // e^(x/alpha): q = x/alpha is rounded, and the exponential multiplies its relative error by |q|
  // (up to 745): r = x/alpha − q, from the exact residual x − q·alpha, keeps it to an ulp.
  const expOfRatio = (x: number, a: number): number => {
    const q = x / alpha;
    const p = q * scaledAlpha;
    const r = (x * scale - p - twoProductError(q, scaledAlpha, p)) / scaledAlpha;
    // r is not finite only where it cannot matter (x = ±∞, or q overflowing to ±∞).
    return mulExp(a, q, r - r === 0 ? r : 0);
  };
  return {
    // expm1's relative error is not amplified by |q| (its slope over its value is ≤ 1), so f needs no carry.
    f: (x) => (x > 0 ? x : alpha * Math.expm1(x / alpha)),
    df: (x) => (x > 0 ? 1 : expOfRatio(x, 1)),
    d2: (x) => (x < 0 ? expOfRatio(x, inverse) : zeroUnlessNaN(x)),
  };
}

export const CELU: PointwiseEntry = {
  name: 'CELU',
  aliases: ['celu'],
  kind: 'pointwise',
  source: 'article',
  summary: 'Continuously differentiable ELU: alpha·(e^(x/alpha) − 1) below 0, with slope 1 at 0 for every alpha.',
  params: [
    numberParam('alpha', 1, 'the negative saturation value (also the scale of x in the exponential)', {
      min: 0,
      minInclusive: false,
    }),
  ],
  formula: { f: 'max(0, x) + min(0, alpha·(e^(x/alpha) − 1))', df: '1 if x > 0, else e^(x/alpha)' },
  equivalents: {
    torch: 'torch.nn.CELU(alpha)',
    jax: 'jax.nn.celu(x, alpha)',
    keras: 'keras.activations.celu(x, alpha)',
    notes: [
      'CELU with alpha = 1 is ELU with alpha = 1.',
      'PyTorch 1.13 loses precision through alpha: with alpha = 0.1 it gives CELU′(0) = 0.999999985 (the exact value is 1) and CELU(−1e−10) = −9.9999997e−11.',
    ],
  },
  usage:
    'Use where you want ELU’s negative saturation but also a derivative that is continuous at 0 for any alpha: dividing x by alpha inside the exponential keeps the slope at 1 there. Larger alpha saturates later and lower.',
  kinks: noKinks,
  kernel: (p) => celuKernel(num(p, 'alpha')),
};

export const exponentialEntries: readonly CatalogEntry[] = [ELU, SELU, CELU];
