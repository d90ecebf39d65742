/**
 * `actfn plot SPEC --terminal`: the plot's chart drawn in the terminal with braille dots, through
 * the same model (plotModel) and layout as the image, for lookup over SSH. Loads no canvas and no
 * fonts.
 */
import { UsageError } from '../errors.js';
import { resolveSweep } from '../math/resolve.js';
import { terminalChart } from '../paint/terminal/index.js';
import { DOTS_PER_COLUMN } from '../paint/terminal/measure.js';
import { checkApplicable, terminalWidth } from './chart-options.js';
import { chartWork, checkBudget } from './budget.js';
import { colorLevel, type CliIO } from './io.js';
import { plotModel, plotSettings, type PlotOptions } from './plot.js';

export async function runPlotTerminal(io: CliIO, specs: string[], opts: PlotOptions): Promise<number> {
  checkApplicable(opts as PlotOptions & Record<string, unknown>, []);
  if (specs.length === 0) throw new UsageError('name a function to plot (e.g. actfn plot GELU --terminal)');
  const settings = plotSettings(opts);
  const columns = terminalWidth(io, opts.width);
  const fns = specs.flatMap(resolveSweep);
  checkBudget(chartWork(fns, settings.range, settings.sampling ?? { samples: 2 * DOTS_PER_COLUMN * columns }));
  const color = colorLevel(io.stdout, io.env);
  const charts: string[] = [];
  for (const fn of fns)
    charts.push(await terminalChart(plotModel(fn, settings, columns * DOTS_PER_COLUMN), { columns, color }));
  io.stdout.write(charts.join('\n'));
  return 0;
}
