/**
 * Activations that frameworks ship beyond torch.nn, jax.nn and keras.activations' classics:
 * transformers' ACT2FN variants (gelu_new, gelu_fast, quick_gelu, gelu_10, laplace, relu2,
 * sqrtsoftplus, xielu), timm's hard_mish and Keras 3's three-parameter relu. Where one is the
 * same function as an existing entry under another name (ACT2FN["linear"], ["swish"], ...), it is
 * an alias there instead; GELU's tanh and sigmoid forms get entries of their own here so that
 * transformers' and timm's names resolve to them.
 */
import { corner, jump, noKinks, numberParam } from '../define.js';
import { clippedGelu } from '../numerics/clipped-gelu.js';
import { geluTanhFormKernel } from '../numerics/gelu-tanh-form.js';
import {
  geluDerivative,
  geluSigmoid,
  geluSigmoidDerivative,
  geluSigmoidSecondDerivative,
  geluTanh,
  geluTanhDerivative,
  geluTanhSecondDerivative,
} from '../numerics/gelu.js';
import { laplaceKernel } from '../numerics/laplace.js';
import { sqrtSoftplus, sqrtSoftplusDerivative, sqrtSoftplusSecondDerivative } from '../numerics/sqrt-softplus.js';
import { xieluKernel, xieluSlopeAtEps, xieluSlopeLeftOfEps } from '../numerics/xielu.js';
import { num } from '../param-read.js';
import type { Citation, CatalogEntry, Kink, PointwiseEntry, PointwiseKernel } from '../types.js';
import { zeroUnlessNaN } from './relu.js';

const HENDRYCKS_GELU: Citation = {
  key: 'hendrycks2016gelu',
  authors: ['Hendrycks, Dan', 'Gimpel, Kevin'],
  year: 2016,
  title: 'Gaussian Error Linear Units (GELUs)',
  venue: 'arXiv preprint',
  arxiv: '1606.08415',
};

const GELU_TANH: PointwiseKernel = { f: geluTanh, df: geluTanhDerivative, d2: geluTanhSecondDerivative };

export const GELUTanh: PointwiseEntry = {
  name: 'GELUTanh',
  aliases: ['gelu_tanh', 'gelu_new', 'gelu_pytorch_tanh', 'gelu_python_tanh', 'gelu_accurate', 'approximate_gelu'],
  kind: 'pointwise',
  source: 'frameworks',
  summary: "GELU's tanh approximation ½x(1 + tanh(√(2/π)(x + 0.044715x³))), as BERT and GPT-2 compute it.",
  params: [],
  formula: {
    f: '(x/2)·(1 + tanh(√(2/π)·(x + 0.044715·x³)))',
    df: '½(1 + tanh u) + ½x·sech²(u)·√(2/π)·(1 + 0.134145·x²),  u = √(2/π)·(x + 0.044715·x³)',
  },
  equivalents: {
    torch: "torch.nn.GELU(approximate='tanh')",
    jax: 'jax.nn.gelu(x, approximate=True) (the default)',
    keras: 'keras.activations.gelu(x, approximate=True)',
    notes: [
      "The same function as GELU(approximate=tanh). transformers has it five times: gelu_new (OpenAI GPT's code), gelu_pytorch_tanh (torch's C++ kernel), gelu_python_tanh, gelu_accurate (the constant √(2/π) precomputed) all compute this formula, differing only in float rounding.",
      "Hendrycks & Gimpel (2016) give the approximation with the constant 0.044715; transformers' gelu_fast writes √(2/π) as 0.7978845608, which makes it a slightly different function (see FastGELU).",
    ],
  },
  usage:
    "Use it to reproduce a model trained with the tanh form (GPT-2, BERT's original TensorFlow code, and checkpoints whose configuration names gelu_new or gelu_pytorch_tanh). It stays within about 5e−4 of the exact GELU; loading such weights with the exact form shifts every activation by up to that much.",
  citation: HENDRYCKS_GELU,
  frameworks: {
    torch: "torch.nn.GELU(approximate='tanh')",
    jax: 'jax.nn.gelu',
    keras: 'keras.activations.gelu(x, approximate=True)',
    tf: 'tf.nn.gelu(x, approximate=True)',
    transformers: 'ACT2FN["gelu_new"], ["gelu_pytorch_tanh"], ["gelu_python_tanh"], ["gelu_accurate"]',
    timm: 'gelu_tanh',
  },
  kinks: noKinks,
  kernel: () => GELU_TANH,
};

