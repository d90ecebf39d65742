/**
 * Smooth activations from the literature built on exp, σ, tanh, erf and square roots: Gaussian,
 * ArcTan, BentIdentity, ISRU, ISRLU, SoftExponential, LeCunTanh, PenalizedTanh, LiSHT, TanhExp,
 * Serf, Smish, Logish, ELiSH. No kinks except PenalizedTanh's at 0; ISRLU (C²) and ELiSH (C¹) join
 * two formulas at 0, where f″ (ELiSH) or f‴ (ISRLU) jumps.
 */
import { corner, noKinks, numberParam } from '../define.js';
import {
  arcTanKernel,
  bentIdentityKernel,
  elishKernel,
  eswishKernel,
  gaussianKernel,
  isrluKernel,
  isruKernel,
  leCunTanhKernel,
  lishtKernel,
  logishKernel,
  ncuKernel,
  penalizedTanhKernel,
  serfKernel,
  smishKernel,
  softExponentialKernel,
  squKernel,
  tanhExpKernel,
} from '../numerics/literature-smooth.js';
import { num } from '../param-read.js';
import type { CatalogEntry, Citation, PointwiseEntry } from '../types.js';

const ISRLU_PAPER: Citation = {
  key: 'carlile2017isrlu',
  authors: ['Carlile, Brad', 'Delamarter, Guy', 'Kinney, Paul', 'Marti, Akiko', 'Whitney, Brian'],
  year: 2017,
  title: 'Improving Deep Learning by Inverse Square Root Linear Units (ISRLUs)',
  venue: 'arXiv preprint',
  arxiv: '1710.09967',
};

const ELISH_PAPER: Citation = {
  key: 'basirat2018golden',
  authors: ['Basirat, Mina', 'Roth, Peter M.'],
  year: 2018,
  title: 'The Quest for the Golden Activation Function',
  venue: 'arXiv preprint',
  arxiv: '1808.00783',
};

const alphaParam = (description: string) => numberParam('alpha', 1, description, { min: 0, minInclusive: false });

export const Gaussian: PointwiseEntry = {
  name: 'Gaussian',
  aliases: ['gaussian', 'gauss'],
  kind: 'pointwise',
  source: 'literature',
  summary: 'The Gaussian bump e^(−x²): 1 at 0, vanishing on both sides.',
  params: [],
  formula: { f: 'e^(−x²)', df: '−2x·e^(−x²)' },
  equivalents: { torch: 'torch.exp(-x*x)', jax: 'jnp.exp(-x*x)', keras: 'keras.ops.exp(-x*x)' },
  usage:
    'The activation of radial-basis-function networks and of some implicit neural representations, where each unit responds to inputs near one value. As a hidden activation in deep networks its gradient vanishes on both sides, so it is rarely used there.',
  frameworks: {},
  kinks: noKinks,
  kernel: () => gaussianKernel,
};

export const ArcTan: PointwiseEntry = {
  name: 'ArcTan',
  aliases: ['arctan'],
  kind: 'pointwise',
  source: 'literature',
  summary: 'The inverse tangent: a sigmoid onto (−π/2, π/2) whose tails approach their limits like 1/x.',
  params: [],
  formula: { f: 'arctan x', df: '1/(1 + x²)' },
  equivalents: { torch: 'torch.atan(x)', jax: 'jnp.arctan(x)', keras: 'keras.ops.arctan(x)' },
  usage:
    'A zero-centred squashing function like tanh but with much heavier tails: its slope decays like 1/x² rather than exponentially, so saturated units still pass some gradient. Listed in most activation surveys; seldom the first choice.',
  frameworks: {},
  kinks: noKinks,
  kernel: () => arcTanKernel,
};

