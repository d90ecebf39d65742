/**
 * Writing one chart model for the network commands (propagate, edge-of-chaos): an image file in any
 * format but a page, stdout (-o -), or braille in the terminal. Options, targets, the options that
 * do not apply and the `wrote FILE` line are plot's and compare's (chart-options.ts); the terminal
 * chart's width is --columns here, as --width is the simulated network's.
 */
import { resolve } from 'node:path';
import type { ChartModel } from '../chart/model.js';
import type { ChartLook } from '../chart/network-charts.js';
import { writeChartFile } from './chart-file.js';
import {
  type ChartCliOptions,
  chartSettings,
  checkApplicable,
  fileTarget,
  formatOf,
  IMAGE_FORMATS,
  type Target,
  terminalWidth,
  refuseBinaryOnTerminal,
  refuseChartOptions,
} from './chart-options.js';
import { colorLevel, type CliIO, type OutputStream } from './io.js';

/** Plot's chart options that the network charts take, and --columns for a terminal chart's width. */
export interface ChartOptions
  extends Pick<
    ChartCliOptions,
    'out' | 'format' | 'size' | 'scale' | 'title' | 'theme' | 'legend' | 'jpegQuality' | 'terminal' | 'quiet'
  > {
  columns?: string;
}

export interface ChartTarget {
  readonly look: ChartLook;
  /** The file (or '-' for stdout); undefined for the terminal. */
  readonly file?: Target;
  readonly width: number;
  readonly height: number;
  readonly scale: number;
  readonly jpegQuality: number;
  readonly columns: number;
  /** No `wrote FILE` line. */
  readonly quiet: boolean;
}

/** The chart target, or undefined with --json (then a chart option given is a usage error). */
export function chartTargetUnlessJson(
  io: CliIO,
  opts: ChartOptions & { json?: boolean },
  defaultName: string,
): ChartTarget | undefined {
  if (!opts.json) return chartTarget(io, opts, defaultName);
  const chartKeys = [
    'out',
    'format',
    'size',
    'scale',
    'title',
    'theme',
    'legend',
    'jpegQuality',
    'terminal',
    'columns',
  ];
  refuseChartOptions(opts, chartKeys, 'is for the chart; --json writes the data instead of a chart');
  return undefined;
}

/** Every chart option checked before any work is done. */
export function chartTarget(io: CliIO, opts: ChartOptions, defaultName: string): ChartTarget {
  const s = chartSettings({
    size: opts.size,
    scale: opts.scale,
    title: opts.title,
    theme: opts.theme,
    legend: opts.legend,
    jpegQuality: opts.jpegQuality,
  });
  const look: ChartLook = { ...(s.title !== undefined ? { title: s.title } : {}), legend: s.legend, theme: s.theme };
  const columns = opts.terminal ? terminalWidth(io, opts.columns, '--columns') : 0;
  const common = {
    look,
    width: s.width,
    height: s.height,
    scale: s.scale,
    jpegQuality: s.jpegQuality,
    columns,
    quiet: opts.quiet === true,
  };
  const all = opts as ChartOptions & Record<string, unknown>;
  if (opts.terminal) {
    checkApplicable(all, [], 'columns');
    return common;
  }
  const formats = { command: defaultName, accepted: IMAGE_FORMATS };
  const format = formatOf(opts.format, formats) ?? 'png';
  const file: Target =
    opts.out === undefined
      ? { path: resolve(io.cwd, `${defaultName}.${format}`), format }
      : fileTarget(io, opts.out, opts.format, formats);
  checkApplicable(all, [file.format], 'columns');
  refuseBinaryOnTerminal(io, [file]);
  return { ...common, file };
}

/** Draws the chart; returns the stream for the text that follows (stderr when the image is on stdout). */
export async function emitChart(io: CliIO, model: ChartModel, t: ChartTarget): Promise<OutputStream> {
  const file = t.file;
  if (file === undefined) {
    const { terminalChart } = await import('../paint/terminal/index.js');
    io.stdout.write(await terminalChart(model, { columns: t.columns, color: colorLevel(io.stdout, io.env) }));
    io.stdout.write('\n');
    return io.stdout;
  }
  await writeChartFile(io, model, file, t, { quiet: t.quiet, untitled: 'chart' });
  return file.path === '-' ? io.stderr : io.stdout;
}