const QUICK: PointwiseKernel = { f: geluSigmoid, df: geluSigmoidDerivative, d2: geluSigmoidSecondDerivative };

export const QuickGELU: PointwiseEntry = {
  name: 'QuickGELU',
  aliases: ['quick_gelu', 'quickgelu', 'gelu_sigmoid'],
  kind: 'pointwise',
  source: 'frameworks',
  summary: "GELU's sigmoid approximation x·σ(1.702x), as CLIP uses it.",
  params: [],
  formula: { f: 'x·σ(1.702·x)', df: 'σ(1.702x)·(1 + 1.702x·(1 − σ(1.702x)))' },
  equivalents: {
    torch: 'x * torch.sigmoid(1.702 * x)',
    jax: 'x * jax.nn.sigmoid(1.702 * x)',
    keras: 'x * keras.activations.sigmoid(1.702 * x)',
    notes: [
      'The same function as GELU(approximate=sigmoid) and as Swish(beta=1.702). Hendrycks & Gimpel (2016) propose x·σ(1.702x) as the cheaper of their two approximations.',
      'Differs from the exact GELU by up to about 0.02 (near |x| ≈ 2), forty times more than the tanh form.',
    ],
  },
  usage:
    "Needed to reproduce OpenAI's CLIP and models fine-tuned from it (their checkpoints set hidden_act to quick_gelu); substituting the exact GELU there changes outputs noticeably. Elsewhere it is just a Swish with a fixed sharpness.",
  citation: HENDRYCKS_GELU,
  frameworks: { transformers: 'ACT2FN["quick_gelu"]', timm: 'quick_gelu' },
  kinks: noKinks,
  kernel: () => QUICK,
};

/** transformers' gelu_fast: A = 2·0.7978845608, B = 0.044715·A, as double-doubles (mpmath). */
const FAST = geluTanhFormKernel(1.5957691216, -6.224436219781637e-17, 0.071354816272344, 3.958017549848591e-18);

export const FastGELU: PointwiseEntry = {
  name: 'FastGELU',
  aliases: ['gelu_fast', 'fast_gelu'],
  kind: 'pointwise',
  source: 'frameworks',
  summary: "transformers' gelu_fast: the tanh form with √(2/π) truncated to 0.7978845608.",
  params: [],
  formula: {
    f: '(x/2)·(1 + tanh(0.7978845608·x·(1 + 0.044715·x²)))',
    df: '½(1 + tanh u) + ½x·sech²(u)·0.7978845608·(1 + 0.134145·x²),  u = 0.7978845608·x·(1 + 0.044715·x²)',
  },
  equivalents: {
    torch: '0.5 * x * (1.0 + torch.tanh(x * 0.7978845608 * (1.0 + 0.044715 * x * x)))',
    notes: [
      "transformers' FastGELUActivation. The decimal 0.7978845608 is √(2/π) = 0.79788456080286… cut after ten digits, so gelu_fast and gelu_new (GELUTanh) differ by a relative 3.6e−12 in the tanh's argument: about 1e−12 in f near |x| ≈ 1, invisible in float32 but thousands of ulps in float64.",
      'The x·(1 + 0.044715·x²) grouping is the same polynomial as x + 0.044715·x³.',
    ],
  },
  usage:
    'Only for reproducing models that name gelu_fast in their configuration; numerically it is the tanh form of GELU. Whether the truncated constant matters depends on the precision: not in float32 or bfloat16 training, only in float64 comparisons.',
  citation: HENDRYCKS_GELU,
  frameworks: { transformers: 'ACT2FN["gelu_fast"]' },
  kinks: noKinks,
  kernel: () => FAST,
};

