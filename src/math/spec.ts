/**
 * Spec syntax shared by every command: `NAME`, `NAME(k=v, k2=v2)` or `NAME:k=v,k2=v2`.
 * This file only splits the text; binding names and values to the catalog is params.ts's job.
 */
import { UsageError } from '../errors.js';
import { classifySpec } from './expr/classify.js';
import { checkSweepSize, expandExpressionSweeps } from './expr/sweeps.js';
import type { ParsedSpec, SpecArg } from './types.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export function parseSpec(text: string): ParsedSpec {
  const s = text.trim();
  if (s === '') throw new UsageError('empty function spec (expected a name such as GELU or "ELU(alpha=0.5)")');
  let name: string;
  let argText: string | undefined;
  const paren = s.indexOf('(');
  const colon = s.indexOf(':');
  if (paren >= 0 && (colon < 0 || paren < colon)) {
    if (!s.endsWith(')')) throw new UsageError(`spec '${s}': missing ')' at the end`);
    name = s.slice(0, paren).trim();
    argText = s.slice(paren + 1, -1);
  } else if (colon >= 0) {
    name = s.slice(0, colon).trim();
    argText = s.slice(colon + 1);
  } else {
    name = s;
  }
  if (!NAME.test(name)) {
    throw new UsageError(`spec '${s}': '${name}' is not a function name (expected e.g. GELU, leaky_relu)`);
  }
  const args: SpecArg[] = [];
  if (argText !== undefined && argText.trim() !== '') {
    for (const part of argText.split(',')) {
      const eq = part.indexOf('=');
      if (eq < 0) {
        throw new UsageError(`spec '${s}': '${part.trim()}' should be key=value (e.g. alpha=0.5)`);
      }
      const key = part.slice(0, eq).trim();
      const value = part.slice(eq + 1).trim();
      if (!/^[A-Za-z_]\w*$/.test(key)) throw new UsageError(`spec '${s}': '${key}' is not a parameter name`);
      if (value === '') throw new UsageError(`spec '${s}': ${key}= has no value`);
      if (args.some((a) => a.key === key)) throw new UsageError(`spec '${s}': ${key} is given twice`);
      args.push({ key, value });
    }
  }
  return { name, args };
}

/**
 * Expands parameter sweeps: `ELU(alpha=0.5|1|2)` → `ELU(alpha=0.5)`, `ELU(alpha=1)`, `ELU(alpha=2)`.
 * Several swept parameters give their cartesian product, in the order written.
 */
export function expandSweeps(text: string): string[] {
  if (!text.includes('|')) return [text];
  const form = classifySpec(text);
  if (form.kind === 'expression' || form.name !== undefined) return expandExpressionSweeps(text, form);
  const { name, args } = parseSpec(text);
  checkSweepSize(
    text,
    args.reduce((n, arg) => n * arg.value.split('|').length, 1),
  );
  let combos: SpecArg[][] = [[]];
  for (const arg of args) {
    const values = arg.value.split('|').map((v) => v.trim());
    if (values.some((v) => v === ''))
      throw new UsageError(`spec '${text}': empty value in sweep ${arg.key}=${arg.value}`);
    combos = combos.flatMap((c) => values.map((value) => [...c, { key: arg.key, value }]));
  }
  return combos.map((c) => (c.length ? `${name}(${c.map((a) => `${a.key}=${a.value}`).join(', ')})` : name));
}
