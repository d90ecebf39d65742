/**
 * The interactive page's view (src/paint/html/view.ts) of a plot or compare command: its specs
 * and its validated options, so that the page starts from exactly the chart the command draws.
 */
import type { CompareShow } from '../chart/compare-chart.js';
import { expandSweeps, parseSpec } from '../math/spec.js';
import type { PageSeries, PageView } from '../paint/html/view.js';
import type { CurveChoice } from '../chart/function-chart.js';
import type { ChartSettings } from './chart-options.js';

/** What the page takes from plot's validated settings (PlotSettings, without importing plot.ts). */
export type ViewSettings = ChartSettings & { readonly show: CurveChoice };
/** The options as given, where the page must know whether they were (sampling, title, labels). */
export interface GivenOptions {
  readonly step?: string;
  readonly samples?: string;
  readonly title?: string;
  readonly labels?: string;
  readonly lineWidth?: string;
  readonly size?: string;
}

function common(opts: GivenOptions, s: ChartSettings) {
  return {
    range: [s.range[0], s.range[1]] as const,
    ...(opts.step !== undefined || opts.samples !== undefined ? { sampling: s.sampling } : {}),
    logY: s.logY,
    legend: s.legend,
    theme: s.theme,
    width: s.width,
    height: s.height,
    ...(opts.size === undefined ? { defaultSize: true } : {}),
    ...(opts.title !== undefined ? { title: opts.title } : {}),
    ...(opts.lineWidth !== undefined ? { lineWidth: Number(opts.lineWidth) } : {}),
  };
}

export function plotPageView(spec: string, opts: GivenOptions, s: ViewSettings): PageView {
  return {
    command: 'plot',
    series: [{ spec, on: true }],
    show: s.show,
    ...common(opts, s),
    ...(opts.labels !== undefined ? { labels: opts.labels } : {}),
  };
}

/** The key a catalog sweep varies, when it varies exactly one. */
function sweptKey(spec: string): string | undefined {
  try {
    const keys = parseSpec(spec).args.filter((a) => a.value.includes('|'));
    return keys.length === 1 ? keys[0]!.key : undefined;
  } catch {
    return undefined; // an expression's sweep: its members stay separate specs
  }
}

export function comparePageView(
  specs: readonly string[],
  opts: GivenOptions,
  s: ChartSettings,
  show: CompareShow,
): PageView {
  const series: PageSeries[] = [];
  let group = 0;
  for (const spec of specs) {
    const expanded = expandSweeps(spec);
    if (expanded.length === 1) {
      series.push({ spec, on: true });
      continue;
    }
    const swept = sweptKey(spec);
    group++;
    for (const one of expanded) series.push({ spec: one, on: true, group, ...(swept !== undefined ? { swept } : {}) });
  }
  return {
    command: 'compare',
    series,
    show,
    ...common(opts, s),
    ...(opts.labels !== undefined ? { labels: opts.labels } : {}),
  };
}
