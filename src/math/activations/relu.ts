/**
 * ReLU and its piecewise-linear kin. Values and derivatives at corners follow PyTorch's backward
 * passes (checked against torch 1.13 float64 autograd); where torch returns a number for NaN or NaN
 * for ±∞ we return NaN and the limit instead. Signed zeros match torch's forward passes.
 */
import { choiceParam, corner, jump, numberParam } from '../define.js';
import { seedKey, uniformFromBits } from '../numerics/bit-hash.js';
import { twoProductError, twoSumError } from '../numerics/double-double.js';
import { choice, num } from '../param-read.js';
import type { CatalogEntry, Kink, PointwiseEntry, PointwiseKernel } from '../types.js';

/** f″ of a piecewise-linear function away from its corners. */
export const zeroUnlessNaN = (x: number): number => (x === x ? 0 : NaN);

/** The corner at 0 of a leaky kernel (none when the slope is 1: the identity). */
const leakyKinks = (slope: number): readonly Kink[] => (slope === 1 ? [] : [corner(0, slope, 1, slope)]);

/**
 * x for x > 0, slope·x otherwise, with torch's leaky_relu_backward convention f′(0) = slope. At −∞
 * the limit: slope·(−∞) except that slope 0 gives 0 (with the sign slope·x has for finite x < 0),
 * where IEEE arithmetic would give NaN.
 */
function leakyKernel(slope: number): PointwiseKernel {
  const atMinusInfinity = slope === 0 ? -1 * slope : -Infinity * slope;
  return {
    f: (x) => (x > 0 ? x : x === -Infinity ? atMinusInfinity : x * slope),
    df: (x) => (x > 0 ? 1 : x <= 0 ? slope : NaN),
    d2: zeroUnlessNaN,
  };
}

/**
 * min(max(x, lo), hi), torch's hardtanh: x itself inside (so −0 stays −0), and f′ = 0 at both ends
 * (hardtanh_backward passes the gradient only where lo < x < hi).
 */
function clampKernel(lo: number, hi: number): PointwiseKernel {
  return {
    f: (x) => (x < lo ? lo : x > hi ? hi : x),
    df: (x) => (x > lo && x < hi ? 1 : x === x ? 0 : NaN),
    d2: zeroUnlessNaN,
  };
}

export const Identity: PointwiseEntry = {
  name: 'Identity',
  aliases: ['identity', 'linear'],
  kind: 'pointwise',
  source: 'article',
  summary: 'The identity map: f(x) = x.',
  params: [],
  formula: { f: 'x', df: '1' },
  equivalents: {
    torchGain: { call: () => "calculate_gain('linear')", value: () => 1 },
    torch: 'torch.nn.Identity()',
    keras: 'keras.activations.linear',
    notes: ['Keras calls it linear; jax.nn has no named identity activation.'],
  },
  usage:
    'No activation at all: regression outputs, logits that a loss function will normalize, and the baseline that shows what a nonlinearity adds. A stack of layers with it collapses to one linear map.',
  kinks: () => [],
  kernel: () => ({ f: (x) => x, df: (x) => (x === x ? 1 : NaN), d2: zeroUnlessNaN }),
};

export const ReLU: PointwiseEntry = {
  name: 'ReLU',
  aliases: ['relu'],
  kind: 'pointwise',
  source: 'article',
  summary: 'Rectified linear unit: max(0, x).',
  params: [],
  formula: { f: 'max(0, x)', df: '1 if x > 0, else 0' },
  equivalents: {
    torchGain: { call: () => "calculate_gain('relu')", value: () => Math.SQRT2 },
    torch: 'torch.nn.ReLU()',
    jax: 'jax.nn.relu',
    keras: 'keras.activations.relu',
    notes: ['All three take ReLU′(0) = 0 (jax.nn.relu through its custom derivative).'],
  },
  usage:
    'The default for hidden layers: cheap, does not saturate for x > 0, and gives sparse activations. Units whose input stays negative stop learning ("dying ReLU"); a leaky variant avoids that.',
  // torch: threshold_backward(grad, x, 0) passes the gradient only where x > 0, so ReLU′(0) = 0.
  kinks: () => [corner(0, 0, 1, 0)],
  kernel: () => ({
    // `x < 0 ? 0 : x` keeps NaN and −0 (torch: relu(−0) = −0).
    f: (x) => (x < 0 ? 0 : x),
    df: (x) => (x > 0 ? 1 : x <= 0 ? 0 : NaN),
    d2: zeroUnlessNaN,
  }),
};

