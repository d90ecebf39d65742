/**
 * Hard-edged piecewise functions: Hardsigmoid, Hardswish, Softshrink, Hardshrink, SparsePlus,
 * SparseSigmoid. Corner conventions follow torch's backward passes (torch 1.13 float64 autograd);
 * NaN gives NaN and ±∞ the limit, where torch sometimes gives a number or NaN instead.
 */
import { corner, jump, numberParam } from '../define.js';
import { num } from '../param-read.js';
import type { CatalogEntry, PointwiseEntry } from '../types.js';
import { zeroUnlessNaN } from './relu.js';

const SIXTH = 1 / 6;

/** Softshrink′ and Hardshrink′: 1 outside [−l, l], 0 on it (torch: the gradient passes only where |x| > l). */
const shrinkDerivative =
  (l: number) =>
  (x: number): number =>
    x > l || x < -l ? 1 : x === x ? 0 : NaN;
const THIRD = 1 / 3;

export const Hardsigmoid: PointwiseEntry = {
  name: 'Hardsigmoid',
  aliases: ['hardsigmoid', 'hard_sigmoid'],
  kind: 'pointwise',
  source: 'article',
  summary: 'Piecewise-linear sigmoid: relu6(x + 3)/6.',
  params: [],
  formula: { f: 'min(max(x + 3, 0), 6)/6', df: '1/6 if −3 < x < 3, else 0' },
  equivalents: {
    torch: 'torch.nn.Hardsigmoid()',
    jax: 'jax.nn.hard_sigmoid',
    keras: 'keras.activations.hard_sigmoid',
    notes: [
      "Keras 2's hard_sigmoid was clip(0.2·x + 0.5, 0, 1), with corners at ±2.5; Keras 3 and jax use relu6(x + 3)/6 as torch does.",
      'torch 1.13 float64 returns f′ = 0.1666666716337204 inside (−3, 3): 1/6 rounded to float32 in its backward kernel. We return 1/6 rounded to double.',
      "f′(±3) = 0 in torch (gradient only where −3 < x < 3) and in jax (relu6's custom derivative).",
    ],
  },
  usage:
    'A cheap sigmoid for mobile networks: gates in MobileNetV3 squeeze-and-excitation blocks and wherever exp is too slow or quantization needs straight lines. It is exactly 0 and 1 beyond ±3, where its gradient vanishes.',
  kinks: () => [corner(-3, 0, SIXTH, 0), corner(3, SIXTH, 0, 0)],
  kernel: () => ({
    // (x + 3)/6: one rounding in the sum, one in the quotient — NaN falls through to it.
    f: (x) => (x <= -3 ? 0 : x >= 3 ? 1 : (x + 3) / 6),
    df: (x) => (x > -3 && x < 3 ? SIXTH : x === x ? 0 : NaN),
    d2: zeroUnlessNaN,
  }),
};

export const Hardswish: PointwiseEntry = {
  name: 'Hardswish',
  aliases: ['hardswish', 'hard_swish', 'hard_silu', 'hardsilu'],
  kind: 'pointwise',
  source: 'article',
  summary: 'Piecewise-quadratic swish: x·relu6(x + 3)/6.',
  params: [],
  formula: { f: 'x·min(max(x + 3, 0), 6)/6', df: '0 if x < −3;  (2x + 3)/6 if −3 ≤ x ≤ 3;  1 if x > 3' },
  equivalents: {
    torch: 'torch.nn.Hardswish()',
    jax: 'jax.nn.hard_swish',
    keras: 'keras.activations.hard_swish',
    notes: [
      "torch's hardswish_backward takes the middle branch on −3 ≤ x ≤ 3, so f′(−3) = −0.5 and f′(3) = 1.5: the slopes from inside the interval.",
      'torch 1.13 float64 gives f′(3) = 1.0 instead for elements its vectorized backward kernel handles (it tests x ≥ 3 there) and 1.5 in its scalar loop; we always return 1.5.',
      'jax.nn.hard_swish is x·hard_sigmoid(x), so its autodiff gives f′(−3) = 0 and f′(3) = 1.',
      'torch gives NaN at −∞ (−∞·0); we give the limit −0, the sign f has for all x ≤ −3.',
    ],
  },
  usage:
    "MobileNetV3's cheap replacement for swish/SiLU: nearly the same curve, but only a clip, a multiply and a divide, friendly to quantized inference. Use it where SiLU helps but exp costs too much.",
  kinks: () => [corner(-3, 0, -0.5, -0.5), corner(3, 1.5, 1, 1.5)],
  kernel: () => ({
    // x·(x + 3)/6 inside: a sum and two roundings, relatively accurate at both roots (−3 and 0).
    f: (x) => (x <= -3 ? -0 : x >= 3 ? x : (x * (x + 3)) / 6),
    // (2x + 3)/6 rather than torch's x/3 + 0.5, which cancels near the root x = −1.5.
    df: (x) => (x < -3 ? 0 : x <= 3 ? (2 * x + 3) / 6 : x === x ? 1 : NaN),
    // torch's double backward of hardswish_backward: 1/3 only where −3 < x < 3.
    d2: (x) => (x > -3 && x < 3 ? THIRD : x === x ? 0 : NaN),
  }),
};

