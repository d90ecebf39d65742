/** `actfn list`: every catalog entry with its aliases, parameters and PyTorch equivalent. */
import { catalog } from '../math/catalog.js';
import type { CatalogEntry, ParamDef } from '../math/types.js';
import { citationJSON, frameworksJSON } from '../report/citation.js';
import { exactJSON, formatSignificant, type JsonValue } from '../report/numbers.js';
import { boxTable, fitsAsBox } from '../report/table-format.js';
import { wrapText } from '../report/wrap.js';
import { refuseBeside } from './options.js';
import { colorLevel, type CliIO } from './io.js';
import { describeFilter, listFilter, type ListFilterOptions } from './list-filter.js';
import { outputWidth } from './output-width.js';

export interface ListOptions extends ListFilterOptions {
  json?: boolean;
  width?: string;
}

/** `negative_slope=0.01`, `approximate=none|tanh|sigmoid`. */
export function paramWithDefault(def: ParamDef): string {
  if (def.kind === 'choice') return `${def.name}=${def.choices.join('|')}`;
  return `${def.name}=${formatSignificant(def.default, 6, '−')}`;
}

function paramJSON(def: ParamDef): JsonValue {
  if (def.kind === 'choice') {
    return {
      name: def.name,
      kind: def.kind,
      default: def.default,
      choices: [...def.choices],
      description: def.description,
    };
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

function otherAliases(e: CatalogEntry): string {
  return e.aliases.filter((a) => a !== e.name.toLowerCase() && a !== e.name).join(', ');
}

export function listRows(entries: readonly CatalogEntry[]): string[][] {
  return entries.map((e) => [e.name, otherAliases(e), e.params.map(paramWithDefault).join(', '), e.equivalents.torch]);
}

const HEAD = ['name', 'aliases', 'parameters (defaults)', 'PyTorch'];

/**
 * The table for a terminal `width` columns wide: four columns if they fit; else the aliases in
 * parentheses under the name, which saves a column's borders and its widest alias (80 columns).
 */
function listTable(entries: readonly CatalogEntry[], width: number | undefined): { head: string[]; rows: string[][] } {
  const rows = listRows(entries);
  if (width === undefined || fitsAsBox(HEAD, rows, 'left', width)) return { head: HEAD, rows };
  const narrow = entries.map((e, i) => {
    const aliases = otherAliases(e);
    return [aliases ? `${e.name} (${aliases})` : e.name, rows[i]![2]!, rows[i]![3]!];
  });
  const head = ['name (aliases)', HEAD[2]!, HEAD[3]!];
  return fitsAsBox(head, narrow, 'left', width) ? { head, rows: narrow } : { head: HEAD, rows };
}

export async function runList(io: CliIO, opts: ListOptions): Promise<number> {
  if (opts.json) refuseBeside('--json', 'writes data, not a table', [['--width', opts.width]]);
  const filter = listFilter(opts);
  // Traits are looked up (or computed) only when a filter asks for them.
  let entries = catalog;
  if (filter) {
    const { filterCatalog } = await import('../math/catalog-filter.js');
    const { entryTraits } = await import('./catalog-facts.js');
    entries = filterCatalog(catalog, filter, (e) => entryTraits(e, io.env));
  }
  if (opts.json) {
    io.stdout.write(exactJSON(entries.map(entryJSON)) + '\n');
    return 0;
  }
  if (filter && entries.length === 0) {
    io.stderr.write(`actfn: no function matches ${describeFilter(opts)}\n`);
    return 0;
  }
  // On a terminal (or with --width) the table fits its width; piped, one line per function.
  const width = outputWidth(io.stdout, opts.width);
  const { head, rows } = listTable(entries, width);
  const text = await boxTable(head, rows, colorLevel(io.stdout, io.env), 'left', width);
  io.stdout.write(text);
  const count = filter
    ? `${entries.length} of ${catalog.length} functions match ${describeFilter(opts)}.`
    : `${catalog.length} functions.`;
  const footer = `${count} \`actfn info NAME\` for formulas, properties and equivalents.`;
  io.stdout.write(`${(width === undefined ? [footer] : wrapText(footer, width)).join('\n')}\n`);
  return 0;
}
