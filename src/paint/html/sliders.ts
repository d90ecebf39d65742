/**
 * The slider of a numeric parameter on an interactive page: its bounds from the catalog's valid
 * range (a finite stretch of it where the range is open), a log scale where the range is strictly
 * positive and spans decades, and values rounded to what the slider can tell apart, so that the
 * text the page shows, the command line and the double the math computes with agree.
 */
import type { NumberParamDef } from '../../math/types.js';

export interface SliderSpec {
  readonly lo: number;
  readonly hi: number;
  readonly log: boolean;
  /** Linear sliders: the value step. */
  readonly step: number;
}

/** Positions of a slider (the input's min 0, max POSITIONS). */
export const POSITIONS = 1000;

const niceUp = (v: number): number => {
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5, 10].find((m) => m * p >= v)! * p;
};

export function sliderSpec(def: NumberParamDef): SliderSpec {
  const d = def.default;
  const max = def.max !== undefined && Number.isFinite(def.max) ? def.max : undefined;
  if (def.integer) {
    const lo = def.min ?? d - 10;
    return { lo, hi: Math.min(max ?? lo + 100, lo + 100), log: false, step: 1 };
  }
  // Strictly positive scale parameters (beta, eps, threshold): decades on a log slider.
  if (def.min === 0 && def.minInclusive === false && max === undefined && d > 0) {
    return { lo: d / 100, hi: d * 100, log: true, step: 0 };
  }
  let lo: number;
  let hi: number;
  if (def.min !== undefined && max !== undefined) [lo, hi] = [def.min, max];
  else if (def.min !== undefined) [lo, hi] = [def.min, def.min + niceUp(Math.max(2, 4 * Math.abs(d - def.min)))];
  else if (max !== undefined) [lo, hi] = [max - niceUp(Math.max(2, 4 * Math.abs(max - d))), max];
  else {
    const w = niceUp(Math.max(3, 2 * Math.abs(d)));
    [lo, hi] = [-w, w];
  }
  if (lo > 0 && hi / lo >= 100) return { lo, hi, log: true, step: 0 };
  return { lo, hi, log: false, step: 10 ** Math.floor(Math.log10((hi - lo) / 200)) };
}

function decimalsOf(step: number): number {
  return Math.max(0, Math.min(12, -Math.floor(Math.log10(step) + 1e-9)));
}

/** The parameter value at slider position p (0 … POSITIONS), rounded to the slider's resolution. */
export function sliderValue(s: SliderSpec, p: number): number {
  const t = Math.min(POSITIONS, Math.max(0, p)) / POSITIONS;
  if (s.log) return Number((s.lo * (s.hi / s.lo) ** t).toPrecision(3));
  const v = s.lo + (s.hi - s.lo) * t;
  const r = Number((Math.round(v / s.step) * s.step).toFixed(decimalsOf(s.step)));
  return Object.is(r, -0) ? 0 : r;
}

/** The slider position nearest a value (values outside the bounds sit at an end). */
export function sliderPosition(s: SliderSpec, v: number): number {
  const t = s.log ? Math.log(v / s.lo) / Math.log(s.hi / s.lo) : (v - s.lo) / (s.hi - s.lo);
  return Number.isFinite(t) ? Math.round(Math.min(1, Math.max(0, t)) * POSITIONS) : 0;
}
