/**
 * The functions of a comparison and their legend names: specs resolved with their sweeps expanded
 * (`ELU(alpha=0.5|1|2)` is three functions), a swept parameter always in the name, even at its
 * default (`ELU(alpha=1)`), so that the legend tells the sweep's members apart. Shared by
 * `actfn compare` and the interactive page, which must name series as the command does.
 */
import { resolveSpec } from '../math/resolve.js';
import { expandSweeps, parseSpec } from '../math/spec.js';
import type { ActivationFn } from '../math/types.js';

export interface Named {
  readonly fn: ActivationFn;
  /** Legend and column name: the label, with swept parameters always shown (`ELU(alpha=1)`). */
  readonly name: string;
}

/** Resolves specs, expanding sweeps; a swept parameter stays in the name even at its default. */
export function resolveCompared(specs: readonly string[]): Named[] {
  return specs.flatMap((spec) => {
    const expanded = expandSweeps(spec);
    if (expanded.length === 1) {
      const fn = resolveSpec(spec);
      return [{ fn, name: fn.label }];
    }
    const swept = parseSpec(spec)
      .args.filter((a) => a.value.includes('|'))
      .map((a) => a.key.toLowerCase());
    return expanded.map((one) => {
      const fn = resolveSpec(one);
      const defs = fn.entry?.params ?? [];
      const shown = defs.filter((d) => swept.includes(d.name.toLowerCase()) || fn.params[d.name] !== d.default);
      return {
        fn,
        name: shown.length
          ? `${fn.name}(${shown.map((d) => `${d.name}=${String(fn.params[d.name])}`).join(', ')})`
          : fn.label,
      };
    });
  });
}
