/**
 * The rendering API: `render(specs, options)` → `{ bytes, mime }`, the chart `actfn plot` or
 * `actfn compare` would write, in any of its formats (and the terminal chart as text), without
 * files or a process. Options are the CLI's, typed; they are validated by the same code, so the
 * same bad value gets the same one-line message (naming the CLI option, e.g. `--range`).
 */
import type { ChartModel, LegendPlacement, ThemeName } from '../chart/model.js';

export type RenderFormat = 'png' | 'jpg' | 'jpeg' | 'webp' | 'svg' | 'pdf' | 'html' | 'gif' | 'terminal';

export interface RenderOptions {
  /** Default 'png'. 'terminal' is the braille chart of `--terminal`, as UTF-8 text. */
  readonly format?: RenderFormat;
  /**
   * 'plot': one function with its derivative (`actfn plot`); 'compare': several in one chart
   * (`actfn compare`). Default: plot for one spec, compare for several.
   */
  readonly chart?: 'plot' | 'compare';
  /** x range, `[a, b]` or `'a,b'` (default [-6, 6]). */
  readonly range?: readonly [number, number] | string;
  /** Sample spacing, as torch.arange (default: range / 120). */
  readonly step?: number;
  /** Evenly spaced samples, ends included (instead of step). */
  readonly samples?: number;
  /**
   * What is drawn. plot: 'both' (default), 'f' (--no-derivative) or 'df' (--derivative-only);
   * compare: 'values' (default), 'derivatives' (--derivative) or 'both' (--both).
   */
  readonly show?: 'both' | 'f' | 'df' | 'values' | 'derivatives';
  /** Size in pixels, `[width, height]` or `'500x350'` (the default). */
  readonly size?: readonly [number, number] | string;
  /** Device pixels per layout pixel for raster formats and GIF (default 1). */
  readonly scale?: number;
  /** Title; '' for none. */
  readonly title?: string;
  /** plot's legend labels for f and f′, `[f, df]` or `'f,df'`; compare's, one per function (after sweeps). */
  readonly labels?: readonly string[] | string;
  /** Curve width in points (default 1.5, as matplotlib), scaled with `scale`. */
  readonly lineWidth?: number;
  readonly theme?: ThemeName;
  /** |f′| on a log axis. */
  readonly logY?: boolean;
  /** 0–100 (default 92). */
  readonly jpegQuality?: number;
  readonly legend?: LegendPlacement;
  /** GIF of a spec with a parameter range `a..b`: number of frames (default 40) and frames per second (default 20). */
  readonly frames?: number;
  readonly fps?: number;
  /** Terminal chart: width in columns (default 80) and chalk color level (default 0, plain text). */
  readonly width?: number;
  readonly color?: 0 | 1 | 2 | 3;
  /** Called with each warning (e.g. a system font standing in for CJK text); default: none. */
  readonly warn?: (message: string) => void;
}

export interface Rendered {
  readonly bytes: Uint8Array;
  /** e.g. `image/png`, `text/html; charset=utf-8`. */
  readonly mime: string;
}

const MIME: Readonly<Record<Exclude<RenderFormat, 'jpeg'>, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  gif: 'image/gif',
  terminal: 'text/plain; charset=utf-8',
};

const text = (v: unknown): string | undefined => (v === undefined ? undefined : String(v));
const pair = (v: readonly unknown[] | string | undefined, sep: string): string | undefined =>
  v === undefined ? undefined : typeof v === 'string' ? v : v.join(sep);

