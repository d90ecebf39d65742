/** The logistic sigmoid and functions built directly on it. */
import type { CatalogEntry, PointwiseEntry } from '../types.js';
import { noKinks } from '../define.js';
import { sigmoid, sigmoidDerivative } from '../numerics/logistic.js';

export const Sigmoid: PointwiseEntry = {
  name: 'Sigmoid',
  aliases: ['sigmoid', 'logistic'],
  kind: 'pointwise',
  source: 'article',
  summary: 'Logistic function 1 / (1 + e^−x), squashing ℝ into (0, 1).',
  params: [],
  formula: { f: '1 / (1 + e^(−x))', df: 'σ(x)·(1 − σ(x))' },
  equivalents: { torch: 'torch.nn.Sigmoid()', jax: 'jax.nn.sigmoid', keras: 'keras.activations.sigmoid' },
  usage:
    'For outputs that are probabilities (binary classification, gates in LSTMs). In hidden layers it saturates on both sides and its gradient is at most 0.25, so deep stacks of it train slowly.',
  kinks: noKinks,
  kernel: () => ({ f: sigmoid, df: sigmoidDerivative }),
};

export const sigmoidEntries: readonly CatalogEntry[] = [Sigmoid];
