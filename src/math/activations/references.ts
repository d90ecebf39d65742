/**
 * Where each of the original catalog entries comes from and what the frameworks call it, kept
 * apart from the entries' definitions so that those stay about the function. catalog.ts attaches
 * these to the entries by canonical name; entries defined later carry their own.
 *
 * Citations: authors, title, venue and arXiv id as published; a DOI only where it was checked.
 * Framework names: the public call in torch, jax, keras (3), tf (tf.nn / tf.keras), transformers
 * (ACT2FN keys) and timm (get_act_layer names), absent where the framework has no such function.
 */
import type { Citation, FrameworkNames } from '../types.js';

export interface References {
  readonly citation?: Citation;
  readonly frameworks: FrameworkNames;
}

const arxiv = (
  key: string,
  authors: string[],
  year: number,
  title: string,
  id: string,
  venue = 'arXiv preprint',
): Citation => ({ key, authors, year, title, venue, arxiv: id });

const HENDRYCKS_GELU = arxiv(
  'hendrycks2016gelu',
  ['Hendrycks, Dan', 'Gimpel, Kevin'],
  2016,
  'Gaussian Error Linear Units (GELUs)',
  '1606.08415',
);
const MOBILENET_V3 = arxiv(
  'howard2019mobilenetv3',
  [
    'Howard, Andrew',
    'Sandler, Mark',
    'Chu, Grace',
    'Chen, Liang-Chieh',
    'Chen, Bo',
    'Tan, Mingxing',
    'Wang, Weijun',
    'Zhu, Yukun',
    'Pang, Ruoming',
    'Vasudevan, Vijay',
    'Le, Quoc V.',
    'Adam, Hartwig',
  ],
  2019,
  'Searching for MobileNetV3',
  '1905.02244',
  'IEEE/CVF International Conference on Computer Vision (ICCV)',
);
const BRIDLE_SOFTMAX: Citation = {
  key: 'bridle1990softmax',
  authors: ['Bridle, John S.'],
  year: 1990,
  title:
    'Probabilistic Interpretation of Feedforward Classification Network Outputs, with Relationships to Statistical Pattern Recognition',
  venue: 'Neurocomputing: Algorithms, Architectures and Applications (NATO ASI Series F, vol. 68), Springer',
  doi: '10.1007/978-3-642-76153-9_28',
};
const FENCHEL_YOUNG = arxiv(
  'blondel2020fenchel',
  ['Blondel, Mathieu', 'Martins, André F. T.', 'Niculae, Vlad'],
  2020,
  'Learning with Fenchel-Young Losses',
  '1901.02324',
  'Journal of Machine Learning Research',
);
const DONOHO_SOFT: Citation = {
  key: 'donoho1995denoising',
  authors: ['Donoho, David L.'],
  year: 1995,
  title: 'De-Noising by Soft-Thresholding',
  venue: 'IEEE Transactions on Information Theory',
};

