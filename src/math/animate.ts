/**
 * Animated parameters: `ELU(alpha=0.1..3)` or `x*elu(x, alpha=0.1..3)` moves a parameter from a
 * to b over the frames of an animation. Each frame is an ordinary spec (`ELU(alpha=0.17)`), its
 * value written with just enough decimals to tell neighbouring frames apart, so that the text of a
 * frame and the double it computes with are the same everywhere (legend, page, command line).
 * Several `a..b` in one spec move together, frame by frame. Pure: text in, text out.
 */
import { UsageError } from '../errors.js';
import { parseNumberLiteral } from './numbers.js';

/** `key = a..b` inside a spec or an expression's keyword arguments. */
const ANIMATED = /([A-Za-z_]\w*)(\s*=\s*)([^,()|=<>!]*?\.\.[^,()|=<>!]*)/g;

export interface AnimatedParam {
  readonly key: string;
  readonly from: number;
  readonly to: number;
}

export interface Animation {
  /** The spec as written, with its `a..b` ranges. */
  readonly spec: string;
  readonly params: readonly AnimatedParam[];
}

/** Whether a spec animates a parameter (`key=a..b`). */
export function isAnimated(spec: string): boolean {
  return spec.includes('..') && new RegExp(ANIMATED.source).test(spec);
}

function endpoint(text: string, spec: string, key: string): number {
  const v = parseNumberLiteral(text, { allowFraction: true }, `${key} in '${spec.trim()}'`);
  if (v === undefined)
    throw new UsageError(
      `'${spec.trim()}': ${key}=${text.trim()}.. is not a range a..b of two numbers (e.g. ${key}=0.5..2)`,
    );
  return v;
}

export function parseAnimation(spec: string): Animation | undefined {
  if (!isAnimated(spec)) return undefined;
  const params: AnimatedParam[] = [];
  for (const m of spec.matchAll(ANIMATED)) {
    const key = m[1]!;
    const parts = m[3]!.split('..');
    if (parts.length !== 2)
      throw new UsageError(
        `'${spec.trim()}': ${key}=${m[3]!.trim()} is not a range a..b of two numbers (e.g. ${key}=0.5..2)`,
      );
    const from = endpoint(parts[0]!, spec, key);
    const to = endpoint(parts[1]!, spec, key);
    if (from === to)
      throw new UsageError(`'${spec.trim()}': ${key}=${m[3]!.trim()} does not move (give two different ends)`);
    params.push({ key, from, to });
  }
  return { spec, params };
}

/**
 * The value of frame i of n (0-based) for a parameter, rounded to the decimals that tell frames
 * apart: 0.1..3 over 40 frames steps by 0.074, so 2 decimals (0.1, 0.17, 0.25, …, 3).
 */
export function frameValue(p: AnimatedParam, i: number, n: number): string {
  if (n === 1) return shortest(p.from);
  const step = Math.abs(p.to - p.from) / (n - 1);
  const decimals = Math.min(12, Math.max(0, Math.ceil(-Math.log10(step))));
  // The ends are the values as given; the frames between are rounded.
  if (i === 0 || i === n - 1) return shortest(i === 0 ? p.from : p.to);
  return shortest(Number((p.from + ((p.to - p.from) * i) / (n - 1)).toFixed(decimals)));
}

function shortest(v: number): string {
  return String(Object.is(v, -0) ? 0 : v);
}

/** The spec of frame i of n: every `key=a..b` replaced by that frame's value. */
export function frameSpec(a: Animation, i: number, n: number): string {
  let k = 0;
  return a.spec.replace(ANIMATED, (_m, key: string, eq: string) => `${key}${eq}${frameValue(a.params[k++]!, i, n)}`);
}

/** The spec of frame i when the spec animates nothing: itself. */
export function specAtFrame(spec: string, i: number, n: number): string {
  const a = parseAnimation(spec);
  return a ? frameSpec(a, i, n) : spec;
}
