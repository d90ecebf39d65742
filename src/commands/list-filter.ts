/** `actfn list` filter options → a CatalogFilter (src/math/catalog-filter.ts), checked. */
import { UsageError } from '../errors.js';
import type { CatalogFilter } from '../math/catalog-filter.js';
import type { Trait } from '../math/traits.js';
import { FRAMEWORKS, type Framework } from '../math/types.js';

export interface ListFilterOptions {
  smooth?: boolean;
  monotonic?: boolean;
  bounded?: boolean;
  zeroCentered?: boolean;
  selfGated?: boolean;
  framework?: string;
  search?: string;
}

/** The filter the options ask for, or undefined when none is given. */
export function listFilter(opts: ListFilterOptions): CatalogFilter | undefined {
  const traits = (['smooth', 'monotonic', 'bounded', 'zeroCentered', 'selfGated'] as const).filter(
    (t: Trait) => opts[t] === true,
  );
  let framework: Framework | undefined;
  if (opts.framework !== undefined) {
    const f = opts.framework.toLowerCase();
    if (!(FRAMEWORKS as readonly string[]).includes(f)) {
      throw new UsageError(`--framework '${opts.framework}' is not one of ${FRAMEWORKS.join(', ')}`);
    }
    framework = f as Framework;
  }
  if (opts.search !== undefined && opts.search.trim() === '') throw new UsageError('--search needs a word to look for');
  if (traits.length === 0 && framework === undefined && opts.search === undefined) return undefined;
  return { traits, ...(framework ? { framework } : {}), ...(opts.search !== undefined ? { search: opts.search } : {}) };
}

/** `--smooth --framework timm` as written, for the closing line. */
export function describeFilter(opts: ListFilterOptions): string {
  const flags = (['smooth', 'monotonic', 'bounded', 'zero-centered', 'self-gated'] as const).filter(
    (f) => opts[f.replace(/-(\w)/, (_, c: string) => c.toUpperCase()) as keyof ListFilterOptions] === true,
  );
  const parts = flags.map((f) => `--${f}`);
  if (opts.framework !== undefined) parts.push(`--framework ${opts.framework}`);
  if (opts.search !== undefined) parts.push(`--search ${JSON.stringify(opts.search)}`);
  return parts.join(' ');
}
