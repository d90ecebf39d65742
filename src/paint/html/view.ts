/**
 * What an interactive page shows, as plain data (it travels into the page as JSON): the command
 * (plot or compare), its series as spec text, and the chart options. The same pure functions run
 * in Node (to write the page and its first chart) and in the page (on every slider move): the
 * view's chart model, and the command line that reproduces the view. The model is always built
 * from that command's specs, so the page cannot show anything its command would not draw.
 */
import { chartGrid } from '../../chart/chart-grid.js';
import { compareChart, type CompareShow } from '../../chart/compare-chart.js';
import { resolveCompared } from '../../chart/compared-names.js';
import { functionChart, type CurveChoice } from '../../chart/function-chart.js';
import type { ChartModel, LegendPlacement, ThemeName } from '../../chart/model.js';
import { resolveSpec } from '../../math/resolve.js';
import { sampleFunction, type Sampling } from '../../math/sample.js';

export interface PageSeries {
  /** A catalog spec (`ELU(alpha=0.7)`) or an expression in x. */
  readonly spec: string;
  /** Drawn (compare: the series is in the command; plot has one series, always on). */
  readonly on: boolean;
  /** Series expanded from one sweep (`ELU(alpha=0.5|1|2)`) share a group and its swept key. */
  readonly group?: number;
  readonly swept?: string;
}

export interface PageView {
  readonly command: 'plot' | 'compare';
  readonly series: readonly PageSeries[];
  readonly range: readonly [number, number];
  /** As given on the command line; absent: the default, one sample per 2 pixels (chart-grid.ts). */
  readonly sampling?: Sampling;
  readonly show: CurveChoice | CompareShow;
  readonly logY: boolean;
  readonly legend: LegendPlacement;
  readonly theme: ThemeName;
  readonly width: number;
  readonly height: number;
  /** No --size was given: the size follows the command's default for what is shown (viewSize). */
  readonly defaultSize?: boolean;
  readonly title?: string;
  /** --labels, as given (plot: f and f′; compare: one name per function). */
  readonly labels?: string;
  /** --line-width in points, as given. */
  readonly lineWidth?: number;
}

export const DEFAULT_VIEW_RANGE: readonly [number, number] = [-6, 6];
/** The commands' default sizes: compare --both stacks two panels of the single chart's proportions. */
const DEFAULT_SIZE = { width: 500, height: 350 } as const;
const DEFAULT_STACKED_SIZE = { width: 500, height: 700 } as const;

function defaultSize(view: PageView): { width: number; height: number } {
  return view.command === 'compare' && view.show === 'both' ? DEFAULT_STACKED_SIZE : DEFAULT_SIZE;
}

/** The chart's size: --size as given, else the command's default for what the view shows. */
export function viewSize(view: PageView): { width: number; height: number } {
  return view.defaultSize ? defaultSize(view) : { width: view.width, height: view.height };
}
/** Layout units (1/100 in) per point (1/72 in). */
const UNITS_PER_POINT = 100 / 72;

/** The x grid of the view's chart: the command's, for an SVG (HTML embeds one) `width` pixels wide. */
export function viewGrid(view: PageView): Float64Array {
  return chartGrid(view.range, view.sampling, viewSize(view).width);
}

/** The layout style the command gave (--line-width). */
export function viewStyle(view: PageView): { curveWidth?: number } {
  return view.lineWidth === undefined ? {} : { curveWidth: view.lineWidth * UNITS_PER_POINT };
}

/**
 * The specs the view's command passes: the series that are on, with the members of a sweep that
 * still differ only in the swept parameter written back as one sweep (`ELU(alpha=0.5|2)`), so the
 * command names them as the page does.
 */
export function viewSpecs(view: PageView): string[] {
  const on = view.series.filter((s) => s.on);
  const out: string[] = [];
  for (let i = 0; i < on.length; ) {
    const s = on[i]!;
    let j = i + 1;
    while (j < on.length && s.group !== undefined && on[j]!.group === s.group) j++;
    const merged = j - i > 1 ? mergeSweep(on.slice(i, j)) : undefined;
    if (merged) out.push(merged);
    else for (let k = i; k < j; k++) out.push(on[k]!.spec);
    i = j;
  }
  return out;
}

