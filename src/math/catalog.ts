/**
 * The registry: every activation, defined once. Commands and renderers read this list; nothing
 * else switches on function names.
 */
import { UsageError } from '../errors.js';
import { withCompleteKernel } from './arguments.js';
import { closestNames, normalizeName } from './names.js';
import type { CatalogEntry } from './types.js';
import { exponentialEntries } from './activations/exponential.js';
import { gatedEntries } from './activations/gated.js';
import { geluEntries } from './activations/gelu.js';
import { hardEntries } from './activations/hard.js';
import { literaturePeriodicEntries } from './activations/literature-periodic.js';
import { literaturePiecewiseEntries } from './activations/literature-piecewise.js';
import { literatureSmoothEntries } from './activations/literature-smooth.js';
import { reluEntries } from './activations/relu.js';
import { sigmoidEntries } from './activations/sigmoid.js';
import { softplusEntries } from './activations/softplus.js';
import { vectorEntries } from './activations/vector.js';
import { REFERENCES } from './activations/references.js';
import { frameworkEntries } from './activations/frameworks.js';

/** Listing order: the source articles' functions first, then the rest of torch.nn, then JAX/Keras. */
const ORDER = [
  'Identity',
  'Sigmoid',
  'Tanh',
  'ReLU',
  'LeakyReLU',
  'PReLU',
  'RReLU',
  'ELU',
  'SELU',
  'CELU',
  'GELU',
  'ReLU6',
  'Swish',
  'SiLU',
  'Hardswish',
  'Hardsigmoid',
  'Softplus',
  'Mish',
  'Softmax',
  'Maxout',
  'Dice',
  'SwiGLU',
  'Hardtanh',
  'LogSigmoid',
  'Softsign',
  'Softshrink',
  'Hardshrink',
  'Tanhshrink',
  'Threshold',
  'GLU',
  'LogSoftmax',
  'Softmin',
  'Squareplus',
  'SparsePlus',
  'SparseSigmoid',
  'Exponential',
  'Sparsemax',
  // transformers' ACT2FN, timm and Keras variants (activations/frameworks.ts)
  'GELUTanh',
  'QuickGELU',
  'FastGELU',
  'ClippedGELU',
  'Laplace',
  'ReLUSquared',
  'SqrtSoftplus',
  'xIELU',
  'HardMish',
  'KerasReLU',
  // the literature (activations/literature-*.ts)
  'Snake',
  'Sine',
  'GCU',
  'Sinc',
  'Gaussian',
  'LiSHT',
  'BentIdentity',
  'ISRU',
  'ISRLU',
  'SQNL',
  'ArcTan',
  'SoftExponential',
  'ELiSH',
  'HardELiSH',
  'Serf',
  'Smish',
  'Logish',
  'TanhExp',
  'StarReLU',
  'SReLU',
  'ACON-C',
  'ReGLU',
  'GeGLU',
  'PenalizedTanh',
  'LeCunTanh',
  'ESwish',
  'PELU',
  'SQU',
  'NCU',
];

/** An entry with its citation and framework names from references.ts, where it has none itself. */
function withReferences(entry: CatalogEntry): CatalogEntry {
  const refs = REFERENCES[entry.name];
  if (!refs || entry.frameworks) return entry;
  return { ...entry, ...(refs.citation ? { citation: refs.citation } : {}), frameworks: refs.frameworks };
}

/**
 * Case-insensitive order of ASCII names, then case: what localeCompare gives for the catalog's
 * names, without the ~10 ms ICU collator that its first call costs every start.
 */
function alphabetical(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function rank(entry: CatalogEntry): number {
  const i = ORDER.indexOf(entry.name);
  return i < 0 ? ORDER.length : i;
}

export const catalog: readonly CatalogEntry[] = Object.freeze(
  [
    ...reluEntries,
    ...sigmoidEntries,
    ...geluEntries,
    ...exponentialEntries,
    ...softplusEntries,
    ...hardEntries,
    ...gatedEntries,
    ...vectorEntries,
    ...frameworkEntries,
    ...literaturePeriodicEntries,
    ...literatureSmoothEntries,
    ...literaturePiecewiseEntries,
  ]
    .map(withReferences)
    .sort((a, b) => rank(a) - rank(b) || alphabetical(a.name, b.name))
    // kernel(params) fills in defaults and checks values: findEntry('GELU').kernel({}) is GELU.
    .map(withCompleteKernel),
);

const byName = new Map<string, CatalogEntry>();
for (const entry of catalog) {
  for (const n of [entry.name, ...entry.aliases]) {
    const key = normalizeName(n);
    const other = byName.get(key);
    if (other && other !== entry) throw new Error(`internal: name '${n}' is used by ${other.name} and ${entry.name}`);
    byName.set(key, entry);
  }
}

/** The entry called `name` (or one of its aliases), ignoring case, `_` and `-`; undefined if none. */
export function findEntry(name: string): CatalogEntry | undefined {
  return byName.get(normalizeName(name));
}

/** Every accepted name, canonical names first. */
export function allNames(): string[] {
  return [...catalog.map((e) => e.name), ...catalog.flatMap((e) => e.aliases)];
}

/** Like findEntry, but an unknown name is a UsageError listing the closest names. */
export function requireEntry(name: string): CatalogEntry {
  const entry = findEntry(name);
  if (entry) return entry;
  const near = closestNames(name, allNames()).map((n) => findEntry(n)!.name);
  const unique = [...new Set(near)];
  const hint = unique.length ? `did you mean ${unique.join(', ')}?` : 'run `actfn list` for every name';
  throw new UsageError(`unknown function '${name}'; ${hint}`);
}