export const LeakyReLU: PointwiseEntry = {
  name: 'LeakyReLU',
  aliases: ['leaky_relu', 'lrelu'],
  kind: 'pointwise',
  source: 'article',
  summary: 'ReLU with a small slope for x < 0.',
  params: [numberParam('negative_slope', 0.01, 'slope for x ≤ 0')],
  formula: { f: 'x if x > 0, else negative_slope·x', df: '1 if x > 0, else negative_slope' },
  equivalents: {
    torchGain: {
      call: (p) => `calculate_gain('leaky_relu', ${num(p, 'negative_slope')})`,
      value: (p) => Math.sqrt(2 / (1 + num(p, 'negative_slope') ** 2)),
    },
    torch: 'torch.nn.LeakyReLU(negative_slope)',
    jax: 'jax.nn.leaky_relu(x, negative_slope)',
    keras: 'keras.activations.leaky_relu(x, negative_slope)',
    notes: [
      'keras.activations.leaky_relu defaults to negative_slope=0.2; torch and jax use 0.01.',
      'jax.nn.leaky_relu takes the x ≥ 0 branch at 0, so its autodiff gives f′(0) = 1; torch gives negative_slope.',
    ],
  },
  usage:
    'Keeps a small gradient for negative inputs, so units cannot die as with ReLU; a common choice in GAN discriminators. The slope is a fixed hyperparameter (PReLU learns it).',
  // torch: leaky_relu_backward uses x > 0 ? grad : grad·slope, so f′(0) = negative_slope.
  kinks: (p) => leakyKinks(num(p, 'negative_slope')),
  kernel: (p) => leakyKernel(num(p, 'negative_slope')),
};

export const PReLU: PointwiseEntry = {
  name: 'PReLU',
  aliases: ['prelu'],
  kind: 'pointwise',
  source: 'article',
  summary: 'Parametric ReLU: LeakyReLU whose negative slope is learned; here fixed at its init value.',
  params: [numberParam('init', 0.25, 'the learnable slope for x ≤ 0, at its initial value')],
  formula: { f: 'x if x > 0, else init·x', df: '1 if x > 0, else init' },
  equivalents: {
    torch: 'torch.nn.PReLU(num_parameters=1, init=init)',
    keras: 'keras.layers.PReLU()',
    notes: [
      'keras.layers.PReLU starts its slope at 0 (alpha_initializer="zeros"), torch at 0.25; jax.nn has no PReLU.',
      "torch's prelu backward gives f′(0) = init (the x ≤ 0 branch).",
      'flax.linen.PReLU (and flax.nnx.PReLU) starts its slope at 0.01 (negative_slope_init), and computes jnp.where(x >= 0, x, slope·x), so its f′(0) = 1.',
    ],
  },
  usage:
    'A leaky ReLU that learns its negative slope, one per layer or per channel, at almost no cost. It helped very deep image networks; with few data points the extra freedom can overfit.',
  kinks: (p) => leakyKinks(num(p, 'init')),
  kernel: (p) => leakyKernel(num(p, 'init')),
};

/** RReLU's random slope in training mode: uniform in [lower, upper], a function of (seed, bits of x). */
function rreluTrainKernel(lower: number, upper: number, seed: number): PointwiseKernel {
  const key = seedKey(seed);
  const span = upper - lower;
  const slope = (x: number): number => lower + span * uniformFromBits(key, x);
  return {
    f: (x) => {
      if (x > 0) return x;
      const r = slope(x);
      return x === -Infinity && r === 0 ? -0 : x * r;
    },
    // torch draws a slope wherever x ≤ 0, x = 0 included.
    df: (x) => (x > 0 ? 1 : x <= 0 ? slope(x) : NaN),
    d2: zeroUnlessNaN,
  };
}

