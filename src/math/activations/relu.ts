/** ReLU and its piecewise-linear kin. Conventions at corners follow PyTorch's backward passes. */
import { corner, numberParam } from '../define.js';
import { num } from '../params.js';
import type { CatalogEntry, PointwiseEntry } from '../types.js';

export const ReLU: PointwiseEntry = {
  name: 'ReLU',
  aliases: ['relu'],
  kind: 'pointwise',
  source: 'article',
  summary: 'Rectified linear unit: max(0, x).',
  params: [],
  formula: { f: 'max(0, x)', df: '1 if x > 0, else 0' },
  equivalents: { torch: 'torch.nn.ReLU()', jax: 'jax.nn.relu', keras: 'keras.activations.relu' },
  usage:
    'The default for hidden layers: cheap, does not saturate for x > 0, and gives sparse activations. Units whose input stays negative stop learning ("dying ReLU"); a leaky variant avoids that.',
  // torch: threshold_backward(grad, x, 0) passes the gradient only where x > 0, so ReLU′(0) = 0.
  kinks: () => [corner(0, 0, 1, 0)],
  kernel: () => ({
    f: (x) => (x > 0 ? x : Number.isNaN(x) ? NaN : 0),
    df: (x) => (x > 0 ? 1 : Number.isNaN(x) ? NaN : 0),
    d2: (x) => (Number.isNaN(x) ? NaN : 0),
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
    torch: 'torch.nn.LeakyReLU(negative_slope)',
    jax: 'jax.nn.leaky_relu',
    keras: 'keras.activations.leaky_relu',
    notes: ['keras.activations.leaky_relu defaults to negative_slope=0.2; torch and jax use 0.01.'],
  },
  usage: 'Keeps a small gradient for negative inputs, so units cannot die as with ReLU.',
  // torch: leaky_relu_backward uses x > 0 ? grad : grad·slope, so f′(0) = negative_slope.
  kinks: (p) => {
    const a = num(p, 'negative_slope');
    return a === 1 ? [] : [corner(0, a, 1, a)];
  },
  kernel: (p) => {
    const a = num(p, 'negative_slope');
    return {
      f: (x) => (x > 0 ? x : x * a),
      df: (x) => (x > 0 ? 1 : Number.isNaN(x) ? NaN : a),
      d2: (x) => (Number.isNaN(x) ? NaN : 0),
    };
  },
};

export const reluEntries: readonly CatalogEntry[] = [ReLU, LeakyReLU];