export const BentIdentity: PointwiseEntry = {
  name: 'BentIdentity',
  aliases: ['bent_identity', 'bent'],
  kind: 'pointwise',
  source: 'literature',
  summary: '(√(x² + 1) − 1)/2 + x: a smooth, convex blend of slopes 1/2 (left) and 3/2 (right).',
  params: [],
  formula: { f: '(√(x² + 1) − 1)/2 + x', df: 'x/(2√(x² + 1)) + 1' },
  equivalents: {
    torch: '(torch.sqrt(x*x + 1) - 1)/2 + x',
    jax: '(jnp.sqrt(x*x + 1) - 1)/2 + x',
    notes: ['torch loses digits of √(x² + 1) − 1 for small |x|; we compute x²/(2(√(x² + 1) + 1)) instead.'],
  },
  usage:
    'A smooth, strictly increasing alternative to leaky ReLU, unbounded both ways with slopes between 1/2 and 3/2, so gradients neither vanish nor explode. It appears in activation tables more than in published models.',
  frameworks: {},
  kinks: noKinks,
  kernel: () => bentIdentityKernel,
};

export const ISRU: PointwiseEntry = {
  name: 'ISRU',
  aliases: ['isru', 'inverse_square_root_unit'],
  kind: 'pointwise',
  source: 'literature',
  summary: 'Inverse square root unit x/√(1 + αx²): a sigmoid onto (−1/√α, 1/√α) without exponentials.',
  params: [alphaParam('controls the saturation level ±1/√alpha (> 0)')],
  formula: { f: 'x/√(1 + alpha·x²)', df: '(1 + alpha·x²)^(−3/2)' },
  equivalents: { torch: 'x / torch.sqrt(1 + alpha*x*x)', jax: 'x * jax.lax.rsqrt(1 + alpha*x*x)' },
  usage:
    'Proposed as a cheaper tanh for recurrent networks: an inverse square root is faster than an exponential on many processors. With alpha = 1 it is close to tanh near 0 and saturates more slowly.',
  citation: ISRLU_PAPER,
  frameworks: {},
  kinks: noKinks,
  kernel: (p) => isruKernel(num(p, 'alpha')),
};

export const ISRLU: PointwiseEntry = {
  name: 'ISRLU',
  aliases: ['isrlu', 'inverse_square_root_linear_unit'],
  kind: 'pointwise',
  source: 'literature',
  summary: 'Inverse square root linear unit: x for x ≥ 0, x/√(1 + αx²) below (an ELU-like curve without exp).',
  params: [alphaParam('negative saturation −1/√alpha (> 0)')],
  formula: { f: 'x (x ≥ 0), x/√(1 + alpha·x²) (x < 0)', df: '1 (x ≥ 0), (1 + alpha·x²)^(−3/2) (x < 0)' },
  equivalents: {
    torch: 'torch.where(x >= 0, x, x / torch.sqrt(1 + alpha*x*x))',
    notes: ['The two pieces meet with equal value, slope and curvature at 0 (only f‴ jumps), so there is no kink.'],
  },
  usage:
    'A drop-in for ELU in convolutional networks: identity for positive inputs, a smooth negative saturation at −1/√alpha, computed with an inverse square root instead of an exponential.',
  citation: ISRLU_PAPER,
  frameworks: {},
  kinks: noKinks,
  kernel: (p) => isrluKernel(num(p, 'alpha')),
};