export const ClippedGELU: PointwiseEntry = {
  name: 'ClippedGELU',
  aliases: ['gelu_10', 'clipped_gelu', 'gelu10'],
  kind: 'pointwise',
  source: 'frameworks',
  summary: "GELU with its output clipped to [min, max]; transformers' gelu_10 is min = −10, max = 10.",
  params: [
    numberParam('min', -10, "lower clip of the output (< 0; levels below −0.16997, GELU's minimum, never bind)", {
      max: 0,
      maxInclusive: false,
    }),
    numberParam('max', 10, 'upper clip of the output (≥ 0)', { min: 0 }),
  ],
  formula: {
    f: 'min(max(x·Φ(x), min), max)',
    df: 'Φ(x) + x·φ(x) where min ≤ x·Φ(x) ≤ max, else 0',
  },
  equivalents: {
    torch: 'torch.clip(F.gelu(x), min, max)',
    notes: [
      "transformers' ClippedGELUActivation(min, max) accepts any min ≤ max; here min < 0 ≤ max. transformers cites Wu et al. (2020) for clipping activations before integer quantization.",
      'With the defaults only the upper clip binds: GELU(x) reaches 10 at x = 10 + 7.7e−23, so the corner is at the double 10, where torch.clip still passes the gradient (f′(10) = 1) and beyond which f′ = 0.',
      "A min between −0.16997 and 0 flattens GELU's dip between the two x where GELU = min.",
    ],
  },
  usage:
    'Bounding GELU keeps activations inside a fixed range for int8 quantization of BERT-like models, at the cost of a zero gradient above max. Choose max from the activation statistics of the layer; gelu_10 is a safe default for BERT-sized models.',
  citation: {
    key: 'wu2020integer',
    authors: ['Wu, Hao', 'Judd, Patrick', 'Zhang, Xiaojie', 'Isaev, Mikhail', 'Micikevicius, Paulius'],
    year: 2020,
    title: 'Integer Quantization for Deep Learning Inference: Principles and Empirical Evaluation',
    venue: 'arXiv preprint',
    arxiv: '2004.09602',
  },
  frameworks: { transformers: 'ACT2FN["gelu_10"]' },
  kinks: (p) => {
    const c = clippedGelu(num(p, 'min'), num(p, 'max'));
    const out: Kink[] = [];
    if (c.lower) {
      const [a, b] = c.lower;
      out.push(corner(a, geluDerivative(a), 0, geluDerivative(a)), corner(b, 0, geluDerivative(b), geluDerivative(b)));
    }
    out.push(corner(c.upper, geluDerivative(c.upper), 0, geluDerivative(c.upper)));
    return out;
  },
  kernel: (p) => clippedGelu(num(p, 'min'), num(p, 'max')).kernel,
};

