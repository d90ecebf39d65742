/** Strict number syntax shared by specs and command-line options. */
import { UsageError } from '../errors.js';

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const INFINITY = /^([+-]?)(?:inf|infinity)$/i;

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
  const s = text.trim();
  if (DECIMAL.test(s)) {
    const v = Number(s);
    if (!Number.isFinite(v)) throw new UsageError(`${what ? `${what}: ` : ''}${s} is beyond the largest double (about 1.8e308)`);
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
    throw new UsageError(
      `${what}: '${text}' is not a number (expected e.g. 1.5, -2e-3${extra ? ', ' + extra : ''})`,
    );
  }
  return v;
}
