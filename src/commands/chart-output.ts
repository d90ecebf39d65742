/**
 * Writing a chart model for the network commands (propagate, edge-of-chaos): an image file in any
 * format, stdout (-o -), or braille in the terminal; sizes, themes and formats parsed as plot's.
 */
import { basename, extname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { FORMAT_BY_EXTENSION, renderImage, type ImageFormat } from '../paint/image.js';
import type { ChartModel } from '../chart/model.js';
import type { ChartLook } from '../chart/network-charts.js';
import { writeFileAtomic, withCleanupOnSignal } from './atomic-write.js';
import { colorLevel, type CliIO, type OutputStream } from './io.js';
import { parseInteger } from './options.js';
import { plotSettings } from './plot.js';

export interface ChartOptions {
  out?: string;
  format?: string;
  size?: string;
  scale?: string;
  title?: string;
  theme?: string;
  legend?: string;
  jpegQuality?: string;
  terminal?: boolean;
  columns?: string;
}

export interface ChartTarget {
  readonly look: ChartLook;
  /** Absolute path, '-' for stdout, or undefined for the terminal. */
  readonly path?: string;
  readonly format: ImageFormat;
  readonly width: number;
  readonly height: number;
  readonly scale: number;
  readonly jpegQuality: number;
  readonly columns: number;
}

/** Every chart option checked before any work is done. */
export function chartTarget(io: CliIO, opts: ChartOptions, defaultName: string): ChartTarget {
  if (opts.terminal) {
    for (const [flag, given] of [
      ['-o/--out', opts.out],
      ['--format', opts.format],
      ['--size', opts.size],
      ['--scale', opts.scale],
      ['--jpeg-quality', opts.jpegQuality],
    ] as const) {
      if (given !== undefined)
        throw new UsageError(
          `${flag} is for image files; --terminal draws in the terminal (use --columns for its width)`,
        );
    }
  } else if (opts.columns !== undefined) {
    throw new UsageError('--columns sets the width of a terminal chart (with --terminal); images use --size WxH');
  }
  const s = plotSettings({
    size: opts.size,
    scale: opts.scale,
    title: opts.title,
    theme: opts.theme,
    legend: opts.legend,
    jpegQuality: opts.jpegQuality,
  });
  const look: ChartLook = { ...(s.title !== undefined ? { title: s.title } : {}), legend: s.legend, theme: s.theme };
  const columns = opts.terminal
    ? opts.columns !== undefined
      ? parseInteger(opts.columns, '--columns', 20, 1000)
      : io.stdout.isTTY && io.stdout.columns
        ? Math.min(io.stdout.columns, 1000)
        : 80
    : 0;
  const common = { look, width: s.width, height: s.height, scale: s.scale, jpegQuality: s.jpegQuality, columns };
  if (opts.terminal) return { ...common, format: 'png' };
  const forced = opts.format === undefined ? undefined : FORMAT_BY_EXTENSION[opts.format.toLowerCase()];
  if (opts.format !== undefined && !forced)
    throw new UsageError(`--format '${opts.format}' is not one of png, jpg, webp, svg, pdf`);
  if (opts.out === undefined) {
    const format = forced ?? 'png';
    return { ...common, path: resolve(io.cwd, `${defaultName}.${format}`), format };
  }
  if (opts.out === '-') {
    const format = forced ?? 'png';
    if (format !== 'svg' && io.stdout.isTTY)
      throw new UsageError('refusing to write a binary image to the terminal; redirect stdout or use -o FILE');
    return { ...common, path: '-', format };
  }
  const fromExt = FORMAT_BY_EXTENSION[extname(opts.out).slice(1).toLowerCase()];
  if (!fromExt && !forced) {
    throw new UsageError(
      `cannot tell the image format of '${basename(opts.out)}': use a .png, .jpg, .jpeg, .webp, .svg or .pdf name, or --format`,
    );
  }
  if (fromExt && forced && fromExt !== forced)
    throw new UsageError(`--format ${opts.format} does not match the file name '${basename(opts.out)}'`);
  return { ...common, path: resolve(io.cwd, opts.out), format: (forced ?? fromExt)! };
}

/** Draws the chart; returns the stream for the text that follows (stderr when the image is on stdout). */
export async function emitChart(io: CliIO, model: ChartModel, t: ChartTarget): Promise<OutputStream> {
  if (t.path === undefined) {
    const { terminalChart } = await import('../paint/terminal/index.js');
    io.stdout.write(await terminalChart(model, { columns: t.columns, color: colorLevel(io.stdout, io.env) }));
    io.stdout.write('\n');
    return io.stdout;
  }
  const { layoutChart } = await import('../chart/layout.js');
  const { fontMeasure } = await import('../paint/fonts/font.js');
  const scene = layoutChart(model, { width: t.width, height: t.height, measure: fontMeasure() });
  const warn = (message: string) => io.stderr.write(`actfn: warning: ${message}\n`);
  const path = t.path;
  await withCleanupOnSignal(async () => {
    const image = await renderImage(scene, t.format, {
      scale: t.scale,
      jpegQuality: t.jpegQuality,
      title: model.title || 'chart',
      warn,
    });
    if (path === '-') io.stdout.write(image);
    else await writeFileAtomic(path, image);
  });
  return path === '-' ? io.stderr : io.stdout;
}
