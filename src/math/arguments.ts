/**
 * Checks of the library's arguments (evaluate, jacobian, a catalog entry's kernel): a wrong one is a
 * UsageError naming the argument and what it accepts, never a TypeError from deep inside, nor a
 * string evaluated character by character.
 */
import { UsageError } from '../errors.js';
import { MAX_POINTS } from './grid.js';
import { describeRange, inRange } from './params.js';
import type { CatalogEntry, ParamDef, Params, ParamValue } from './types.js';

/** A dense Jacobian holds n² doubles: 4096 points make 128 MiB. */
export const MAX_JACOBIAN_POINTS = 4096;

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string '${v.length > 40 ? `${v.slice(0, 40)}…` : v}'`;
  if (typeof v === 'object') {
    const name = (v as object).constructor?.name;
    return name && name !== 'Object' ? `a ${name}` : 'an object';
  }
  return `${typeof v} ${String(v)}`;
}

/** A spec: a non-empty string. */
export function checkSpec(spec: unknown, argument = 'spec'): string {
  if (typeof spec !== 'string' || spec.trim() === '') {
    throw new UsageError(
      `${argument} must be a function name or expression as a string (e.g. 'GELU'), not ${describe(spec)}`,
    );
  }
  return spec;
}

const NUMERIC_ARRAYS = [
  Float64Array,
  Float32Array,
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
];

/**
 * Points: an array of numbers or a numeric typed array (not BigInt64Array), at most `limit` long.
 * Returns them as a Float64Array (the same object when it is one).
 */
export function checkPoints(x: unknown, argument = 'x', limit = MAX_POINTS): Float64Array {
  const what = `${argument} must be an array of numbers or a Float64Array`;
  const typed = NUMERIC_ARRAYS.some((T) => x instanceof T);
  if (!typed && !Array.isArray(x)) throw new UsageError(`${what}, not ${describe(x)}`);
  const points = x as ArrayLike<unknown>;
  if (points.length > limit) throw new UsageError(`${argument} has ${points.length} points; the limit is ${limit}`);
  if (x instanceof Float64Array) return x;
  if (typed) return Float64Array.from(points as ArrayLike<number>);
  const out = new Float64Array(points.length);
  for (let i = 0; i < points.length; i++) {
    const v = points[i];
    if (typeof v !== 'number') throw new UsageError(`${what}; ${argument}[${i}] is ${describe(v)}`);
    out[i] = v;
  }
  return out;
}

function checkParam(entry: CatalogEntry, def: ParamDef, v: unknown): ParamValue {
  const where = `${entry.name} parameter ${def.name}`;
  if (def.kind === 'choice') {
    if (typeof v !== 'string' || !def.choices.includes(v))
      throw new UsageError(`${where} must be one of ${def.choices.join(', ')}, not ${describe(v)}`);
    return v;
  }
  if (typeof v !== 'number' || !inRange(def, v)) {
    throw new UsageError(`${where} must be a number (valid: ${describeRange(def)}), not ${describe(v)}`);
  }
  return v;
}

/**
 * `params` with every missing parameter at its default, each given one checked: what a kernel
 * needs, so that `findEntry('GELU').kernel({})` is GELU with approximate=none.
 */
export function completeParams(entry: CatalogEntry, params: unknown = {}): Params {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new UsageError(
      `${entry.name} parameters must be an object such as { ${entry.params[0]?.name ?? 'name'}: … }, not ${describe(params)}`,
    );
  }
  const given = params as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!entry.params.some((d) => d.name === key)) {
      const valid = entry.params.map((d) => d.name).join(', ');
      throw new UsageError(`${entry.name} has no parameter '${key}'${valid ? `; valid: ${valid}` : ''}`);
    }
  }
  const out: Record<string, ParamValue> = {};
  for (const def of entry.params)
    out[def.name] = def.name in given ? checkParam(entry, def, given[def.name]) : def.default;
  const problem = entry.validate?.(out);
  if (problem !== undefined) throw new UsageError(`${entry.name}: ${problem}`);
  return Object.freeze(out);
}

/** The entry with a kernel that takes partial parameters (defaults filled in, values checked). */
export function withCompleteKernel<E extends CatalogEntry>(entry: E): E {
  const kernel = entry.kernel.bind(entry) as (p: Params) => ReturnType<E['kernel']>;
  return { ...entry, kernel: (p?: Partial<Params>) => kernel(completeParams(entry, p)) };
}
