/**
 * `actfn table`: values and derivatives at chosen points, for people (pretty) or scripts (JSON/CSV).
 * Loads neither the canvas nor fonts (see bench/30-table.bench.mjs), and chalk only for color.
 */
import { UsageError } from '../errors.js';
import { MAX_POINTS, stepGrid } from '../math/grid.js';
import { resolveSpec } from '../math/resolve.js';
import { expandSweeps } from '../math/spec.js';
import type { ActivationFn, Evaluation } from '../math/types.js';
import { formatTable, type TableFormat } from '../report/table-format.js';
import { checkBudget, checkTableCells, evaluationWeight } from './budget.js';
import { colorLevel, type CliIO } from './io.js';
import { parseInteger, parsePointList, parsePositive, parseRange, refuseBeside } from './options.js';
import { outputWidth } from './output-width.js';

export interface TableOptions {
  x?: string;
  range?: string;
  step?: string;
  digits?: string;
  format?: string;
  json?: boolean;
  csv?: boolean;
  markdown?: boolean;
  width?: string;
}

export function pickFormat(opts: TableOptions): TableFormat {
  const flags = (['json', 'csv', 'markdown'] as const).filter((f) => opts[f]);
  if (opts.format && !flags.includes(opts.format as (typeof flags)[number])) flags.push(opts.format as never);
  const unique = [...new Set(flags)];
  if (unique.length > 1) throw new UsageError(`choose one output format (got --${unique.join(' and --')})`);
  return (unique[0] as TableFormat | undefined) ?? 'pretty';
}

export function tablePoints(opts: TableOptions): Float64Array {
  if (opts.x !== undefined && opts.range !== undefined) throw new UsageError('give either --x or --range, not both');
  if (opts.x !== undefined && opts.step !== undefined) throw new UsageError('--step goes with --range, not with --x');
  if (opts.x !== undefined) {
    const xs = parsePointList(opts.x);
    if (xs.length > MAX_POINTS) throw new UsageError(`--x has ${xs.length} points; the limit is ${MAX_POINTS}`);
    return xs;
  }
  const [a, b] = opts.range === undefined ? [-3, 3] : parseRange(opts.range);
  const step = parsePositive(opts.step ?? '1', '--step');
  return stepGrid(a, b, step, MAX_POINTS);
}

export async function runTable(io: CliIO, specs: string[], opts: TableOptions): Promise<number> {
  const format = pickFormat(opts);
  if (format !== 'pretty') refuseBeside(`--${format}`, 'is never wrapped', [['--width', opts.width]]);
  const digits = parseInteger(opts.digits ?? '6', '--digits', 1, 17);
  // Specs first: an unknown name is the likelier mistake, and its message the more useful one.
  const fns: ActivationFn[] = specs.flatMap(expandSweeps).map(resolveSpec);
  const x = tablePoints(opts);
  checkTableCells(fns.length, x.length, MAX_POINTS);
  checkBudget(fns.map((fn) => ({ fn, points: x.length, unitsPerPoint: evaluationWeight(fn) })));
  const results: Evaluation[] = fns.map((fn) => fn.evaluate(x));
  const color = format === 'pretty' ? colorLevel(io.stdout, io.env) : 0;
  // The pretty table fits a terminal's width (or --width); piped, one line per row.
  const width = outputWidth(io.stdout, opts.width);
  const text = await formatTable({ fns, x, results, digits, color, width }, format);
  io.stdout.write(text);
  return 0;
}
