/**
 * `actfn compare`: several functions in one chart (values, derivatives, or both stacked), as an
 * image like `plot` or in the terminal, followed by a table of their computed properties.
 * Sizes, formats and chart options are parsed by chart-options.ts, as plot's are, so the two agree.
 */
import { UsageError } from '../errors.js';
import { gainStats } from '../math/network/gain.js';
import { isAnimated } from '../math/animate.js';
import type { CompareShow } from '../chart/compare-chart.js';
import { resolveCompared as resolveNames, type Named } from '../chart/compared-names.js';
import { renderImage } from '../paint/image.js';
import { propertyRows } from '../report/properties-table.js';
import { boxTable } from '../report/table-format.js';
import { TAB10 } from '../chart/theme.js';
import { DOTS_PER_COLUMN } from '../paint/terminal/measure.js';
import { writeFileAtomic, withCleanupOnSignal } from './atomic-write.js';
import { chartWork, checkBudget } from './budget.js';
import {
  chartSettings,
  checkApplicable,
  DEFAULT_SIZE,
  DEFAULT_STACKED_SIZE,
  fileTarget,
  isVector,
  parseNames,
  reportWritten,
  terminalWidth,
  writtenSize,
  type ChartCliOptions,
  type ChartSettings,
  type Target,
  refuseBinaryOnTerminal,
} from './chart-options.js';
import { propertiesOf } from './catalog-facts.js';
import { modelOf } from './compare-model.js';
import { measureCost } from './cost.js';
import { colorLevel, type CliIO, type OutputStream } from './io.js';
import { outputWidth } from './output-width.js';
import { checkEncoderSize } from './plot.js';
import { comparePageView } from './page-view.js';

/** For the render API, which builds compare's charts through this module. */
export { modelOf } from './compare-model.js';

export interface CompareOptions extends ChartCliOptions {
  derivative?: boolean;
  both?: boolean;
  /** Legend names, one per function (after sweeps), comma-separated. */
  labels?: string;
  /** Animations (a spec with a parameter range a..b): number of frames and frames per second. */
  frames?: string;
  fps?: string;
  /** Measure the cost of f and f′ for the properties table. */
  cost?: boolean;
}

/** The file written when no -o is given. */
export const DEFAULT_COMPARE_FILE = 'compare';

export function showOf(opts: CompareOptions): CompareShow {
  if (opts.both && opts.derivative)
    throw new UsageError('--both already shows the derivatives; give one of --derivative and --both');
  if (opts.both) return 'both';
  // As in plot, a log axis is for |f′|.
  return opts.derivative || opts.logY ? 'derivatives' : 'values';
}

/** The chart and image settings of a comparison; stacked panels (--both) default to a taller image. */
export function settingsOf(opts: CompareOptions, show: CompareShow = showOf(opts)): ChartSettings {
  return chartSettings(opts, show === 'both' ? DEFAULT_STACKED_SIZE : DEFAULT_SIZE);
}

/** Resolves specs, expanding sweeps (compared-names.ts); --labels, when given, renames them in order. */
export function resolveCompared(specs: readonly string[], labels?: string): Named[] {
  const named = resolveNames(specs);
  if (labels === undefined) return named;
  const names = parseNames(labels, named.length, 'functions');
  return named.map((n, i) => ({ fn: n.fn, name: names[i]! }));
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
    properties: propertiesOf(fn, io.env),
    ...(options.cost ? { cost: measureCost(fn) } : {}),
    init: fn.pointwise ? gainStats(fn) : undefined,
  }));
  const width = options.width ?? outputWidth(stream, undefined);
  const head = ['property', ...named.map((n) => n.name)];
  return boxTable(head, propertyRows(columns), colorLevel(stream, io.env), 'left', width, { key: 1 });
}

export async function runCompare(io: CliIO, specs: string[], opts: CompareOptions): Promise<number> {
  const show = showOf(opts);
  const settings = settingsOf(opts, show);
  if (specs.some(isAnimated)) {
    if (opts.terminal)
      throw new UsageError('a parameter range a..b animates a GIF; --terminal draws one chart (give one value)');
    checkApplicable(opts as CompareOptions & Record<string, unknown>, ['gif']);
    const { animationSettings, runCompareAnimation } = await import('./animate.js');
    return runCompareAnimation(io, specs, opts, settings, show, animationSettings(opts));
  }
  if (opts.frames !== undefined || opts.fps !== undefined)
    throw new UsageError(
      '--frames and --fps animate a parameter range a..b in a spec, e.g. "ELU(alpha=0.1..3)" -o elu.gif',
    );
  const target: Target | undefined = opts.terminal
    ? undefined
    : fileTarget(
        io,
        opts.out ??
          `${DEFAULT_COMPARE_FILE}.${opts.format?.toLowerCase() === 'jpeg' ? 'jpg' : (opts.format?.toLowerCase() ?? 'png')}`,
        opts.format,
      );
  checkApplicable(opts as CompareOptions & Record<string, unknown>, target ? [target.format] : []);
  const columns = opts.terminal ? terminalWidth(io, opts.width) : 0;
  const named = resolveCompared(specs, opts.labels);
  if (target) checkEncoderSize(target.format, settings);
  checkBudget(
    chartWork(
      named.map((n) => n.fn),
      settings.range,
      settings.sampling ?? { samples: Math.ceil((settings.width * settings.scale) / 2) + 1 },
      !opts.quiet,
    ),
  );
  if (named.length > TAB10.length) {
    io.stderr.write(
      `actfn: warning: ${named.length} functions but ${TAB10.length} colors; colors repeat after the ${TAB10.length}th\n`,
    );
  }
  if (target) refuseBinaryOnTerminal(io, [target]);

  if (opts.terminal) {
    const model = modelOf(named, settings, show, columns * DOTS_PER_COLUMN);
    const { terminalChart } = await import('../paint/terminal/index.js');
    io.stdout.write(await terminalChart(model, { columns, color: colorLevel(io.stdout, io.env) }));
  } else {
    const t = target!;
    const model = modelOf(named, settings, show, settings.width * (isVector(t.format) ? 1 : settings.scale));
    const { layoutChart } = await import('../chart/layout.js');
    const { fontMeasure } = await import('../paint/fonts/font.js');
    const scene = layoutChart(model, {
      width: settings.width,
      height: settings.height,
      measure: fontMeasure(),
      style: { curveWidth: settings.curveWidth },
    });
    const warn = (message: string) => io.stderr.write(`actfn: warning: ${message}\n`);
    await withCleanupOnSignal(async () => {
      const page = t.format === 'html' ? comparePageView(specs, opts, settings, show) : undefined;
      const image = await renderImage(scene, t.format, {
        scale: settings.scale,
        jpegQuality: settings.jpegQuality,
        title: model.title || 'compare',
        warn,
        page,
      });
      if (t.path === '-') io.stdout.write(image);
      else await writeFileAtomic(t.path, image);
    });
    if (!opts.quiet) reportWritten(io, t, writtenSize(t.format, settings), (m) => io.stderr.write(`${m}\n`));
  }

  if (!opts.quiet) {
    // Data goes to stdout unless the image does; then the table is a message, on stderr.
    const stream = target?.path === '-' ? io.stderr : io.stdout;
    if (opts.terminal) stream.write('\n');
    const width = opts.terminal && opts.width !== undefined ? columns : undefined;
    stream.write(
      await comparePropertiesTable(named, stream, io, { cost: opts.cost === true, ...(width ? { width } : {}) }),
    );
  }
  return 0;
}
