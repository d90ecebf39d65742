/** Softplus and functions built on it or on similar smooth ramps: Softplus, LogSigmoid, Mish, Squareplus, Softsign, Tanhshrink. */
import { corner, jump, noKinks, numberParam } from '../define.js';
import { sigmoid, tanh, tanhDerivative } from '../numerics/logistic.js';
import { mish, mishDerivative, mishSecondDerivative } from '../numerics/mish.js';
import { logSigmoid, logSigmoidDerivative, logSigmoidSecondDerivative, softplusKernel } from '../numerics/softplus.js';
import { softsignKernel } from '../numerics/softsign.js';
import { squareplusKernel } from '../numerics/squareplus.js';
import { tanhshrink, tanhSquared } from '../numerics/tanhshrink.js';
import { num } from '../param-read.js';
import type { CatalogEntry, PointwiseEntry } from '../types.js';

export const Softplus: PointwiseEntry = {
  name: 'Softplus',
  aliases: ['softplus'],
  kind: 'pointwise',
  source: 'article',
  summary: 'Smooth ReLU log(1 + e^(beta·x))/beta, linear where beta·x exceeds the threshold.',
  params: [
    numberParam('beta', 1, 'sharpness: larger beta bends closer to ReLU', { min: 0, minInclusive: false }),
    numberParam('threshold', 20, 'f = x (and f′ = 1) where beta·x > threshold; Infinity gives the pure formula', {
      min: 0,
      minInclusive: false,
      max: Infinity,
    }),
  ],
  formula: {
    f: 'log(1 + e^(beta·x))/beta, or x where beta·x > threshold',
    df: 'σ(beta·x), or 1 where beta·x > threshold',
  },
  equivalents: {
    torch: 'torch.nn.Softplus(beta, threshold)',
    jax: 'jax.nn.softplus',
    keras: 'keras.activations.softplus',
    notes: [
      'jax.nn.softplus and keras.activations.softplus have no beta and no threshold: they are the pure formula with beta = 1 (threshold=Infinity here).',
      'torch’s threshold makes f jump by log1p(e^(−threshold))/beta (2.1e−9 at the default) and f′ jump from σ(threshold) to 1 where beta·x crosses it.',
      'With threshold=Infinity PyTorch 1.13 overflows: Softplus(800) = inf with gradient NaN; we return 800 and 1.',
    ],
  },
  usage:
    'A ReLU without the corner: strictly positive, smooth, with the logistic sigmoid as its derivative. Natural wherever an output must be positive (variances, rates, scale parameters); beta sharpens the bend toward ReLU.',
  // torch's threshold is a (tiny) jump of f: log1p(e^(−threshold))/beta, 2.1e−9 at the default.
  // At x = threshold/beta itself torch compares fl(beta·x) > threshold, so dy is our f′ there.
  kinks: (p) => {
    const beta = num(p, 'beta');
    const threshold = num(p, 'threshold');
    if (threshold === Infinity) return [];
    const x = threshold / beta;
    return [jump(x, sigmoid(threshold), 1, softplusKernel(beta, threshold).df(x))];
  },
  kernel: (p) => softplusKernel(num(p, 'beta'), num(p, 'threshold')),
};

export const LogSigmoid: PointwiseEntry = {
  name: 'LogSigmoid',
  aliases: ['logsigmoid', 'log_sigmoid'],
  kind: 'pointwise',
  source: 'torch',
  summary: 'Logarithm of the logistic sigmoid, log σ(x) = −softplus(−x).',
  params: [],
  formula: { f: 'log σ(x) = −log(1 + e^(−x))', df: 'σ(−x) = 1/(1 + eˣ)' },
  equivalents: {
    torch: 'torch.nn.LogSigmoid()',
    jax: 'jax.nn.log_sigmoid',
    keras: 'keras.activations.log_sigmoid',
  },
  usage:
    'Mostly a building block for losses: the log-likelihood of a binary label under a sigmoid output, computed without forming σ(x) first (which would round to 0 or 1 and make the log infinite). As an activation it is a negated Softplus mirrored in x.',
  kinks: noKinks,
  kernel: () => ({ f: logSigmoid, df: logSigmoidDerivative, d2: logSigmoidSecondDerivative }),
};

