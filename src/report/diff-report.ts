/**
 * `actfn diff` as text (a table: one row per figure, columns f and f′) and as JSON.
 *
 * JSON contract (numbers as in table --json: full precision, "NaN"/"Infinity" as strings):
 *   { "a": FN, "b": FN,                       FN = { "spec", "name", "label", "params" }
 *     "range": [lo, hi], "points": n,         every sampled x (the even grid plus kinks)
 *     "kinks": [x, …],                        kinks of either function inside the range
 *     "f": Q, "df": Q }                       f_A − f_B and f′_A − f′_B
 *   Q = { "maxAbs": { "value", "x" },         largest |A − B|, refined between samples, and where
 *         "maxRel": { "value", "x" },         largest |A − B| / max(|A|, |B|) (0 where both are 0)
 *         "compared", "skipped",              sample points compared / left out (NaN or infinite)
 *         "formats": { "float32" | "bfloat16" | "float16": {
 *             "maxAbsInUlp",                  maxAbs.value in ulp of the format at max(|A|, |B|) there
 *             "maxUlpDistance", "at",         most ulp apart A and B land once cast, and where
 *             "differing",                    sample points where the casts differ
 *             "same" } } }                    true when they cast to the same value at every point
 * A value of "NaN" for x means nothing was compared. f′ is not compared at kinks (conventions).
 */
import type { DiffResult, QuantityDiff } from '../math/diff/difference.js';
import type { ActivationFn } from '../math/types.js';
import type { JsonValue } from './numbers.js';
import { show } from './properties-table.js';

function fnJSON(fn: ActivationFn): JsonValue {
  return { spec: fn.spec, name: fn.name, label: fn.label, params: { ...fn.params } };
}

function quantityJSON(q: QuantityDiff): JsonValue {
  const formats: Record<string, JsonValue> = {};
  for (const f of q.formats) {
    formats[f.format] = {
      maxAbsInUlp: f.maxAbsInUlp,
      maxUlpDistance: f.maxUlpDistance,
      at: f.maxUlpDistanceAt,
      differing: f.differing,
      same: f.differing === 0,
    };
  }
  return {
    maxAbs: { value: q.maxAbs.value, x: q.maxAbs.x },
    maxRel: { value: q.maxRel.value, x: q.maxRel.x },
    compared: q.compared,
    skipped: q.skipped,
    formats,
  };
}

export function diffJSON(a: ActivationFn, b: ActivationFn, d: DiffResult): JsonValue {
  return {
    a: fnJSON(a),
    b: fnJSON(b),
    range: [d.range[0], d.range[1]],
    points: d.x.length,
    kinks: [...d.kinks],
    f: quantityJSON(d.f),
    df: quantityJSON(d.df),
  };
}

/** 12,345: counts with comma groups (toLocaleString loads ICU: ~20 ms on its first call). */
function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function where(value: number, x: number): string {
  if (Number.isNaN(x)) return '—';
  return value === 0 ? '0' : `${show(value)} at x = ${show(x)}`;
}

function differing(q: QuantityDiff, i: number): string {
  const f = q.formats[i]!;
  if (q.compared === 0) return '—';
  if (f.differing === 0) return `none: same value at all ${count(q.compared)}`;
  return `${count(f.differing)} of ${count(q.compared)}`;
}

/** The rows of the text report: figure, f, f′. */
export function diffRows(d: DiffResult): string[][] {
  const both = (cell: (q: QuantityDiff) => string) => [cell(d.f), cell(d.df)];
  const rows: string[][] = [
    ['max |A − B|', ...both((q) => where(q.maxAbs.value, q.maxAbs.x))],
    ['max relative difference', ...both((q) => where(q.maxRel.value, q.maxRel.x))],
  ];
  d.f.formats.forEach((format, i) => {
    const name = format.format;
    rows.push(
      [
        `${name}: max |A − B| in ulp`,
        ...both((q) => (Number.isNaN(q.formats[i]!.maxAbsInUlp) ? '—' : show(q.formats[i]!.maxAbsInUlp))),
      ],
      [`${name}: most ulp apart`, ...both((q) => where(q.formats[i]!.maxUlpDistance, q.formats[i]!.maxUlpDistanceAt))],
      [`${name}: points that differ`, ...both((q) => differing(q, i))],
    );
  });
  return rows;
}

/** The line above the table: what was compared, where, on how many points. */
export function diffHeadline(a: ActivationFn, b: ActivationFn, d: DiffResult): string {
  const skipped = d.f.skipped + d.df.skipped;
  const kinks = d.kinks.length ? `, kinks at ${d.kinks.map(show).join(', ')} (f′ not compared there)` : '';
  const note = skipped ? `; ${count(skipped)} values left out (NaN or infinite)` : '';
  const name = (fn: ActivationFn) => (fn.spec === fn.label ? fn.label : `${fn.spec} (${fn.label})`);
  return `A = ${name(a)}, B = ${name(b)} on [${show(d.range[0])}, ${show(d.range[1])}]: ${count(d.x.length)} points${kinks}, maxima refined between them${note}`;
}
