/** The small chart `actfn info` ends with: f and f′ over the article's range, as braille text. */
import type { ActivationFn } from '../../math/types.js';
import { sampleFunction, sampleGrid } from '../../math/sample.js';
import { functionChart } from '../../chart/function-chart.js';
import { DOTS_PER_COLUMN } from './measure.js';
import { terminalChart } from './index.js';

export interface InfoChartOptions {
  readonly width: number;
  readonly color: 0 | 1 | 2 | 3;
  /** The user chose the width (--width): keep it even when it is small. */
  readonly explicitWidth?: boolean;
}

export async function infoChart(fn: ActivationFn, options: InfoChartOptions): Promise<string | undefined> {
  if (options.width < 30 && !options.explicitWidth) return undefined;
  const columns = Math.max(30, options.width);
  // A sample per braille dot column, at least the article's 0.1 step.
  const grid = sampleGrid(-6, 6, { samples: Math.max(121, columns * DOTS_PER_COLUMN + 1) }, 1e6);
  const model = functionChart(fn, sampleFunction(fn, grid), {
    range: [-6, 6],
    show: 'both',
    title: '',
    logY: false,
    legend: 'auto',
    theme: 'light',
  });
  return terminalChart(model, { columns, rows: Math.max(10, Math.round(columns * 0.3)), color: options.color });
}
