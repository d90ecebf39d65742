/**
 * `actfn plot`: article-style charts of a function and its derivative, as PNG, JPG, WebP, SVG or
 * PDF. Every option is checked before anything is written; files are written atomically.
 */
import { basename, extname, join, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { catalog } from '../math/catalog.js';
import { resolveSpec, resolveSweep } from '../math/resolve.js';
import { sampleFunction } from '../math/sample.js';
import type { ActivationFn } from '../math/types.js';
import { functionChart, type CurveChoice, type FunctionChartOptions } from '../chart/function-chart.js';
import { type ImageFormat, renderImage } from '../paint/image.js';
import type { ChartModel } from '../chart/model.js';
import { writeFileAtomic, withCleanupOnSignal } from './atomic-write.js';
import { chartWork, checkBudget } from './budget.js';
import {
  chartGrid,
  chartSettings,
  checkApplicable,
  fileTarget,
  formatOf,
  isVector,
  namedTargets,
  reportWritten,
  writtenSize,
  type ChartCliOptions,
  type ChartSettings,
  type Target,
  refuseBinaryOnTerminal,
} from './chart-options.js';
import type { CliIO } from './io.js';
import { progressBar } from './progress.js';
import { plotPageView } from './page-view.js';

export {
  DEFAULT_RANGE,
  DEFAULT_SIZE,
  DEFAULT_STEPS,
  MAX_DEVICE_PIXELS,
  MAX_DEVICE_SIDE,
  MAX_SCALE,
  MAX_SIDE,
  MIN_SIDE,
  parseSize,
} from './chart-options.js';

export interface PlotOptions extends ChartCliOptions {
  outDir?: string;
  /** commander's --no-derivative: false when given. */
  derivative?: boolean;
  derivativeOnly?: boolean;
  labels?: string;
  all?: boolean;
  /** Also an interactive page beside each image (and, with --all, index.html). */
  html?: boolean;
  /** Animations (a spec with a parameter range a..b): number of frames and frames per second. */
  frames?: string;
  fps?: string;
}

/** Everything a chart needs besides the function, validated: the chart's options and the image's. */
export interface PlotSettings extends ChartSettings, Omit<FunctionChartOptions, 'title'> {
  readonly title?: string;
}

/** What each encoder can hold, where it is less than MAX_DEVICE_SIDE: WebP stores 14-bit sides. */
const ENCODER_MAX_SIDE: Partial<Record<ImageFormat, number>> = { webp: 16_383 };

/** A size within our limits that the chosen format's encoder cannot write is a usage error too. */
export function checkEncoderSize(format: ImageFormat, s: Pick<PlotSettings, 'width' | 'height' | 'scale'>): void {
  const max = ENCODER_MAX_SIDE[format];
  const w = Math.round(s.width * s.scale);
  const h = Math.round(s.height * s.scale);
  if (max !== undefined && (w > max || h > max)) {
    throw new UsageError(
      `a ${w}x${h}-pixel image is too large for ${format === 'webp' ? 'WebP' : format.toUpperCase()}, which holds at most ${max} pixels a side`,
    );
  }
}

function showChoice(opts: PlotOptions): CurveChoice {
  const noDerivative = opts.derivative === false;
  if (noDerivative && opts.derivativeOnly)
    throw new UsageError('--no-derivative and --derivative-only exclude each other');
  if (noDerivative) return 'f';
  // A log axis is for |f′|: how fast gradients vanish.
  if (opts.derivativeOnly || opts.logY) return 'df';
  return 'both';
}

function parseLabels(text: string | undefined, show: CurveChoice): PlotSettings['labels'] {
  if (text === undefined) return undefined;
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length > 2 || parts.some((p) => p === '')) {
    throw new UsageError(`--labels '${text}': expected one or two names separated by a comma, e.g. --labels f,df`);
  }
  if (parts.length === 1) {
    if (show === 'both')
      throw new UsageError(`--labels '${text}': two curves are drawn, give two labels (e.g. --labels f,df)`);
    return show === 'f' ? { f: parts[0]! } : { df: parts[0]! };
  }
  return { f: parts[0]!, df: parts[1]! };
}