export const SoftExponential: PointwiseEntry = {
  name: 'SoftExponential',
  aliases: ['soft_exponential', 'softexp'],
  kind: 'pointwise',
  source: 'literature',
  summary: 'A family through the identity (alpha = 0) and (e^(αx) − 1)/α + α (alpha > 0); here alpha ≥ 0.',
  params: [numberParam('alpha', 0, 'shape: 0 is the identity, alpha > 0 exponential (≥ 0)', { min: 0 })],
  formula: { f: 'x (alpha = 0), (e^(alpha·x) − 1)/alpha + alpha (alpha > 0)', df: '1 (alpha = 0), e^(alpha·x)' },
  equivalents: {
    torch: 'x if alpha == 0 else torch.expm1(alpha*x)/alpha + alpha',
    notes: [
      'Godfrey and Gashler (2015) also define alpha < 0: −log(1 − alpha·(x + alpha))/alpha, a logarithm defined only for x > (1 − alpha²)/alpha when alpha < 0. That branch is left out here: its domain is not all of ℝ.',
    ],
  },
  usage:
    'A trainable alpha lets each unit interpolate between logarithmic, linear and exponential behaviour, so a network can represent products and sums exactly. With a fixed positive alpha it is an exponential-like, convex activation that overflows for large inputs.',
  citation: {
    key: 'godfrey2015continuum',
    authors: ['Godfrey, Luke B.', 'Gashler, Michael S.'],
    year: 2015,
    title:
      'A continuum among logarithmic, linear, and exponential functions, and its potential to improve generalization in neural networks',
    venue: 'arXiv preprint',
    arxiv: '1602.01321',
  },
  frameworks: {},
  kinks: noKinks,
  kernel: (p) => softExponentialKernel(num(p, 'alpha')),
};

export const LeCunTanh: PointwiseEntry = {
  name: 'LeCunTanh',
  aliases: ['lecun_tanh', 'scaled_tanh'],
  kind: 'pointwise',
  source: 'literature',
  summary: "LeCun's scaled tanh 1.7159·tanh(2x/3), chosen so that f(±1) = ±1.",
  params: [],
  formula: { f: '1.7159·tanh(2x/3)', df: '1.7159·(2/3)·sech²(2x/3)' },
  equivalents: { torch: '1.7159 * torch.tanh(2*x/3)', jax: '1.7159 * jnp.tanh(2*x/3)' },
  usage:
    'From the classic advice on training by backpropagation: with inputs normalised to unit variance, this tanh keeps the outputs near unit variance too and has its largest curvature near ±1, where targets of ±1 then sit. A tanh with a built-in gain.',
  citation: {
    key: 'lecun1998efficient',
    authors: ['LeCun, Yann', 'Bottou, Léon', 'Orr, Genevieve B.', 'Müller, Klaus-Robert'],
    year: 1998,
    title: 'Efficient BackProp',
    venue: 'Neural Networks: Tricks of the Trade, Lecture Notes in Computer Science 1524',
    doi: '10.1007/3-540-49430-8_2',
  },
  frameworks: {},
  kinks: noKinks,
  kernel: () => leCunTanhKernel,
};

export const PenalizedTanh: PointwiseEntry = {
  name: 'PenalizedTanh',
  aliases: ['penalized_tanh', 'ptanh'],
  kind: 'pointwise',
  source: 'literature',
  summary: 'tanh x for x > 0 and a·tanh x below: a leaky, saturating tanh.',
  params: [numberParam('a', 0.25, 'slope factor of the negative side (any finite number; 0.25 in the paper)')],
  formula: { f: 'tanh x (x > 0), a·tanh x (x ≤ 0)', df: 'sech² x (x > 0), a·sech² x (x ≤ 0)' },
  equivalents: {
    torch: 'torch.where(x > 0, torch.tanh(x), a*torch.tanh(x))',
    notes: ["f′(0) = a, the negative side's slope, as LeakyReLU′(0) is its negative_slope."],
  },
  usage:
    'Keeps tanh bounded and zero-centred while damping the negative side like a leaky ReLU; Eger et al. (2018) found it the most stable choice across NLP tasks. The kink at 0 matters little in practice.',
  citation: {
    key: 'xu2016revise',
    authors: ['Xu, Bing', 'Huang, Ruitong', 'Li, Mu'],
    year: 2016,
    title: 'Revise Saturated Activation Functions',
    venue: 'arXiv preprint',
    arxiv: '1602.05980',
  },
  frameworks: {},
  kinks: (p) => (num(p, 'a') === 1 ? [] : [corner(0, num(p, 'a'), 1, num(p, 'a'))]),
  kernel: (p) => penalizedTanhKernel(num(p, 'a')),
};

