/**
 * `actfn stats`: moments of each function under a Gaussian input, its initialization gain beside
 * torch's calculate_gain, and χ₁ at that gain (src/math/network). No canvas, no fonts.
 */
import { UsageError } from '../errors.js';
import { gainStats } from '../math/network/gain.js';
import { parseNumber } from '../math/numbers.js';
import { statsJSON, statsPretty } from '../report/stats-table.js';
import { colorLevel, type CliIO } from './io.js';
import { asUsage, functionsOf, tableWidth } from './network-specs.js';

export interface StatsOptions {
  mean?: string;
  var?: string;
  all?: boolean;
  json?: boolean;
}

export function gaussianOf(opts: { mean?: string; var?: string }): { mean: number; variance: number } {
  const mean = opts.mean === undefined ? 0 : parseNumber(opts.mean, '--mean');
  const variance = opts.var === undefined ? 1 : parseNumber(opts.var, '--var');
  if (!(variance > 0)) throw new UsageError(`--var ${opts.var} must be greater than 0 (the variance of the input)`);
  return { mean, variance };
}

export async function runStats(io: CliIO, specs: string[], opts: StatsOptions): Promise<number> {
  const { mean, variance } = gaussianOf(opts);
  const fns = functionsOf(io, specs, opts.all);
  const rows = fns.map((fn) => ({ fn, stats: asUsage(() => gainStats(fn, mean, variance)) }));
  if (opts.json) {
    io.stdout.write(statsJSON(rows));
    return 0;
  }
  const width = tableWidth(io.stdout);
  io.stdout.write(await statsPretty(rows, colorLevel(io.stdout, io.env), width));
  return 0;
}
