/** The shapes shared by the catalog, the spec parser and everything that reads them. */

export type ParamValue = number | string;
/** Every parameter of a function, defaults filled in. */
export type Params = Readonly<Record<string, ParamValue>>;

export interface NumberParamDef {
  readonly name: string;
  readonly kind: 'number';
  readonly default: number;
  /** Valid range; a bound that is absent is unbounded. */
  readonly min?: number;
  readonly max?: number;
  /** Whether min / max themselves are allowed (default: true). */
  readonly minInclusive?: boolean;
  readonly maxInclusive?: boolean;
  readonly integer?: boolean;
  readonly description: string;
}

export interface ChoiceParamDef {
  readonly name: string;
  readonly kind: 'choice';
  readonly default: string;
  readonly choices: readonly string[];
  readonly description: string;
}

export type ParamDef = NumberParamDef | ChoiceParamDef;

/**
 * A point where f′ is undefined (a corner) or f itself jumps. `dy` is the value the catalog returns
 * there — PyTorch's backward-pass convention — and left/right are the one-sided derivatives.
 */
export interface Kink {
  readonly x: number;
  readonly dy: number;
  readonly left: number;
  readonly right: number;
  /** f is discontinuous at x (Hardshrink, Threshold): plots must not join the two sides. */
  readonly jump: boolean;
}

/** f and its derivatives for one parameter set; closures so that constants are computed once. */
export interface PointwiseKernel {
  readonly f: (x: number) => number;
  readonly df: (x: number) => number;
  /** Second derivative, for smooth functions (second-order grad checks). */
  readonly d2?: (x: number) => number;
}

/** Functions of the whole sampled vector (Softmax and kin), acting along dim 0 as torch does. */
export interface VectorKernel {
  /** y = f(x); dy = the diagonal of the Jacobian, ∂yᵢ/∂xᵢ. */
  apply(x: Float64Array, y: Float64Array, dy: Float64Array): void;
  /** The full Jacobian, row i = ∂yᵢ/∂x. */
  jacobian(x: Float64Array): Float64Array[];
}

/**
 * `torch.nn.init.calculate_gain` for a function torch knows: the call, and the value it returns
 * (its recommended weight scale; two of its values are heuristics, not derived).
 */
export interface TorchGain {
  /** e.g. `calculate_gain('leaky_relu', 0.2)`. */
  call(p: Params): string;
  value(p: Params): number;
}

export interface Equivalents {
  /** PyTorch expression (float64) that computes the same function, e.g. `torch.nn.GELU(approximate='tanh')`. */
  readonly torch: string;
  readonly jax?: string;
  readonly keras?: string;
  /** Where the libraries differ from each other or from us (defaults, conventions). */
  readonly notes?: readonly string[];
  /** `torch.nn.init.calculate_gain`, where torch defines a gain for this function. */
  readonly torchGain?: TorchGain;
}

/**
 * Where an entry comes from: the source articles, the rest of torch.nn, JAX / Keras, the other
 * frameworks people train with (transformers' ACT2FN, timm, tf.nn), or the literature alone.
 */
export type EntrySource = 'article' | 'torch' | 'jax-keras' | 'frameworks' | 'literature';

/** The publication that introduced an activation (or, for a framework's own variant, defines it). */
export interface Citation {
  /** BibTeX key, e.g. `hendrycks2016gelu`: lower-case first author, year, a word of the title. */
  readonly key: string;
  /** "Family, Given" per author, in the paper's order. */
  readonly authors: readonly string[];
  readonly year: number;
  readonly title: string;
  /** Journal, conference or `arXiv preprint`. */
  readonly venue: string;
  /** arXiv identifier without prefix, e.g. `1606.08415`. */
  readonly arxiv?: string;
  readonly doi?: string;
}

/** Frameworks whose names a catalog listing can filter on. */
export const FRAMEWORKS = ['torch', 'jax', 'keras', 'tf', 'transformers', 'timm'] as const;
export type Framework = (typeof FRAMEWORKS)[number];
/** The name (call) each framework gives this function, e.g. `{ torch: 'torch.nn.GELU', transformers: 'ACT2FN["gelu"]' }`; absent where it has none. */
export type FrameworkNames = Readonly<Partial<Record<Framework, string>>>;

interface EntryCommon {
  /** Canonical torch-style name, e.g. `LeakyReLU`. */
  readonly name: string;
  /** Other accepted names (snake_case, JAX and Keras names); lookup ignores case, `_` and `-`. */
  readonly aliases: readonly string[];
  /** One line: what it is. */
  readonly summary: string;
  readonly params: readonly ParamDef[];
  /** Unicode formula text for f and f′, with parameter names as written in `params`. */
  readonly formula: { readonly f: string; readonly df: string };
  readonly equivalents: Equivalents;
  /** A few sentences on when to use it, in our own words. */
  readonly usage: string;
  readonly source: EntrySource;
  /** The paper it comes from, where there is one. */
  readonly citation?: Citation;
  /** Where it exists, by framework. */
  readonly frameworks?: FrameworkNames;
  /** Corners and jumps for a parameter set (empty for smooth functions). */
  kinks(p: Params): readonly Kink[];
  /**
   * Checks that involve several parameters at once (RReLU lower ≤ upper); each parameter's own
   * range is checked when binding. Returns a message naming the parameters, or undefined if valid.
   */
  validate?(p: Params): string | undefined;
}

export interface PointwiseEntry extends EntryCommon {
  readonly kind: 'pointwise';
  kernel(p: Params): PointwiseKernel;
}

export interface VectorEntry extends EntryCommon {
  readonly kind: 'vector';
  kernel(p: Params): VectorKernel;
}

export type CatalogEntry = PointwiseEntry | VectorEntry;

/** Values and first derivatives over a set of points. */
export interface Evaluation {
  readonly y: Float64Array;
  readonly dy: Float64Array;
}

/**
 * One function ready to evaluate: a catalog entry with its parameters bound, or a compiled
 * expression (expr/expression.ts). Everything downstream (tables, charts, grad-check) works on this.
 */
export interface ActivationFn {
  /** The spec as the user wrote it. */
  readonly spec: string;
  /** Canonical name (or the user's name for an expression). */
  readonly name: string;
  /** Name plus the parameters that differ from their defaults, for legends and tables. */
  readonly label: string;
  /** Every parameter, defaults included. */
  readonly params: Params;
  /** The catalog entry, when the spec names one. */
  readonly entry?: CatalogEntry;
  /** For an expression in x: its text, without a `NAME=` prefix (e.g. for a chart's formula). */
  readonly expression?: string;
  readonly kinks: readonly Kink[];
  /** Present for pointwise functions; vector functions (Softmax) have none. */
  readonly pointwise?: PointwiseKernel;
  /** Present for vector functions. */
  readonly vector?: VectorKernel;
  evaluate(x: ArrayLike<number>): Evaluation;
}

/** One `key=value` of a spec, as split by spec.ts (the shape binding reads). */
export interface SpecArg {
  readonly key: string;
  /** The value as written; numbers are parsed against the parameter's definition. */
  readonly value: string;
}

export interface ParsedSpec {
  readonly name: string;
  readonly args: readonly SpecArg[];
}
