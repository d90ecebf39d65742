/**
 * Decides whether a spec names a catalog entry or is an expression, and splits off a `NAME=`
 * prefix. The rule, unambiguous by construction:
 *  - `NAME=rest` names what follows (either kind); `==` is not `=`.
 *  - Text that starts with x, pi, e or a function only expressions have (sin, max, where) is an
 *    expression.
 *  - A bare name (`GELU`, `leaky-relu`) is a catalog spec; an unknown one gets the catalog's
 *    "did you mean".
 *  - `NAME:k=v,…` is a catalog spec.
 *  - `NAME(…)` is a catalog spec when the parentheses hold no parentheses and no x outside
 *    `key=` (`ELU(alpha=0.5)`, `GELU(approximate=tanh)`, sweeps `ELU(alpha=0.5|1)`).
 *  - Everything else (operators, x, nested calls) is an expression.
 */
import { UsageError } from '../../errors.js';
import { findEntry } from '../catalog.js';
import { isExpressionWord } from './bind.js';

export interface SpecForm {
  readonly kind: 'catalog' | 'expression';
  /** Where the spec or expression proper starts and ends in the text (after any `NAME=`). */
  readonly start: number;
  readonly end: number;
  /** The name given with `NAME=`, if any. */
  readonly name?: string;
}

// A name is any letters (高斯, Größe), digits, _ . -, starting with a letter or _.
const NAMED = /^\s*([\p{L}_][\p{L}\p{N}_.-]*)\s*=(?!=)/u;
const HEAD = /^[A-Za-z_][A-Za-z0-9_.-]*/;
const COLON = /^[A-Za-z_][A-Za-z0-9_.-]*\s*:/;
const CALL = /^[A-Za-z_][A-Za-z0-9_.-]*\s*\(([^()]*)\)$/;

function isCatalogShaped(body: string): boolean {
  if (body === '') return true; // the spec parser's "empty function spec" message
  const head = HEAD.exec(body)?.[0];
  if (head === undefined) return false;
  if (!findEntry(head) && isExpressionWord(head)) return false;
  if (head === body || COLON.test(body)) return true;
  const call = CALL.exec(body);
  return call !== null && !/\bx\b/.test(call[1]!.replace(/[A-Za-z_]\w*\s*=/g, ''));
}

export function classifySpec(text: string): SpecForm {
  let start = 0;
  let name: string | undefined;
  const named = NAMED.exec(text);
  // `x = 2` is a mistake in an expression, not a function named x.
  if (named && !isExpressionWord(named[1]!)) {
    name = named[1]!;
    start = named[0].length;
    const taken = findEntry(name);
    if (taken)
      throw new UsageError(`the name '${name}' is the catalog's ${taken.name}; choose another for '${text.trim()}'`);
    if (text.slice(start).trim() === '')
      throw new UsageError(`'${text.trim()}' names nothing: put an expression after '=', e.g. ${name}=x*sigmoid(x)`);
  }
  // Trim without losing the offsets that columns count from.
  while (start < text.length && /\s/.test(text[start]!)) start++;
  let end = text.length;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  const kind = isCatalogShaped(text.slice(start, end)) ? 'catalog' : 'expression';
  return name === undefined ? { kind, start, end } : { kind, start, end, name };
}