export const Laplace: PointwiseEntry = {
  name: 'Laplace',
  aliases: ['laplace'],
  kind: 'pointwise',
  source: 'frameworks',
  summary:
    'A normal CDF with mean mu and spread sigma, ½(1 + erf((x − mu)/(sigma·√2))): a bounded, smooth ReLU² stand-in.',
  params: [
    numberParam('mu', 0.707107, "where f = ½ (any finite number); MEGA's 0.707107 ≈ 1/√2", {}),
    numberParam('sigma', 0.282095, "spread (> 0); MEGA's 0.282095 ≈ 1/(2√π)", { min: 0, minInclusive: false }),
  ],
  formula: {
    f: '½·(1 + erf((x − mu)/(sigma·√2))) = Φ((x − mu)/sigma)',
    df: 'φ((x − mu)/sigma)/sigma,  φ(z) = e^(−z²/2)/√(2π)',
  },
  equivalents: {
    torch: '0.5 * (1.0 + torch.erf((x - mu) / (sigma * math.sqrt(2.0))))',
    jax: 'jax.scipy.stats.norm.cdf(x, mu, sigma)',
    notes: [
      "transformers' LaplaceActivation, from MEGA (Ma et al. 2022), proposed there as a bounded stand-in for the squared ReLU in attention. The constants 0.707107 and 0.282095 are 1/√2 and 1/(2√π) rounded to six digits.",
      "Despite its name it is the Gaussian CDF, not the Laplace distribution's. transformers computes 1 + erf(·), which cancels for x < μ − 2σ: with the defaults its value has no correct digit below x ≈ −1.7 (where f < 1e−16); we use erfc in that tail.",
    ],
  },
  usage:
    'An attention nonlinearity for models in the MEGA family: bounded in (0, 1) like a sigmoid but with a Gaussian tail, and shaped like a squared ReLU between its flat ends. As a hidden-layer activation it saturates quickly and is rarely used.',
  citation: {
    key: 'ma2023mega',
    authors: [
      'Ma, Xuezhe',
      'Zhou, Chunting',
      'Kong, Xiang',
      'He, Junxian',
      'Gui, Liangke',
      'Neubig, Graham',
      'May, Jonathan',
      'Zettlemoyer, Luke',
    ],
    year: 2023,
    title: 'Mega: Moving Average Equipped Gated Attention',
    venue: 'International Conference on Learning Representations (ICLR)',
    arxiv: '2209.10655',
  },
  frameworks: { transformers: 'ACT2FN["laplace"]' },
  kinks: noKinks,
  kernel: (p) => laplaceKernel(num(p, 'mu'), num(p, 'sigma')),
};

export const ReLUSquared: PointwiseEntry = {
  name: 'ReLUSquared',
  aliases: ['relu2', 'relu_squared', 'squared_relu', 'relusquared'],
  kind: 'pointwise',
  source: 'frameworks',
  summary: 'Squared ReLU max(x, 0)², the feed-forward activation found by the Primer architecture search.',
  params: [],
  formula: { f: 'max(x, 0)²', df: '2·max(x, 0)' },
  equivalents: {
    torch: 'torch.square(F.relu(x))',
    jax: 'jnp.square(jax.nn.relu(x))',
    keras: 'ops.square(keras.activations.relu(x))',
    notes: [
      "f′ is continuous (0 at x = 0 from both sides); f″ jumps from 0 to 2 there and is 0 at x = 0 itself, as torch's double backward gives.",
    ],
  },
  usage:
    "So et al. (2021) found squaring the ReLU one of the two changes that made Primer train faster than the Transformer; it is used in some efficient language models (and in xIELU's positive half). The output grows quadratically, so watch the scale of pre-activations.",
  citation: {
    key: 'so2021primer',
    authors: ['So, David R.', 'Mańke, Wojciech', 'Liu, Hanxiao', 'Dai, Zihang', 'Shazeer, Noam', 'Le, Quoc V.'],
    year: 2021,
    title: 'Primer: Searching for Efficient Transformers for Language Modeling',
    venue: 'Advances in Neural Information Processing Systems (NeurIPS)',
    arxiv: '2109.08668',
  },
  frameworks: { transformers: 'ACT2FN["relu2"]' },
  kinks: noKinks,
  kernel: () => ({
    f: (x) => (x > 0 ? x * x : x === x ? 0 : NaN),
    df: (x) => (x > 0 ? 2 * x : x === x ? 0 : NaN),
    d2: (x) => (x > 0 ? 2 : x === x ? 0 : NaN),
  }),
};