export const REFERENCES: Readonly<Record<string, References>> = {
  Identity: {
    frameworks: {
      torch: 'torch.nn.Identity',
      keras: 'keras.activations.linear',
      tf: 'tf.identity',
      transformers: 'ACT2FN["linear"]',
      timm: 'identity',
    },
  },
  Sigmoid: {
    frameworks: {
      torch: 'torch.nn.Sigmoid',
      jax: 'jax.nn.sigmoid',
      keras: 'keras.activations.sigmoid',
      tf: 'tf.nn.sigmoid',
      transformers: 'ACT2FN["sigmoid"]',
      timm: 'sigmoid',
    },
  },
  Tanh: {
    frameworks: {
      torch: 'torch.nn.Tanh',
      jax: 'jax.nn.tanh',
      keras: 'keras.activations.tanh',
      tf: 'tf.nn.tanh',
      transformers: 'ACT2FN["tanh"]',
      timm: 'tanh',
    },
  },
  ReLU: {
    citation: {
      key: 'nair2010relu',
      authors: ['Nair, Vinod', 'Hinton, Geoffrey E.'],
      year: 2010,
      title: 'Rectified Linear Units Improve Restricted Boltzmann Machines',
      venue: 'International Conference on Machine Learning (ICML)',
    },
    frameworks: {
      torch: 'torch.nn.ReLU',
      jax: 'jax.nn.relu',
      keras: 'keras.activations.relu',
      tf: 'tf.nn.relu',
      transformers: 'ACT2FN["relu"]',
      timm: 'relu',
    },
  },
  LeakyReLU: {
    citation: {
      key: 'maas2013rectifier',
      authors: ['Maas, Andrew L.', 'Hannun, Awni Y.', 'Ng, Andrew Y.'],
      year: 2013,
      title: 'Rectifier Nonlinearities Improve Neural Network Acoustic Models',
      venue: 'ICML Workshop on Deep Learning for Audio, Speech and Language Processing',
    },
    frameworks: {
      torch: 'torch.nn.LeakyReLU',
      jax: 'jax.nn.leaky_relu',
      keras: 'keras.activations.leaky_relu',
      tf: 'tf.nn.leaky_relu',
      transformers: 'ACT2FN["leaky_relu"]',
      timm: 'leaky_relu',
    },
  },
  PReLU: {
    citation: arxiv(
      'he2015prelu',
      ['He, Kaiming', 'Zhang, Xiangyu', 'Ren, Shaoqing', 'Sun, Jian'],
      2015,
      'Delving Deep into Rectifiers: Surpassing Human-Level Performance on ImageNet Classification',
      '1502.01852',
      'IEEE International Conference on Computer Vision (ICCV)',
    ),
    frameworks: {
      torch: 'torch.nn.PReLU',
      jax: 'flax.linen.PReLU',
      keras: 'keras.layers.PReLU',
      tf: 'tf.keras.layers.PReLU',
      transformers: 'ACT2FN["prelu"]',
      timm: 'prelu',
    },
  },
  RReLU: {
    citation: arxiv(
      'xu2015rrelu',
      ['Xu, Bing', 'Wang, Naiyan', 'Chen, Tianqi', 'Li, Mu'],
      2015,
      'Empirical Evaluation of Rectified Activations in Convolutional Network',
      '1505.00853',
    ),
    frameworks: { torch: 'torch.nn.RReLU' },
  },
  ELU: {
    citation: arxiv(
      'clevert2016elu',
      ['Clevert, Djork-Arné', 'Unterthiner, Thomas', 'Hochreiter, Sepp'],
      2016,
      'Fast and Accurate Deep Network Learning by Exponential Linear Units (ELUs)',
      '1511.07289',
      'International Conference on Learning Representations (ICLR)',
    ),
    frameworks: {
      torch: 'torch.nn.ELU',
      jax: 'jax.nn.elu',
      keras: 'keras.activations.elu',
      tf: 'tf.nn.elu',
      timm: 'elu',
    },
  },
  SELU: {
    citation: arxiv(
      'klambauer2017selu',
      ['Klambauer, Günter', 'Unterthiner, Thomas', 'Mayr, Andreas', 'Hochreiter, Sepp'],
      2017,
      'Self-Normalizing Neural Networks',
      '1706.02515',
      'Advances in Neural Information Processing Systems (NeurIPS)',
    ),
    frameworks: {
      torch: 'torch.nn.SELU',
      jax: 'jax.nn.selu',
      keras: 'keras.activations.selu',
      tf: 'tf.nn.selu',
      timm: 'selu',
    },
  },
  CELU: {
    citation: arxiv(
      'barron2017celu',
      ['Barron, Jonathan T.'],
      2017,
      'Continuously Differentiable Exponential Linear Units',
      '1704.07483',
    ),
    frameworks: { torch: 'torch.nn.CELU', jax: 'jax.nn.celu', keras: 'keras.activations.celu', timm: 'celu' },
  },
  GELU: {
    citation: HENDRYCKS_GELU,
    frameworks: {
      torch: 'torch.nn.GELU',
      jax: 'jax.nn.gelu(x, approximate=False)',
      keras: 'keras.activations.gelu',
      tf: 'tf.nn.gelu',
      transformers: 'ACT2FN["gelu"], ACT2FN["gelu_python"]',
      timm: 'gelu',
    },
  },
  ReLU6: {
    citation: {
      key: 'krizhevsky2010cifar',
      authors: ['Krizhevsky, Alex'],
      year: 2010,
      title: 'Convolutional Deep Belief Networks on CIFAR-10',
      venue: 'Unpublished manuscript, University of Toronto',
    },
    frameworks: {
      torch: 'torch.nn.ReLU6',
      jax: 'jax.nn.relu6',
      keras: 'keras.activations.relu6',
      tf: 'tf.nn.relu6',
      transformers: 'ACT2FN["relu6"]',
      timm: 'relu6',
    },
  },
  Swish: {
    citation: arxiv(
      'ramachandran2017swish',
      ['Ramachandran, Prajit', 'Zoph, Barret', 'Le, Quoc V.'],
      2017,
      'Searching for Activation Functions',
      '1710.05941',
    ),
    frameworks: { tf: 'tf.nn.silu(x, beta)' },
  },
  SiLU: {
    citation: arxiv(
      'elfwing2018silu',
      ['Elfwing, Stefan', 'Uchibe, Eiji', 'Doya, Kenji'],
      2018,
      'Sigmoid-Weighted Linear Units for Neural Network Function Approximation in Reinforcement Learning',
      '1702.03118',
      'Neural Networks',
    ),
    frameworks: {
      torch: 'torch.nn.SiLU',
      jax: 'jax.nn.silu',
      keras: 'keras.activations.silu',
      tf: 'tf.nn.silu',
      transformers: 'ACT2FN["silu"], ACT2FN["swish"]',
      timm: 'silu, swish',
    },
  },
  Hardswish: {
    citation: MOBILENET_V3,
    frameworks: {
      torch: 'torch.nn.Hardswish',
      jax: 'jax.nn.hard_swish',
      keras: 'keras.activations.hard_swish',
      transformers: 'ACT2FN["hardswish"]',
      timm: 'hard_swish, hardswish',
    },
  },
  Hardsigmoid: {
    citation: MOBILENET_V3,
    frameworks: {
      torch: 'torch.nn.Hardsigmoid',
      jax: 'jax.nn.hard_sigmoid',
      keras: 'keras.activations.hard_sigmoid',
      timm: 'hard_sigmoid, hardsigmoid',
    },
  },
  Softplus: {
    citation: {
      key: 'dugas2001softplus',
      authors: ['Dugas, Charles', 'Bengio, Yoshua', 'Bélisle, François', 'Nadeau, Claude', 'Garcia, René'],
      year: 2001,
      title: 'Incorporating Second-Order Functional Knowledge for Better Option Pricing',
      venue: 'Advances in Neural Information Processing Systems 13 (NIPS 2000)',
    },
    frameworks: {
      torch: 'torch.nn.Softplus',
      jax: 'jax.nn.softplus',
      keras: 'keras.activations.softplus',
      tf: 'tf.nn.softplus',
    },
  },
  Mish: {
    citation: arxiv(
      'misra2019mish',
      ['Misra, Diganta'],
      2019,
      'Mish: A Self Regularized Non-Monotonic Activation Function',
      '1908.08681',
    ),
    frameworks: {
      torch: 'torch.nn.Mish',
      jax: 'jax.nn.mish',
      keras: 'keras.activations.mish',
      transformers: 'ACT2FN["mish"]',
      timm: 'mish',
    },
  },
  Softmax: {
    citation: BRIDLE_SOFTMAX,
    frameworks: {
      torch: 'torch.nn.Softmax',
      jax: 'jax.nn.softmax',
      keras: 'keras.activations.softmax',
      tf: 'tf.nn.softmax',
    },
  },
  Maxout: {
    citation: arxiv(
      'goodfellow2013maxout',
      ['Goodfellow, Ian J.', 'Warde-Farley, David', 'Mirza, Mehdi', 'Courville, Aaron', 'Bengio, Yoshua'],
      2013,
      'Maxout Networks',
      '1302.4389',
      'International Conference on Machine Learning (ICML)',
    ),
    frameworks: {},
  },
  Dice: {
    citation: arxiv(
      'zhou2018din',
      [
        'Zhou, Guorui',
        'Zhu, Xiaoqiang',
        'Song, Chenru',
        'Fan, Ying',
        'Zhu, Han',
        'Ma, Xiao',
        'Yan, Yanghui',
        'Jin, Junqi',
        'Li, Han',
        'Gai, Kun',
      ],
      2018,
      'Deep Interest Network for Click-Through Rate Prediction',
      '1706.06978',
      'ACM SIGKDD International Conference on Knowledge Discovery & Data Mining (KDD)',
    ),
    frameworks: {},
  },
  SwiGLU: {
    citation: arxiv('shazeer2020glu', ['Shazeer, Noam'], 2020, 'GLU Variants Improve Transformer', '2002.05202'),
    frameworks: {},
  },
  Hardtanh: {
    frameworks: { torch: 'torch.nn.Hardtanh', jax: 'jax.nn.hard_tanh', keras: 'keras.activations.hard_tanh' },
  },
  LogSigmoid: {
    frameworks: {
      torch: 'torch.nn.LogSigmoid',
      jax: 'jax.nn.log_sigmoid',
      keras: 'keras.activations.log_sigmoid',
      tf: 'tf.math.log_sigmoid',
    },
  },
  Softsign: {
    citation: {
      key: 'bergstra2009quadratic',
      authors: ['Bergstra, James', 'Desjardins, Guillaume', 'Lamblin, Pascal', 'Bengio, Yoshua'],
      year: 2009,
      title: 'Quadratic Polynomials Learn Better Image Features',
      venue: 'Technical Report 1337, DIRO, Université de Montréal',
    },
    frameworks: {
      torch: 'torch.nn.Softsign',
      jax: 'jax.nn.soft_sign',
      keras: 'keras.activations.softsign',
      tf: 'tf.nn.softsign',
    },
  },
  Softshrink: {
    citation: DONOHO_SOFT,
    frameworks: { torch: 'torch.nn.Softshrink', keras: 'keras.activations.soft_shrink' },
  },
  Hardshrink: {
    frameworks: { torch: 'torch.nn.Hardshrink', keras: 'keras.activations.hard_shrink' },
  },
  Tanhshrink: {
    frameworks: { torch: 'torch.nn.Tanhshrink', keras: 'keras.activations.tanh_shrink' },
  },
  Threshold: {
    frameworks: { torch: 'torch.nn.Threshold', keras: 'keras.activations.threshold' },
  },
  GLU: {
    citation: arxiv(
      'dauphin2017glu',
      ['Dauphin, Yann N.', 'Fan, Angela', 'Auli, Michael', 'Grangier, David'],
      2017,
      'Language Modeling with Gated Convolutional Networks',
      '1612.08083',
      'International Conference on Machine Learning (ICML)',
    ),
    frameworks: { torch: 'torch.nn.GLU', jax: 'jax.nn.glu', keras: 'keras.activations.glu' },
  },
  LogSoftmax: {
    frameworks: {
      torch: 'torch.nn.LogSoftmax',
      jax: 'jax.nn.log_softmax',
      keras: 'keras.activations.log_softmax',
      tf: 'tf.nn.log_softmax',
    },
  },
  Softmin: {
    frameworks: { torch: 'torch.nn.Softmin' },
  },
  Squareplus: {
    citation: arxiv(
      'barron2021squareplus',
      ['Barron, Jonathan T.'],
      2021,
      'Squareplus: A Softplus-Like Algebraic Rectifier',
      '2112.11687',
    ),
    frameworks: { jax: 'jax.nn.squareplus', keras: 'keras.activations.squareplus' },
  },
  SparsePlus: {
    citation: FENCHEL_YOUNG,
    frameworks: { jax: 'jax.nn.sparse_plus', keras: 'keras.activations.sparse_plus' },
  },
  SparseSigmoid: {
    citation: FENCHEL_YOUNG,
    frameworks: { jax: 'jax.nn.sparse_sigmoid', keras: 'keras.activations.sparse_sigmoid' },
  },
  Exponential: {
    frameworks: { torch: 'torch.exp', jax: 'jax.numpy.exp', keras: 'keras.activations.exponential', tf: 'tf.math.exp' },
  },
  Sparsemax: {
    citation: arxiv(
      'martins2016sparsemax',
      ['Martins, André F. T.', 'Astudillo, Ramón Fernandez'],
      2016,
      'From Softmax to Sparsemax: A Sparse Model of Attention and Multi-Label Classification',
      '1602.02068',
      'International Conference on Machine Learning (ICML)',
    ),
    frameworks: { keras: 'keras.activations.sparsemax' },
  },
};
