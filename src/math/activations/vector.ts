/** Functions of the whole sampled vector, along dim 0 as torch.nn.Softmax(dim=0) does. */
import { noKinks } from '../define.js';
import type { CatalogEntry, VectorEntry, VectorKernel } from '../types.js';

/** Softmax of x into `out`, shifted by the maximum so that no exponential overflows. */
function softmaxInto(x: Float64Array, out: Float64Array): void {
  let max = -Infinity;
  for (let i = 0; i < x.length; i++) if (x[i]! > max) max = x[i]!;
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const e = Math.exp(x[i]! - max);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < x.length; i++) out[i] = out[i]! / sum;
}

const softmaxKernel: VectorKernel = {
  apply(x, y, dy) {
    softmaxInto(x, y);
    for (let i = 0; i < x.length; i++) dy[i] = y[i]! * (1 - y[i]!);
  },
  jacobian(x) {
    const s = new Float64Array(x.length);
    softmaxInto(x, s);
    return Array.from(s, (si, i) => {
      const row = new Float64Array(x.length);
      for (let j = 0; j < x.length; j++) row[j] = (i === j ? si : 0) - si * s[j]!;
      return row;
    });
  },
};

export const Softmax: VectorEntry = {
  name: 'Softmax',
  aliases: ['softmax'],
  kind: 'vector',
  source: 'article',
  summary: 'Normalized exponentials of the whole input vector: a probability distribution.',
  params: [],
  formula: { f: 'Sᵢ = e^(xᵢ) / Σⱼ e^(xⱼ)', df: '∂Sᵢ/∂xᵢ = Sᵢ·(1 − Sᵢ)   (∂Sᵢ/∂xⱼ = −Sᵢ·Sⱼ for j ≠ i)' },
  equivalents: { torch: 'torch.nn.Softmax(dim=0)', jax: 'jax.nn.softmax', keras: 'keras.activations.softmax' },
  usage:
    'The output layer of multi-class classifiers, and attention weights. It acts on a whole vector, so a plot of it depends on the sampled range; the derivative shown is the diagonal of the Jacobian.',
  kinks: noKinks,
  kernel: () => softmaxKernel,
};

export const vectorEntries: readonly CatalogEntry[] = [Softmax];
