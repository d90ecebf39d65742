/**
 * `actfn diff A B`: how much two functions differ over a range (src/math/diff), as a table or
 * JSON (src/report/diff-report.ts), and with `-o FILE` a chart of f_A − f_B and f′_A − f′_B.
 * Loads the canvas and fonts only when a chart is written.
 */
import { UsageError } from '../errors.js';
import { diffFunctions } from '../math/diff/difference.js';
import { MAX_POINTS } from '../math/grid.js';
import { resolveSpec } from '../math/resolve.js';
import type { ActivationFn } from '../math/types.js';
import { diffHeadline, diffJSON, diffRows } from '../report/diff-report.js';
import { exactJSON } from '../report/numbers.js';
import { boxTable } from '../report/table-format.js';
import { colorLevel, type CliIO } from './io.js';
import { parseInteger } from './options.js';
import {
  type ChartCliOptions,
  type ChartSettings,
  chartSettings,
  checkApplicable,
  fileTarget,
  IMAGE_FORMATS,
  type Target,
  refuseBinaryOnTerminal,
  refuseChartOptions,
} from './chart-options.js';
import { writeChartFile } from './chart-file.js';

export interface DiffCommandOptions
  extends Pick<
    ChartCliOptions,
    'range' | 'samples' | 'out' | 'format' | 'size' | 'scale' | 'title' | 'theme' | 'quiet'
  > {
  json?: boolean;
}

/** Evenly spaced points by default: steps of 0.003 over the default [−6, 6]. */
export const DEFAULT_DIFF_SAMPLES = 4001;

function pointwise(spec: string): ActivationFn {
  const fn = resolveSpec(spec);
  if (!fn.pointwise)
    throw new UsageError(
      `'${spec}' is a vector function (it acts on the whole input); diff compares pointwise functions`,
    );
  return fn;
}

/** The chart's file, checked as plot's are (chart-options.ts); undefined without -o. */
function targetOf(io: CliIO, opts: DiffCommandOptions): Target | undefined {
  if (opts.out === undefined) {
    // Options that only shape the chart do nothing without one.
    refuseChartOptions(
      opts,
      ['format', 'size', 'scale', 'title', 'theme'],
      'is for the chart; give -o FILE to write one',
    );
    return undefined;
  }
  const target = fileTarget(io, opts.out, opts.format, { command: 'diff', accepted: IMAGE_FORMATS });
  checkApplicable(opts as DiffCommandOptions & Record<string, unknown>, [target.format]);
  return target;
}

export async function runDiff(io: CliIO, specA: string, specB: string, opts: DiffCommandOptions): Promise<number> {
  // Options first, so that a bad one is reported before any work (and before anything is written).
  const settings: ChartSettings = chartSettings({
    range: opts.range,
    size: opts.size,
    scale: opts.scale,
    theme: opts.theme,
  });
  const samples =
    opts.samples === undefined ? DEFAULT_DIFF_SAMPLES : parseInteger(opts.samples, '--samples', 2, MAX_POINTS);
  const target = targetOf(io, opts);
  if (target) refuseBinaryOnTerminal(io, [target]);
  const a = pointwise(specA);
  const b = pointwise(specB);
  const result = diffFunctions(a, b, { range: settings.range, samples });

  // The report is data on stdout, unless the image goes there: then it is a message, on stderr.
  const stream = target?.path === '-' ? io.stderr : io.stdout;
  if (opts.json) stream.write(exactJSON(diffJSON(a, b, result)) + '\n');
  else {
    const width = stream.isTTY ? stream.columns : undefined;
    const table = await boxTable(['', 'f', 'f′'], diffRows(result), colorLevel(stream, io.env), 'left', width);
    stream.write(`${diffHeadline(a, b, result)}\n${table}`);
  }

  if (target) {
    const { diffChart } = await import('../chart/diff-chart.js');
    const model = diffChart(a, b, {
      x: result.x,
      kinks: result.kinks,
      labels: [a.label, b.label],
      ...(opts.title !== undefined ? { title: opts.title } : {}),
      theme: settings.theme,
    });
    await writeChartFile(io, model, target, settings, { quiet: opts.quiet === true, untitled: 'diff' });
  }
  return 0;
}