export const RReLU: PointwiseEntry = {
  name: 'RReLU',
  aliases: ['rrelu'],
  kind: 'pointwise',
  source: 'article',
  summary: 'Randomized leaky ReLU: a random negative slope in training, the mean slope (lower+upper)/2 in evaluation.',
  params: [
    numberParam('lower', 1 / 8, 'lower bound of the random negative slope', { min: 0 }),
    numberParam('upper', 1 / 3, 'upper bound of the random negative slope', { min: 0 }),
    choiceParam(
      'mode',
      'eval',
      ['eval', 'train'],
      'eval: fixed slope (lower+upper)/2; train: a random slope per point',
    ),
    numberParam('seed', 0, 'seed for the training-mode slopes', {
      min: 0,
      max: Number.MAX_SAFE_INTEGER,
      integer: true,
    }),
  ],
  formula: {
    f: 'x if x > 0, else a·x;  a = (lower+upper)/2 (eval) or a ~ U[lower, upper] (train)',
    df: '1 if x > 0, else a',
  },
  equivalents: {
    torch: 'torch.nn.RReLU(lower, upper).eval()',
    notes: [
      'mode=train: torch draws each slope from its global RNG; we draw it from a hash of (seed, the 64 bits of x), so the same command always gives the same slopes and f and f′ agree point by point.',
      'jax.nn and Keras have no RReLU.',
    ],
  },
  usage:
    'A leaky ReLU whose negative slope is random during training, a mild regularizer reported to reduce overfitting on small data sets. At inference it is a plain leaky ReLU with the average slope.',
  validate: (p) =>
    num(p, 'lower') <= num(p, 'upper')
      ? undefined
      : `lower=${num(p, 'lower')} must not exceed upper=${num(p, 'upper')} (valid: 0 ≤ lower ≤ upper)`,
  // Training mode has a different slope at every point: no single corner to list.
  kinks: (p) => {
    if (choice(p, 'mode') === 'train') return [];
    return leakyKinks((num(p, 'lower') + num(p, 'upper')) / 2);
  },
  kernel: (p) => {
    const lower = num(p, 'lower');
    const upper = num(p, 'upper');
    if (choice(p, 'mode') === 'train') return rreluTrainKernel(lower, upper, num(p, 'seed'));
    return leakyKernel((lower + upper) / 2);
  },
};

export const ReLU6: PointwiseEntry = {
  name: 'ReLU6',
  aliases: ['relu6'],
  kind: 'pointwise',
  source: 'article',
  summary: 'ReLU capped at 6: min(max(0, x), 6).',
  params: [],
  formula: { f: 'min(max(0, x), 6)', df: '1 if 0 < x < 6, else 0' },
  equivalents: {
    torch: 'torch.nn.ReLU6()',
    jax: 'jax.nn.relu6',
    keras: 'keras.activations.relu6',
    notes: ['torch (hardtanh_backward) and jax (custom derivative) both give f′(0) = f′(6) = 0.'],
  },
  usage:
    'A ReLU whose output stays in [0, 6], which keeps activations small enough for low-precision and fixed-point inference; used throughout MobileNet. The cap also stops gradients for large inputs.',
  kinks: () => [corner(0, 0, 1, 0), corner(6, 1, 0, 0)],
  kernel: () => clampKernel(0, 6),
};

export const Hardtanh: PointwiseEntry = {
  name: 'Hardtanh',
  aliases: ['hardtanh', 'hard_tanh'],
  kind: 'pointwise',
  source: 'torch',
  summary: 'Piecewise-linear tanh: x clipped to [min_val, max_val].',
  params: [numberParam('min_val', -1, 'lower clipping value'), numberParam('max_val', 1, 'upper clipping value')],
  formula: { f: 'min(max(x, min_val), max_val)', df: '1 if min_val < x < max_val, else 0' },
  equivalents: {
    torch: 'torch.nn.Hardtanh(min_val, max_val)',
    jax: 'jax.nn.hard_tanh',
    keras: 'keras.activations.hard_tanh',
    notes: [
      'jax.nn.hard_tanh and keras hard_tanh are fixed to [−1, 1].',
      "jax.nn.hard_tanh is written with where(x > 1, …) branches, so its autodiff gives f′(±1) = 1; torch's hardtanh_backward gives 0.",
    ],
  },
  usage:
    'A cheap tanh substitute with the same range, used where exp is expensive and in quantized or binarized networks, where its gradient doubles as the straight-through estimator. It saturates hard: no gradient outside the interval.',
  validate: (p) =>
    num(p, 'min_val') < num(p, 'max_val')
      ? undefined
      : `min_val=${num(p, 'min_val')} must be less than max_val=${num(p, 'max_val')} (valid: min_val < max_val)`,
  kinks: (p) => [corner(num(p, 'min_val'), 0, 1, 0), corner(num(p, 'max_val'), 1, 0, 0)],
  kernel: (p) => clampKernel(num(p, 'min_val'), num(p, 'max_val')),
};