export function plotSettings(opts: PlotOptions): PlotSettings {
  const show = showChoice(opts);
  const labels = parseLabels(opts.labels, show);
  return { ...chartSettings(opts), show, ...(labels ? { labels } : {}) };
}

/**
 * The chart model of one function under the settings (also used by terminal charts), sampled for
 * an image `deviceWidth` pixels wide.
 */
export function plotModel(fn: ActivationFn, settings: PlotSettings, deviceWidth: number): ChartModel {
  const sampled = sampleFunction(fn, chartGrid(settings.range, settings.sampling, deviceWidth));
  return functionChart(fn, sampled, settings);
}

/** A file name from a spec: `LeakyReLU(negative_slope=0.1)` → `LeakyReLU_negative_slope=0.1`. */
export function safeFileName(label: string): string {
  const name = label
    .replace(/[^\p{L}\p{N}._=+-]+/gu, '_')
    .replace(/^[_.]+|_+$/g, '')
    .slice(0, 100);
  return name || 'plot';
}

interface PlotTarget extends Target {
  readonly fn: ActivationFn;
}

function targets(io: CliIO, fns: readonly ActivationFn[], opts: PlotOptions): PlotTarget[] {
  if (opts.out !== undefined) {
    if (opts.outDir !== undefined) throw new UsageError('give either -o/--out or --out-dir, not both');
    if (fns.length > 1)
      throw new UsageError(`-o/--out names one file, but ${fns.length} functions were given; use --out-dir DIR`);
    return [{ fn: fns[0]!, ...fileTarget(io, opts.out, opts.format) }];
  }
  const named = namedTargets(
    io,
    opts.outDir ?? '.',
    fns.map((fn) => ({ base: safeFileName(fn.label), label: fn.spec })),
    formatOf(opts.format) ?? 'png',
  );
  return named.map((t, i) => ({ fn: fns[i]!, ...t }));
}

/** The interactive page beside an image: `GELU.png` → `GELU.html`. */
function pagePath(imagePath: string): string {
  return imagePath.slice(0, imagePath.length - extname(imagePath).length) + '.html';
}

