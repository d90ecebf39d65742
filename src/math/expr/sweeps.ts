/**
 * Parameter sweeps inside expressions, as in specs: `x*elu(x, alpha=0.5|1|2)` gives one expression
 * per value (several swept keywords: their cartesian product, in the order written). A `|`
 * anywhere else is left for the lexer to report with its column.
 */
import { UsageError } from '../../errors.js';
import type { SpecForm } from './classify.js';

/** `key = v1|v2|…` with values free of the characters that end a keyword argument. */
const SWEPT_KEYWORD = /([A-Za-z_]\w*\s*=\s*)([^,()|=<>!]*(?:\|[^,()|=<>!]*)+)/g;

/** The most functions one spec's sweeps may give (their product grows fast: 2²⁴ for 24 pairs). */
export const MAX_SWEEP_FUNCTIONS = 1000;

/** Checked while expanding, before the product is built. */
export function checkSweepSize(text: string, n: number): void {
  if (n > MAX_SWEEP_FUNCTIONS) {
    const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
    throw new UsageError(
      `'${shown}': its sweeps give ${n > 1e6 ? 'over a million' : n} functions; the limit is ${MAX_SWEEP_FUNCTIONS}`,
    );
  }
}

export function expandExpressionSweeps(text: string, form: SpecForm): string[] {
  if (form.name !== undefined) {
    throw new UsageError(
      `'${text.trim()}': a sweep gives several functions, which cannot share the name '${form.name}'; drop '${form.name}='`,
    );
  }
  checkSweepSize(
    text,
    [...text.matchAll(SWEPT_KEYWORD)].reduce((n, m) => n * m[2]!.split('|').length, 1),
  );
  let variants = [''];
  let last = 0;
  for (const m of text.matchAll(SWEPT_KEYWORD)) {
    const values = m[2]!.split('|').map((v) => v.trim());
    if (values.some((v) => v === '')) throw new UsageError(`'${text.trim()}': empty value in the sweep ${m[0].trim()}`);
    const before = text.slice(last, m.index) + m[1]!;
    variants = variants.flatMap((v) => values.map((value) => v + before + value));
    last = m.index + m[0].length;
  }
  return variants.map((v) => v + text.slice(last));
}
