/**
 * `actfn info NAME… --bibtex`: the BibTeX entry of each function's citation, each paper once (GELU
 * and its tanh form cite the same one). A function without a citation (Sigmoid, an expression) is
 * a one-line error after the entries that exist, with exit code 1.
 */
import { RuntimeFailure } from '../errors.js';
import type { ActivationFn } from '../math/types.js';
import { bibtex } from '../report/citation.js';
import type { CliIO } from './io.js';

export async function printBibtex(io: CliIO, fns: readonly ActivationFn[]): Promise<number> {
  const seen = new Set<string>();
  const entries: string[] = [];
  const missing: string[] = [];
  for (const fn of fns) {
    const c = fn.entry?.citation;
    if (!c) missing.push(fn.label);
    else if (!seen.has(c.key)) {
      seen.add(c.key);
      entries.push(bibtex(c));
    }
  }
  io.stdout.write(entries.join('\n'));
  if (missing.length) {
    const what = missing.length === 1 ? `${missing[0]} has` : `${missing.join(', ')} have`;
    throw new RuntimeFailure(
      `${what} no citation in the catalog (no single paper introduced it); \`actfn list --json\` shows every entry's`,
    );
  }
  return 0;
}
