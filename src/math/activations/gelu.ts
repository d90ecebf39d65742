/** GELU in its exact (erf), tanh and sigmoid forms. Smooth: no kinks. */
import { choiceParam, noKinks } from '../define.js';
import {
  gelu,
  geluDerivative,
  geluSecondDerivative,
  geluSigmoid,
  geluSigmoidDerivative,
  geluSigmoidSecondDerivative,
  geluTanh,
  geluTanhDerivative,
  geluTanhSecondDerivative,
} from '../numerics/gelu.js';
import { choice } from '../param-read.js';
import type { CatalogEntry, PointwiseEntry, PointwiseKernel } from '../types.js';

const EXACT: PointwiseKernel = { f: gelu, df: geluDerivative, d2: geluSecondDerivative };
const TANH: PointwiseKernel = { f: geluTanh, df: geluTanhDerivative, d2: geluTanhSecondDerivative };
const SIGMOID: PointwiseKernel = { f: geluSigmoid, df: geluSigmoidDerivative, d2: geluSigmoidSecondDerivative };

export const GELU: PointwiseEntry = {
  name: 'GELU',
  aliases: ['gelu', 'gelu_python'],
  kind: 'pointwise',
  source: 'article',
  summary:
    'Gaussian error linear unit x·Φ(x): the input weighted by the probability that a standard normal is below it.',
  params: [
    choiceParam(
      'approximate',
      'none',
      ['none', 'tanh', 'sigmoid'],
      'none: exact x·Φ(x) with the erf; tanh: 0.5x(1 + tanh(√(2/π)(x + 0.044715x³))); sigmoid: x·σ(1.702x)',
    ),
  ],
  formula: {
    f: 'x·Φ(x) = (x/2)·(1 + erf(x/√2));  tanh: (x/2)·(1 + tanh(√(2/π)·(x + 0.044715·x³)));  sigmoid: x·σ(1.702·x)',
    df: 'Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π);  tanh: ½(1 + tanh u) + ½x·sech²(u)·√(2/π)(1 + 0.134145·x²);  sigmoid: σ(1.702x)·(1 + 1.702x·(1 − σ(1.702x)))',
  },
  equivalents: {
    torch: "torch.nn.GELU(approximate=approximate) if approximate != 'sigmoid' else x * torch.sigmoid(1.702 * x)",
    jax: 'jax.nn.gelu(x, approximate=False) for the exact form; jax.nn.gelu(x) is the tanh form',
    keras: 'keras.activations.gelu(x, approximate=False) (tanh form with approximate=True)',
    notes: [
      'jax.nn.gelu defaults to approximate=True, the tanh form; torch and keras default to the exact erf form.',
      'The sigmoid form x·σ(1.702x) is from Hendrycks & Gimpel (2016); no library has it as a GELU option.',
      'PyTorch 1.13 computes the exact form as 0.5·x·(1 + erf(x/√2)): 1 + erf cancels for x < −5 and every digit is gone by x ≈ −8 (GELU(−8.5) comes out −0 instead of −9.0e−17). We use erfc and exp(−x²/2) with x/√2 and x²/2 carried exactly: about 1 ulp everywhere.',
      'Its derivative has a root at x ≈ −0.7518 (the minimum of GELU, −0.170); there we keep absolute accuracy.',
    ],
  },
  usage:
    'The default activation of transformers (BERT, GPT-2, ViT): a smooth ReLU whose gate is the Gaussian CDF, passing a little of small negative inputs and with a slight dip below zero. The tanh and sigmoid forms are cheaper approximations; use the one your model was trained with, since they differ by up to about 1e−3 (tanh) and 2e−2 (sigmoid).',
  kinks: noKinks,
  kernel: (p) => {
    const form = choice(p, 'approximate');
    return form === 'tanh' ? TANH : form === 'sigmoid' ? SIGMOID : EXACT;
  },
};

export const geluEntries: readonly CatalogEntry[] = [GELU];
