/**
 * The functions of a comparison and their legend names: specs resolved with their sweeps expanded
 * (`ELU(alpha=0.5|1|2)` is three functions), a swept parameter always in the name, even at its
 * default (`ELU(alpha=1)`, made by resolveSweep's labelFor). Shared by `actfn compare`, the render
 * API, animations and the interactive page, which must name series as the command does.
 */
import { resolveSweep } from '../math/resolve.js';
import type { ActivationFn } from '../math/types.js';

export interface Named {
  readonly fn: ActivationFn;
  /** Legend and column name: the label, with swept parameters always shown (`ELU(alpha=1)`). */
  readonly name: string;
}

/** Resolves specs, expanding sweeps; a swept parameter stays in the name even at its default. */
export function resolveCompared(specs: readonly string[]): Named[] {
  return specs.flatMap(resolveSweep).map((fn) => ({ fn, name: fn.label }));
}