export const Threshold: PointwiseEntry = {
  name: 'Threshold',
  aliases: ['threshold'],
  kind: 'pointwise',
  source: 'torch',
  summary: 'x above the threshold, a constant value at or below it.',
  params: [
    numberParam('threshold', 0, 'x must exceed it to pass through'),
    numberParam('value', 0, 'the output where x ≤ threshold'),
  ],
  formula: { f: 'x if x > threshold, else value', df: '1 if x > threshold, else 0' },
  equivalents: {
    torch: 'torch.nn.Threshold(threshold, value)',
    keras: 'keras.activations.threshold(x, threshold, default_value)',
    notes: ['Keras 3 names the constant default_value; jax.nn has no threshold.'],
  },
  usage:
    'A generalized ReLU: with threshold = value = 0 it is ReLU. Otherwise it jumps at the threshold, which rarely suits gradient training; it is more useful for masking or gating values by size.',
  // torch: threshold_backward passes the gradient only where x > threshold, so f′(threshold) = 0.
  kinks: (p) => {
    const t = num(p, 'threshold');
    const v = num(p, 'value');
    return [v === t ? corner(t, 0, 1, 0) : jump(t, 0, 1, 0)];
  },
  kernel: (p) => {
    const t = num(p, 'threshold');
    const v = num(p, 'value');
    return {
      // NaN fails `x <= t` and passes through as x.
      f: (x) => (x <= t ? v : x),
      df: (x) => (x > t ? 1 : x <= t ? 0 : NaN),
      d2: zeroUnlessNaN,
    };
  },
};

/**
 * Bound on the rounding error of (w1·x + b1) − (w2·x + b2) computed from rounded pieces, relative to
 * |x|·(|w1| + |w2|) + |b1| + |b2|: each piece errs by at most 2^−53·(2|w·x| + |b|); 2^−51 leaves margin.
 */
const PIECE_ROUNDING = 2 ** -51;

/** Where the two pieces cross, as the double (b2 − b1)/(w1 − w2); undefined if they do not. */
function maxoutCrossing(w1: number, b1: number, w2: number, b2: number): number | undefined {
  if (w1 === w2) return undefined;
  const x = (b2 - b1) / (w1 - w2);
  return Number.isFinite(x) ? x : undefined;
}

/**
 * max(w1·x+b1, w2·x+b2). At the corner x* (the double nearest the crossing, as torch would compute
 * it) f′ is torch's: it compares the rounded pieces and splits a tie evenly, (w1 + w2)/2. Elsewhere
 * the larger piece is decided exactly (double-double) when rounding could flip the order, so f′ is
 * the true slope where torch can report a false tie.
 */
