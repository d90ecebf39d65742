/**
 * Reads bound parameters inside an entry's kernel. Apart from params.ts (which binds spec text and
 * so sits above the catalog) because every activation file needs it: it imports nothing.
 */
import type { Params } from './types.js';

/** Reads a numeric parameter inside an entry's kernel (the registry has validated it). */
export function num(p: Params, name: string): number {
  const v = p[name];
  if (typeof v !== 'number') throw new Error(`internal: parameter ${name} is not a number`);
  return v;
}

/** Reads a choice parameter inside an entry's kernel. */
export function choice(p: Params, name: string): string {
  const v = p[name];
  if (typeof v !== 'string') throw new Error(`internal: parameter ${name} is not a choice`);
  return v;
}
