/** The properties of functions as text rows (one column per function) and as JSON. */
import type { Bound, Cost, Properties, Side, ValueRange, Zone } from '../math/properties.js';
import { VANISHING_GRADIENT } from '../math/properties.js';
import { formatSignificant, type JsonValue } from './numbers.js';

const DIGITS = 5;

/** A number for people: 5 significant digits, true minus, ∞. */
export function show(v: number): string {
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  return formatSignificant(v, DIGITS, '−');
}

/** `(0, 1)`, `[0, ∞)`, `[−0.16997, ∞)`: brackets say whether an end is attained. */
export function interval(r: ValueRange): string {
  return `${r.lo.attained ? '[' : '('}${show(r.lo.value)}, ${show(r.hi.value)}${r.hi.attained ? ']' : ')'}`;
}

function extremum(word: string, b: Bound): string | undefined {
  if (!b.attained) return undefined;
  return b.at === undefined ? `${word} ${show(b.value)}` : `${word} ${show(b.value)} at x = ${show(b.at)}`;
}

/** `min −0.16997 at x = −0.75179`, `min 0, max 6`, or `none (limits only)`. */
export function extrema(r: ValueRange): string {
  const parts = [extremum('min', r.lo), extremum('max', r.hi)].filter((s): s is string => s !== undefined);
  return parts.length ? parts.join(', ') : 'none (bounds are limits)';
}

export function limits(l: readonly [number, number]): string {
  // A limit is a real number: Mish(−∞) computes as −0, but the limit is 0.
  const real = (v: number) => show(v === 0 ? 0 : v);
  return `${real(l[0])} at −∞, ${real(l[1])} at +∞`;
}

export function saturation(s: { left: Side; right: Side }): string {
  if (s.left.saturating && s.right.saturating) return 'both sides';
  if (s.left.saturating) return 'left (x → −∞)';
  if (s.right.saturating) return 'right (x → +∞)';
  return 'no';
}

/** Where |f′| < 1e-3: `|x| > 6.9058`, `x < −3.8104`, `x < 0`, or `x < −3, x > 6`. */
export function vanishing(s: { left: Side; right: Side }): string {
  const l = s.left.saturating ? s.left.vanishBeyond : undefined;
  const r = s.right.saturating ? s.right.vanishBeyond : undefined;
  if (l === undefined && r === undefined) return 'nowhere far out';
  if (l !== undefined && r !== undefined && l === r) return l === 0 ? 'x ≠ 0' : `|x| > ${show(l)}`;
  const parts: string[] = [];
  if (l !== undefined) parts.push(l === Infinity ? 'x < −1e7 or beyond' : l === 0 ? 'x < 0' : `x < ${show(-l)}`);
  if (r !== undefined) parts.push(r === Infinity ? 'x > 1e7 or beyond' : r === 0 ? 'x > 0' : `x > ${show(r)}`);
  return parts.join(', ');
}

export function zones(z: readonly Zone[]): string {
  if (z.length === 0) return 'none';
  return z
    .map(({ from, to }) => {
      if (from === -Infinity && to === Infinity) return 'everywhere';
      if (from === -Infinity) return `x < ${show(to)}`;
      if (to === Infinity) return `x > ${show(from)}`;
      return `${show(from)} < x < ${show(to)}`;
    })
    .join(', ');
}

/** `C∞`, or `C∞ except a jump of −2.1e−9 at x = 20` where a declared jump is negligible. */
export function smoothness(p: Properties): string {
  const notes = p.switches.map((w) => `a jump of ${show(w.jump)} at x = ${show(w.x)}`);
  return notes.length ? `${p.smoothness} except ${notes.join(', ')}` : p.smoothness;
}

function ns(v: number): string {
  // Whole nanoseconds from 10 up: two significant digits of 99.7 would print as 1e2.
  return v >= 9.95 ? `${Math.round(v)} ns` : `${formatSignificant(v, 2)} ns`;
}

