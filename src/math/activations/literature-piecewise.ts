/**
 * Piecewise and gated activations from the literature: SQNL, HardELiSH, StarReLU, SReLU, and the
 * scalar forms of ACON-C, ReGLU and GeGLU (gate and value affine in the one input, as SwiGLU in
 * gated.ts). Corner conventions follow torch's autograd of the torch expression given for each.
 */
import { corner, noKinks, numberParam } from '../define.js';
import {
  aconCKernel,
  gegluKernel,
  hardElishKernel,
  peluKernel,
  regluKernel,
  sqnlKernel,
  sreluKernel,
  starReluKernel,
} from '../numerics/literature-piecewise.js';
import { num } from '../param-read.js';
import type { CatalogEntry, Citation, Kink, Params, PointwiseEntry } from '../types.js';
import { GATE_AND_VALUE } from './gated.js';
import { ELISH_PAPER } from './literature-smooth.js';

const SHAZEER: Citation = {
  key: 'shazeer2020glu',
  authors: ['Shazeer, Noam'],
  year: 2020,
  title: 'GLU Variants Improve Transformer',
  venue: 'arXiv preprint',
  arxiv: '2002.05202',
};

export const SQNL: PointwiseEntry = {
  name: 'SQNL',
  aliases: ['sqnl', 'square_nonlinearity'],
  kind: 'pointwise',
  source: 'literature',
  summary: 'Square nonlinearity: a tanh-like sigmoid onto [−1, 1] made of two parabolas, flat beyond ±2.',
  params: [],
  formula: { f: '1 (x > 2), x − x²/4 (0 ≤ x ≤ 2), x + x²/4 (−2 ≤ x < 0), −1 (x < −2)', df: '1 − |x|/2 (|x| ≤ 2), 0' },
  equivalents: {
    torch: 'y = torch.clamp(x, -2, 2); y - y*y.abs()/4',
    notes: [
      'C¹ everywhere: f′ = 0 on both sides of ±2. f″ jumps at −2, 0 and 2; there we return what the double backward of the torch expression gives: the value of the inner piece at ±2, and 0 (the mean) at 0.',
    ],
  },
  usage:
    'A tanh substitute for hardware without fast exponentials (FPGAs, microcontrollers): one multiplication and a comparison, with a continuous slope, unlike Hardtanh.',
  citation: {
    key: 'wuraola2018sqnl',
    authors: ['Wuraola, Adedamola', 'Patel, Nitish'],
    year: 2018,
    title: 'SQNL: A New Computationally Efficient Activation Function',
    venue: 'International Joint Conference on Neural Networks (IJCNN)',
    doi: '10.1109/IJCNN.2018.8489043',
  },
  frameworks: {},
  kinks: noKinks,
  kernel: () => sqnlKernel,
};

export const HardELiSH: PointwiseEntry = {
  name: 'HardELiSH',
  aliases: ['hard_elish', 'hardelish'],
  kind: 'pointwise',
  source: 'literature',
  summary: 'ELiSH with a hard sigmoid: x·clamp((x + 1)/2, 0, 1) for x ≥ 0, (eˣ − 1)·clamp((x + 1)/2, 0, 1) below.',
  params: [],
  formula: {
    f: '0 (x ≤ −1), (eˣ − 1)(x + 1)/2 (−1 < x < 0), x(x + 1)/2 (0 ≤ x < 1), x (x ≥ 1)',
    df: '0, (eˣ(x + 2) − 1)/2, x + 1/2, 1 on the same pieces',
  },
  equivalents: {
    torch: 'torch.where(x >= 0, x, torch.expm1(x)) * torch.clamp((x + 1)/2, 0, 1)',
    notes: [
      "Corners at −1 (slopes 0 and (e⁻¹ − 1)/2) and 1 (slopes 3/2 and 1); f′ there is the inner piece's, as torch.clamp passes the gradient at its bounds (and as torch.nn.Hardswish′(±3)). C¹ at 0, where f″ jumps.",
    ],
  },
  usage:
    'The cheaper sibling of ELiSH from the same search: the sigmoid replaced by a clamped line, so the positive side is exactly linear beyond 1 and the negative side exactly 0 below −1.',
  citation: ELISH_PAPER,
  frameworks: {},
  kinks: () => [corner(-1, 0, Math.expm1(-1) / 2, Math.expm1(-1) / 2), corner(1, 1.5, 1, 1.5)],
  kernel: () => hardElishKernel,
};

