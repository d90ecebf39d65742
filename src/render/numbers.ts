/** Number formatting for tables and labels. */

/** `digits` significant digits without trailing zeros: 0.841345, 1e-300, −3 (with a true minus if asked). */
export function formatSignificant(v: number, digits: number, minus = '-'): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return `${minus}inf`;
  if (v === 0) return Object.is(v, -0) ? `${minus}0` : '0';
  let s = v.toPrecision(digits);
  // Trim zeros after the decimal point, in plain and in exponent form.
  s = s.replace(/(\.\d*?)0+(e|$)/, '$1$2').replace(/\.(e|$)/, '$1');
  s = s.replace(/e\+?/, 'e');
  return minus === '-' ? s : s.replace(/-/g, minus);
}

/** JSON number at full precision (shortest round-trip); non-finite numbers as strings. */
export function jsonNumber(v: number): number | string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return v;
}

/** CSV / Markdown number at full precision; -0 keeps its sign. */
export function plainNumber(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return Object.is(v, -0) ? '-0' : String(v);
}