export const LiSHT: PointwiseEntry = {
  name: 'LiSHT',
  aliases: ['lisht'],
  kind: 'pointwise',
  source: 'literature',
  summary: 'Linearly scaled hyperbolic tangent x·tanh x: even, non-negative, like |x| rounded at 0.',
  params: [],
  formula: { f: 'x·tanh x', df: 'tanh x + x·sech² x' },
  equivalents: { torch: 'x * torch.tanh(x)', jax: 'x * jnp.tanh(x)', keras: 'x * keras.ops.tanh(x)' },
  usage:
    'Non-monotonic and symmetric, so negative inputs produce positive outputs with a gradient that does not vanish; proposed against the dying units of ReLU. Being even, it cannot tell x from −x, which limits it to layers where that does not matter.',
  citation: {
    key: 'roy2019lisht',
    authors: ['Roy, Swalpa Kumar', 'Manna, Suvojit', 'Dubey, Shiv Ram', 'Chaudhuri, Bidyut Baran'],
    year: 2019,
    title: 'LiSHT: Non-Parametric Linearly Scaled Hyperbolic Tangent Activation Function for Neural Networks',
    venue: 'arXiv preprint',
    arxiv: '1901.05894',
  },
  frameworks: {},
  kinks: noKinks,
  kernel: () => lishtKernel,
};

export const TanhExp: PointwiseEntry = {
  name: 'TanhExp',
  aliases: ['tanh_exp', 'tanhexp'],
  kind: 'pointwise',
  source: 'literature',
  summary: 'x·tanh(eˣ): the identity for x > 3, a shallow dip (to −0.353) for negative x.',
  params: [],
  formula: { f: 'x·tanh(eˣ)', df: 'tanh(eˣ) + x·eˣ·sech²(eˣ)' },
  equivalents: { torch: 'x * torch.tanh(torch.exp(x))', jax: 'x * jnp.tanh(jnp.exp(x))' },
  usage:
    'Designed for lightweight real-time networks: it reaches the identity quickly (its gradient approaches 1 faster than SiLU or Mish), which speeds up convergence in small models.',
  citation: {
    key: 'liu2020tanhexp',
    authors: ['Liu, Xinyu', 'Di, Xiaoguang'],
    year: 2020,
    title: 'TanhExp: A Smooth Activation Function with High Convergence Speed for Lightweight Neural Networks',
    venue: 'arXiv preprint',
    arxiv: '2003.09855',
  },
  frameworks: {},
  kinks: noKinks,
  kernel: () => tanhExpKernel,
};

export const Serf: PointwiseEntry = {
  name: 'Serf',
  aliases: ['serf', 'log_softplus_error'],
  kind: 'pointwise',
  source: 'literature',
  summary: 'x·erf(log(1 + eˣ)): a Mish-like self-gated unit with the error function as its gate.',
  params: [],
  formula: { f: 'x·erf(softplus(x))', df: 'erf(sp) + x·(2/√π)·e^(−sp²)·σ(x),  sp = log(1 + eˣ)' },
  equivalents: {
    torch: 'x * torch.erf(F.softplus(x))',
    jax: 'x * jax.scipy.special.erf(jax.nn.softplus(x))',
  },
  usage:
    'A smooth, non-monotonic ReLU replacement in the Swish/Mish family, reported to train a little better than Mish in image classification and object detection. Costs an exp, a log and an erf per unit.',
  citation: {
    key: 'nag2023serf',
    authors: ['Nag, Sayan', 'Bhattacharyya, Mayukh', 'Mukherjee, Anuraag', 'Kundu, Rohit'],
    year: 2023,
    title: 'SERF: Towards better training of deep neural networks using log-Softplus ERror activation Function',
    venue: 'IEEE/CVF Winter Conference on Applications of Computer Vision (WACV)',
    arxiv: '2108.09598',
  },
  frameworks: {},
  kinks: noKinks,
  kernel: () => serfKernel,
};

