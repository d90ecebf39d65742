/**
 * The compare chart of named functions, sampled for an image `deviceWidth` pixels wide: one place
 * for compare, its animations (one model per frame) and the render API.
 */
import { compareChart, type CompareShow } from '../chart/compare-chart.js';
import type { Named } from '../chart/compared-names.js';
import type { ChartModel } from '../chart/model.js';
import { sampleFunction } from '../math/sample.js';
import { chartGrid, type ChartSettings } from './chart-options.js';

export function modelOf(named: readonly Named[], s: ChartSettings, show: CompareShow, deviceWidth: number): ChartModel {
  const grid = chartGrid(s.range, s.sampling, deviceWidth);
  return compareChart(
    named.map((n) => ({ label: n.name, sampled: sampleFunction(n.fn, grid) })),
    {
      range: s.range,
      show,
      ...(s.title !== undefined ? { title: s.title } : {}),
      logY: s.logY,
      legend: s.legend,
      theme: s.theme,
    },
  );
}