export const StarReLU: PointwiseEntry = {
  name: 'StarReLU',
  aliases: ['star_relu', 'starrelu'],
  kind: 'pointwise',
  source: 'literature',
  summary: 's·relu(x)² + b: squared ReLU rescaled to zero mean and unit variance for normal inputs.',
  params: [
    numberParam('s', 0.8944, 'scale (any finite number; 0.8944 ≈ 1/√1.25 in the paper)'),
    numberParam('b', -0.4472, 'bias (any finite number; −0.4472 ≈ −0.5·s in the paper)'),
  ],
  formula: { f: 's·relu(x)² + b', df: '2s·x (x > 0), 0 (x ≤ 0)' },
  equivalents: {
    torch: 's * torch.relu(x)**2 + b',
    notes: [
      'Yu et al. (2022) derive s = 1/√Var(relu(x)²) and b = −E(relu(x)²)·s for x ~ N(0, 1), giving 0.8944 and −0.4472; the official MetaFormer and timm code make s and b learnable scalars initialised at 1 and 0. C¹ at 0, where f″ jumps from 0 to 2s.',
    ],
  },
  usage:
    'The activation of the MetaFormer baselines (ConvFormer, CAFormer): squared ReLU is cheaper than GELU in the MLP block, and the scale and bias remove the distribution shift it would otherwise cause.',
  citation: {
    key: 'yu2022metaformer',
    authors: [
      'Yu, Weihao',
      'Si, Chenyang',
      'Zhou, Pan',
      'Luo, Mi',
      'Zhou, Yichen',
      'Feng, Jiashi',
      'Yan, Shuicheng',
      'Wang, Xinchao',
    ],
    year: 2022,
    title: 'MetaFormer Baselines for Vision',
    venue: 'arXiv preprint',
    arxiv: '2210.13452',
  },
  frameworks: {},
  kinks: noKinks,
  kernel: (p) => starReluKernel(num(p, 's'), num(p, 'b')),
};

export const SReLU: PointwiseEntry = {
  name: 'SReLU',
  aliases: ['srelu', 's_shaped_relu'],
  kind: 'pointwise',
  source: 'literature',
  summary: 'S-shaped ReLU: three lines, slope al below tl, 1 between tl and tr, ar above tr.',
  params: [
    numberParam('tl', 0, 'left threshold (any finite number, ≤ tr)'),
    numberParam('al', 0.2, 'slope below tl (any finite number)'),
    numberParam('tr', 2, 'right threshold (any finite number, ≥ tl)'),
    numberParam('ar', 0.5, 'slope above tr (any finite number)'),
  ],
  formula: {
    f: 'tr + ar·(x − tr) (x ≥ tr), x (tl < x < tr), tl + al·(x − tl) (x ≤ tl)',
    df: 'ar (x ≥ tr), 1 (tl < x < tr), al (x ≤ tl)',
  },
  equivalents: {
    torch: 'torch.where(x >= tr, tr + ar*(x - tr), torch.where(x <= tl, tl + al*(x - tl), x))',
    notes: [
      'Jin et al. (2016) learn all four parameters per channel; the defaults here are ours, to show the S shape (keras-contrib initialises tl = 0, al ~ U(0, 1), tr ~ U(0, 5), ar = 1). f′ at a threshold is the outer slope, as the torch expression gives.',
    ],
  },
  usage:
    'Learns both a convex and a concave region, so one unit can imitate Weber–Fechner-like compression of large inputs as well as a leaky ReLU; the thresholds and slopes are trained with the weights.',
  citation: {
    key: 'jin2016srelu',
    authors: ['Jin, Xiaojie', 'Xu, Chunyan', 'Feng, Jiashi', 'Wei, Yunchao', 'Xiong, Junjun', 'Yan, Shuicheng'],
    year: 2016,
    title: 'Deep Learning with S-shaped Rectified Linear Activation Units',
    venue: 'AAAI Conference on Artificial Intelligence',
    arxiv: '1512.07030',
    doi: '10.1609/aaai.v30i1.10287',
  },
  frameworks: {},
  kinks: (p) => {
    const tl = num(p, 'tl');
    const tr = num(p, 'tr');
    const al = num(p, 'al');
    const ar = num(p, 'ar');
    const out: Kink[] = [];
    if (tl === tr) {
      if (al !== ar) out.push(corner(tl, al, ar, ar));
      return out;
    }
    if (al !== 1) out.push(corner(tl, al, 1, al));
    if (ar !== 1) out.push(corner(tr, 1, ar, ar));
    return out;
  },
  validate: (p) =>
    num(p, 'tl') > num(p, 'tr') ? `tl (${num(p, 'tl')}) must not exceed tr (${num(p, 'tr')})` : undefined,
  kernel: (p) => sreluKernel(num(p, 'tl'), num(p, 'al'), num(p, 'tr'), num(p, 'ar')),
};

