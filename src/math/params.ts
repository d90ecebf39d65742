/**
 * Binds the `key=value` pairs of a spec to an entry's parameter definitions, with validation.
 * Kernels read bound parameters through param-read.ts, which sits below the catalog.
 */
import { UsageError } from '../errors.js';
import { closestNames } from './names.js';
import { parseNumberLiteral } from './numbers.js';
import type { CatalogEntry, NumberParamDef, ParamDef, ParamValue, Params, SpecArg } from './types.js';

export function describeRange(def: NumberParamDef): string {
  const lo = def.min === undefined ? '' : `${def.min}${def.minInclusive === false ? ' <' : ' ≤'} `;
  const hi = def.max === undefined ? '' : ` ${def.maxInclusive === false ? '<' : '≤'} ${def.max}`;
  if (!lo && !hi) return def.integer ? 'any integer' : 'any finite number';
  return `${lo}${def.name}${hi}${def.integer ? ', an integer' : ''}`;
}

export function inRange(def: NumberParamDef, v: number): boolean {
  if (Number.isNaN(v)) return false;
  if (def.integer && !Number.isInteger(v)) return false;
  if (def.min !== undefined && (def.minInclusive === false ? v <= def.min : v < def.min)) return false;
  if (def.max !== undefined && (def.maxInclusive === false ? v >= def.max : v > def.max)) return false;
  // Infinity is only valid where a bound explicitly admits it (Softplus threshold=inf).
  if (!Number.isFinite(v) && !(v === Infinity && def.max === Infinity)) return false;
  return true;
}

function bindOne(entry: CatalogEntry, def: ParamDef, raw: string): ParamValue {
  const where = `${entry.name} ${def.name}`;
  if (def.kind === 'choice') {
    const hit = def.choices.find((c) => c.toLowerCase() === raw.toLowerCase());
    if (hit === undefined) throw new UsageError(`${where}: '${raw}' is not one of ${def.choices.join(', ')}`);
    return hit;
  }
  const v = parseNumberLiteral(raw, { allowFraction: true, allowInfinity: true, allowNaN: true }, where);
  if (v === undefined) throw new UsageError(`${where}: '${raw}' is not a number (valid: ${describeRange(def)})`);
  if (!inRange(def, v)) throw new UsageError(`${where}=${raw} is out of range (valid: ${describeRange(def)})`);
  return v;
}

export function bindParams(entry: CatalogEntry, args: readonly SpecArg[]): Params {
  const out: Record<string, ParamValue> = {};
  for (const def of entry.params) out[def.name] = def.default;
  for (const arg of args) {
    const def =
      entry.params.find((d) => d.name === arg.key) ??
      entry.params.find((d) => d.name.toLowerCase() === arg.key.toLowerCase());
    if (!def) {
      if (entry.params.length === 0) throw new UsageError(`${entry.name} takes no parameters (got '${arg.key}')`);
      const near = closestNames(
        arg.key,
        entry.params.map((d) => d.name),
        1,
      );
      throw new UsageError(
        `${entry.name} has no parameter '${arg.key}'${near.length ? ` (did you mean '${near[0]}'?)` : ''}; valid: ${entry.params
          .map((d) => d.name)
          .join(', ')}`,
      );
    }
    out[def.name] = bindOne(entry, def, arg.value);
  }
  return Object.freeze(out);
}

/** `LeakyReLU(negative_slope=0.1)`: the name with the parameters that differ from their defaults. */
export function labelFor(entry: CatalogEntry, params: Params, always: readonly string[] = []): string {
  // `always`: parameters (lower case) shown even at their defaults, e.g. the swept ones.
  const changed = entry.params.filter((d) => params[d.name] !== d.default || always.includes(d.name.toLowerCase()));
  if (changed.length === 0) return entry.name;
  return `${entry.name}(${changed.map((d) => `${d.name}=${String(params[d.name])}`).join(', ')})`;
}