export const Mish: PointwiseEntry = {
  name: 'Mish',
  aliases: ['mish'],
  kind: 'pointwise',
  source: 'article',
  summary: 'Self-gated smooth ramp x·tanh(softplus(x)), slightly negative for x < 0.',
  params: [],
  formula: {
    f: 'x·tanh(softplus(x)) = x·tanh(log(1 + eˣ))',
    df: 'tanh(sp) + x·σ(x)·sech²(sp),   sp = softplus(x)',
  },
  equivalents: {
    torch: 'torch.nn.Mish()',
    jax: 'jax.nn.mish',
    keras: 'keras.activations.mish',
    notes: [
      'All three use softplus without a threshold.',
      'PyTorch 1.13 returns NaN for Mish(−∞), Mish′(±∞); the limits are 0, 0 and 1.',
    ],
  },
  usage:
    'A SiLU-like curve with a slightly deeper negative dip and a smoother shape; reported to help in some vision models (YOLOv4 popularized it). Costs more than ReLU or SiLU per element, so it pays off mainly where accuracy matters more than speed.',
  kinks: noKinks,
  kernel: () => ({ f: mish, df: mishDerivative, d2: mishSecondDerivative }),
};

export const Squareplus: PointwiseEntry = {
  name: 'Squareplus',
  aliases: ['squareplus', 'square_plus'],
  kind: 'pointwise',
  source: 'jax-keras',
  summary: 'Algebraic smooth ReLU (x + √(x² + b))/2: Softplus’s shape without exponentials.',
  params: [numberParam('b', 4, 'smoothness: the curvature around 0; b = 0 gives ReLU', { min: 0 })],
  formula: { f: '(x + √(x² + b))/2', df: '(1 + x/√(x² + b))/2' },
  equivalents: {
    torch: '(x + torch.sqrt(x*x + b))/2',
    jax: 'jax.nn.squareplus(x, b)',
    keras: 'keras.activations.squareplus(x, b)',
    notes: [
      'Not in torch.nn; the torch expression cancels for x ≪ 0 (it returns 0 at x = −1e10, where the value is 1e−10), we use b/(2(√(x² + b) − x)) there.',
      'With b = 0 it is ReLU with a corner at 0; autograd of the torch expression gives NaN there, we use ½.',
    ],
  },
  usage:
    'Where you want a Softplus-like smooth ramp but only multiplies and a square root, e.g. on hardware where exp is slow. It approaches its asymptotes algebraically (like b/(4|x|)) rather than exponentially, so its left tail stays positive much longer.',
  kinks: (p) => (num(p, 'b') === 0 ? [corner(0, 0, 1, 0.5)] : []),
  kernel: (p) => squareplusKernel(num(p, 'b')),
};

export const Softsign: PointwiseEntry = {
  name: 'Softsign',
  aliases: ['softsign', 'soft_sign'],
  kind: 'pointwise',
  source: 'torch',
  summary: 'Rational squashing function x/(1 + |x|), tanh-shaped but with polynomial tails.',
  params: [],
  formula: { f: 'x/(1 + |x|)', df: '1/(1 + |x|)²' },
  equivalents: {
    torch: 'torch.nn.Softsign()',
    jax: 'jax.nn.soft_sign',
    keras: 'keras.activations.softsign',
    notes: [
      'PyTorch 1.13 differentiates through |x| and loses digits for large |x| (Softsign′(700) is off by 300 ulp) and returns NaN at ±Infinity (∞/∞); we return ±1 and 0.',
    ],
  },
  usage:
    'A cheap alternative to tanh with the same (−1, 1) range; it saturates much more slowly (the gradient decays like 1/x² instead of exponentially), so large inputs still pass some gradient.',
  // f′ = 1/(1 + |x|)² is continuous; only f″ jumps (from 2 to −2) at 0.
  kinks: noKinks,
  kernel: () => softsignKernel,
};

export const Tanhshrink: PointwiseEntry = {
  name: 'Tanhshrink',
  aliases: ['tanhshrink', 'tanh_shrink'],
  kind: 'pointwise',
  source: 'torch',
  summary: 'x − tanh x: flat (cubic) around 0, asymptotically x ∓ 1.',
  params: [],
  formula: { f: 'x − tanh x', df: 'tanh² x' },
  equivalents: {
    torch: 'torch.nn.Tanhshrink()',
    keras: 'keras.activations.tanh_shrink',
    notes: [
      'Not in jax.nn.',
      'PyTorch 1.13 subtracts directly, so it cancels near 0 (Tanhshrink(1e−5) = 3.3333288e−16, exactly 3.3333333e−16) and its gradient 1 − sech² x is 0 below |x| ≈ 1e−8 (where it is ≈ x²); we use a continued fraction there and tanh² x.',
    ],
  },
  usage:
    'Suppresses small inputs smoothly (its slope is x² near 0) while passing large ones shifted by ∓1: a soft counterpart of Softshrink, used in sparse-coding style networks more than as a general hidden-layer activation.',
  kinks: noKinks,
  kernel: () => ({
    f: tanhshrink,
    df: tanhSquared,
    // sech² at |x|: the same split as tanh x.
    d2: (x) => 2 * tanh(x) * tanhDerivative(Math.abs(x)),
  }),
};

export const softplusEntries: readonly CatalogEntry[] = [Softplus, LogSigmoid, Mish, Squareplus, Softsign, Tanhshrink];
