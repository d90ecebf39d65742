/**
 * Terminal charts: the same ChartModel and layout as the images, measured in braille dots and
 * drawn as text (see ./measure.ts and ./render.ts). Loads chalk only for color, never the canvas.
 */
import { layoutChart } from '../../chart/layout.js';
import type { ChartModel } from '../../chart/model.js';
import { cellMeasure, DOTS_PER_COLUMN, DOTS_PER_ROW, TERMINAL_STYLE } from './measure.js';
import { renderCells, type Paint } from './render.js';

export interface TerminalChartOptions {
  /** Width of the chart in character cells. */
  readonly columns: number;
  /** Height in rows; default: about 0.35 × columns (the 500×350 aspect, cells being 1:2). */
  readonly rows?: number;
  /** Chalk level (0: plain text). */
  readonly color: 0 | 1 | 2 | 3;
}

/** Rows for a chart `columns` wide with the images' 10:7 aspect (a cell is about twice as tall as wide). */
export function defaultRows(columns: number): number {
  return Math.max(8, Math.round(columns * 0.35));
}

async function painter(level: 0 | 1 | 2 | 3): Promise<Paint> {
  if (level === 0) return (t) => t;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level });
  return (t, color) => (color ? chalk.hex(color)(t) : t);
}

/** The chart as text lines ending in a newline. */
export async function terminalChart(model: ChartModel, options: TerminalChartOptions): Promise<string> {
  const columns = Math.max(20, Math.floor(options.columns));
  const rows = options.rows ?? defaultRows(columns);
  const scene = layoutChart(model, {
    width: columns * DOTS_PER_COLUMN,
    height: rows * DOTS_PER_ROW,
    measure: cellMeasure,
    style: TERMINAL_STYLE,
  });
  return renderCells(scene, await painter(options.color)).join('\n') + '\n';
}