export const Smish: PointwiseEntry = {
  name: 'Smish',
  aliases: ['smish'],
  kind: 'pointwise',
  source: 'literature',
  summary: 'x·tanh(log(1 + σ(x))): Mish with the softplus replaced by log(1 + σ), rising like 0.6·x.',
  params: [],
  formula: { f: 'x·tanh(log(1 + σ(x)))', df: 'h + x·σ′(x)·4(1 + σ)/Q²,  h = σ(2 + σ)/Q, Q = σ² + 2σ + 2' },
  equivalents: { torch: 'x * torch.tanh(torch.log1p(torch.sigmoid(x)))' },
  usage:
    'Proposed for EfficientNet-style image classifiers as a self-gated unit whose output for large x grows like 0.6·x rather than x. The paper also studies α·x·tanh(log(1 + σ(β·x))) and finds α = β = 1 best.',
  citation: {
    key: 'wang2022smish',
    authors: ['Wang, Xueliang', 'Ren, Honge', 'Wang, Achuan'],
    year: 2022,
    title: 'Smish: A Novel Activation Function for Deep Learning Methods',
    venue: 'Electronics',
    doi: '10.3390/electronics11040540',
  },
  frameworks: {},
  kinks: noKinks,
  kernel: () => smishKernel,
};

export const Logish: PointwiseEntry = {
  name: 'Logish',
  aliases: ['logish'],
  kind: 'pointwise',
  source: 'literature',
  summary: 'x·log(1 + σ(x)): a self-gated unit rising like x·ln 2.',
  params: [],
  formula: { f: 'x·log(1 + σ(x))', df: 'log(1 + σ(x)) + x·σ′(x)/(1 + σ(x))' },
  equivalents: { torch: 'x * torch.log1p(torch.sigmoid(x))' },
  usage:
    'A Swish-like unit whose gate log(1 + σ) ranges over (0, ln 2); proposed for convolutional classifiers. Zhu et al. also study α·x·log(1 + σ(β·x)), with β = 10 their best variant on CIFAR-10.',
  citation: {
    key: 'zhu2021logish',
    authors: ['Zhu, Hegui', 'Zeng, Huimin', 'Liu, Jinhai', 'Zhang, Xiangde'],
    year: 2021,
    title: 'Logish: A new nonlinear nonmonotonic activation function for convolutional neural network',
    venue: 'Neurocomputing',
    doi: '10.1016/j.neucom.2021.06.067',
  },
  frameworks: {},
  kinks: noKinks,
  kernel: () => logishKernel,
};

export const ELiSH: PointwiseEntry = {
  name: 'ELiSH',
  aliases: ['elish'],
  kind: 'pointwise',
  source: 'literature',
  summary: 'Exponential linear sigmoid squashing: x·σ(x) for x ≥ 0, (eˣ − 1)·σ(x) below.',
  params: [],
  formula: {
    f: 'x·σ(x) (x ≥ 0), (eˣ − 1)·σ(x) (x < 0)',
    df: 'σ(x)(1 + x(1 − σ(x))) (x ≥ 0), eˣ·((1 + eˣ)² − 2)/(1 + eˣ)² (x < 0)',
  },
  equivalents: {
    torch: 'torch.where(x >= 0, x, torch.expm1(x)) * torch.sigmoid(x)',
    notes: ['Both pieces have slope 1/2 at 0; f″ jumps there from 1 (left) to 1/2 (right).'],
  },
  usage:
    'Found by a genetic search over activation functions: SiLU on the positive side and an ELU-like saturation (to −1·σ) on the negative side, which keeps mean activations near zero.',
  citation: ELISH_PAPER,
  frameworks: {},
  kinks: noKinks,
  kernel: () => elishKernel,
};