function mergeSweep(members: readonly PageSeries[]): string | undefined {
  const key = members[0]!.swept;
  if (key === undefined) return undefined;
  const fns = members.map((m) => resolveSpec(m.spec));
  const entry = fns[0]!.entry;
  if (!entry || fns.some((f) => f.entry !== entry || f.expression !== undefined || f.name !== entry.name))
    return undefined;
  const def = entry.params.find((d) => d.name.toLowerCase() === key.toLowerCase());
  if (!def) return undefined;
  const others = entry.params.filter((d) => d !== def);
  if (fns.some((f) => others.some((d) => f.params[d.name] !== fns[0]!.params[d.name]))) return undefined;
  const args = entry.params
    .filter((d) => d === def || fns[0]!.params[d.name] !== d.default)
    .map(
      (d) =>
        `${d.name}=${d === def ? fns.map((f) => String(f.params[d.name])).join('|') : String(fns[0]!.params[d.name])}`,
    );
  return `${entry.name}(${args.join(', ')})`;
}

function labelsOf(text: string | undefined, show: CurveChoice): { f?: string; df?: string } | undefined {
  if (text === undefined) return undefined;
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length === 1) return show === 'f' ? { f: parts[0]! } : { df: parts[0]! };
  return { f: parts[0]!, df: parts[1]! };
}

/** The chart the view's command draws. Throws UsageError for bad specs (the page shows it). */
export function viewModel(view: PageView): ChartModel {
  const specs = viewSpecs(view);
  const grid = viewGrid(view);
  const common = {
    range: view.range,
    ...(view.title !== undefined ? { title: view.title } : {}),
    logY: view.logY,
    legend: view.legend,
    theme: view.theme,
  };
  if (view.command === 'plot') {
    const show = view.show as CurveChoice;
    const labels = labelsOf(view.labels, show);
    const fn = resolveSpec(specs[0]!);
    return functionChart(fn, sampleFunction(fn, grid), { ...common, show, ...(labels ? { labels } : {}) });
  }
  const named = resolveCompared(specs);
  // --labels names the functions in order; once series are toggled off the count no longer fits.
  const given = view.labels?.split(',').map((p) => p.trim());
  const names = given?.length === named.length ? given : named.map((n) => n.name);
  return compareChart(
    named.map((n, i) => ({ label: names[i]!, sampled: sampleFunction(n.fn, grid) })),
    { ...common, show: view.show as CompareShow },
  );
}

/** The view as command-line arguments after `actfn` (no output file: the command's default). */
export function viewCommand(view: PageView): string[] {
  const args: string[] = [view.command, ...viewSpecs(view)];
  const [a, b] = view.range;
  if (a !== DEFAULT_VIEW_RANGE[0] || b !== DEFAULT_VIEW_RANGE[1]) args.push('--range', `${a},${b}`);
  if (view.sampling && 'step' in view.sampling) args.push('--step', String(view.sampling.step));
  if (view.sampling && 'samples' in view.sampling) args.push('--samples', String(view.sampling.samples));
  if (view.command === 'plot') {
    // --log-y already implies the derivative alone.
    if (view.show === 'f') args.push('--no-derivative');
    else if (view.show === 'df' && !view.logY) args.push('--derivative-only');
  } else if (view.show === 'both') args.push('--both');
  else if (view.show === 'derivatives' && !view.logY) args.push('--derivative');
  if (view.logY) args.push('--log-y');
  if (view.title !== undefined) args.push('--title', view.title);
  if (view.labels !== undefined && view.command === 'plot') args.push('--labels', view.labels);
  if (
    view.labels !== undefined &&
    view.command === 'compare' &&
    view.labels.split(',').length === viewSpecCount(view)
  ) {
    args.push('--labels', view.labels);
  }
  if (view.lineWidth !== undefined) args.push('--line-width', String(view.lineWidth));
  if (view.legend !== 'auto') args.push('--legend', view.legend);
  if (view.theme !== 'light') args.push('--theme', view.theme);
  const { width, height } = viewSize(view);
  const size = `${width}x${height}`;
  const d = defaultSize(view);
  if (size !== `${d.width}x${d.height}`) args.push('--size', size);
  return args;
}

/** One argument quoted for a POSIX shell, only when it needs it. */
export function shellQuote(arg: string): string {
  if (/^[A-Za-z0-9_.,:/=+@%^-]+$/.test(arg)) return arg;
  if (!/["$`\\!]/.test(arg)) return `"${arg}"`;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** `actfn plot "ELU(alpha=0.7)" --range -4,4`. */
export function commandLine(view: PageView): string {
  return ['actfn', ...viewCommand(view)].map(shellQuote).join(' ');
}

/** How many functions the view's compare command draws (sweeps expanded). */
function viewSpecCount(view: PageView): number {
  try {
    return resolveCompared(viewSpecs(view)).length;
  } catch {
    return -1;
  }
}
