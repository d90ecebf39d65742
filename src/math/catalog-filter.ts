/**
 * Choosing catalog entries (`actfn list` filters): by computed traits (traits.ts, each entry with
 * its default parameters), by the frameworks that ship a function, and by a word searched in the
 * names, aliases, formulas and citation. The cheap tests run first, and traits are computed only
 * for the entries still in the running.
 */
import { resolveSpec } from './resolve.js';
import { traitsOf, type Trait } from './traits.js';
import type { CatalogEntry, Framework } from './types.js';

export interface CatalogFilter {
  /** Every one of these must hold. */
  readonly traits?: readonly Trait[];
  /** The framework must have the function. */
  readonly framework?: Framework;
  /** A word (or phrase) found in a name, alias, formula or the citation, ignoring case and accents. */
  readonly search?: string;
}

/** Lower case without accents, so that `montreal` finds Montréal and `GELU` finds gelu_new. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The texts `--search` looks in. */
export function searchableText(entry: CatalogEntry): string[] {
  const c = entry.citation;
  const citation = c ? [c.key, ...c.authors, String(c.year), c.title, c.venue, c.arxiv ?? '', c.doi ?? ''] : [];
  return [entry.name, ...entry.aliases, entry.formula.f, entry.formula.df, ...citation];
}

export function matchesSearch(entry: CatalogEntry, word: string): boolean {
  const w = fold(word.trim());
  return searchableText(entry).some((t) => fold(t).includes(w));
}

/**
 * The entries that pass `filter`. `traitsFor` gives an entry's traits (with its default
 * parameters): computed by default; the CLI passes the build's precomputed ones.
 */
export function filterCatalog(
  entries: readonly CatalogEntry[],
  filter: CatalogFilter,
  traitsFor: (entry: CatalogEntry) => (trait: Trait) => boolean = (e) => traitsOf(resolveSpec(e.name)),
): CatalogEntry[] {
  const traits = filter.traits ?? [];
  return entries.filter((e) => {
    if (filter.framework && !e.frameworks?.[filter.framework]) return false;
    if (filter.search !== undefined && !matchesSearch(e, filter.search)) return false;
    if (traits.length === 0) return true;
    return traits.every(traitsFor(e));
  });
}
