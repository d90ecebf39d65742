/**
 * Strict number syntax shared by specs and command-line options. The true minus sign U+2212 (−),
 * which every table and label prints, reads as the ASCII minus: what actfn prints can be pasted
 * back (`Hardtanh(min_val=−1)`, `--x −3,0`, `--atol 1e−9`); so does ∞ where infinities are allowed.
 */
import { UsageError } from '../errors.js';

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const INFINITY = /^([+-]?)(?:inf|infinity|∞)$/i;

/** `−1.5e−3` → `-1.5e-3`. */
export function asciiMinus(text: string): string {
  return text.includes('\u2212') ? text.replace(/\u2212/g, '-') : text;
}

export interface NumberSyntax {
  /** Accept `nan` (table inputs do; parameters do not). */
  readonly allowNaN?: boolean;
  /** Accept `inf` / `-inf` / `Infinity`. */
  readonly allowInfinity?: boolean;
  /** Accept a fraction `p/q` such as `1/8`. */
  readonly allowFraction?: boolean;
}

/**
 * Parses a decimal such as `-1.5e-3` (and, if allowed, `1/8`, `inf`, `nan`). A literal that
 * overflows (`1e999`) is an error rather than a silent Infinity, naming `what` it was given for.
 * Returns undefined when `text` is not a number at all, so that callers can say what they expected.
 */
export function parseNumberLiteral(text: string, syntax: NumberSyntax = {}, what?: string): number | undefined {
  const s = asciiMinus(text.trim());
  if (DECIMAL.test(s)) {
    const v = Number(s);
    if (!Number.isFinite(v))
      throw new UsageError(`${what ? `${what}: ` : ''}${s} is beyond the largest double (about 1.8e308)`);
    return v;
  }
  const inf = INFINITY.exec(s);
  if (inf && syntax.allowInfinity) return inf[1] === '-' ? -Infinity : Infinity;
  if (/^nan$/i.test(s) && syntax.allowNaN) return NaN;
  if (syntax.allowFraction) {
    const slash = s.indexOf('/');
    if (slash > 0) {
      const p = parseNumberLiteral(s.slice(0, slash));
      const q = parseNumberLiteral(s.slice(slash + 1));
      if (p !== undefined && q !== undefined) {
        if (q === 0) throw new UsageError(`${s} divides by zero`);
        return p / q;
      }
    }
  }
  return undefined;
}

/** Like parseNumberLiteral, but throws a UsageError naming `what` when the text is not a number. */
export function parseNumber(text: string, what: string, syntax: NumberSyntax = {}): number {
  const v = parseNumberLiteral(text, syntax, what);
  if (v === undefined) {
    const extra = [syntax.allowFraction ? '1/8' : '', syntax.allowInfinity ? 'inf' : '', syntax.allowNaN ? 'nan' : '']
      .filter(Boolean)
      .join(', ');
    throw new UsageError(`${what}: '${text}' is not a number (expected e.g. 1.5, -2e-3${extra ? ', ' + extra : ''})`);
  }
  return v;
}
