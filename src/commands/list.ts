/** `actfn list`: every catalog entry with its aliases, parameters and PyTorch equivalent. */
import { catalog } from '../math/catalog.js';
import type { CatalogEntry, ParamDef } from '../math/types.js';
import { citationJSON, frameworksJSON } from '../report/citation.js';
import { exactJSON, formatSignificant, type JsonValue } from '../report/numbers.js';
import { boxTable } from '../report/table-format.js';
import { colorLevel, type CliIO } from './io.js';
import { describeFilter, listFilter, type ListFilterOptions } from './list-filter.js';

export interface ListOptions extends ListFilterOptions {
  json?: boolean;
}

/** `negative_slope=0.01`, `approximate=none|tanh|sigmoid`. */
export function paramWithDefault(def: ParamDef): string {
  if (def.kind === 'choice') return `${def.name}=${def.choices.join('|')}`;
  return `${def.name}=${formatSignificant(def.default, 6, '−')}`;
}

function paramJSON(def: ParamDef): JsonValue {
  if (def.kind === 'choice') {
    return { name: def.name, kind: def.kind, default: def.default, choices: [...def.choices], description: def.description };
  }
  return {
    name: def.name,
    kind: def.kind,
    default: def.default,
    min: def.min,
    max: def.max,
    minInclusive: def.min === undefined ? undefined : def.minInclusive !== false,
    maxInclusive: def.max === undefined ? undefined : def.maxInclusive !== false,
    integer: def.integer ?? false,
    description: def.description,
  };
}

/** The machine-readable form of one entry (list --json). */
export function entryJSON(entry: CatalogEntry): JsonValue {
  return {
    name: entry.name,
    aliases: [...entry.aliases],
    kind: entry.kind,
    source: entry.source,
    summary: entry.summary,
    params: entry.params.map(paramJSON),
    formula: { f: entry.formula.f, df: entry.formula.df },
    equivalents: {
      torch: entry.equivalents.torch,
      jax: entry.equivalents.jax,
      keras: entry.equivalents.keras,
      notes: entry.equivalents.notes ? [...entry.equivalents.notes] : [],
    },
    citation: citationJSON(entry.citation),
    frameworks: frameworksJSON(entry.frameworks),
  };
}

export function listRows(entries: readonly CatalogEntry[]): string[][] {
  return entries.map((e) => [
    e.name,
    e.aliases.filter((a) => a !== e.name.toLowerCase() && a !== e.name).join(', '),
    e.params.map(paramWithDefault).join(', '),
    e.equivalents.torch,
  ]);
}

export async function runList(io: CliIO, opts: ListOptions): Promise<number> {
  const filter = listFilter(opts);
  // Traits are computed only when a filter asks for them (src/math/traits.ts).
  const entries = filter ? (await import('../math/catalog-filter.js')).filterCatalog(catalog, filter) : catalog;
  if (opts.json) {
    io.stdout.write(exactJSON(entries.map(entryJSON)) + '\n');
    return 0;
  }
  if (filter && entries.length === 0) {
    io.stderr.write(`actfn: no function matches ${describeFilter(opts)}\n`);
    return 0;
  }
  const head = ['name', 'aliases', 'parameters (defaults)', 'PyTorch'];
  // On a terminal, wrap long cells to its width; piped output keeps one line per function.
  const width = io.stdout.isTTY ? io.stdout.columns : undefined;
  const text = await boxTable(head, listRows(entries), colorLevel(io.stdout, io.env), 'left', width);
  io.stdout.write(text);
  const count = filter ? `${entries.length} of ${catalog.length} functions match ${describeFilter(opts)}.` : `${catalog.length} functions.`;
  io.stdout.write(`${count} \`actfn info NAME\` for formulas, properties and equivalents.\n`);
  return 0;
}