const SQRT_SOFTPLUS: PointwiseKernel = {
  f: sqrtSoftplus,
  df: sqrtSoftplusDerivative,
  d2: sqrtSoftplusSecondDerivative,
};

export const SqrtSoftplus: PointwiseEntry = {
  name: 'SqrtSoftplus',
  aliases: ['sqrtsoftplus', 'sqrt_softplus'],
  kind: 'pointwise',
  source: 'frameworks',
  summary: 'The square root of Softplus, √log(1 + eˣ): like √x for large x, like e^(x/2) for very negative x.',
  params: [],
  formula: { f: '√log(1 + eˣ)', df: 'σ(x)/(2·√log(1 + eˣ))' },
  equivalents: {
    torch: 'torch.sqrt(F.softplus(x, beta=1.0, threshold=math.inf))',
    notes: [
      "transformers' SqrtSoftplusActivation computes F.softplus(x).sqrt() with torch's default threshold 20, so above x = 20 it returns √x, a relative 1e−9 below √log(1 + eˣ) and with a tiny jump at 20; we give the formula without the threshold (compose Softplus(threshold=20) by hand to match torch bit for bit).",
    ],
  },
  usage:
    'transformers added it for DeepSeek-V4. It is positive everywhere and grows only like √x, so large inputs are compressed while small ones keep a softplus-like gradient; as a hidden activation it is a softened, compressive ReLU.',
  frameworks: { transformers: 'ACT2FN["sqrtsoftplus"]' },
  kinks: noKinks,
  kernel: () => SQRT_SOFTPLUS,
};

export const xIELU: PointwiseEntry = {
  name: 'xIELU',
  aliases: ['xielu'],
  kind: 'pointwise',
  source: 'frameworks',
  summary: 'Expanded integral of ELU: alpha_p·x² + beta·x for x > 0, alpha_n·(eˣ − 1 − x) + beta·x below.',
  params: [
    numberParam(
      'alpha_p',
      0.8,
      'curvature of the positive half (≥ 0; trainable, softplus-parametrized in transformers)',
      { min: 0 },
    ),
    numberParam('alpha_n', 0.8, 'scale of the negative half (≥ 0; trainable, beta + softplus(·) in transformers)', {
      min: 0,
    }),
    numberParam('beta', 0.5, 'slope at 0 (≥ 0; fixed in the paper)', { min: 0 }),
    numberParam('eps', -1e-6, 'the negative side uses expm1(min(x, eps)) (−1 ≤ eps < 0)', {
      min: -1,
      max: 0,
      maxInclusive: false,
    }),
  ],
  formula: {
    f: 'alpha_p·x² + beta·x (x > 0);  alpha_n·(expm1(min(x, eps)) − x) + beta·x (x ≤ 0)',
    df: '2·alpha_p·x + beta (x > 0);  alpha_n·expm1(x) + beta (x < eps);  beta − alpha_n (eps < x ≤ 0)',
  },
  equivalents: {
    torch:
      'torch.where(x > 0, alpha_p * x * x + beta * x, (torch.expm1(torch.minimum(x, torch.tensor(eps, dtype=x.dtype))) - x) * alpha_n + beta * x)',
    notes: [
      "Huang & Schlag (2024) and transformers' XIELUActivation (used by the Apertus models). alpha_p and alpha_n are trainable: transformers stores alpha_p as softplus(a) and alpha_n as beta + softplus(b), initialised to alpha_p = alpha_n = 0.8 (so softplus(b) starts at 0.3), with beta = 0.5 and eps = −1e−6 fixed. Here the parameters are the effective values alpha_p, alpha_n.",
      'The eps clamp, for numerical stability in low precision, makes f linear on [eps, 0] with a corner at eps (torch.minimum splits the gradient of the tie, so f′(eps) is the mean of the sides) and a jump of alpha_n·expm1(eps) ≈ −8e−7 at 0; f′(0) = beta − alpha_n, the left side, as torch.where takes the second branch at 0.',
      'With alpha_n > beta the negative half turns upward (f → +∞ as x → −∞, slope beta − alpha_n): negative inputs get negative gradients, by design.',
    ],
  },
  usage:
    'A trainable activation for language-model feed-forward blocks: a squared-ReLU-like positive half and an ELU-derived negative half whose gradient can go negative. Its authors report lower perplexity than ReLU² and SwiGLU at equal compute; inspect trained alpha values to see how much nonlinearity each layer kept.',
  citation: {
    key: 'huang2024xielu',
    authors: ['Huang, Allen Hao', 'Schlag, Imanol'],
    year: 2024,
    title: 'Deriving Activation Functions Using Integration',
    venue: 'arXiv preprint',
    arxiv: '2411.13010',
  },
  frameworks: { transformers: 'ACT2FN["xielu"]' },
  kinks: (p) => {
    const an = num(p, 'alpha_n');
    const b = num(p, 'beta');
    const eps = num(p, 'eps');
    return [
      corner(eps, xieluSlopeLeftOfEps(an, b, eps), b - an, xieluSlopeAtEps(an, b, eps)),
      jump(0, b - an, b, b - an),
    ];
  },
  kernel: (p) => xieluKernel(num(p, 'alpha_p'), num(p, 'alpha_n'), num(p, 'beta'), num(p, 'eps')),
};

