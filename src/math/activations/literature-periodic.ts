/**
 * Periodic activations from the literature: Snake, Sine (SIREN), GCU, Sinc. Smooth: no kinks.
 * Their arguments are reduced modulo π/2 in double-double arithmetic (numerics/trig.ts), exact
 * for |a·x| up to ~8e5. At ±∞ only Snake (→ ±∞) and Sinc (→ 0) have a limit; the others give NaN,
 * as Math.sin does.
 */
import { noKinks, numberParam } from '../define.js';
import { gcuKernel, sincKernel, sineKernel, snakeKernel } from '../numerics/periodic.js';
import { num } from '../param-read.js';
import type { CatalogEntry, PointwiseEntry } from '../types.js';

export const Snake: PointwiseEntry = {
  name: 'Snake',
  aliases: ['snake'],
  kind: 'pointwise',
  source: 'literature',
  summary: 'x + sin²(a·x)/a: the identity plus a periodic ripple, monotonic, for learning periodic signals.',
  params: [numberParam('a', 1, 'frequency of the ripple (> 0); its height is 1/a', { min: 0, minInclusive: false })],
  formula: { f: 'x + sin²(a·x)/a', df: '1 + sin(2a·x)' },
  equivalents: {
    torch: 'x + torch.sin(a*x)**2 / a',
    jax: 'x + jnp.sin(a*x)**2 / a',
    notes: [
      'Ziyin et al. (2020) make a trainable per channel (initialised at 1, or sampled); BigVGAN and other vocoders use a log-parametrised variant. f′ = 1 + sin(2ax) touches 0 at ax = −π/4 + kπ, where we compute it as 2·sin²(ax + π/4) to keep its relative accuracy.',
    ],
  },
  usage:
    'For networks that must extrapolate periodic structure (time series with seasons, audio waveforms): ReLU and tanh networks extrapolate linearly or flatly, while Snake keeps oscillating outside the training range. Being monotonic, it trains like a ReLU-family activation rather than like a sine network.',
  citation: {
    key: 'ziyin2020snake',
    authors: ['Ziyin, Liu', 'Hartwig, Tilman', 'Ueda, Masahito'],
    year: 2020,
    title: 'Neural Networks Fail to Learn Periodic Functions and How to Fix It',
    venue: 'Advances in Neural Information Processing Systems (NeurIPS)',
    arxiv: '2006.08195',
  },
  frameworks: {},
  kinks: noKinks,
  kernel: (p) => snakeKernel(num(p, 'a')),
};

export const Sine: PointwiseEntry = {
  name: 'Sine',
  aliases: ['sine', 'siren'],
  kind: 'pointwise',
  source: 'literature',
  summary: 'sin(w0·x), the activation of SIREN networks (which use w0 = 30 on inputs in [−1, 1]).',
  params: [numberParam('w0', 1, 'frequency factor (any finite number; SIREN uses 30)')],
  formula: { f: 'sin(w0·x)', df: 'w0·cos(w0·x)' },
  equivalents: {
    torch: 'torch.sin(w0*x)',
    jax: 'jnp.sin(w0*x)',
    keras: 'keras.ops.sin(w0*x)',
    notes: [
      'Sitzmann et al. (2020) use sin(w0·(Wx + b)) with w0 = 30 and a matching weight initialisation (uniform in ±√(6/n)/w0 after the first layer); without that initialisation the function alone does not train well. Our default is w0 = 1, sin x itself: with w0 = 30, the default plot range (−6…6 in steps of 0.1) would sample each period only twice. Use "Sine(w0=30)" with --range -1,1 --samples 2000 for the SIREN form.',
      'We reduce w0·x modulo π/2 with its rounding error carried along: correct to the last bit where torch.sin(w0*x) loses the digits of that rounding near every root.',
    ],
  },
  usage:
    'For implicit neural representations: a network mapping coordinates to signal values (images, audio, signed distance fields) whose derivatives must be well behaved too, since the derivative of a sine network is again a sine network. Not a general-purpose hidden activation.',
  citation: {
    key: 'sitzmann2020siren',
    authors: [
      'Sitzmann, Vincent',
      'Martel, Julien N. P.',
      'Bergman, Alexander W.',
      'Lindell, David B.',
      'Wetzstein, Gordon',
    ],
    year: 2020,
    title: 'Implicit Neural Representations with Periodic Activation Functions',
    venue: 'Advances in Neural Information Processing Systems (NeurIPS)',
    arxiv: '2006.09661',
  },
  frameworks: {},
  kinks: noKinks,
  kernel: (p) => sineKernel(num(p, 'w0')),
};

export const GCU: PointwiseEntry = {
  name: 'GCU',
  aliases: ['gcu', 'growing_cosine_unit'],
  kind: 'pointwise',
  source: 'literature',
  summary: 'Growing cosine unit x·cos x: an oscillation whose amplitude grows with |x|.',
  params: [],
  formula: { f: 'x·cos x', df: 'cos x − x·sin x' },
  equivalents: { torch: 'x * torch.cos(x)', jax: 'x * jnp.cos(x)', keras: 'x * keras.ops.cos(x)' },
  usage:
    'Proposed for convolutional networks, where a single GCU neuron can separate classes (XOR) that need two monotonic ones. Its many zeros make the loss surface rugged; it is an experiment more than a default.',
  citation: {
    key: 'noel2021gcu',
    authors: ['Noel, Mathew Mithra', 'L, Arunkumar', 'Trivedi, Advait', 'Dutta, Praneet'],
    year: 2021,
    title:
      'Growing Cosine Unit: A Novel Oscillatory Activation Function That Can Speedup Training and Reduce Parameters in Convolutional Neural Networks',
    venue: 'arXiv preprint',
    arxiv: '2108.12943',
  },
  frameworks: {},
  kinks: noKinks,
  kernel: () => gcuKernel,
};

export const Sinc: PointwiseEntry = {
  name: 'Sinc',
  aliases: ['sinc'],
  kind: 'pointwise',
  source: 'literature',
  summary: 'sin(x)/x with the value 1 at 0 (unnormalized sinc): an even, decaying oscillation.',
  params: [],
  formula: { f: 'sin(x)/x  (1 at x = 0)', df: '(x·cos x − sin x)/x²  (0 at x = 0)' },
  equivalents: {
    torch: 's = torch.where(x == 0, torch.ones_like(x), x); torch.where(x == 0, 1 - x*x/6, torch.sin(s)/s)',
    jax: 'jnp.sinc(x / jnp.pi)',
    notes: [
      'torch.sinc and jnp.sinc are the normalized sin(πx)/(πx); torch.sinc(x / math.pi) is this function, but dividing x by π first costs an ulp of relative error in the argument, which becomes large relative error near the zeros at kπ, and its second derivative at 0 is NaN in torch 1.13. The torch expression above avoids both (the guarded division keeps NaN out of the gradients at 0). Below |x| = 1 we use the Taylor series of f, f′ and f″.',
    ],
  },
  usage:
    'Appears in surveys of activation functions and in signal-processing networks (SincNet uses sinc-shaped filters, not activations). As a hidden activation it is rarely used: it is even, so it discards the sign of its input.',
  frameworks: {},
  kinks: noKinks,
  kernel: () => sincKernel,
};

export const literaturePeriodicEntries: readonly CatalogEntry[] = [Snake, Sine, GCU, Sinc];