function indexMarkdown(rows: readonly { fn: ActivationFn; file: string }[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [
    '# Activation functions',
    '',
    'Generated by `actfn plot --all`.',
    '',
    '| name | formula | image |',
    '|---|---|---|',
  ];
  for (const { fn, file } of rows) {
    const formula = fn.entry?.formula.f ?? '';
    lines.push(`| ${cell(fn.name)} | ${cell(formula)} | ![${cell(fn.name)}](${encodeURI(file)}) |`);
  }
  return `${lines.join('\n')}\n`;
}

export async function runPlot(io: CliIO, specs: string[], opts: PlotOptions): Promise<number> {
  if (opts.frames !== undefined || opts.fps !== undefined)
    throw new UsageError(
      '--frames and --fps animate a parameter range a..b in a spec, e.g. "Softplus(beta=0.5..5)" -o sp.gif',
    );
  if (opts.all && specs.length) throw new UsageError('give function names or --all, not both');
  if (!opts.all && specs.length === 0)
    throw new UsageError('name a function to plot (e.g. actfn plot GELU) or use --all with --out-dir');
  if (opts.all && opts.outDir === undefined)
    throw new UsageError('--all needs --out-dir DIR (one file per function, plus index.md)');
  const settings = plotSettings(opts);
  // A sweep (`ELU(alpha=0.5|1|2)`) is one file per value.
  const fns = opts.all ? catalog.map((e) => resolveSpec(e.name)) : specs.flatMap(resolveSweep);
  const plan = targets(io, fns, opts);
  checkBudget(
    chartWork(
      fns,
      settings.range,
      settings.sampling ?? { samples: Math.ceil((settings.width * settings.scale) / 2) + 1 },
    ),
  );
  for (const t of plan) checkEncoderSize(t.format, settings);
  checkApplicable(
    opts as PlotOptions & Record<string, unknown>,
    plan.map((t) => t.format),
  );
  refuseBinaryOnTerminal(io, plan);
  // On a terminal a message first clears the progress bar's line.
  const clear = io.stderr.isTTY && plan.length > 1 ? '\r\x1b[K' : '';
  const warn = (message: string) => io.stderr.write(`${clear}actfn: warning: ${message}\n`);
  const say = (message: string) => io.stderr.write(`${clear}${message}\n`);
  const { layoutChart } = await import('../chart/layout.js');
  const { fontMeasure } = await import('../paint/fonts/font.js');
  const measure = fontMeasure();
  // A renamed clash is said on its "wrote" line; with --quiet, which has none, as a warning.
  for (const t of plan) {
    if (t.renamedFrom && opts.quiet) {
      warn(`${t.renamedFrom} is already an output of this run; ${t.fn.label} goes to ${basename(t.path)}`);
    }
  }
  const progress = progressBar(io.stderr, plan.length);
  const deviceWidth = settings.width * (plan.every((t) => isVector(t.format)) ? 1 : settings.scale);
  try {
    await withCleanupOnSignal(async () => {
      for (const t of plan) {
        progress.step(t.fn.label);
        const model = plotModel(t.fn, settings, deviceWidth);
        const scene = layoutChart(model, {
          width: settings.width,
          height: settings.height,
          measure,
          style: { curveWidth: settings.curveWidth },
        });
        const page = plotPageView(t.fn.spec, opts, settings);
        const image = await renderImage(scene, t.format, {
          scale: settings.scale,
          jpegQuality: settings.jpegQuality,
          title: model.title ?? '',
          warn,
          page,
        });
        if (t.path === '-') io.stdout.write(image);
        else await writeFileAtomic(t.path, image);
        if (!opts.quiet) reportWritten(io, t, writtenSize(t.format, settings), say);
        if (opts.html && t.format !== 'html' && t.path !== '-') {
          // The page embeds the SVG chart, which is sampled as an SVG's (scale 1).
          const svgModel = deviceWidth === settings.width ? model : plotModel(t.fn, settings, settings.width);
          const svgScene =
            svgModel === model
              ? scene
              : layoutChart(svgModel, {
                  width: settings.width,
                  height: settings.height,
                  measure,
                  style: { curveWidth: settings.curveWidth },
                });
          const pageFile = pagePath(t.path);
          await writeFileAtomic(
            pageFile,
            await renderImage(svgScene, 'html', { scale: 1, jpegQuality: 0, title: model.title ?? '', warn, page }),
          );
          if (!opts.quiet) reportWritten(io, { path: pageFile, format: 'html' }, writtenSize('html', settings), say);
        }
      }
      if (opts.all) {
        const index = join(resolve(io.cwd, opts.outDir!), 'index.md');
        await writeFileAtomic(index, indexMarkdown(plan.map((t) => ({ fn: t.fn, file: basename(t.path) }))));
        if (!opts.quiet) say(`wrote ${relative(io.cwd, index) || index}`);
      }
      if (opts.all && opts.html) {
        const { galleryPage } = await import('../paint/html/gallery.js');
        const rows = plan.map((t) => ({
          fn: t.fn,
          image: basename(t.path),
          page: basename(t.format === 'html' ? t.path : pagePath(t.path)),
        }));
        const gallery = join(resolve(io.cwd, opts.outDir!), 'index.html');
        await writeFileAtomic(gallery, galleryPage(rows));
        if (!opts.quiet) say(`wrote ${relative(io.cwd, gallery) || gallery}`);
      }
    });
  } finally {
    // Also on an error, so that its message starts on a clean line.
    progress.done();
  }
  return 0;
}
