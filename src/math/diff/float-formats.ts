/**
 * The narrow floating-point formats models run in — float32, bfloat16, float16 — as rounding
 * helpers on doubles: the value a double becomes in the format, the format's ulp there, and the
 * distance between two values in units in the last place (how many representable values apart).
 *
 * `castTo` rounds as torch's `tensor.to(dtype)` does from float64: to float32 first (round to
 * nearest, ties to even), then to the narrow format (again ties to even), so a figure here is the
 * one a torch user sees; `roundTo` is the single, correctly rounded step. Overflow gives ±Infinity
 * (float16's largest finite value is 65504; anything from 65520 up rounds to Infinity).
 */

export interface FloatFormat {
  readonly name: 'float32' | 'bfloat16' | 'float16';
  /** Significand bits, the implicit one included. */
  readonly precision: number;
  /** Exponent of the smallest normal number. */
  readonly emin: number;
  /** Exponent of the largest finite number. */
  readonly emax: number;
}

export const FLOAT32: FloatFormat = { name: 'float32', precision: 24, emin: -126, emax: 127 };
export const BFLOAT16: FloatFormat = { name: 'bfloat16', precision: 8, emin: -126, emax: 127 };
export const FLOAT16: FloatFormat = { name: 'float16', precision: 11, emin: -14, emax: 15 };
export const FLOAT_FORMATS: readonly FloatFormat[] = [FLOAT32, BFLOAT16, FLOAT16];

// A double's bits, read through an aliasing array (a DataView read costs several times more, and
// exponentOf runs for every cast of a diff: 48,000 times for the default 4001 points).
const word = new Float64Array(1);
const words = new Uint32Array(word.buffer);
/** The index of the word holding sign and exponent: 1 on little-endian machines. */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** floor(log2 |x|) for finite x ≠ 0, exactly (from the bits, not Math.log2). */
export function exponentOf(x: number): number {
  word[0] = x;
  const e = (words[HIGH]! >>> 20) & 0x7ff;
  if (e !== 0) return e - 1023;
  // A subnormal double: scale into the normal range first.
  return exponentOf(x * 2 ** 64) - 64;
}

/** 2^k for every exponent a double has (k from −1074 to 1023): a lookup instead of Math.pow per cast. */
const POWERS_OF_TWO = Float64Array.from({ length: 1023 + 1074 + 1 }, (_, i) => 2 ** (i - 1074));
function powerOfTwo(k: number): number {
  return POWERS_OF_TWO[k + 1074]!;
}

/** The spacing of the format's values at |x|: 2^(e − p + 1), at least the subnormal spacing. */
export function ulpOf(format: FloatFormat, x: number): number {
  const a = Math.abs(x);
  if (!Number.isFinite(a)) return powerOfTwo(format.emax - format.precision + 1);
  const e = a === 0 ? format.emin : Math.min(format.emax, Math.max(format.emin, exponentOf(a)));
  return powerOfTwo(e - format.precision + 1);
}

/** The largest finite value of the format. */
export function maxFinite(format: FloatFormat): number {
  return format === FLOAT32 ? MAX32 : format === BFLOAT16 ? MAXBF16 : format === FLOAT16 ? MAX16 : largest(format);
}

function largest(format: FloatFormat): number {
  return (2 - 2 ** (1 - format.precision)) * 2 ** format.emax;
}
// Computed once: roundTo runs for every sample point of a diff.
const MAX32 = largest(FLOAT32);
const MAXBF16 = largest(BFLOAT16);
const MAX16 = largest(FLOAT16);

/** Round half to even of a double that is already an integer plus a fraction (|y| < 2^53). */
function roundHalfEven(y: number): number {
  const lo = Math.floor(y);
  const d = y - lo;
  if (d > 0.5) return lo + 1;
  if (d < 0.5) return lo;
  return lo % 2 === 0 ? lo : lo + 1;
}

/** x correctly rounded to the format (round to nearest, ties to even); NaN and ±∞ pass through. */
export function roundTo(format: FloatFormat, x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const q = ulpOf(format, x);
  // x / q and r · q are exact: q is a power of two and the quotient has at most 53 bits.
  const r = roundHalfEven(x / q) * q;
  // Past the largest finite value by half an ulp or more: Infinity (IEEE overflow).
  if (Math.abs(r) > maxFinite(format)) return x > 0 ? Infinity : -Infinity;
  return r === 0 ? (x < 0 ? -0 : 0) : r;
}

const single = new Float32Array(1);
const singleBits = new Uint32Array(single.buffer);

/**
 * A float32 value rounded to bfloat16 on its bits (bfloat16 is float32's upper half): add just under
 * half of the dropped part, plus the kept part's last bit for ties to even, and cut. A carry into
 * the exponent is the next binade, or ±∞ past the largest value, as IEEE rounding has it. Gives
 * roundTo(BFLOAT16, x) at a fraction of its cost; ±∞ and NaN pass through.
 */
function singleToBfloat16(x: number): number {
  single[0] = x;
  const b = singleBits[0]!;
  if ((b & 0x7f800000) === 0x7f800000) return x;
  singleBits[0] = (b + 0x7fff + ((b >>> 16) & 1)) & 0xffff0000;
  return single[0]!;
}

/** x as torch's `.to(dtype)` gives it from float64: through float32 for the 16-bit formats. */
export function castTo(format: FloatFormat, x: number): number {
  const s = Math.fround(x);
  return format === FLOAT32 ? s : format === BFLOAT16 ? singleToBfloat16(s) : roundTo(format, s);
}

/**
 * The position of a value of the format on the number line, counting representable values from 0
 * (±0 → 0, the smallest subnormal → ±1, …, ±Infinity → one past the largest finite value).
 * `x` must be a value of the format.
 */
export function ordinal(format: FloatFormat, x: number): number {
  const a = Math.abs(x);
  const half = 2 ** (format.precision - 1);
  let n: number;
  if (a === Infinity) n = ordinal(format, maxFinite(format)) + 1;
  else if (a < 2 ** format.emin) n = a / 2 ** (format.emin - format.precision + 1);
  else {
    const e = exponentOf(a);
    n = (e - format.emin + 1) * half + (a / 2 ** (e - format.precision + 1) - half);
  }
  return x < 0 || Object.is(x, -0) ? -n : n;
}

/** How many representable values of the format lie between a and b (values of the format), 0 if equal. */
export function ulpDistance(format: FloatFormat, a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : NaN;
  return Math.abs(ordinal(format, a) - ordinal(format, b));
}

/**
 * |a − b| in ulp of the format at the larger of the two (values of the format): the ordinal
 * distance within one binade, but not the count of all the tiny values between them when a and b
 * have opposite signs near 0. Equal values give 0; a finite value against an infinite one, ∞.
 */
export function ulpsApart(format: FloatFormat, a: number, b: number): number {
  if (a === b) return 0;
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Infinity;
  return Math.abs(a - b) / ulpOf(format, Math.max(Math.abs(a), Math.abs(b)));
}