export const HardMish: PointwiseEntry = {
  name: 'HardMish',
  aliases: ['hard_mish', 'hardmish', 'h_mish'],
  kind: 'pointwise',
  source: 'frameworks',
  summary: "timm's hard Mish ½·x·clamp(x + 2, 0, 2): 0 below −2, a parabola up to 0, x above.",
  params: [],
  formula: { f: '½·x·min(max(x + 2, 0), 2)', df: '0 (x < −2);  x + 1 (−2 ≤ x < 0);  1 (x ≥ 0)' },
  equivalents: {
    torch: '0.5 * x * (x + 2).clamp(min=0, max=2)',
    notes: [
      "timm's hard_mish / HardMish, after notes by Mish's author (the H-Mish README); no paper defines it.",
      "torch.clamp passes the gradient at its bounds, so f′(−2) = −1 (the parabola's slope) and f′(0) = 1; f is continuous with a corner at −2 and a continuous f′ at 0.",
    ],
  },
  usage:
    "A piecewise-quadratic Mish for mobile networks, in the spirit of Hardswish: no exponentials, a small dip to −0.5 at x = −1, exactly linear above 0. Available by name in timm's activation factory.",
  frameworks: { timm: 'hard_mish' },
  kinks: () => [corner(-2, 0, -1, -1)],
  kernel: () => ({
    f: (x) => (x <= -2 ? -0 : x >= 0 ? x : 0.5 * x * (x + 2)),
    df: (x) => (x < -2 ? 0 : x < 0 ? x + 1 : x === x ? 1 : NaN),
    d2: (x) => (x > -2 && x < 0 ? 1 : x === x ? 0 : NaN),
  }),
};

/** Keras 3's relu(x, negative_slope, max_value, threshold) on the torch backend, branch for branch. */
function kerasReluKernel(s: number, max: number, theta: number): PointwiseKernel {
  const leaky = s !== 0 && max === Infinity && theta === 0;
  const relu6 = theta === 0 && max === 6;
  return {
    f: (x) => {
      if (x !== x) return NaN;
      const neg = x < theta ? s * (x - theta) : 0;
      if (x === -Infinity) return s > 0 ? -Infinity : s < 0 ? Infinity : 0;
      return (x > theta ? Math.min(x, max) : 0) + neg;
    },
    df: (x) => {
      if (x !== x) return NaN;
      if (leaky) return x > 0 ? 1 : s;
      if (relu6) return x > 0 && x < 6 ? 1 : x < 0 ? s : 0;
      // mask (x > theta) through clip (inclusive at max), plus slope·[x < theta]
      return (x > theta && x <= max ? 1 : 0) + (x < theta ? s : 0);
    },
    d2: zeroUnlessNaN,
  };
}

