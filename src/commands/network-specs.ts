/** Specs for the network commands (stats, propagate, edge-of-chaos): pointwise functions only. */
import { UsageError } from '../errors.js';
import { catalog } from '../math/catalog.js';
import { instantiate, resolveSpec } from '../math/resolve.js';
import { expandSweeps } from '../math/spec.js';
import { bindParams } from '../math/params.js';
import type { ActivationFn } from '../math/types.js';
import type { CliIO, OutputStream } from './io.js';

/** Resolves specs (sweeps expanded); a vector function is a one-line usage error. */
export function resolvePointwise(specs: readonly string[]): ActivationFn[] {
  const fns = specs.flatMap(expandSweeps).map(resolveSpec);
  for (const fn of fns) {
    if (!fn.pointwise) {
      throw new UsageError(
        `${fn.label} acts on a whole vector, not unit by unit; moments and signal propagation are for pointwise functions`,
      );
    }
  }
  return fns;
}

/** Every pointwise catalog entry at its defaults (with a note on stderr naming the vector ones left out). */
export function allPointwise(io: CliIO): ActivationFn[] {
  const vector = catalog.filter((e) => e.kind === 'vector').map((e) => e.name);
  if (vector.length) io.stderr.write(`actfn: note: ${vector.join(', ')} act on whole vectors and are left out\n`);
  return catalog.filter((e) => e.kind === 'pointwise').map((e) => instantiate(e, bindParams(e, [])));
}

/** Specs, or --all, not both and not neither. */
export function functionsOf(io: CliIO, specs: readonly string[], all: boolean | undefined): ActivationFn[] {
  if (all && specs.length) throw new UsageError('give function names or --all, not both');
  if (all) return allPointwise(io);
  if (!specs.length)
    throw new UsageError('missing function: give one or more names or expressions (e.g. ReLU Tanh), or --all');
  return resolvePointwise(specs);
}

/**
 * Runs network math with the command's inputs: a RangeError there (a value the options could not
 * rule out, e.g. an infinite gain for f ≡ 0) is a usage error, its message already one line.
 */
export function asUsage<T>(compute: () => T): T {
  try {
    return compute();
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(err.message);
    throw err;
  }
}

/** Width to fit a table to: the terminal's, when it reports one (a pty of unknown size says 0). */
export function tableWidth(stream: OutputStream): number | undefined {
  return stream.isTTY && stream.columns && stream.columns >= 20 ? stream.columns : undefined;
}
