/**
 * Gated units in a documented scalar form: GLU, SwiGLU, Dice. Each usually acts on a layer's
 * vector (a gate half and a value half, or batch statistics); here the gate and the value are
 * affine functions of the one input x, and Dice uses fixed statistics (its inference form).
 * Smooth: no kinks.
 */
import { noKinks, numberParam } from '../define.js';
import { diceKernel, gluKernel, swigluKernel } from '../numerics/gated.js';
import { num } from '../param-read.js';
import type { CatalogEntry, PointwiseEntry } from '../types.js';

const affine = (name: string, role: string, defaultValue: number) =>
  numberParam(name, defaultValue, `${role} (any finite number)`);

/** Gate w·x + b and value v·x + c, shared by GLU, SwiGLU and the literature's ReGLU and GeGLU. */
export const GATE_AND_VALUE = [
  affine('w', 'gate slope', 1),
  affine('b', 'gate offset', 0),
  affine('v', 'value slope', 1),
  affine('c', 'value offset', 0),
];

export const GLU: PointwiseEntry = {
  name: 'GLU',
  aliases: ['glu'],
  kind: 'pointwise',
  source: 'torch',
  summary: 'Gated linear unit in one input: the value v·x + c times the sigmoid gate σ(w·x + b).',
  params: GATE_AND_VALUE,
  formula: { f: '(v·x + c)·σ(w·x + b)', df: 'v·σ(w·x + b) + w·(v·x + c)·σ(w·x + b)·(1 − σ(w·x + b))' },
  equivalents: {
    torch: 'torch.nn.GLU(dim=0)(torch.stack([v*x + c, w*x + b]))',
    jax: 'jax.nn.glu(jnp.stack([v*x + c, w*x + b]), axis=0)',
    keras: 'keras.activations.glu(ops.stack([v*x + c, w*x + b]), axis=0)',
    notes: [
      'torch.nn.GLU splits its input in two along dim and returns first·σ(second). On one scalar input we make both halves affine functions of x; the defaults (w = v = 1, b = c = 0) give x·σ(x), which is SiLU.',
    ],
  },
  usage:
    'Gating lets a layer learn, per unit, how much of its value to pass on; GLU layers appear in gated convolutional language models and as the feed-forward block of some transformers. This scalar form shows the shape of one gate–value pair: an S-shaped gate times a straight line.',
  kinks: noKinks,
  kernel: (p) => gluKernel(num(p, 'w'), num(p, 'b'), num(p, 'v'), num(p, 'c')),
};

export const SwiGLU: PointwiseEntry = {
  name: 'SwiGLU',
  aliases: ['swiglu'],
  kind: 'pointwise',
  source: 'article',
  summary: 'GLU with a Swish gate: Swish_beta(w·x + b)·(v·x + c); the defaults give x²·σ(x).',
  params: [...GATE_AND_VALUE, numberParam('beta', 1, 'sharpness of the Swish gate g·σ(beta·g) (any finite number)')],
  formula: {
    f: 'g·σ(beta·g)·(v·x + c),  g = w·x + b',
    df: 'w·(v·x + c)·σ(βg)·(1 + βg·(1 − σ(βg))) + v·g·σ(βg)',
  },
  equivalents: {
    torch: 'g = w*x + b; (g * torch.sigmoid(beta*g)) * (v*x + c)',
    jax: 'jax.nn.swish(w*x + b) * (v*x + c) (beta = 1)',
    keras: 'keras.activations.swish(w*x + b) * (v*x + c) (beta = 1)',
    notes: [
      'In a transformer (Shazeer 2020; LLaMA, PaLM) SwiGLU is Swish(x·W)·(x·V) with two weight matrices; here both are scalars with offsets. Neither torch.nn nor jax.nn has it as a function.',
    ],
  },
  usage:
    'The feed-forward activation of most recent large language models, where it beats ReLU and GELU at the same parameter count. In one dimension the product of a Swish gate and a line is roughly quadratic for x > 0, which this form makes visible.',
  kinks: noKinks,
  kernel: (p) => swigluKernel(num(p, 'w'), num(p, 'b'), num(p, 'v'), num(p, 'c'), num(p, 'beta')),
};

export const Dice: PointwiseEntry = {
  name: 'Dice',
  aliases: ['dice'],
  kind: 'pointwise',
  source: 'article',
  summary:
    'Data-adaptive PReLU from the Deep Interest Network: a sigmoid of the standardized input blends x with alpha·x.',
  params: [
    numberParam('alpha', 0, 'slope blended in where the gate is closed (any finite number)'),
    numberParam('mean', 0, 'the batch mean used to standardize x (any finite number)'),
    numberParam('var', 1, 'the batch variance (≥ 0)', { min: 0 }),
    numberParam('eps', 1e-9, 'added to var before the square root (> 0)', { min: 0, minInclusive: false }),
  ],
  formula: {
    f: 'p·x + (1 − p)·alpha·x,  p = σ((x − mean)/√(var + eps))',
    df: 'p + alpha·(1 − p) + (1 − alpha)·x·p·(1 − p)/√(var + eps)',
  },
  equivalents: {
    torch: 'p = torch.sigmoid((x - mean) / math.sqrt(var + eps)); p*x + (1 - p)*alpha*x',
    notes: [
      'Zhou et al. (2018) compute p with BatchNorm over the mini-batch (eps = 1e-9 in the DIN code, alpha learned and initialised at 0); this is the inference form with fixed statistics. With alpha = 0, mean = 0 it is x·σ(x/√(var + eps)), a Swish.',
      'No library ships Dice; the seed article builds it from torch.nn.BatchNorm1d.',
    ],
  },
  usage:
    'Used in click-through-rate models (DIN and its successors), where input distributions shift between layers and batches. Its switch point follows the data mean and its sharpness the spread, instead of sitting at 0 as in PReLU; set mean and var to the statistics you want to inspect.',
  kinks: noKinks,
  kernel: (p) => diceKernel(num(p, 'alpha'), num(p, 'mean'), num(p, 'var'), num(p, 'eps')),
};

export const gatedEntries: readonly CatalogEntry[] = [GLU, SwiGLU, Dice];
