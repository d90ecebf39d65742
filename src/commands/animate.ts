/**
 * Animated sweeps: `plot "Softplus(beta=0.5..5)" -o sp.gif` and `compare "ELU(alpha=0.1..3)" GELU
 * -o elu.gif`. Each frame is the chart of the specs at that frame's value (math/animate.ts); the
 * axes are the same in every frame (y fitted to all frames at once, the legend in one corner), so
 * that what moves is the function; the title (plot) or the legend (compare) shows the value.
 */
import { basename, extname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { CompareShow } from '../chart/compare-chart.js';
import { resolveCompared } from '../chart/compared-names.js';
import type { ChartModel, Corner, Panel } from '../chart/model.js';
import type { LaidOutChart } from '../chart/layout.js';
import { paddedDomain } from '../chart/scale.js';
import { isAnimated, parseAnimation, specAtFrame } from '../math/animate.js';
import { resolveSpec } from '../math/resolve.js';
import type { ActivationFn } from '../math/types.js';
import { FORMAT_BY_EXTENSION } from '../paint/image.js';
import { writeFileAtomic, withCleanupOnSignal } from './atomic-write.js';
import type { CliIO } from './io.js';
import { parseInteger, parsePositive } from './options.js';
import { plotModel, plotSettings, runPlot, safeFileName, type PlotOptions, type PlotSettings } from './plot.js';
import { modelOf } from './compare-model.js';
import {
  type ChartSettings,
  reportWritten,
  type Target,
  writtenSize,
  refuseBinaryOnTerminal,
} from './chart-options.js';

export interface AnimationOptions {
  /** Number of frames (default 40). */
  frames?: string;
  /** Frames per second (default 20). */
  fps?: string;
}

export const DEFAULT_FRAMES = 40;
export const DEFAULT_FPS = 20;
export const MAX_FRAMES = 1000;
export const MAX_FPS = 100;

export interface AnimationSettings {
  readonly frames: number;
  readonly fps: number;
}

export function animationSettings(opts: AnimationOptions): AnimationSettings {
  const frames = parseInteger(opts.frames ?? String(DEFAULT_FRAMES), '--frames', 2, MAX_FRAMES);
  const fps = parsePositive(opts.fps ?? String(DEFAULT_FPS), '--fps');
  if (fps > MAX_FPS)
    throw new UsageError(`--fps ${opts.fps}: the limit is ${MAX_FPS} (GIF counts time in hundredths of a second)`);
  return { frames, fps };
}

/** A frame's name with the animated parameters always shown: `ELU(alpha=1)`, even at the default. */
function frameName(spec: string, fn: ActivationFn): string {
  const a = parseAnimation(spec);
  if (!a || !fn.entry || fn.expression !== undefined || fn.name !== fn.entry.name) return fn.label;
  const keys = a.params.map((p) => p.key.toLowerCase());
  const shown = fn.entry.params.filter((d) => keys.includes(d.name.toLowerCase()) || fn.params[d.name] !== d.default);
  return `${fn.name}(${shown.map((d) => `${d.name}=${String(fn.params[d.name])}`).join(', ')})`;
}

function plotTitle(spec: string, fn: ActivationFn): string | undefined {
  const name = frameName(spec, fn);
  if (name === fn.label) return undefined; // functionTitle's own (an expression shows its values)
  return `${fn.name}(x; ${name.slice(fn.name.length + 1, -1)})`;
}

/** The y range of each panel over every frame, with the layout's margin. */
function fixedAxes(models: readonly ChartModel[], margin: number): ChartModel[] {
  const first = models[0]!;
  const ranges = first.panels.map((p, i) => {
    if (p.yRange) return p.yRange;
    let lo = Infinity;
    let hi = -Infinity;
    for (const m of models) {
      for (const s of m.panels[i]!.series) {
        for (const line of s.polylines) {
          for (const v of line.y) {
            if (p.yScale === 'log' && !(v > 0)) continue;
            if (v < lo) lo = v;
            if (v > hi) hi = v;
          }
        }
      }
    }
    if (!(lo <= hi)) return p.yScale === 'log' ? ([0.1, 10] as const) : ([-1, 1] as const);
    return paddedDomain(p.yScale, lo, hi, margin);
  });
  return models.map((m) => ({ ...m, panels: m.panels.map((p, i): Panel => ({ ...p, yRange: ranges[i]! })) }));
}

/** The corner a laid-out legend sits in. */
function cornerOf(chart: LaidOutChart, i: number): Corner | undefined {
  const g = chart.panels[i]!;
  if (!g.legend) return undefined;
  const cx = g.legend.x + g.legend.width / 2;
  const cy = g.legend.y + g.legend.height / 2;
  const right = cx > g.plot.x + g.plot.width / 2;
  const lower = cy > g.plot.y + g.plot.height / 2;
  return `${lower ? 'lower' : 'upper'}-${right ? 'right' : 'left'}`;
}

/** Lays out every frame with fixed axes, the legend where most frames would put it. */
export async function animationScenes(models: readonly ChartModel[], s: ChartSettings): Promise<LaidOutChart[]> {
  const { layoutChartGeometry, PIXEL_STYLE } = await import('../chart/layout.js');
  const { fontMeasure } = await import('../paint/fonts/font.js');
  const measure = fontMeasure();
  const fixed = fixedAxes(models, PIXEL_STYLE.axisMargin);
  const layout = (m: ChartModel) =>
    layoutChartGeometry(m, { width: s.width, height: s.height, measure, style: { curveWidth: s.curveWidth } });
  if (!fixed[0]!.panels.some((p) => p.legend === 'auto')) return fixed.map(layout);
  const votes = fixed[0]!.panels.map(() => new Map<Corner, number>());
  const first = fixed.map((m) => {
    const scene = layout(m);
    votes.forEach((v, i) => {
      const c = cornerOf(scene, i);
      if (c) v.set(c, (v.get(c) ?? 0) + 1);
    });
    return scene;
  });
  const corners = votes.map((v) => [...v].sort((p, q) => q[1] - p[1])[0]?.[0]);
  // Frames whose legend already sits in the chosen corners keep their layout.
  return fixed.map((m, f) =>
    corners.every((c, i) => c === undefined || cornerOf(first[f]!, i) === c)
      ? first[f]!
      : layout({
          ...m,
          panels: m.panels.map((p, i) => (p.legend === 'auto' && corners[i] ? { ...p, legend: corners[i]! } : p)),
        }),
  );
}

function gifTarget(io: CliIO, opts: { out?: string; format?: string; outDir?: string }, fallback: string): Target {
  if (opts.format !== undefined && FORMAT_BY_EXTENSION[opts.format.toLowerCase()] !== 'gif') {
    throw new UsageError(
      `--format ${opts.format}: a parameter range a..b animates, which only a GIF can show (--format gif)`,
    );
  }
  if (opts.out === '-') {
    refuseBinaryOnTerminal(io, [{ path: '-', format: 'gif' }]);
    return { path: '-', format: 'gif' };
  }
  if (opts.out !== undefined) {
    if (opts.outDir !== undefined) throw new UsageError('give either -o/--out or --out-dir, not both');
    const ext = extname(opts.out).slice(1).toLowerCase();
    if (FORMAT_BY_EXTENSION[ext] !== 'gif' && !(ext === '' && opts.format !== undefined)) {
      throw new UsageError(
        `'${basename(opts.out)}': a parameter range a..b animates, which only a GIF can show; use a .gif name`,
      );
    }
    return { path: resolve(io.cwd, opts.out), format: 'gif' };
  }
  return { path: resolve(io.cwd, opts.outDir ?? '.', `${fallback}.gif`), format: 'gif' };
}

/** The frames as a GIF, with fixed axes. */
export async function animationGif(
  models: readonly ChartModel[],
  s: ChartSettings,
  a: AnimationSettings,
): Promise<Uint8Array> {
  const scenes = await animationScenes(models, s);
  const { renderGif } = await import('../paint/gif.js');
  return renderGif(
    scenes.map((c) => c.scene),
    { scale: s.scale, fps: a.fps },
  );
}

async function writeGif(
  io: CliIO,
  target: Target,
  models: ChartModel[],
  s: ChartSettings,
  a: AnimationSettings,
  quiet: boolean,
): Promise<void> {
  const bytes = await animationGif(models, s, a);
  await withCleanupOnSignal(async () => {
    if (target.path === '-') io.stdout.write(bytes);
    else await writeFileAtomic(target.path, bytes);
  });
  if (!quiet) reportWritten(io, target, writtenSize('gif', s), (m) => io.stderr.write(`${m}\n`));
}

/** The frames' specs: frame i of every spec (specs that animate nothing stay as they are). */
function framesOf(specs: readonly string[], n: number): string[][] {
  return Array.from({ length: n }, (_, i) => specs.map((spec) => specAtFrame(spec, i, n)));
}

/** `actfn plot` when a spec may hold a range a..b (cli.ts sends specs with '..' here): animated, or plot as usual. */
export async function runPlotAnimation(
  io: CliIO,
  specs: string[],
  opts: PlotOptions & AnimationOptions,
): Promise<number> {
  if (!specs.some(isAnimated)) return runPlot(io, specs, opts);
  if (opts.all) throw new UsageError('--all plots the catalog as it is; a parameter range a..b animates one function');
  if (opts.terminal)
    throw new UsageError('a parameter range a..b animates a GIF; --terminal draws one chart (give one value)');
  if (specs.length !== 1)
    throw new UsageError(`plot animates one function (got ${specs.length}); use compare for several in one animation`);
  const spec = specs[0]!;
  const a = animationSettings(opts);
  const s = plotSettings(opts);
  const target = gifTarget(io, opts, safeFileName(spec));
  await writeGif(io, target, plotAnimationModels(spec, s, a, opts.title), s, a, opts.quiet === true);
  return 0;
}

/** The charts of one animated function, frame by frame; the title shows the value. */
export function plotAnimationModels(spec: string, s: PlotSettings, a: AnimationSettings, title?: string): ChartModel[] {
  return framesOf([spec], a.frames).map(([one]) => {
    const fn = resolveSpec(one!);
    const t = title ?? plotTitle(spec, fn);
    // A GIF is raster: sampled per device pixel, as a PNG.
    return plotModel(fn, t === undefined ? s : { ...s, title: t }, s.width * s.scale);
  });
}

export async function runCompareAnimation(
  io: CliIO,
  specs: readonly string[],
  opts: { out?: string; format?: string; title?: string; quiet?: boolean },
  s: ChartSettings,
  show: CompareShow,
  a: AnimationSettings,
): Promise<number> {
  const target = gifTarget(io, opts, 'compare');
  await writeGif(io, target, compareAnimationModels(specs, s, show, a), s, a, opts.quiet === true);
  return 0;
}

/** The compared charts, frame by frame; the legend shows the values. */
export function compareAnimationModels(
  specs: readonly string[],
  s: ChartSettings,
  show: CompareShow,
  a: AnimationSettings,
): ChartModel[] {
  return framesOf(specs, a.frames).map((frame) => {
    // Names as compare gives them (sweeps expanded), the animated parameter always shown.
    const named = frame.flatMap((one, k) => {
      const fns = resolveCompared([one]);
      return fns.length === 1 ? [{ fn: fns[0]!.fn, name: frameName(specs[k]!, fns[0]!.fn) }] : fns;
    });
    return modelOf(named, s, show, s.width * s.scale);
  });
}
