/**
 * The computed properties and list traits of every catalog entry at its default parameters,
 * worked out once by the build (scripts/build-cli.mjs) and carried in the CLI bundle, so that
 * `info GELU` and `list --smooth` start as fast as `table` does: computing them takes ~100 ms for
 * one function (a 20,000-point scan, cold code) and ~150 ms for the list filters over the catalog.
 * They are the same functions' output, not hand-set values: the build runs computeProperties and
 * traitsOf on the code it bundles, and a test compares the bundle's facts with a live computation
 * (ACTFN_NO_CATALOG_FACTS=1) for every entry. Outside the bundle (the library, tests on src) there
 * are no facts and everything is computed as before; so too for other parameters or expressions.
 */
import { resolveSpec } from '../math/resolve.js';
import { computeProperties, type Properties } from '../math/properties.js';
import { TRAITS, traitsOf, type Trait } from '../math/traits.js';
import type { ActivationFn, CatalogEntry } from '../math/types.js';
import type { CliIO } from './io.js';

/** Defined by scripts/build-cli.mjs as the text encodeCatalogFacts returned; absent elsewhere. */
declare const ACTFN_CATALOG_FACTS: string;

/** The bundle's facts text (one reference, so the bundle holds the text once), or undefined. */
function bundledFacts(): string | undefined {
  try {
    return ACTFN_CATALOG_FACTS;
  } catch {
    return undefined; // not defined: not the bundle
  }
}

interface EntryFacts {
  readonly properties: Properties;
  readonly traits: readonly Trait[];
}

type Facts = Readonly<Record<string, EntryFacts>>;

/** JSON has no ±∞, NaN or −0: those numbers travel as { "$number": "…" }. */
const SPECIAL = '$number';

function encodeNumber(_key: string, value: unknown): unknown {
  if (typeof value !== 'number' || (Number.isFinite(value) && !Object.is(value, -0))) return value;
  return { [SPECIAL]: Object.is(value, -0) ? '-0' : String(value) };
}

function decodeNumber(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || !(SPECIAL in value)) return value;
  return Number((value as Record<string, string>)[SPECIAL]);
}

/** The facts of `entries` as text (for the build). */
export function encodeCatalogFacts(entries: readonly CatalogEntry[]): string {
  const facts: Record<string, EntryFacts> = {};
  for (const entry of entries) {
    const fn = resolveSpec(entry.name);
    const has = traitsOf(fn);
    facts[entry.name] = { properties: computeProperties(fn), traits: TRAITS.filter(has) };
  }
  return JSON.stringify(facts, encodeNumber);
}

let decoded: Facts | null | undefined;

function catalogFacts(env: CliIO['env']): Facts | null {
  if (decoded === undefined) {
    const text = env.ACTFN_NO_CATALOG_FACTS ? undefined : bundledFacts();
    decoded = text === undefined ? null : (JSON.parse(text, decodeNumber) as Facts);
  }
  return decoded;
}

/** The facts of fn when it is a catalog entry with every parameter at its default. */
function factsOf(fn: ActivationFn, env: CliIO['env']): EntryFacts | undefined {
  const entry = fn.entry;
  if (!entry || entry.params.some((d) => !Object.is(fn.params[d.name], d.default))) return undefined;
  return catalogFacts(env)?.[entry.name];
}

/** computeProperties(fn), from the build's facts when it has them. */
export function propertiesOf(fn: ActivationFn, env: CliIO['env']): Properties {
  return factsOf(fn, env)?.properties ?? computeProperties(fn);
}

/** traitsOf for a catalog entry at its defaults, from the build's facts when it has them. */
export function entryTraits(entry: CatalogEntry, env: CliIO['env']): (trait: Trait) => boolean {
  const known = catalogFacts(env)?.[entry.name]?.traits;
  return known ? (trait) => known.includes(trait) : traitsOf(resolveSpec(entry.name));
}
