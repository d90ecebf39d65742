/**
 * Number formatting for tables, labels and JSON.
 *
 * JSON contract (table --json, list --json, compare/info --json): numbers are written at full
 * precision as the shortest text that reads back as the same double; NaN and ±Infinity (which JSON
 * cannot express) become the strings "NaN", "Infinity", "-Infinity"; and negative zero is written
 * `-0.0`. JSON.stringify would print -0 as `0`, losing the sign (ReLU′(−0), Tanh(−0) = −0 are real
 * answers). `-0.0` rather than `-0` because it keeps the sign in every common reader: JavaScript's
 * JSON.parse gives -0 for both, but Python's json module reads `-0` as the integer 0 and `-0.0` as
 * the float -0.0.
 */

/** `digits` significant digits without trailing zeros: 0.841345, 1e-300, −3 (with a true minus if asked). */
export function formatSignificant(v: number, digits: number, minus = '-'): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return `${minus}inf`;
  if (v === 0) return Object.is(v, -0) ? `${minus}0` : '0';
  const s = trimZeros(v.toPrecision(digits));
  return minus === '-' ? s : s.replace(/-/g, minus);
}

/**
 * Like formatSignificant, but in exponent form below 1e-4, as printf's %g: an error of 1.01e−6
 * reads (and fits a column) better than 0.00000101.
 */
export function formatCompact(v: number, digits: number, minus = '-'): string {
  const a = Math.abs(v);
  if (a === 0 || a >= 1e-4 || !Number.isFinite(v)) return formatSignificant(v, digits, minus);
  const s = trimZeros(v.toExponential(digits - 1));
  return minus === '-' ? s : s.replace(/-/g, minus);
}

/** `0.500000` → `0.5`, `1.00000e-7` → `1e-7`, `1.5e+21` → `1.5e21` (no regular expressions: tables call this millions of times). */
function trimZeros(s: string): string {
  const e = s.indexOf('e');
  let mantissa = e < 0 ? s : s.slice(0, e);
  if (mantissa.includes('.')) {
    let end = mantissa.length;
    while (mantissa.charCodeAt(end - 1) === 48) end--; // '0'
    if (mantissa.charCodeAt(end - 1) === 46) end--; // '.'
    mantissa = mantissa.slice(0, end);
  }
  if (e < 0) return mantissa;
  const exponent = s.slice(e + 1);
  return `${mantissa}e${exponent.startsWith('+') ? exponent.slice(1) : exponent}`;
}

/** The JSON text of a number under the contract above. */
export function jsonLiteral(v: number): string {
  if (Number.isNaN(v)) return '"NaN"';
  if (v === Infinity) return '"Infinity"';
  if (v === -Infinity) return '"-Infinity"';
  return Object.is(v, -0) ? '-0.0' : String(v);
}

/** Values exactJSON can write: what JSON can hold, with numbers under the contract above. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | Float64Array
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue | undefined };

function isFlat(values: readonly JsonValue[]): boolean {
  return values.every((v) => v === null || typeof v !== 'object');
}

/**
 * JSON text like JSON.stringify(value, null, 2), but with numbers written by jsonLiteral (exact,
 * -0 kept, non-finite as strings) and arrays of plain values kept on one line, so that a table
 * column stays readable. Object keys with the value undefined are left out, as JSON.stringify does.
 */
export function exactJSON(value: JsonValue, indent = '  ', depth = 0): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return jsonLiteral(value);
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (value instanceof Float64Array) {
    let text = '';
    for (let i = 0; i < value.length; i++) text += (i ? ', ' : '') + jsonLiteral(value[i]!);
    return `[${text}]`;
  }
  const inner = indent.repeat(depth + 1);
  const outer = indent.repeat(depth);
  if (Array.isArray(value)) {
    const items = value as readonly JsonValue[];
    if (items.length === 0) return '[]';
    if (isFlat(items)) return `[${items.map((v) => exactJSON(v)).join(', ')}]`;
    return `[\n${items.map((v) => inner + exactJSON(v, indent, depth + 1)).join(',\n')}\n${outer}]`;
  }
  const entries = Object.entries(value as Record<string, JsonValue | undefined>).filter(
    (e): e is [string, JsonValue] => e[1] !== undefined,
  );
  if (entries.length === 0) return '{}';
  const body = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${exactJSON(v, indent, depth + 1)}`);
  return `{\n${body.join(',\n')}\n${outer}}`;
}

/** CSV / Markdown number at full precision; -0 keeps its sign. */
export function plainNumber(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return Object.is(v, -0) ? '-0' : String(v);
}