function maxoutKernel(w1: number, b1: number, w2: number, b2: number): PointwiseKernel {
  const crossing = maxoutCrossing(w1, b1, w2, b2);
  // At ±∞ a piece with slope 0 is its constant (IEEE would give 0·∞ = NaN); torch gives NaN there.
  const piece = (w: number, b: number, x: number): number => (w === 0 ? b : w * x + b);
  const atPlusInfinity = Math.max(piece(w1, b1, Infinity), piece(w2, b2, Infinity));
  const atMinusInfinity = Math.max(piece(w1, b1, -Infinity), piece(w2, b2, -Infinity));
  const steeper = Math.max(w1, w2);
  const shallower = Math.min(w1, w2);
  const tie = w1 * 0.5 + w2 * 0.5;
  const slopes = Math.abs(w1) + Math.abs(w2);
  const intercepts = Math.abs(b1) + Math.abs(b2);
  /** Sign of (w1·x + b1) − (w2·x + b2) from double-double pieces (exact but for one rounding of each lo). */
  const exactOrder = (x: number, c1: number, c2: number): number => {
    const p1 = w1 * x;
    const p2 = w2 * x;
    const a = p1 + c1;
    const c = p2 + c2;
    const lo1 = twoSumError(p1, c1, a) + twoProductError(w1, x, p1);
    const lo2 = twoSumError(p2, c2, c) + twoProductError(w2, x, p2);
    const d = a - c;
    const diff = d + (twoSumError(a, -c, d) + (lo1 - lo2));
    // NaN: products near the overflow threshold cannot be split; the rounded order is all we have.
    const sign = diff === diff ? diff : d;
    return sign > 0 ? 1 : sign < 0 ? -1 : 0;
  };
  /** Sign of (w1·x + b1) − (w2·x + b2) for finite x, given the rounded pieces a and c. */
  const order = (x: number, a: number, c: number): number => {
    const d = a - c;
    const scale = Math.abs(x) * slopes + intercepts;
    const slack = scale * PIECE_ROUNDING;
    if (d > slack) return 1;
    if (-d > slack) return -1;
    // Near a tie. Products in the subnormal range are not split exactly: scale x, b1, b2 by 2^600,
    // which leaves the sign unchanged.
    return scale < 2 ** -900 ? exactOrder(x * 2 ** 600, b1 * 2 ** 600, b2 * 2 ** 600) : exactOrder(x, b1, b2);
  };
  return {
    // Finite x: the larger piece, each computed as torch does (w·x + b, no fused multiply-add).
    f: (x) => {
      if (x - x !== 0) return x === Infinity ? atPlusInfinity : x === -Infinity ? atMinusInfinity : NaN;
      const a = w1 * x + b1;
      const c = w2 * x + b2;
      return order(x, a, c) >= 0 ? a : c;
    },
    df: (x) => {
      if (x - x !== 0) return x === Infinity ? steeper : x === -Infinity ? shallower : NaN;
      const a = w1 * x + b1;
      const c = w2 * x + b2;
      const o = x === crossing ? Math.sign(a - c) : order(x, a, c);
      return o > 0 ? w1 : o < 0 ? w2 : tie;
    },
    d2: zeroUnlessNaN,
  };
}

export const Maxout: PointwiseEntry = {
  name: 'Maxout',
  aliases: ['maxout'],
  kind: 'pointwise',
  source: 'article',
  summary: 'A two-piece maxout unit in scalar form: max(w1·x + b1, w2·x + b2).',
  params: [
    numberParam('w1', 1, 'slope of the first piece'),
    numberParam('b1', 0, 'intercept of the first piece'),
    numberParam('w2', 0, 'slope of the second piece'),
    numberParam('b2', 0, 'intercept of the second piece'),
  ],
  formula: {
    f: 'max(w1·x + b1, w2·x + b2)',
    df: 'w1 where the first piece is larger, w2 where the second is, (w1 + w2)/2 where they tie',
  },
  equivalents: {
    torch: 'torch.maximum(w1*x + b1, w2*x + b2)',
    notes: [
      'A maxout unit takes the maximum over k learned affine maps of its input vector; this is k = 2 along one input direction.',
      "torch.maximum splits the gradient evenly at a tie, so at the crossing f′ = (w1 + w2)/2: with the defaults (ReLU's shape) f′(0) = 0.5, not ReLU's 0.",
      'The corner is listed at the double (b2 − b1)/(w1 − w2), with the f′ torch gives there (it compares the rounded pieces: a tie gives the mean). At the doubles next to a crossing that is not itself a double, torch can also report a false tie; we compare the pieces exactly there and return the true slope.',
      'jax.nn and Keras have no maxout activation.',
    ],
  },
  usage:
    'Maxout learns its own piecewise-linear activation as the upper envelope of several linear pieces; with two pieces it can represent ReLU, leaky ReLU and |x|. It was designed to pair with dropout, at the price of k times the parameters.',
  kinks: (p) => {
    const [w1, b1, w2, b2] = [num(p, 'w1'), num(p, 'b1'), num(p, 'w2'), num(p, 'b2')];
    const x = maxoutCrossing(w1, b1, w2, b2);
    return x === undefined ? [] : [corner(x, Math.min(w1, w2), Math.max(w1, w2), maxoutKernel(w1, b1, w2, b2).df(x))];
  },
  kernel: (p) => maxoutKernel(num(p, 'w1'), num(p, 'b1'), num(p, 'w2'), num(p, 'b2')),
};

export const reluEntries: readonly CatalogEntry[] = [
  Identity,
  ReLU,
  LeakyReLU,
  PReLU,
  RReLU,
  ReLU6,
  Hardtanh,
  Threshold,
  Maxout,
];
