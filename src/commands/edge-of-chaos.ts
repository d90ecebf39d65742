/**
 * `actfn edge-of-chaos`: the curve χ₁ = 1 in the (σb², σw²) plane for each function, as JSON, an
 * image or a terminal chart, and a summary table.
 */
import { UsageError } from '../errors.js';
import { edgeOfChaos } from '../math/network/edge-of-chaos.js';
import { parseNumber } from '../math/numbers.js';
import { edgeChart } from '../chart/network-charts.js';
import { edgeJSON, edgeTable, type EdgeResult } from '../report/propagate-format.js';
import { chartTargetUnlessJson, emitChart, type ChartOptions } from './chart-output.js';
import { colorLevel, type CliIO } from './io.js';
import { asUsage, functionsOf, tableWidth } from './network-specs.js';
import { parseInteger } from './options.js';

export interface EdgeOptions extends ChartOptions {
  maxBiasVar?: string;
  points?: string;
  json?: boolean;
  quiet?: boolean;
  all?: boolean;
}

export async function runEdgeOfChaos(io: CliIO, specs: string[], opts: EdgeOptions): Promise<number> {
  const maxSigmaB2 = opts.maxBiasVar === undefined ? 1 : parseNumber(opts.maxBiasVar, '--max-bias-var');
  if (!(maxSigmaB2 > 0)) throw new UsageError(`--max-bias-var ${opts.maxBiasVar} must be greater than 0`);
  const points = parseInteger(opts.points ?? '200', '--points', 2, 10_000);
  const target = chartTargetUnlessJson(io, opts, 'edge-of-chaos');
  const fns = functionsOf(io, specs, opts.all);
  const results: EdgeResult[] = fns.map((fn) => ({
    fn,
    points: asUsage(() => edgeOfChaos(fn, { maxSigmaB2, points })),
  }));
  if (opts.json) {
    io.stdout.write(edgeJSON(results));
    return 0;
  }
  const curves = results.map(({ fn, points: p }) => ({
    label: fn.label,
    sigmaB2: Float64Array.from(p, (v) => v.sigmaB2),
    // Unstable fixed points are breaks: no deep network sits there.
    sigmaW2: Float64Array.from(p, (v) => (v.stable ? v.sigmaW2 : NaN)),
  }));
  const stream = await emitChart(io, edgeChart(curves, maxSigmaB2, target!.look), target!);
  if (!opts.quiet) stream.write(await edgeTable(results, colorLevel(stream, io.env), tableWidth(stream)));
  return 0;
}