export const ESwish: PointwiseEntry = {
  name: 'ESwish',
  aliases: ['e_swish', 'eswish'],
  kind: 'pointwise',
  source: 'literature',
  summary: 'β·x·σ(x): SiLU scaled by beta, which steepens it (slope β/2 at 0, β for large x).',
  params: [numberParam('beta', 1.5, 'scale (any finite number; the paper tries 1 ≤ beta ≤ 2)')],
  formula: { f: 'beta·x·σ(x)', df: 'beta·σ(x)·(1 + x·(1 − σ(x)))' },
  equivalents: {
    torch: 'beta * x * torch.sigmoid(x)',
    jax: 'beta * jax.nn.silu(x)',
    keras: 'beta * keras.activations.silu(x)',
    notes: [
      'Alcaide (2018) gives no single default: he trains with 1 ≤ beta ≤ 2 and picks beta per network depth. Our default 1.5 is the middle of that range. Not Swish(beta), where beta sits inside the sigmoid.',
    ],
  },
  usage:
    'A SiLU with a gain: larger beta gives larger slopes and a deeper negative dip, which the paper found to train some wide residual networks faster; too large a beta risks exploding gradients.',
  citation: {
    key: 'alcaide2018eswish',
    authors: ['Alcaide, Eric'],
    year: 2018,
    title: 'E-swish: Adjusting Activations to Different Network Depths',
    venue: 'arXiv preprint',
    arxiv: '1801.07145',
  },
  frameworks: {},
  kinks: noKinks,
  kernel: (p) => eswishKernel(num(p, 'beta')),
};

const OSCILLATING_PAPER: Citation = {
  key: 'noel2021oscillating',
  authors: [
    'Noel, Matthew Mithra',
    'Bharadwaj, Shubham',
    'Muthiah-Nakarajan, Venkataraman',
    'Dutta, Praneet',
    'Amali, Geraldine Bessie',
  ],
  year: 2021,
  title:
    'Biologically Inspired Oscillating Activation Functions Can Bridge the Performance Gap between Biological and Artificial Neurons',
  venue: 'arXiv preprint',
  arxiv: '2111.04020',
};

export const SQU: PointwiseEntry = {
  name: 'SQU',
  aliases: ['squ', 'shifted_quadratic_unit'],
  kind: 'pointwise',
  source: 'literature',
  summary: 'Shifted quadratic unit x² + x: a parabola with zeros at −1 and 0, its minimum −1/4 at −1/2.',
  params: [],
  formula: { f: 'x² + x', df: '2x + 1' },
  equivalents: { torch: 'x*x + x', jax: 'x*x + x', keras: 'x*x + x' },
  usage:
    'One of the non-monotonic units of Noel et al. (2021), inspired by pyramidal neurons whose output first rises and then falls: with two zeros a single unit can separate XOR. Unbounded and growing quadratically, it needs care with initialisation and normalisation.',
  citation: OSCILLATING_PAPER,
  frameworks: {},
  kinks: noKinks,
  kernel: () => squKernel,
};

export const NCU: PointwiseEntry = {
  name: 'NCU',
  aliases: ['ncu', 'non_monotonic_cubic_unit'],
  kind: 'pointwise',
  source: 'literature',
  summary: 'Non-monotonic cubic unit x − x³: zeros at −1, 0 and 1, rising between ±1/√3 and falling outside.',
  params: [],
  formula: { f: 'x − x³', df: '1 − 3x²' },
  equivalents: { torch: 'x - x**3', jax: 'x - x**3', keras: 'x - x**3' },
  usage:
    'From the same family as SQU: an odd polynomial with three zeros, so one unit has several decision boundaries. It grows like −x³ for large |x|, so inputs must be kept near [−1, 1].',
  citation: OSCILLATING_PAPER,
  frameworks: {},
  kinks: noKinks,
  kernel: () => ncuKernel,
};

export const literatureSmoothEntries: readonly CatalogEntry[] = [
  Gaussian,
  ArcTan,
  BentIdentity,
  ISRU,
  ISRLU,
  SoftExponential,
  LeCunTanh,
  PenalizedTanh,
  LiSHT,
  TanhExp,
  Serf,
  Smish,
  Logish,
  ELiSH,
  ESwish,
  SQU,
  NCU,
];
export { ELISH_PAPER };