/** The chart of `specs` as a file's bytes (or the terminal chart's text) and its MIME type. */
export async function render(specs: string | readonly string[], options: RenderOptions = {}): Promise<Rendered> {
  const { UsageError } = await import('../errors.js');
  const list = typeof specs === 'string' ? [specs] : [...specs];
  if (list.length === 0) throw new UsageError('render: give at least one function spec, e.g. render("GELU")');
  const format = options.format === 'jpeg' ? 'jpg' : (options.format ?? 'png');
  if (!(format in MIME))
    throw new UsageError(`render: format '${String(options.format)}' is not one of ${Object.keys(MIME).join(', ')}`);
  const chart = options.chart ?? (list.length === 1 ? 'plot' : 'compare');
  if (chart === 'plot' && list.length !== 1)
    throw new UsageError(`render: chart 'plot' draws one function (got ${list.length}); use chart 'compare'`);
  const show = options.show;
  const plotShows = ['both', 'f', 'df'];
  const compareShows = ['values', 'derivatives', 'both'];
  if (show !== undefined && !(chart === 'plot' ? plotShows : compareShows).includes(show)) {
    throw new UsageError(
      `render: show '${show}' is not one of ${(chart === 'plot' ? plotShows : compareShows).join(', ')} for chart '${chart}'`,
    );
  }
  const [{ plotSettings, plotModel }, { showOf, settingsOf, resolveCompared, modelOf }, { isAnimated }] =
    await Promise.all([import('../commands/plot.js'), import('../commands/compare.js'), import('../math/animate.js')]);
  const cli = {
    range: pair(options.range as readonly unknown[] | string | undefined, ','),
    step: text(options.step),
    samples: text(options.samples),
    size: pair(options.size as readonly unknown[] | string | undefined, 'x'),
    scale: text(options.scale),
    title: options.title,
    labels: pair(options.labels as readonly unknown[] | string | undefined, ','),
    theme: options.theme,
    logY: options.logY,
    jpegQuality: text(options.jpegQuality),
    legend: options.legend,
    lineWidth: text(options.lineWidth),
    ...(chart === 'plot' ? { derivative: show !== 'f', derivativeOnly: show === 'df' } : {}),
  };
  const compareShow =
    chart === 'compare'
      ? showOf({ derivative: show === 'derivatives', both: show === 'both', logY: options.logY })
      : undefined;
  const plotS = chart === 'plot' ? plotSettings(cli) : undefined;
  const settings = plotS ?? settingsOf(cli, compareShow);
  const mime = MIME[format];
  const done = (bytes: Uint8Array | string): Rendered => ({
    bytes: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : new Uint8Array(bytes),
    mime,
  });

  if (list.some(isAnimated)) {
    if (format !== 'gif')
      throw new UsageError(`render: a parameter range a..b animates, which only format 'gif' can show`);
    const anim = await import('../commands/animate.js');
    const a = anim.animationSettings({ frames: text(options.frames), fps: text(options.fps) });
    const models =
      chart === 'plot'
        ? anim.plotAnimationModels(list[0]!, plotS!, a, options.title)
        : anim.compareAnimationModels(list, settings, compareShow!, a);
    return done(await anim.animationGif(models, settings, a));
  }

  // Sampled as the CLI samples: per device pixel of a raster image, per pixel of the layout for
  // vector formats (HTML embeds the SVG), per braille dot for the terminal.
  const columns = options.width ?? 80;
  const { DOTS_PER_COLUMN } = await import('../paint/terminal/measure.js');
  const deviceWidth =
    format === 'terminal'
      ? columns * DOTS_PER_COLUMN
      : settings.width * (format === 'svg' || format === 'pdf' || format === 'html' ? 1 : settings.scale);
  let model: ChartModel;
  if (chart === 'plot') {
    const { resolveSpec } = await import('../math/resolve.js');
    model = plotModel(resolveSpec(list[0]!), plotS!, deviceWidth);
  } else {
    model = modelOf(resolveCompared(list, cli.labels), settings, compareShow!, deviceWidth);
  }
  if (format === 'terminal') {
    const { terminalChart } = await import('../paint/terminal/index.js');
    return done(await terminalChart(model, { columns, color: options.color ?? 0 }));
  }
  const [{ layoutChart }, { fontMeasure }, { renderImage }, views] = await Promise.all([
    import('../chart/layout.js'),
    import('../paint/fonts/font.js'),
    import('../paint/image.js'),
    import('../commands/page-view.js'),
  ]);
  const scene = layoutChart(model, {
    width: settings.width,
    height: settings.height,
    measure: fontMeasure(),
    style: { curveWidth: settings.curveWidth },
  });
  const page =
    format !== 'html'
      ? undefined
      : chart === 'plot'
        ? views.plotPageView(list[0]!, cli, plotS!)
        : views.comparePageView(list, cli, settings, compareShow!);
  const bytes = await renderImage(scene, format, {
    scale: settings.scale,
    jpegQuality: settings.jpegQuality,
    title: model.title || (chart === 'compare' ? 'compare' : ''),
    warn: options.warn ?? (() => {}),
    ...(page ? { page } : {}),
    ...(options.fps !== undefined ? { fps: options.fps } : {}),
  });
  return done(bytes);
}