export function cost(c: Cost): string {
  return c.together ? `${ns(c.f)} (f and f′ together, per element)` : `${ns(c.f)} / ${ns(c.df)}`;
}

/** The row labels, in order, and how each reads a function's properties. */
export const PROPERTY_ROWS: readonly { readonly label: string; readonly value: (p: Properties, c?: Cost) => string }[] =
  [
    { label: 'output range', value: (p) => interval(p.range) },
    { label: 'limits', value: (p) => (p.sampledOn ? 'depend on the input vector' : limits(p.limits)) },
    { label: 'min / max attained', value: (p) => extrema(p.range) },
    { label: 'zero-centered', value: (p) => (p.zeroCentered ? 'yes' : 'no') },
    { label: 'monotonic', value: (p) => p.monotonic },
    { label: 'smoothness', value: smoothness },
    { label: 'saturating', value: (p) => (p.sampledOn ? 'depends on the input vector' : saturation(p.saturation)) },
    { label: `|f′| < ${VANISHING_GRADIENT} where`, value: (p) => (p.sampledOn ? '—' : vanishing(p.saturation)) },
    { label: 'range of f′', value: (p) => interval(p.derivativeRange) },
    { label: 'f′(0)', value: (p) => show(p.derivativeAtZero) },
    { label: 'dead zone (f′ = 0)', value: (p) => zones(p.deadZones) },
    { label: 'cost f / f′', value: (_p, c) => (c ? cost(c) : '—') },
  ];

/** What a function does at initialization (`actfn stats`): its gain and χ₁ at that gain, for z ~ N(0, 1). */
export interface InitColumn {
  readonly gain: number;
  readonly chi1AtGain: number;
}

/** One row per property, one column per function (after the label column); init rows where given. */
export function propertyRows(
  columns: readonly { readonly properties: Properties; readonly cost?: Cost; readonly init?: InitColumn | undefined }[],
): string[][] {
  const rows = PROPERTY_ROWS.filter((r) => r.label !== 'cost f / f′' || columns.some((c) => c.cost)).map((r) => [
    r.label,
    ...columns.map((c) => r.value(c.properties, c.cost)),
  ]);
  if (columns.some((c) => c.init)) {
    rows.push(['gain 1/√E[f(z)²]', ...columns.map((c) => (c.init ? show(c.init.gain) : '—'))]);
    rows.push(['χ₁ at that gain', ...columns.map((c) => (c.init ? show(c.init.chi1AtGain) : '—'))]);
  }
  const sampled = columns.map((c) => c.properties.sampledOn);
  if (sampled.some(Boolean)) rows.push(['computed on', ...sampled.map((s) => s ?? 'the whole real line')]);
  return rows;
}

function boundJSON(b: Bound): JsonValue {
  return { value: b.value, attained: b.attained, at: b.at };
}

function rangeJSON(r: ValueRange): JsonValue {
  return { lo: boundJSON(r.lo), hi: boundJSON(r.hi) };
}

/** The properties as JSON (numbers exact, as in table --json). */
export function propertiesJSON(p: Properties, c?: Cost): JsonValue {
  const side = (s: Side): JsonValue => ({ saturating: s.saturating, vanishBeyond: s.vanishBeyond });
  return {
    sampledOn: p.sampledOn,
    range: rangeJSON(p.range),
    limits: [...p.limits],
    zeroCentered: p.zeroCentered,
    monotonic: p.monotonic,
    smoothness: p.smoothness,
    saturation: { left: side(p.saturation.left), right: side(p.saturation.right) },
    derivativeRange: rangeJSON(p.derivativeRange),
    derivativeLimits: [...p.derivativeLimits],
    derivativeAtZero: p.derivativeAtZero,
    deadZones: p.deadZones.map((z) => ({ from: z.from, to: z.to })),
    switches: p.switches.map((w) => ({ x: w.x, jump: w.jump })),
    costNs: c ? { f: c.f, df: c.df, together: c.together } : undefined,
  };
}