export const ACONC: PointwiseEntry = {
  name: 'ACON-C',
  aliases: ['acon_c', 'aconc', 'acon'],
  kind: 'pointwise',
  source: 'literature',
  summary: '(p1 − p2)·x·σ(β(p1 − p2)x) + p2·x: a smooth maximum of p1·x and p2·x; SiLU at the defaults.',
  params: [
    numberParam('p1', 1, 'slope for large positive β(p1 − p2)x (any finite number)'),
    numberParam('p2', 0, 'slope for large negative β(p1 − p2)x (any finite number)'),
    numberParam('beta', 1, 'switching sharpness (any finite number); beta → ∞ gives max(p1·x, p2·x)'),
  ],
  formula: {
    f: '(p1 − p2)·x·σ(beta·(p1 − p2)·x) + p2·x',
    df: '(p1 − p2)·σ(v)·(1 + v·(1 − σ(v))) + p2,  v = beta·(p1 − p2)·x',
  },
  equivalents: {
    torch: 'd = p1 - p2; d*x*torch.sigmoid(beta*d*x) + p2*x',
    notes: [
      'Ma et al. (2021) learn p1 and p2 per channel (initialised randomly in the official code) and beta either per channel or from a small network (Meta-ACON). p1 = 1, p2 = 0 gives Swish(beta); p1 = 1, p2 = 0.01 a smooth LeakyReLU. We carry p1 − p2 exactly.',
    ],
  },
  usage:
    'Lets each channel learn whether to activate: beta near 0 makes the unit linear, large beta makes it a (leaky) ReLU-like maximum. Used in ShuffleNet and ResNet experiments in the paper.',
  citation: {
    key: 'ma2021acon',
    authors: ['Ma, Ningning', 'Zhang, Xiangyu', 'Liu, Ming', 'Sun, Jian'],
    year: 2021,
    title: 'Activate or Not: Learning Customized Activation',
    venue: 'IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)',
    arxiv: '2009.04759',
  },
  frameworks: {},
  kinks: noKinks,
  kernel: (p) => aconCKernel(num(p, 'p1'), num(p, 'p2'), num(p, 'beta')),
};

/** ReGLU's corner where the gate w·x + b crosses 0 (none where the value vanishes there too). */
function regluKinks(p: Params): readonly Kink[] {
  const w = num(p, 'w');
  if (w === 0) return [];
  const x0 = -num(p, 'b') / w;
  const jumpSlope = w * (num(p, 'v') * x0 + num(p, 'c'));
  if (jumpSlope === 0) return [];
  return [w > 0 ? corner(x0, 0, jumpSlope, 0) : corner(x0, jumpSlope, 0, 0)];
}

export const ReGLU: PointwiseEntry = {
  name: 'ReGLU',
  aliases: ['reglu'],
  kind: 'pointwise',
  source: 'literature',
  summary: 'GLU with a ReLU gate in one input: relu(w·x + b)·(v·x + c); the defaults give relu(x)·x.',
  params: GATE_AND_VALUE,
  formula: { f: 'relu(w·x + b)·(v·x + c)', df: 'w·(v·x + c) + v·(w·x + b) where w·x + b > 0, else 0' },
  equivalents: {
    torch: 'torch.relu(w*x + b) * (v*x + c)',
    jax: 'jax.nn.relu(w*x + b) * (v*x + c)',
    notes: [
      "In a transformer (Shazeer 2020) ReGLU is relu(x·W)·(x·V) with two weight matrices; as with SwiGLU here, both are scalars with offsets. f′ at the gate's zero is 0, following relu′(0) = 0; at the defaults the corner is only in f″ (x·relu(x) is C¹).",
    ],
  },
  usage:
    "One of the GLU variants for the feed-forward block of transformers: in Shazeer's comparison ReGLU and GeGLU beat ReLU and GELU feed-forward layers at the same cost. In one input it is a half-parabola.",
  citation: SHAZEER,
  frameworks: {},
  kinks: regluKinks,
  kernel: (p) => regluKernel(num(p, 'w'), num(p, 'b'), num(p, 'v'), num(p, 'c')),
};

