/**
 * What `plot` and `compare` share: parsing the chart and image options (sizes, scale, formats,
 * line width, legend, theme, sampling), where images go (targets, renamed clashes), which options
 * do not apply to the chosen output (usage errors with the same messages in both commands), the
 * sample grid a chart gets (at least one sample per 2 device pixels by default), and the
 * `wrote FILE (W×H)` report.
 */
import { basename, extname, join, relative, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { MAX_POINTS } from '../math/grid.js';
import type { Sampling } from '../math/sample.js';
import { LEGEND_PLACEMENTS, THEME_NAMES, type LegendPlacement, type ThemeName } from '../chart/model.js';
import { FORMAT_BY_EXTENSION, type ImageFormat } from '../paint/image.js';
import type { CliIO } from './io.js';

export { chartGrid, DEFAULT_STEPS } from '../chart/chart-grid.js';
import { parseInteger, parsePositive, parseRange } from './options.js';

/** The options both commands take for a chart (commander's names). */
export interface ChartCliOptions {
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
  lineWidth?: string;
  quiet?: boolean;
  terminal?: boolean;
  width?: string;
}

/** Layout size limits (logical pixels per side) and the largest image we agree to allocate. */
export const MIN_SIDE = 150;
export const MAX_SIDE = 10_000;
export const MAX_DEVICE_SIDE = 16_384;
export const MAX_DEVICE_PIXELS = 100_000_000;
export const MAX_SCALE = 10;

export const DEFAULT_SIZE = { width: 500, height: 350 } as const;
/** Two stacked panels (compare --both): each gets the single chart's proportions. */
export const DEFAULT_STACKED_SIZE = { width: 500, height: 700 } as const;
export const DEFAULT_RANGE: readonly [number, number] = [-6, 6];
/** matplotlib's default line width, in points. */
export const DEFAULT_LINE_WIDTH_PT = 1.5;
/** Layout units (1/100 in) per point (1/72 in). */
const UNITS_PER_POINT = 100 / 72;

/** Settings of the image and its chart, validated; what the chart shows is each command's own. */
export interface ChartSettings {
  readonly range: readonly [number, number];
  /** Given by --step or --samples; undefined: follow the image's pixel width. */
  readonly sampling: Sampling | undefined;
  readonly title?: string;
  readonly logY: boolean;
  readonly legend: LegendPlacement;
  readonly theme: ThemeName;
  readonly width: number;
  readonly height: number;
  readonly scale: number;
  readonly jpegQuality: number;
  /** Curve width in layout units. */
  readonly curveWidth: number;
}

export function parseSize(text: string): { width: number; height: number } {
  const m = /^\s*(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*$/i.exec(text);
  if (!m) throw new UsageError(`--size '${text}': expected WIDTHxHEIGHT in pixels, e.g. 500x350`);
  const width = Number(m[1]);
  const height = Number(m[2]);
  for (const v of [width, height]) {
    if (v < MIN_SIDE || v > MAX_SIDE) {
      throw new UsageError(
        `--size ${text}: each side must be from ${MIN_SIDE} to ${MAX_SIDE} pixels (the limit is ${MAX_SIDE}x${MAX_SIDE})`,
      );
    }
  }
  return { width, height };
}

export function parseScale(text: string, width: number, height: number): number {
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

/** --line-width in points (0.25 to 20) → layout units. */
export function parseLineWidth(text: string | undefined): number {
  if (text === undefined) return DEFAULT_LINE_WIDTH_PT * UNITS_PER_POINT;
  const pt = parsePositive(text, '--line-width');
  if (pt < 0.25 || pt > 20) throw new UsageError(`--line-width ${text} must be from 0.25 to 20 points`);
  return pt * UNITS_PER_POINT;
}

export function choose<T extends string>(
  value: string | undefined,
  valid: readonly T[],
  fallback: T,
  option: string,
): T {
  if (value === undefined) return fallback;
  if (!(valid as readonly string[]).includes(value))
    throw new UsageError(`${option} '${value}' is not one of ${valid.join(', ')}`);
  return value as T;
}

export function parseSampling(opts: ChartCliOptions): Sampling | undefined {
  if (opts.step !== undefined && opts.samples !== undefined)
    throw new UsageError('give either --step or --samples, not both');
  if (opts.samples !== undefined) return { samples: parseInteger(opts.samples, '--samples', 2, MAX_POINTS) };
  if (opts.step !== undefined) return { step: parsePositive(opts.step, '--step') };
  return undefined;
}

/** `a,b,c` → names, exactly `count` of them, none empty. */
export function parseNames(text: string, count: number, what: string): string[] {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.some((p) => p === ''))
    throw new UsageError(`--labels '${text}': empty name (expected names separated by commas)`);
  if (parts.length !== count) {
    throw new UsageError(
      `--labels '${text}': ${parts.length} name${parts.length === 1 ? '' : 's'} for ${count} ${what}; give one per ${what.replace(/s$/, '')}`,
    );
  }
  return parts;
}

export function chartSettings(
  opts: ChartCliOptions,
  defaultSize: { width: number; height: number } = DEFAULT_SIZE,
): ChartSettings {
  const range = opts.range === undefined ? DEFAULT_RANGE : parseRange(opts.range);
  const { width, height } = opts.size === undefined ? defaultSize : parseSize(opts.size);
  return {
    range,
    sampling: parseSampling(opts),
    ...(opts.title !== undefined ? { title: opts.title } : {}),
    logY: opts.logY === true,
    legend: choose(opts.legend, LEGEND_PLACEMENTS, 'auto', '--legend'),
    theme: choose(opts.theme, THEME_NAMES, 'light', '--theme'),
    width,
    height,
    scale: parseScale(opts.scale ?? '1', width, height),
    jpegQuality: parseInteger(opts.jpegQuality ?? '92', '--jpeg-quality', 0, 100),
    curveWidth: parseLineWidth(opts.lineWidth),
  };
}

/** The formats a command writes: plot and compare every one; diff and the network charts images only. */
export interface Formats {
  readonly command: string;
  readonly accepted: readonly ImageFormat[];
}

const EVERY_FORMAT: readonly ImageFormat[] = ['png', 'jpg', 'webp', 'svg', 'pdf', 'html', 'gif'];
/** Images only: an interactive page is a view of functions, not of a difference or a network's statistics. */
export const IMAGE_FORMATS: readonly ImageFormat[] = EVERY_FORMAT.filter((f) => f !== 'html');

function formatsOf(command: string): Formats {
  return { command, accepted: EVERY_FORMAT };
}

/** `a, b or c` */
function either(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** Refuses a format the command does not write, naming what it does write. */
function checkAccepted(format: ImageFormat, formats: Formats, given: string): ImageFormat {
  if (formats.accepted.includes(format)) return format;
  const what = format === 'html' ? 'an HTML page' : format.toUpperCase();
  throw new UsageError(`${formats.command} draws images (${either(formats.accepted)}), not ${what} (${given})`);
}

export function formatOf(format: string | undefined, formats: Formats = formatsOf('plot')): ImageFormat | undefined {
  if (format === undefined) return undefined;
  const f = FORMAT_BY_EXTENSION[format.toLowerCase()];
  if (!f) throw new UsageError(`--format '${format}' is not one of ${formats.accepted.join(', ')}`);
  return checkAccepted(f, formats, `--format ${format}`);
}

export interface Target {
  /** Absolute path, or '-' for stdout. */
  readonly path: string;
  readonly format: ImageFormat;
  /** The name this file would have had, when another file of the run took it. */
  readonly renamedFrom?: string;
  /** The spec or label whose file took the name. */
  readonly takenBy?: string;
}

/** The target of `-o FILE` (or `-o -`), its format from --format or the extension. */
export function fileTarget(
  io: CliIO,
  out: string,
  format: string | undefined,
  formats: Formats = formatsOf('plot'),
): Target {
  const forced = formatOf(format, formats);
  if (out === '-') return { path: '-', format: forced ?? 'png' };
  const fromExt = FORMAT_BY_EXTENSION[extname(out).slice(1).toLowerCase()];
  if (!fromExt && !forced) {
    const names = formats.accepted.flatMap((f) => (f === 'jpg' ? ['.jpg', '.jpeg'] : [`.${f}`]));
    throw new UsageError(
      `cannot tell the image format of '${basename(out)}': use a ${either(names)} name, or --format`,
    );
  }
  if (fromExt && forced && fromExt !== forced)
    throw new UsageError(`--format ${format} does not match the file name '${basename(out)}'`);
  if (fromExt) checkAccepted(fromExt, formats, `'${basename(out)}'`);
  return { path: resolve(io.cwd, out), format: (forced ?? fromExt)! };
}

/** An image on stdout must not go to a terminal (SVG and HTML are text and may). */
export function refuseBinaryOnTerminal(io: CliIO, targets: readonly { path: string; format: ImageFormat }[]): void {
  if (targets.some((t) => t.path === '-' && t.format !== 'svg' && t.format !== 'html') && io.stdout.isTTY)
    throw new UsageError('refusing to write a binary image to the terminal; redirect stdout or use -o FILE');
}

/** One file per name in `dir`; a name taken earlier in the run (case-insensitively) gets -2, -3, … */
export function namedTargets(
  io: CliIO,
  dir: string,
  names: readonly { base: string; label: string }[],
  format: ImageFormat,
): Target[] {
  if (dir === '') throw new UsageError("--out-dir '' names no folder (use --out-dir . for the current one)");
  // Every output of a run gets its own name, even against a spec literally named like a renamed one:
  // `GELU GELU "GELU-2=x*x"` → GELU, GELU-2, GELU-2-2.
  const taken = new Map<string, string>();
  const folder = resolve(io.cwd, dir);
  return names.map(({ base, label }) => {
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    const takenBy = taken.get(base.toLowerCase());
    taken.set(name.toLowerCase(), label);
    const path = join(folder, `${name}.${format}`);
    return takenBy === undefined ? { path, format } : { path, format, renamedFrom: `${base}.${format}`, takenBy };
  });
}

/** Options that only mean something for image files, with their flags. */
/** How each chart option is written on the command line (commander's key → flag). */
const CHART_FLAGS: Readonly<Record<string, string>> = {
  out: '-o/--out',
  outDir: '--out-dir',
  format: '--format',
  size: '--size',
  scale: '--scale',
  jpegQuality: '--jpeg-quality',
  lineWidth: '--line-width',
  all: '--all',
  html: '--html',
  frames: '--frames',
  fps: '--fps',
  title: '--title',
  theme: '--theme',
  legend: '--legend',
  terminal: '--terminal',
  columns: '--columns',
};

/**
 * Chart options given where they do nothing: the first of `keys` in `opts` (as its flag) is a
 * usage error, `${flag} ${why}`.
 */
export function refuseChartOptions(opts: object, keys: readonly string[], why: string): void {
  const given = opts as Record<string, unknown>;
  for (const key of keys) {
    if (given[key] !== undefined && given[key] !== false) throw new UsageError(`${CHART_FLAGS[key]} ${why}`);
  }
}

/** Options that only mean something for image files. */
const IMAGE_ONLY = [
  'out',
  'outDir',
  'format',
  'size',
  'scale',
  'jpegQuality',
  'lineWidth',
  'all',
  'html',
  'frames',
  'fps',
];

/**
 * Options that do nothing for the chosen output are usage errors: image options with
 * --terminal, --width without it, --scale for vector formats (an HTML page embeds the SVG chart;
 * a GIF is raster, so it scales), --jpeg-quality for anything but JPEG.
 */
export function checkApplicable(
  opts: ChartCliOptions & Record<string, unknown>,
  formats: readonly ImageFormat[],
  /** The option that sets a terminal chart's width: --width, or --columns where --width means another thing. */
  terminalWidth: 'width' | 'columns' = 'width',
): void {
  if (opts.terminal) {
    refuseChartOptions(
      opts,
      IMAGE_ONLY,
      `is for image files; --terminal draws in the terminal (use --${terminalWidth} for its size)`,
    );
    return;
  }
  if (opts[terminalWidth] !== undefined)
    throw new UsageError(
      `--${terminalWidth} sets the width of a terminal chart (with --terminal); images use --size WxH`,
    );
  const vector = formats.find(isVector);
  if (opts.scale !== undefined && vector) {
    throw new UsageError(
      `--scale multiplies the pixels of PNG, JPG, WebP and GIF images; ${vector.toUpperCase()} is drawn at any scale (leave out --scale)`,
    );
  }
  const other = formats.find((f) => f !== 'jpg');
  if (opts.jpegQuality !== undefined && other) {
    throw new UsageError(
      `--jpeg-quality is for JPEG images, not ${other.toUpperCase()} (use -o FILE.jpg or --format jpg)`,
    );
  }
}

/** The widest terminal chart: drawing grows with width × height, both set by the width. */
export const MAX_TERMINAL_WIDTH = 1000;

/**
 * Width of a terminal chart: the option's value (`flag`: --width, or --columns where --width means
 * something else), else the terminal's (at most MAX_TERMINAL_WIDTH), else 80 columns.
 */
export function terminalWidth(io: CliIO, value: string | undefined, flag = '--width'): number {
  if (value !== undefined) return parseInteger(value, flag, 20, MAX_TERMINAL_WIDTH);
  return io.stdout.isTTY && io.stdout.columns ? Math.min(io.stdout.columns, MAX_TERMINAL_WIDTH) : 80;
}

/** `wrote compare.png (500×350)` on stderr, with the renaming if there was one. */
export function reportWritten(
  io: CliIO,
  target: Target,
  size: { width: number; height: number },
  write: (message: string) => void,
): void {
  if (target.path === '-') return;
  const rel = relative(io.cwd, target.path);
  const shown = rel && !rel.startsWith('..') ? rel : target.path;
  const renamed = target.renamedFrom ? `; ${target.renamedFrom} was taken by ${target.takenBy}` : '';
  write(`wrote ${shown} (${size.width}×${size.height}${renamed})`);
}

/** Formats drawn at any scale: SVG, PDF and the HTML page (which embeds the SVG chart). */
export function isVector(format: ImageFormat): boolean {
  return format === 'svg' || format === 'pdf' || format === 'html';
}

/** The size a file reports: device pixels for raster images (GIF too), the layout size for SVG, PDF and HTML. */
export function writtenSize(
  format: ImageFormat,
  settings: { width: number; height: number; scale: number },
): { width: number; height: number } {
  if (isVector(format)) return { width: settings.width, height: settings.height };
  return { width: Math.round(settings.width * settings.scale), height: Math.round(settings.height * settings.scale) };
}
