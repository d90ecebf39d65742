/**
 * `actfn compare`: several functions in one chart (values, derivatives, or both stacked), as an
 * image like `plot` or in the terminal, followed by a table of their computed properties.
 * Sizes, formats and chart options are plot's (parsed by plotSettings), so the two agree.
 */
import { basename, extname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { gainStats } from '../math/network/gain.js';
import { computeProperties } from '../math/properties.js';
import { compareChart, type CompareShow } from '../chart/compare-chart.js';
import { resolveCompared, type Named } from '../chart/compared-names.js';
import { FORMAT_BY_EXTENSION, renderImage, type ImageFormat } from '../paint/image.js';
import type { ChartModel } from '../chart/model.js';
import { propertyRows } from '../report/properties-table.js';
import { boxTable } from '../report/table-format.js';
import { TAB10 } from '../chart/theme.js';
import { writeFileAtomic, withCleanupOnSignal } from './atomic-write.js';
import { chartWork, checkBudget } from './budget.js';
import { measureCost } from './cost.js';
import { colorLevel, type CliIO, type OutputStream } from './io.js';
import { outputWidth } from './output-width.js';
import { checkEncoderSize, plotSettings, type PlotOptions, type PlotSettings } from './plot.js';
import { terminalWidth } from './plot-terminal.js';
import { isAnimated } from '../math/animate.js';
import { comparePageView } from './page-view.js';

export { resolveCompared };

export interface CompareOptions {
  out?: string;
  format?: string;
  range?: string;
  step?: string;
  samples?: string;
  size?: string;
  scale?: string;
  title?: string;
  theme?: string;
  logY?: boolean;
  jpegQuality?: string;
  legend?: string;
  derivative?: boolean;
  both?: boolean;
  quiet?: boolean;
  terminal?: boolean;
  width?: string;
  /** Animations (a spec with a parameter range a..b): number of frames and frames per second. */
  frames?: string;
  fps?: string;
  /** Measure the cost of f and f′ for the properties table. */
  cost?: boolean;
}

/** The file written when no -o is given. */
export const DEFAULT_COMPARE_FILE = 'compare';

export function showOf(opts: CompareOptions): CompareShow {
  if (opts.both && opts.derivative) throw new UsageError('--both already shows the derivatives; give one of --derivative and --both');
  if (opts.both) return 'both';
  // As in plot, a log axis is for |f′|.
  return opts.derivative || opts.logY ? 'derivatives' : 'values';
}

export function settingsOf(opts: CompareOptions): PlotSettings {
  const shared: PlotOptions = {
    range: opts.range,
    step: opts.step,
    samples: opts.samples,
    size: opts.size,
    scale: opts.scale,
    title: opts.title,
    theme: opts.theme,
    logY: opts.logY,
    jpegQuality: opts.jpegQuality,
    legend: opts.legend,
  };
  return plotSettings(shared);
}

function modelOf(named: readonly Named[], s: PlotSettings, show: CompareShow): ChartModel {
  return compareChart(named.map((n) => n.fn), {
    labels: named.map((n) => n.name),
    range: s.range,
    sampling: s.sampling,
    show,
    ...(s.title !== undefined ? { title: s.title } : {}),
    logY: s.logY,
    legend: s.legend,
    theme: s.theme,
  });
}

interface Target {
  /** Absolute path, or '-' for stdout. */
  readonly path: string;
  readonly format: ImageFormat;
}

function targetOf(io: CliIO, opts: CompareOptions): Target {
  const forced = opts.format === undefined ? undefined : FORMAT_BY_EXTENSION[opts.format.toLowerCase()];
  if (opts.format !== undefined && !forced) throw new UsageError(`--format '${opts.format}' is not one of png, jpg, webp, svg, pdf, html, gif`);
  if (opts.out === undefined) {
    const format = forced ?? 'png';
    return { path: resolve(io.cwd, `${DEFAULT_COMPARE_FILE}.${format}`), format };
  }
  if (opts.out === '-') return { path: '-', format: forced ?? 'png' };
  const fromExt = FORMAT_BY_EXTENSION[extname(opts.out).slice(1).toLowerCase()];
  if (!fromExt && !forced) {
    throw new UsageError(`cannot tell the image format of '${basename(opts.out)}': use a .png, .jpg, .jpeg, .webp, .svg, .pdf, .html or .gif name, or --format`);
  }
  if (fromExt && forced && fromExt !== forced) throw new UsageError(`--format ${opts.format} does not match the file name '${basename(opts.out)}'`);
  return { path: resolve(io.cwd, opts.out), format: (forced ?? fromExt)! };
}

/**
 * The properties table, one column per function (cost only if asked: a timing varies between
 * runs), with the initialization rows (gain, χ₁; '—' for vector functions, which have no moments
 * under a Gaussian unit). It fits `width` (a terminal chart's --width, else the terminal's); piped,
 * not wrapped. Too many functions for the width: blocks of functions, the property names repeated.
 */
export async function comparePropertiesTable(
  named: readonly Named[],
  stream: OutputStream,
  io: CliIO,
  options: { readonly cost?: boolean; readonly width?: number } = {},
): Promise<string> {
  const columns = named.map(({ fn }) => ({
    properties: computeProperties(fn),
    ...(options.cost ? { cost: measureCost(fn) } : {}),
    init: fn.pointwise ? gainStats(fn) : undefined,
  }));
  const width = options.width ?? outputWidth(stream, undefined);
  const head = ['property', ...named.map((n) => n.name)];
  return boxTable(head, propertyRows(columns), colorLevel(stream, io.env), 'left', width, { key: 1 });
}

export async function runCompare(io: CliIO, specs: string[], opts: CompareOptions): Promise<number> {
  const show = showOf(opts);
  const settings = settingsOf(opts);
  if (opts.terminal) {
    for (const [flag, given] of [['-o/--out', opts.out], ['--format', opts.format], ['--size', opts.size], ['--scale', opts.scale], ['--jpeg-quality', opts.jpegQuality]] as const) {
      if (given !== undefined) throw new UsageError(`${flag} is for image files; --terminal draws in the terminal (use --width for its size)`);
    }
  } else if (opts.width !== undefined) {
    throw new UsageError('--width sets the width of a terminal chart (with --terminal); images use --size WxH');
  }
  if (specs.some(isAnimated)) {
    if (opts.terminal) throw new UsageError('a parameter range a..b animates a GIF; --terminal draws one chart (give one value)');
    const { animationSettings, runCompareAnimation } = await import('./animate.js');
    return runCompareAnimation(io, specs, opts, settings, show, animationSettings(opts));
  }
  if (opts.frames !== undefined || opts.fps !== undefined) throw new UsageError('--frames and --fps animate a parameter range a..b in a spec, e.g. "ELU(alpha=0.1..3)" -o elu.gif');
  const target = opts.terminal ? undefined : targetOf(io, opts);
  if (target) checkEncoderSize(target.format, settings);
  const columns = opts.terminal ? terminalWidth(io, opts.width) : 0;
  const named = resolveCompared(specs);
  checkBudget(chartWork(named.map((n) => n.fn), settings.range, settings.sampling, !opts.quiet));
  if (named.length > TAB10.length) {
    io.stderr.write(`actfn: warning: ${named.length} functions but ${TAB10.length} colors; colors repeat after the ${TAB10.length}th\n`);
  }
  if (target?.path === '-' && target.format !== 'svg' && target.format !== 'html' && io.stdout.isTTY) {
    throw new UsageError('refusing to write a binary image to the terminal; redirect stdout or use -o FILE');
  }
  const model = modelOf(named, settings, show);

  if (opts.terminal) {
    const { terminalChart } = await import('../paint/terminal/index.js');
    io.stdout.write(await terminalChart(model, { columns, color: colorLevel(io.stdout, io.env) }));
  } else {
    const t = target!;
    const { layoutChart } = await import('../chart/layout.js');
    const { fontMeasure } = await import('../paint/fonts/font.js');
    const scene = layoutChart(model, { width: settings.width, height: settings.height, measure: fontMeasure() });
    const warn = (message: string) => io.stderr.write(`actfn: warning: ${message}\n`);
    await withCleanupOnSignal(async () => {
      const page = t.format === 'html' ? comparePageView(specs, opts, settings, show) : undefined;
      const image = await renderImage(scene, t.format, { scale: settings.scale, jpegQuality: settings.jpegQuality, title: model.title || 'compare', warn, page });
      if (t.path === '-') io.stdout.write(image);
      else await writeFileAtomic(t.path, image);
    });
  }

  if (!opts.quiet) {
    // Data goes to stdout unless the image does; then the table is a message, on stderr.
    const stream = target?.path === '-' ? io.stderr : io.stdout;
    if (opts.terminal) stream.write('\n');
    const width = opts.terminal && opts.width !== undefined ? columns : undefined;
    stream.write(await comparePropertiesTable(named, stream, io, { cost: opts.cost === true, ...(width ? { width } : {}) }));
  }
  return 0;
}
