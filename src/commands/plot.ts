/**
 * `actfn plot`: article-style charts of a function and its derivative, as PNG, JPG, WebP, SVG or
 * PDF. Every option is checked before anything is written; files are written atomically.
 */
import { basename, extname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { catalog } from '../math/catalog.js';
import type { Sampling } from '../math/sample.js';
import { MAX_POINTS } from '../math/grid.js';
import { resolveSpec } from '../math/resolve.js';
import { expandSweeps } from '../math/spec.js';
import type { ActivationFn } from '../math/types.js';
import { functionChart, type CurveChoice, type FunctionChartOptions } from '../chart/function-chart.js';
import { FORMAT_BY_EXTENSION, renderImage, type ImageFormat } from '../paint/image.js';
import type { ChartModel } from '../chart/model.js';
import { LEGEND_PLACEMENTS, THEME_NAMES } from '../chart/model.js';
import { writeFileAtomic, withCleanupOnSignal } from './atomic-write.js';
import { chartWork, checkBudget } from './budget.js';
import type { CliIO } from './io.js';
import { parseInteger, parsePositive, parseRange } from './options.js';
import { progressBar } from './progress.js';
import { plotPageView } from './page-view.js';

export interface PlotOptions {
  out?: string;
  outDir?: string;
  format?: string;
  range?: string;
  step?: string;
  samples?: string;
  /** commander's --no-derivative: false when given. */
  derivative?: boolean;
  derivativeOnly?: boolean;
  size?: string;
  scale?: string;
  title?: string;
  labels?: string;
  theme?: string;
  logY?: boolean;
  jpegQuality?: string;
  legend?: string;
  all?: boolean;
  /** Draw in the terminal (plot-terminal.ts) instead of writing an image. */
  terminal?: boolean;
  /** Columns of the terminal chart. */
  width?: string;
  /** Also an interactive page beside each image (and, with --all, index.html). */
  html?: boolean;
  /** Animations (a spec with a parameter range a..b): number of frames and frames per second. */
  frames?: string;
  fps?: string;
}

/** Layout size limits (logical pixels per side) and the largest image we agree to allocate. */
export const MIN_SIDE = 150;
export const MAX_SIDE = 10_000;
export const MAX_DEVICE_SIDE = 16_384;
export const MAX_DEVICE_PIXELS = 100_000_000;
export const MAX_SCALE = 10;

export const DEFAULT_SIZE = { width: 500, height: 350 } as const;
export const DEFAULT_RANGE: readonly [number, number] = [-6, 6];
/** The article samples torch.arange(-6, 6, 0.1): 120 steps over the range. */
export const DEFAULT_STEPS = 120;

/** Everything a chart needs besides the function, validated: the chart's options and the image's. */
export interface PlotSettings extends FunctionChartOptions {
  readonly width: number;
  readonly height: number;
  readonly scale: number;
  readonly jpegQuality: number;
}

export function parseSize(text: string): { width: number; height: number } {
  const m = /^\s*(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*$/i.exec(text);
  if (!m) throw new UsageError(`--size '${text}': expected WIDTHxHEIGHT in pixels, e.g. 500x350`);
  const width = Number(m[1]);
  const height = Number(m[2]);
  for (const v of [width, height]) {
    if (v < MIN_SIDE || v > MAX_SIDE) {
      throw new UsageError(`--size ${text}: each side must be from ${MIN_SIDE} to ${MAX_SIDE} pixels (the limit is ${MAX_SIDE}x${MAX_SIDE})`);
    }
  }
  return { width, height };
}

function parseScale(text: string, width: number, height: number): number {
  const k = parsePositive(text, '--scale');
  if (k > MAX_SCALE) throw new UsageError(`--scale ${text}: the limit is ${MAX_SCALE}`);
  const w = Math.round(width * k);
  const h = Math.round(height * k);
  if (w > MAX_DEVICE_SIDE || h > MAX_DEVICE_SIDE || w * h > MAX_DEVICE_PIXELS) {
    throw new UsageError(
      `--size ${width}x${height} at --scale ${text} makes a ${w}x${h}-pixel image; the limit is ${MAX_DEVICE_SIDE} pixels per side and ${MAX_DEVICE_PIXELS / 1e6} megapixels`,
    );
  }
  if (w < 1 || h < 1) throw new UsageError(`--scale ${text} leaves no pixels`);
  return k;
}

/** What each encoder can hold, where it is less than MAX_DEVICE_SIDE: WebP stores 14-bit sides. */
const ENCODER_MAX_SIDE: Partial<Record<ImageFormat, number>> = { webp: 16_383 };

/** A size within our limits that the chosen format's encoder cannot write is a usage error too. */
export function checkEncoderSize(format: ImageFormat, s: Pick<PlotSettings, 'width' | 'height' | 'scale'>): void {
  const max = ENCODER_MAX_SIDE[format];
  const w = Math.round(s.width * s.scale);
  const h = Math.round(s.height * s.scale);
  if (max !== undefined && (w > max || h > max)) {
    throw new UsageError(`a ${w}x${h}-pixel image is too large for ${format === 'webp' ? 'WebP' : format.toUpperCase()}, which holds at most ${max} pixels a side`);
  }
}

function choose<T extends string>(value: string | undefined, valid: readonly T[], fallback: T, option: string): T {
  if (value === undefined) return fallback;
  if (!(valid as readonly string[]).includes(value)) throw new UsageError(`${option} '${value}' is not one of ${valid.join(', ')}`);
  return value as T;
}

function showChoice(opts: PlotOptions): CurveChoice {
  const noDerivative = opts.derivative === false;
  if (noDerivative && opts.derivativeOnly) throw new UsageError('--no-derivative and --derivative-only exclude each other');
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
    if (show === 'both') throw new UsageError(`--labels '${text}': two curves are drawn, give two labels (e.g. --labels f,df)`);
    return show === 'f' ? { f: parts[0]! } : { df: parts[0]! };
  }
  return { f: parts[0]!, df: parts[1]! };
}

function parseSampling(opts: PlotOptions, range: readonly [number, number]): Sampling {
  if (opts.step !== undefined && opts.samples !== undefined) throw new UsageError('give either --step or --samples, not both');
  if (opts.samples !== undefined) return { samples: parseInteger(opts.samples, '--samples', 2, MAX_POINTS) };
  if (opts.step !== undefined) return { step: parsePositive(opts.step, '--step') };
  return defaultSampling(range);
}

/**
 * range / 120, computed so that it neither overflows (−1e308,1e308) nor underflows to 0 (0,5e-324):
 * a range too narrow for that step gets 121 evenly spaced samples instead.
 */
export function defaultSampling(range: readonly [number, number]): Sampling {
  const step = range[1] / DEFAULT_STEPS - range[0] / DEFAULT_STEPS;
  return step > 0 && range[0] + step > range[0] ? { step } : { samples: DEFAULT_STEPS + 1 };
}

export function plotSettings(opts: PlotOptions): PlotSettings {
  const range = opts.range === undefined ? DEFAULT_RANGE : parseRange(opts.range);
  const show = showChoice(opts);
  const { width, height } = parseSize(opts.size ?? `${DEFAULT_SIZE.width}x${DEFAULT_SIZE.height}`);
  const labels = parseLabels(opts.labels, show);
  return {
    range,
    sampling: parseSampling(opts, range),
    show,
    ...(labels ? { labels } : {}),
    ...(opts.title !== undefined ? { title: opts.title } : {}),
    logY: opts.logY === true,
    legend: choose(opts.legend, LEGEND_PLACEMENTS, 'auto', '--legend'),
    theme: choose(opts.theme, THEME_NAMES, 'light', '--theme'),
    width,
    height,
    scale: parseScale(opts.scale ?? '1', width, height),
    jpegQuality: parseInteger(opts.jpegQuality ?? '92', '--jpeg-quality', 0, 100),
  };
}

/** The chart model of one function under the settings (also used by terminal charts). */
export function plotModel(fn: ActivationFn, settings: PlotSettings): ChartModel {
  return functionChart(fn, settings);
}

/** A file name from a spec: `LeakyReLU(negative_slope=0.1)` → `LeakyReLU_negative_slope=0.1`. */
export function safeFileName(label: string): string {
  const name = label
    .replace(/[^A-Za-z0-9._=+-]+/g, '_')
    .replace(/^[_.]+|_+$/g, '')
    .slice(0, 100);
  return name || 'plot';
}

function formatOf(opts: PlotOptions): ImageFormat | undefined {
  if (opts.format === undefined) return undefined;
  const f = FORMAT_BY_EXTENSION[opts.format.toLowerCase()];
  if (!f) throw new UsageError(`--format '${opts.format}' is not one of png, jpg, webp, svg, pdf, html, gif`);
  return f;
}

interface Target {
  readonly fn: ActivationFn;
  /** Absolute path, or '-' for stdout. */
  readonly path: string;
  readonly format: ImageFormat;
  /** The file name the spec would have had, taken by an earlier output of the run. */
  readonly renamedFrom?: string;
}

function targets(io: CliIO, fns: readonly ActivationFn[], opts: PlotOptions): Target[] {
  const forced = formatOf(opts);
  if (opts.out !== undefined) {
    if (opts.outDir !== undefined) throw new UsageError('give either -o/--out or --out-dir, not both');
    if (fns.length > 1) throw new UsageError(`-o/--out names one file, but ${fns.length} functions were given; use --out-dir DIR`);
    if (opts.out === '-') return [{ fn: fns[0]!, path: '-', format: forced ?? 'png' }];
    const ext = extname(opts.out).slice(1).toLowerCase();
    const fromExt = FORMAT_BY_EXTENSION[ext];
    if (!fromExt && !forced) {
      throw new UsageError(`cannot tell the image format of '${basename(opts.out)}': use a .png, .jpg, .jpeg, .webp, .svg, .pdf, .html or .gif name, or --format`);
    }
    if (fromExt && forced && fromExt !== forced) throw new UsageError(`--format ${opts.format} does not match the file name '${basename(opts.out)}'`);
    return [{ fn: fns[0]!, path: resolve(io.cwd, opts.out), format: (forced ?? fromExt)! }];
  }
  const format = forced ?? 'png';
  if (opts.outDir === '') throw new UsageError("--out-dir '' names no folder (use --out-dir . for the current one)");
  const dir = resolve(io.cwd, opts.outDir ?? '.');
  // Every output gets its own name: `GELU GELU "GELU-2=x*x"` → GELU, GELU-2, GELU-2-2.
  const taken = new Set<string>();
  return fns.map((fn) => {
    const base = safeFileName(fn.label);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    taken.add(name.toLowerCase());
    return { fn, path: join(dir, `${name}.${format}`), format, ...(name === base ? {} : { renamedFrom: `${base}.${format}` }) };
  });
}

/** The interactive page beside an image: `GELU.png` → `GELU.html`. */
function pagePath(imagePath: string): string {
  return imagePath.slice(0, imagePath.length - extname(imagePath).length) + '.html';
}

function indexMarkdown(rows: readonly { fn: ActivationFn; file: string }[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = ['# Activation functions', '', 'Generated by `actfn plot --all`.', '', '| name | formula | image |', '|---|---|---|'];
  for (const { fn, file } of rows) {
    const formula = fn.entry?.formula.f ?? '';
    lines.push(`| ${cell(fn.name)} | ${cell(formula)} | ![${cell(fn.name)}](${encodeURI(file)}) |`);
  }
  return `${lines.join('\n')}\n`;
}

export async function runPlot(io: CliIO, specs: string[], opts: PlotOptions): Promise<number> {
  if (opts.frames !== undefined || opts.fps !== undefined) throw new UsageError('--frames and --fps animate a parameter range a..b in a spec, e.g. "Softplus(beta=0.5..5)" -o sp.gif');
  if (opts.width !== undefined) throw new UsageError('--width sets the width of a terminal chart (with --terminal); images use --size WxH');
  if (opts.all && specs.length) throw new UsageError('give function names or --all, not both');
  if (!opts.all && specs.length === 0) throw new UsageError('name a function to plot (e.g. actfn plot GELU) or use --all with --out-dir');
  if (opts.all && opts.outDir === undefined) throw new UsageError('--all needs --out-dir DIR (one file per function, plus index.md)');
  const settings = plotSettings(opts);
  const fns = opts.all ? catalog.map((e) => resolveSpec(e.name)) : specs.flatMap(expandSweeps).map(resolveSpec);
  checkBudget(chartWork(fns, settings.range, settings.sampling));
  const plan = targets(io, fns, opts);
  for (const t of plan) checkEncoderSize(t.format, settings);
  if (plan.some((t) => t.path === '-' && t.format !== 'svg' && t.format !== 'html') && io.stdout.isTTY) {
    throw new UsageError('refusing to write a binary image to the terminal; redirect stdout or use -o FILE');
  }
  // On a terminal a warning first clears the progress bar's line.
  const clear = io.stderr.isTTY && plan.length > 1 ? '\r\x1b[K' : '';
  const warn = (message: string) => io.stderr.write(`${clear}actfn: warning: ${message}\n`);
  const { layoutChart } = await import('../chart/layout.js');
  const { fontMeasure } = await import('../paint/fonts/font.js');
  const measure = fontMeasure();
  for (const t of plan) {
    if (t.renamedFrom) warn(`${t.renamedFrom} is already an output of this run; ${t.fn.label} goes to ${basename(t.path)}`);
  }
  const progress = progressBar(io.stderr, plan.length);
  try {
    await withCleanupOnSignal(async () => {
      for (const t of plan) {
        progress.step(t.fn.label);
        const model = plotModel(t.fn, settings);
        const scene = layoutChart(model, { width: settings.width, height: settings.height, measure });
        const page = plotPageView(t.fn.spec, opts, settings);
        const image = await renderImage(scene, t.format, { scale: settings.scale, jpegQuality: settings.jpegQuality, title: model.title ?? '', warn, page });
        if (t.path === '-') io.stdout.write(image);
        else await writeFileAtomic(t.path, image);
        if (opts.html && t.format !== 'html' && t.path !== '-') {
          await writeFileAtomic(pagePath(t.path), await renderImage(scene, 'html', { scale: 1, jpegQuality: 0, title: model.title ?? '', warn, page }));
        }
      }
      if (opts.all) await writeFileAtomic(join(resolve(io.cwd, opts.outDir!), 'index.md'), indexMarkdown(plan.map((t) => ({ fn: t.fn, file: basename(t.path) }))));
      if (opts.all && opts.html) {
        const { galleryPage } = await import('../paint/html/gallery.js');
        const rows = plan.map((t) => ({ fn: t.fn, image: basename(t.path), page: basename(t.format === 'html' ? t.path : pagePath(t.path)) }));
        await writeFileAtomic(join(resolve(io.cwd, opts.outDir!), 'index.html'), galleryPage(rows));
      }
    });
  } finally {
    // Also on an error, so that its message starts on a clean line.
    progress.done();
  }
  return 0;
}
