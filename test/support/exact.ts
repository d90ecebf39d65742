/**
 * Reference values and ulp errors for the conformance tests.
 *
 * The fixtures write mpmath's values as ~25-digit decimal strings. A double cannot hold them, and
 * judging "4 ulp" against the nearest double would be off by up to half an ulp, so each string is
 * read exactly (BigInt arithmetic) into hi + lo: hi the correctly rounded double, lo the rest.
 * Errors are then measured in ulps of the exact value: 2^(e−52) for |exact| in [2^e, 2^(e+1)),
 * 2^−1074 in the subnormal range.
 */

export interface Exact {
  /** The correctly rounded double (±Infinity past the double range, NaN for NaN). */
  readonly hi: number;
  /** exact − hi, rounded to a double (0 when hi is not finite). */
  readonly lo: number;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Reads a fixture number: a decimal string, 'NaN', '±Infinity', or a JSON number (already a double). */
export function parseExact(text: string | number): Exact {
  if (typeof text === 'number') return { hi: text, lo: 0 };
  const hi = Number(text);
  if (Number.isNaN(hi) || !Number.isFinite(hi) || hi === 0) return { hi, lo: 0 };
  const m = DECIMAL.exec(text);
  if (!m) throw new Error(`not a decimal number: ${text}`);
  const [, sign, whole, frac = '', exp = '0'] = m;
  const digits = BigInt(whole! + frac);
  const e10 = Number(exp) - frac.length;
  // |exact| = digits · 10^e10 and |hi| = mant · 2^e2, both as exact rationals over a common denominator.
  const { mant, e2 } = decompose(Math.abs(hi));
  const num10 = e10 >= 0 ? digits * 10n ** BigInt(e10) : digits;
  const den10 = e10 >= 0 ? 1n : 10n ** BigInt(-e10);
  const num2 = e2 >= 0 ? mant << BigInt(e2) : mant;
  const den2 = e2 >= 0 ? 1n : 1n << BigInt(-e2);
  const diff = ratioToNumber(num10 * den2 - num2 * den10, den10 * den2);
  return { hi, lo: sign === '-' ? -diff : diff };
}

const view = new DataView(new ArrayBuffer(8));

/** |x| = mant · 2^e2 with mant an integer (x finite, nonzero). */
function decompose(x: number): { mant: bigint; e2: number } {
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & 0xfffffffffffffn;
  if (biased === 0) return { mant: frac, e2: -1074 };
  return { mant: frac | (1n << 52n), e2: biased - 1075 };
}

function bitLength(v: bigint): number {
  return v === 0n ? 0 : v.toString(16).length * 4;
}

/** n / d as the nearest double (to ~60 bits first, then scaled), for any sizes of n and d. */
function ratioToNumber(n: bigint, d: bigint): number {
  if (n === 0n) return 0;
  const negative = n < 0n;
  const a = negative ? -n : n;
  const shift = bitLength(d) - bitLength(a) + 64;
  const q = shift >= 0 ? (a << BigInt(shift)) / d : a / (d << BigInt(-shift));
  const r = scale2(Number(q), -shift);
  return negative ? -r : r;
}

/** x · 2^k without overflowing or underflowing the intermediate power of two. */
function scale2(x: number, k: number): number {
  let r = x;
  let left = k;
  while (left > 1000) {
    r *= 2 ** 1000;
    left -= 1000;
  }
  while (left < -1000) {
    r *= 2 ** -1000;
    left += 1000;
  }
  return r * 2 ** left;
}

/** The ulp of the exact value hi + lo. */
export function ulpOf(x: Exact): number {
  const a = Math.abs(x.hi);
  if (a === 0 || a < 2 ** -1022) return 2 ** -1074;
  let e = Math.floor(Math.log2(a));
  // log2 can round across a binade boundary: fix e so that 2^e ≤ a < 2^(e+1).
  if (2 ** e > a) e -= 1;
  else if (2 ** (e + 1) <= a) e += 1;
  // hi is a power of two and the exact value lies just below it: the smaller binade's ulp.
  if (a === 2 ** e && x.lo !== 0 && Math.sign(x.lo) !== Math.sign(x.hi)) e -= 1;
  return 2 ** (Math.max(e, -1022) - 52);
}

/**
 * |got − exact| in ulps of the exact value. NaN matches only NaN; an infinite (or overflowing)
 * exact value matches only the same infinity. Returns Infinity for any other mismatch.
 */
export function ulpError(got: number, exact: Exact): number {
  if (Number.isNaN(exact.hi)) return Number.isNaN(got) ? 0 : Infinity;
  if (!Number.isFinite(exact.hi)) return got === exact.hi ? 0 : Infinity;
  if (!Number.isFinite(got)) return Infinity;
  const d = got - exact.hi - exact.lo;
  return Math.abs(d) / ulpOf(exact);
}

/** ulps between two doubles, in ulps of `reference` (treated as exact). */
export function ulpDistance(got: number, reference: number): number {
  return ulpError(got, { hi: reference, lo: 0 });
}

/** A number for messages: shortest round-trip form, enough to reproduce the point. */
export function show(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

/** An ulp count for messages: 3 significant digits. */
export function showUlps(u: number): string {
  if (!Number.isFinite(u)) return '∞';
  if (u === 0) return '0';
  return u < 1000 ? String(Number(u.toPrecision(3))) : u.toExponential(2);
}