export const Softshrink: PointwiseEntry = {
  name: 'Softshrink',
  aliases: ['softshrink', 'soft_shrink'],
  kind: 'pointwise',
  source: 'torch',
  summary: 'Soft thresholding: shrinks x toward 0 by lambd, and zeroes [−lambd, lambd].',
  params: [numberParam('lambd', 0.5, 'half-width of the zeroed interval', { min: 0 })],
  formula: { f: 'x − lambd if x > lambd;  x + lambd if x < −lambd;  else 0', df: '1 if |x| > lambd, else 0' },
  equivalents: {
    torch: 'torch.nn.Softshrink(lambd)',
    keras: 'keras.activations.soft_shrink(x, threshold)',
    notes: [
      'Keras calls the parameter threshold; jax.nn has no soft shrink.',
      'torch gives f′(±lambd) = 0 (gradient only where |x| > lambd), and Softshrink(NaN) = 0; we return NaN.',
    ],
  },
  usage:
    'The proximal operator of the L1 norm: it appears in sparse coding (ISTA and its unrolled networks, LISTA) and wavelet denoising, where small coefficients should become exactly zero. Rare as a hidden-layer activation.',
  kinks: (p) => {
    const l = num(p, 'lambd');
    // lambd = 0: f = x, but torch's f′(0) = 0 still differs from both one-sided slopes.
    return l === 0 ? [corner(0, 1, 1, 0)] : [corner(-l, 1, 0, 0), corner(l, 0, 1, 0)];
  },
  kernel: (p) => {
    const l = num(p, 'lambd');
    return {
      f: (x) => (x > l ? x - l : x < -l ? x + l : x === x ? 0 : NaN),
      df: shrinkDerivative(l),
      d2: zeroUnlessNaN,
    };
  },
};

export const Hardshrink: PointwiseEntry = {
  name: 'Hardshrink',
  aliases: ['hardshrink', 'hard_shrink'],
  kind: 'pointwise',
  source: 'torch',
  summary: 'Hard thresholding: x where |x| > lambd, 0 elsewhere.',
  params: [numberParam('lambd', 0.5, 'half-width of the zeroed interval', { min: 0 })],
  formula: { f: 'x if |x| > lambd, else 0', df: '1 if |x| > lambd, else 0' },
  equivalents: {
    torch: 'torch.nn.Hardshrink(lambd)',
    keras: 'keras.activations.hard_shrink(x, threshold)',
    notes: [
      'Keras calls the parameter threshold; jax.nn has no hard shrink.',
      'f jumps by lambd at ±lambd; torch gives f(±lambd) = 0 and f′(±lambd) = 0.',
    ],
  },
  usage:
    'The proximal operator of the L0 penalty: keeps large values untouched and zeroes small ones, as in hard-threshold denoising and iterative hard thresholding. Its jumps make it awkward for gradient training.',
  kinks: (p) => {
    const l = num(p, 'lambd');
    return l === 0 ? [corner(0, 1, 1, 0)] : [jump(-l, 1, 0, 0), jump(l, 0, 1, 0)];
  },
  kernel: (p) => {
    const l = num(p, 'lambd');
    return {
      f: (x) => (x > l || x < -l ? x : x === x ? 0 : NaN),
      df: shrinkDerivative(l),
      d2: zeroUnlessNaN,
    };
  },
};

