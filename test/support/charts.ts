/** Chart models for tests: sample a function (the article's 0.1 step unless told) and build its chart. */
import { compareChart, type CompareChartOptions } from '../../src/chart/compare-chart.js';
import { functionChart, type FunctionChartOptions } from '../../src/chart/function-chart.js';
import type { ChartModel } from '../../src/chart/model.js';
import { sampleFunction, sampleGrid, type Sampling } from '../../src/math/sample.js';
import type { ActivationFn } from '../../src/math/types.js';

export type SampledOptions<T> = T & { readonly sampling?: Sampling };

function grid(range: readonly [number, number], sampling: Sampling = { step: 0.1 }): Float64Array {
  return sampleGrid(range[0], range[1], sampling, 1_000_000);
}

export function functionChartOf(fn: ActivationFn, options: SampledOptions<FunctionChartOptions>): ChartModel {
  return functionChart(fn, sampleFunction(fn, grid(options.range, options.sampling)), options);
}

export function compareChartOf(
  fns: readonly ActivationFn[],
  options: SampledOptions<CompareChartOptions>,
  labels?: readonly string[],
): ChartModel {
  const g = grid(options.range, options.sampling);
  return compareChart(
    fns.map((fn, i) => ({ label: labels?.[i] ?? fn.label, sampled: sampleFunction(fn, g) })),
    options,
  );
}
