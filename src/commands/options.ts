/** Parsing of option values shared by commands: point lists, ranges, counts. */
import { UsageError } from '../errors.js';
import { parseNumber } from '../math/numbers.js';

/** `-3,0,3` → [-3, 0, 3]; accepts nan, inf, -inf, -0, 1e-300. */
export function parsePointList(text: string, option = '--x'): Float64Array {
  const parts = text.split(',');
  if (parts.some((p) => p.trim() === '')) {
    throw new UsageError(
      `${option} '${text}': empty item in the list (expected numbers separated by commas, e.g. -3,0,3)`,
    );
  }
  return Float64Array.from(parts, (p) => parseNumber(p, option, { allowNaN: true, allowInfinity: true }));
}

/** `a,b` → [a, b] with a < b, both finite. */
export function parseRange(text: string, option = '--range'): [number, number] {
  const parts = text.split(',');
  if (parts.length !== 2) throw new UsageError(`${option} '${text}': expected two numbers a,b (e.g. -6,6)`);
  const [a, b] = parts.map((p) => parseNumber(p, option)) as [number, number];
  if (!(a < b)) throw new UsageError(`${option} ${a},${b} is empty or inverted (expected a < b)`);
  return [a, b];
}

export function parsePositive(text: string, option: string): number {
  const v = parseNumber(text, option);
  if (!(v > 0)) throw new UsageError(`${option} ${text} must be greater than 0`);
  return v;
}

export function parseInteger(text: string, option: string, min: number, max: number): number {
  const v = parseNumber(text, option);
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new UsageError(`${option} ${text} must be a whole number from ${min} to ${max}`);
  }
  return v;
}

/**
 * Options that do nothing beside a mode (`--width` beside `--json`, `--cost` beside `--bibtex`) are
 * usage errors, as chart options are where they do not apply: each given one is named.
 */
export function refuseBeside(mode: string, what: string, given: readonly (readonly [string, unknown])[]): void {
  for (const [flag, value] of given) {
    if (value !== undefined && value !== false)
      throw new UsageError(`${flag} does nothing with ${mode}, which ${what}; leave out ${flag}`);
  }
}
