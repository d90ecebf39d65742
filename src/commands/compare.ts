/**
 * `actfn compare`: several functions in one chart (values, derivatives, or both stacked), as an
 * image like `plot` or in the terminal, followed by a table of their computed properties.
 * Sizes, formats and chart options are plot's (parsed by plotSettings), so the two agree.
 */
import { UsageError } from '../errors.js';
import { computeProperties } from '../math/properties.js';
import { resolveSweep } from '../math/resolve.js';
import { sampleFunction } from '../math/sample.js';
import type { ActivationFn } from '../math/types.js';
import { compareChart, type CompareShow } from '../chart/compare-chart.js';
import { renderImage } from '../paint/image.js';
import type { ChartModel } from '../chart/model.js';
import { propertyRows } from '../report/properties-table.js';
import { boxTable } from '../report/table-format.js';
import { TAB10 } from '../chart/theme.js';
import { DOTS_PER_COLUMN } from '../paint/terminal/measure.js';
import { writeFileAtomic, withCleanupOnSignal } from './atomic-write.js';
import {
  chartGrid,
  chartSettings,
  checkApplicable,
  DEFAULT_SIZE,
  DEFAULT_STACKED_SIZE,
  fileTarget,
  parseNames,
  reportWritten,
  writtenSize,
  type ChartCliOptions,
  type ChartSettings,
  type Target,
} from './chart-options.js';
import { measureCost } from './cost.js';
import { colorLevel, type CliIO, type OutputStream } from './io.js';
import { terminalWidth } from './plot-terminal.js';

export interface CompareOptions extends ChartCliOptions {
  derivative?: boolean;
  both?: boolean;
  /** Legend names, one per function (after sweeps), comma-separated. */
  labels?: string;
}

/** The file written when no -o is given. */
export const DEFAULT_COMPARE_FILE = 'compare';

function showOf(opts: CompareOptions): CompareShow {
  if (opts.both && opts.derivative) throw new UsageError('--both already shows the derivatives; give one of --derivative and --both');
  if (opts.both) return 'both';
  // As in plot, a log axis is for |f′|.
  return opts.derivative || opts.logY ? 'derivatives' : 'values';
}

interface Named {
  readonly fn: ActivationFn;
  /** Legend and column name: --labels, else the label, with swept parameters always shown (`ELU(alpha=1)`). */
  readonly name: string;
}

/** Resolves specs, expanding sweeps; a swept parameter stays in the name even at its default. */
export function resolveCompared(specs: readonly string[], labels?: string): Named[] {
  const fns = specs.flatMap(resolveSweep);
  const names = labels === undefined ? fns.map((fn) => fn.label) : parseNames(labels, fns.length, 'functions');
  return fns.map((fn, i) => ({ fn, name: names[i]! }));
}

function modelOf(named: readonly Named[], s: ChartSettings, show: CompareShow, deviceWidth: number): ChartModel {
  const grid = chartGrid(s.range, s.sampling, deviceWidth);
  return compareChart(
    named.map((n) => ({ label: n.name, sampled: sampleFunction(n.fn, grid) })),
    {
      range: s.range,
      show,
      ...(s.title !== undefined ? { title: s.title } : {}),
      logY: s.logY,
      legend: s.legend,
      theme: s.theme,
    },
  );
}

/** The properties table, one column per function; wrapped to a terminal's width. */
export async function comparePropertiesTable(named: readonly Named[], stream: OutputStream, io: CliIO): Promise<string> {
  const columns = named.map(({ fn }) => ({ properties: computeProperties(fn), cost: measureCost(fn) }));
  const width = stream.isTTY ? stream.columns : undefined;
  return boxTable(['property', ...named.map((n) => n.name)], propertyRows(columns), colorLevel(stream, io.env), 'left', width);
}

export async function runCompare(io: CliIO, specs: string[], opts: CompareOptions): Promise<number> {
  const show = showOf(opts);
  const settings = chartSettings(opts, show === 'both' ? DEFAULT_STACKED_SIZE : DEFAULT_SIZE);
  const target: Target | undefined = opts.terminal ? undefined : fileTarget(io, opts.out ?? `${DEFAULT_COMPARE_FILE}.${opts.format?.toLowerCase() === 'jpeg' ? 'jpg' : (opts.format?.toLowerCase() ?? 'png')}`, opts.format);
  checkApplicable(opts as CompareOptions & Record<string, unknown>, target ? [target.format] : []);
  const columns = opts.terminal ? terminalWidth(io, opts.width) : 0;
  const named = resolveCompared(specs, opts.labels);
  if (named.length > TAB10.length) {
    io.stderr.write(`actfn: warning: ${named.length} functions but ${TAB10.length} colors; colors repeat after the ${TAB10.length}th\n`);
  }
  if (target?.path === '-' && target.format !== 'svg' && io.stdout.isTTY) {
    throw new UsageError('refusing to write a binary image to the terminal; redirect stdout or use -o FILE');
  }

  if (opts.terminal) {
    const model = modelOf(named, settings, show, columns * DOTS_PER_COLUMN);
    const { terminalChart } = await import('../paint/terminal/index.js');
    io.stdout.write(await terminalChart(model, { columns, color: colorLevel(io.stdout, io.env) }));
  } else {
    const t = target!;
    const vector = t.format === 'svg' || t.format === 'pdf';
    const model = modelOf(named, settings, show, settings.width * (vector ? 1 : settings.scale));
    const { layoutChart } = await import('../chart/layout.js');
    const { fontMeasure } = await import('../paint/fonts/font.js');
    const scene = layoutChart(model, { width: settings.width, height: settings.height, measure: fontMeasure(), style: { curveWidth: settings.curveWidth } });
    const warn = (message: string) => io.stderr.write(`actfn: warning: ${message}\n`);
    await withCleanupOnSignal(async () => {
      const image = await renderImage(scene, t.format, { scale: settings.scale, jpegQuality: settings.jpegQuality, title: model.title || 'compare', warn });
      if (t.path === '-') io.stdout.write(image);
      else writeFileAtomic(t.path, image);
    });
    if (!opts.quiet) reportWritten(io, t, writtenSize(t.format, settings), (m) => io.stderr.write(`${m}\n`));
  }

  if (!opts.quiet) {
    // Data goes to stdout unless the image does; then the table is a message, on stderr.
    const stream = target?.path === '-' ? io.stderr : io.stdout;
    if (opts.terminal) stream.write('\n');
    stream.write(await comparePropertiesTable(named, stream, io));
  }
  return 0;
}
