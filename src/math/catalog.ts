/**
 * The registry: every activation, defined once. Commands and renderers read this list; nothing
 * else switches on function names.
 */
import { UsageError } from '../errors.js';
import { closestNames, normalizeName } from './names.js';
import type { CatalogEntry } from './types.js';
import { LeakyReLU, ReLU } from './activations/relu.js';
import { Sigmoid } from './activations/sigmoid.js';
import { Softmax } from './activations/softmax.js';

export const catalog: readonly CatalogEntry[] = Object.freeze([ReLU, LeakyReLU, Sigmoid, Softmax]);

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