export const GeGLU: PointwiseEntry = {
  name: 'GeGLU',
  aliases: ['geglu'],
  kind: 'pointwise',
  source: 'literature',
  summary: 'GLU with a GELU gate in one input: GELU(w·x + b)·(v·x + c); the defaults give x·GELU(x).',
  params: GATE_AND_VALUE,
  formula: { f: 'GELU(w·x + b)·(v·x + c)', df: 'w·GELU′(w·x + b)·(v·x + c) + v·GELU(w·x + b)' },
  equivalents: {
    torch: 'F.gelu(w*x + b) * (v*x + c)',
    jax: 'jax.nn.gelu(w*x + b, approximate=False) * (v*x + c)',
    notes: [
      'GELU here is the exact (erf) form, as torch.nn.functional.gelu by default; jax.nn.gelu defaults to the tanh approximation. In a transformer (Shazeer 2020; T5 v1.1, Gemma) both factors are matrices times x.',
      'Without offsets (b = c = 0, as in bias-free transformer MLPs) f′ keeps its relative accuracy through its root (w·x ≈ −1.1906, a Taylor series there). With offsets the root moves with the parameters: near it f′ is accurate to about 2^−56 of the size of its two terms, which is not the 4-ulp relative standard.',
    ],
  },
  usage:
    "The feed-forward activation of T5 v1.1 and Gemma: in Shazeer's comparison it and SwiGLU gave the best perplexity. In one input it grows like x² on the right and vanishes quickly on the left.",
  citation: SHAZEER,
  frameworks: {},
  kinks: noKinks,
  kernel: (p) => gegluKernel(num(p, 'w'), num(p, 'b'), num(p, 'v'), num(p, 'c')),
};

export const PELU: PointwiseEntry = {
  name: 'PELU',
  aliases: ['pelu', 'parametric_elu'],
  kind: 'pointwise',
  source: 'literature',
  summary: 'Parametric ELU: (a/b)·x for x > 0, a·(e^(x/b) − 1) below; a = b = 1 is ELU.',
  params: [
    numberParam('a', 1, 'saturation: f → −a as x → −∞ (> 0)', { min: 0, minInclusive: false }),
    numberParam('b', 1, 'scale of the exponential decay (> 0)', { min: 0, minInclusive: false }),
  ],
  formula: { f: '(a/b)·x (x > 0), a·(e^(x/b) − 1) (x ≤ 0)', df: 'a/b (x > 0), (a/b)·e^(x/b) (x ≤ 0)' },
  equivalents: {
    torch: 'torch.where(x > 0, (a/b)*x, a*torch.expm1(x/b))',
    notes: [
      'Trottier et al. (2017) learn a and b per layer (kept positive); the defaults a = b = 1 give ELU. The slopes of the two pieces agree at 0 (a/b), so there is no kink; f″ jumps there from a/b² to 0. We carry a/b and x/b exactly.',
    ],
  },
  usage:
    'An ELU whose negative saturation (a) and positive slope (a/b) are learned, so each layer can choose between ReLU-like and ELU-like behaviour; reported to help deep convolutional networks on CIFAR and ImageNet at almost no parameter cost.',
  citation: {
    key: 'trottier2017pelu',
    authors: ['Trottier, Ludovic', 'Giguère, Philippe', 'Chaib-draa, Brahim'],
    year: 2017,
    title: 'Parametric Exponential Linear Unit for Deep Convolutional Neural Networks',
    venue: 'IEEE International Conference on Machine Learning and Applications (ICMLA)',
    arxiv: '1605.09332',
  },
  frameworks: {},
  kinks: noKinks,
  kernel: (p) => peluKernel(num(p, 'a'), num(p, 'b')),
};

export const literaturePiecewiseEntries: readonly CatalogEntry[] = [
  SQNL,
  HardELiSH,
  StarReLU,
  SReLU,
  ACONC,
  ReGLU,
  GeGLU,
  PELU,
];