export const KerasReLU: PointwiseEntry = {
  name: 'KerasReLU',
  aliases: ['keras_relu', 'relu_keras'],
  kind: 'pointwise',
  source: 'frameworks',
  summary: 'Keras 3 relu(x, negative_slope, max_value, threshold): a ReLU with a leak below threshold and a ceiling.',
  params: [
    numberParam('negative_slope', 0, 'slope below threshold (any finite number)'),
    numberParam('max_value', Infinity, 'the output ceiling (> threshold; Infinity, the default, means none)', {
      min: 0,
      max: Infinity,
    }),
    numberParam('threshold', 0, 'inputs at or below it give 0 (plus the leak) (≥ 0)', { min: 0 }),
  ],
  formula: {
    f: 'min(x, max_value) if x > threshold, else negative_slope·(x − threshold)',
    df: '1 if threshold < x ≤ max_value;  negative_slope if x < threshold;  0 above max_value',
  },
  equivalents: {
    torch:
      'F.leaky_relu(x, negative_slope) if negative_slope != 0 and max_value == math.inf and threshold == 0 else (lambda y: y if max_value == math.inf or (threshold == 0 and max_value == 6) else torch.clip(y, 0.0, max_value))(x * (x > threshold).to(x.dtype) if threshold != 0 else (F.relu6(x) if max_value == 6 else F.relu(x))) - negative_slope * F.relu(threshold - x)',
    keras: 'keras.activations.relu(x, negative_slope, max_value, threshold)',
    notes: [
      "Keras's ReLU.static_call: leaky_relu when only negative_slope is set; otherwise x·[x > threshold] (or relu, or relu6 when max_value == 6 and threshold == 0), clipped to [0, max_value], minus negative_slope·relu(threshold − x). Its corner conventions are those of the backend ops (torch here): clip passes the gradient at max_value (f′ = 1 there) but relu6 does not (f′(6) = 0), and f′(threshold) = 0.",
      'A threshold > 0 makes f jump from 0 to threshold there (a thresholded ReLU). Keras also accepts a negative threshold, where x·[x > threshold] keeps negative values unless max_value clips them; we allow threshold ≥ 0 only.',
      'Keras 2 and tf.keras call negative_slope alpha.',
    ],
  },
  usage:
    'One function covering ReLU, LeakyReLU, ReLU6 and thresholded ReLU, as Keras layers and configs spell them. Use it to check what a Keras model with relu(max_value=…, threshold=…) actually computes, including its gradients at the corners.',
  frameworks: {
    keras: 'keras.activations.relu(x, negative_slope, max_value, threshold)',
    tf: 'tf.keras.activations.relu',
  },
  validate: (p) => (num(p, 'max_value') > num(p, 'threshold') ? undefined : 'max_value must be greater than threshold'),
  kinks: (p) => {
    const s = num(p, 'negative_slope');
    const max = num(p, 'max_value');
    const theta = num(p, 'threshold');
    const k = kerasReluKernel(s, max, theta);
    const out: Kink[] = [];
    if (theta > 0) out.push(jump(theta, s, 1, k.df(theta)));
    else if (s !== 1) out.push(corner(0, s, 1, k.df(0)));
    if (max < Infinity) out.push(corner(max, 1, 0, k.df(max)));
    return out;
  },
  kernel: (p) => kerasReluKernel(num(p, 'negative_slope'), num(p, 'max_value'), num(p, 'threshold')),
};

export const frameworkEntries: readonly CatalogEntry[] = [
  GELUTanh,
  QuickGELU,
  FastGELU,
  ClippedGELU,
  Laplace,
  ReLUSquared,
  SqrtSoftplus,
  xIELU,
  HardMish,
  KerasReLU,
];
