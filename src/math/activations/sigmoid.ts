/**
 * The logistic sigmoid and functions built directly on it or on exp: Sigmoid, Tanh, SiLU,
 * Swish(beta), Exponential. All smooth: no kinks. Accuracy comes from numerics/ (e^v split as
 * (hi + lo)·2^k, β·x carried as a double-double): f and f′ within about 1.5 ulp of the exact
 * value everywhere, tails and subnormal results included, where torch's σ(1 − σ) returns 0 for
 * x > 37 and 1 − tanh² for |x| > 19.
 */
import { noKinks, numberParam } from '../define.js';
import { expSplitValue, scaleByPow2 } from '../numerics/exp-split.js';
import {
  sigmoid,
  sigmoidDerivative,
  sigmoidSecondDerivative,
  tanh,
  tanhDerivative,
  tanhSecondDerivative,
} from '../numerics/logistic.js';
import { silu, siluDerivative, siluSecondDerivative, swishKernel } from '../numerics/swish.js';
import { num } from '../param-read.js';
import type { CatalogEntry, PointwiseEntry, PointwiseKernel } from '../types.js';

export const Sigmoid: PointwiseEntry = {
  name: 'Sigmoid',
  aliases: ['sigmoid', 'logistic'],
  kind: 'pointwise',
  source: 'article',
  summary: 'Logistic function 1 / (1 + e^−x), squashing ℝ into (0, 1).',
  params: [],
  formula: { f: '1 / (1 + e^(−x))', df: 'σ(x)·(1 − σ(x))' },
  equivalents: {
    torchGain: { call: () => "calculate_gain('sigmoid')", value: () => 1 },
    torch: 'torch.nn.Sigmoid()',
    jax: 'jax.nn.sigmoid',
    keras: 'keras.activations.sigmoid',
    notes: [
      'torch 1.13 float64 computes σ′ as σ(1 − σ), which is exactly 0 for x > 37 (1 − σ rounds to 0); we return e^−x/(1 + e^−x)², accurate to the subnormal range.',
    ],
  },
  usage:
    'For outputs read as probabilities (binary classification) and for gates that open between 0 and 1 (LSTM, GRU, attention gates). In hidden layers it saturates on both sides and its slope is at most 1/4, so deep stacks of it learn slowly.',
  kinks: noKinks,
  kernel: () => ({ f: sigmoid, df: sigmoidDerivative, d2: sigmoidSecondDerivative }),
};

export const Tanh: PointwiseEntry = {
  name: 'Tanh',
  aliases: ['tanh'],
  kind: 'pointwise',
  source: 'article',
  summary: 'Hyperbolic tangent: a zero-centred sigmoid onto (−1, 1), tanh x = 2σ(2x) − 1.',
  params: [],
  formula: { f: '(eˣ − e^(−x)) / (eˣ + e^(−x))', df: 'sech²(x) = 1 − tanh²(x)' },
  equivalents: {
    torchGain: { call: () => "calculate_gain('tanh')", value: () => 5 / 3 },
    torch: 'torch.nn.Tanh()',
    jax: 'jax.nn.tanh (jax.numpy.tanh)',
    keras: 'keras.activations.tanh',
    notes: [
      'torch 1.13 float64 computes tanh′ as 1 − tanh², exactly 0 from |x| ≈ 19.1 on (tanh′(40) = 7.2e−35); we compute sech² = 4e^−2|x|/(1 + e^−2|x|)².',
    ],
  },
  usage:
    'The classic hidden-layer squashing function, centred at 0 so the next layer sees inputs of both signs; still the usual choice inside recurrent cells and for outputs bounded in (−1, 1). Like the sigmoid it saturates, so gradients fade in deep stacks.',
  kinks: noKinks,
  kernel: () => ({ f: tanh, df: tanhDerivative, d2: tanhSecondDerivative }),
};

/** x·σ(x): v = x is exact, so no correction term. */
const siluKernel: PointwiseKernel = { f: silu, df: siluDerivative, d2: siluSecondDerivative };