export const SparsePlus: PointwiseEntry = {
  name: 'SparsePlus',
  aliases: ['sparse_plus', 'sparseplus'],
  kind: 'pointwise',
  source: 'jax-keras',
  summary: 'Softplus made sparse: 0 for x ≤ −1, (x + 1)²/4 between, x for x ≥ 1.',
  params: [],
  formula: {
    f: '0 if x ≤ −1;  (x + 1)²/4 if −1 < x < 1;  x if x ≥ 1',
    df: '0 if x ≤ −1;  (x + 1)/2 if −1 < x < 1;  1 if x ≥ 1',
  },
  equivalents: {
    torch: 'torch.where(x <= -1, 0, torch.where(x >= 1, x, (x + 1)**2 / 4))',
    jax: 'jax.nn.sparse_plus',
    keras: 'keras.activations.sparse_plus',
    notes: [
      'Continuously differentiable (C¹): f′ has no corners, f″ jumps at ±1 (0, then 1/2, then 0).',
      'torch has no sparse plus.',
    ],
  },
  usage:
    'A softplus that is exactly zero for x ≤ −1 and exactly linear for x ≥ 1, with a quadratic bridge: smooth enough for gradient descent yet sparse like ReLU. Its derivative is SparseSigmoid, from the Fenchel-Young losses family.',
  kinks: () => [],
  kernel: () => ({
    f: (x) => {
      if (x <= -1) return 0;
      if (x >= 1) return x;
      const t = x + 1;
      return t * t * 0.25;
    },
    df: (x) => (x <= -1 ? 0 : x >= 1 ? 1 : (x + 1) * 0.5),
    d2: (x) => (x > -1 && x < 1 ? 0.5 : x === x ? 0 : NaN),
  }),
};

export const SparseSigmoid: PointwiseEntry = {
  name: 'SparseSigmoid',
  aliases: ['sparse_sigmoid', 'sparsesigmoid'],
  kind: 'pointwise',
  source: 'jax-keras',
  summary: 'Piecewise-linear sigmoid reaching 0 at x = −1 and 1 at x = 1: clip((x + 1)/2, 0, 1).',
  params: [],
  formula: { f: '0 if x ≤ −1;  (x + 1)/2 if −1 < x < 1;  1 if x ≥ 1', df: '1/2 if −1 < x < 1, else 0' },
  equivalents: {
    torch: 'F.hardtanh(x) / 2 + 0.5',
    jax: 'jax.nn.sparse_sigmoid',
    keras: 'keras.activations.sparse_sigmoid',
    notes: [
      "We take f′(±1) = 0, as Keras's where(x <= −1, 0, where(x >= 1, 1, …)) form does under autodiff, and as torch does at Hardtanh's and Hardsigmoid's corners.",
      'jax.nn.sparse_sigmoid is 0.5·clip(x + 1, 0, 2); lax.max and lax.min split the gradient of a tie evenly, so its autodiff gives 0.25 at ±1.',
      'torch has no sparse sigmoid; F.hardtanh(x)/2 + 0.5 is the same function with the same convention (torch.clamp would pass the gradient at the bounds: 1/2 at ±1).',
    ],
  },
  usage:
    'The derivative of SparsePlus and a sigmoid that reaches exactly 0 and 1, giving sparse probabilities or gates. It is Hardtanh rescaled to [0, 1], with corners at ±1.',
  kinks: () => [corner(-1, 0, 0.5, 0), corner(1, 0.5, 0, 0)],
  kernel: () => ({
    f: (x) => (x <= -1 ? 0 : x >= 1 ? 1 : (x + 1) * 0.5),
    df: (x) => (x > -1 && x < 1 ? 0.5 : x === x ? 0 : NaN),
    d2: zeroUnlessNaN,
  }),
};

export const hardEntries: readonly CatalogEntry[] = [
  Hardsigmoid,
  Hardswish,
  Softshrink,
  Hardshrink,
  SparsePlus,
  SparseSigmoid,
];