export const SiLU: PointwiseEntry = {
  name: 'SiLU',
  aliases: ['silu'],
  kind: 'pointwise',
  source: 'article',
  summary: 'Sigmoid-weighted linear unit x·σ(x), also called swish: smooth, non-monotonic, dips to −0.278.',
  params: [],
  formula: { f: 'x·σ(x) = x / (1 + e^(−x))', df: 'σ(x)·(1 + x·(1 − σ(x)))' },
  equivalents: {
    torch: 'torch.nn.SiLU()',
    jax: 'jax.nn.silu (also jax.nn.swish)',
    keras: 'keras.activations.silu (also keras.activations.swish)',
    notes: [
      'jax.nn.swish and keras.activations.swish are this function, without a beta: Swish(beta=1).',
      'f′ has a root at x ≈ −1.2785 (the minimum of f); near it we keep absolute accuracy (1 + e^−|x| − |x| is formed without cancellation error).',
    ],
  },
  usage:
    'A smooth ReLU replacement that lets small negative values through and dips slightly below zero before rising like the identity. It often trains a little better than ReLU in deep vision and language models (EfficientNet, many transformers), at the cost of an exponential per unit.',
  kinks: noKinks,
  kernel: () => siluKernel,
};

export const Swish: PointwiseEntry = {
  name: 'Swish',
  aliases: ['swish'],
  kind: 'pointwise',
  source: 'article',
  summary: 'x·σ(beta·x): SiLU with a sharpness parameter, from the linear x/2 (beta = 0) to ReLU (beta → ∞).',
  params: [numberParam('beta', 1, 'sharpness of the gate σ(beta·x); beta = 1 is SiLU, beta = 0 gives x/2')],
  formula: { f: 'x·σ(beta·x)', df: 'σ(beta·x) + beta·x·σ(beta·x)·(1 − σ(beta·x))' },
  equivalents: {
    torch: 'x * torch.sigmoid(beta * x)',
    jax: 'x * jax.nn.sigmoid(beta * x) (jax.nn.swish has no beta: it is SiLU)',
    keras: 'x * keras.activations.sigmoid(beta * x) (keras.activations.swish has no beta: it is SiLU)',
    notes: [
      'Ramachandran et al. (2017) found it by search with beta a constant or a trainable parameter; torch.nn has only the beta = 1 case, SiLU.',
      'We carry beta·x as a double-double (its rounding error times |beta·x| would otherwise reach the result in the left tail).',
    ],
  },
  usage:
    'Use it where SiLU works but you want to tune (or learn) how sharply the gate opens: large beta moves it towards ReLU, small beta towards a scaled identity. With beta = 1 it is exactly SiLU.',
  kinks: noKinks,
  kernel: (p) => swishBetaKernel(num(p, 'beta')),
};

/** x·σ(βx), with βx carried as a double-double (its rounding error is amplified in the left tail). */
function swishBetaKernel(beta: number): PointwiseKernel {
  if (beta === 1) return siluKernel;
  if (beta === 0) {
    // σ(0) = 1/2: a line (and no 0·∞ at x = ±∞).
    return { f: (x) => x / 2, df: (x) => (x === x ? 0.5 : NaN), d2: (x) => (x === x ? 0 : NaN) };
  }
  return swishKernel(1, beta, 0);
}

/** eˣ to about half an ulp (Math.exp is off by up to 0.8 ulp); e^−745.2 … is subnormal, eˣ > 709.78 overflows. */
function exp(x: number): number {
  const s = expSplitValue(x, 0);
  return scaleByPow2(s.hi + s.lo, s.k);
}

export const Exponential: PointwiseEntry = {
  name: 'Exponential',
  aliases: ['exponential', 'exp'],
  kind: 'pointwise',
  source: 'jax-keras',
  summary: 'The exponential function eˣ, as an activation: positive, unbounded, its own derivative.',
  params: [],
  formula: { f: 'eˣ', df: 'eˣ' },
  equivalents: {
    torch: 'torch.exp(x)',
    jax: 'jax.numpy.exp',
    keras: 'keras.activations.exponential',
  },
  usage:
    'For outputs that must be positive and vary over orders of magnitude, such as the rate of a Poisson model or a predicted scale or variance. As a hidden activation it overflows easily (past x ≈ 709.8 in float64, 88.7 in float32), so keep its input small.',
  kinks: noKinks,
  kernel: () => ({ f: exp, df: exp, d2: exp }),
};

export const sigmoidEntries: readonly CatalogEntry[] = [Sigmoid, Tanh, SiLU, Swish, Exponential];
