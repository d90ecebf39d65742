/**
 * Renders a table of x, f(x), f′(x) per function as pretty text, JSON, CSV or Markdown.
 *
 * The JSON output is a contract for scripts: an array with one object per spec,
 * `{ spec, name, params, x, y, dy }`, numbers exact as described in ./numbers.ts.
 */
import { createRequire } from 'node:module';
import type { ActivationFn, Evaluation } from '../math/types.js';
import { exactJSON, formatSignificant, plainNumber } from './numbers.js';

export type TableFormat = 'pretty' | 'json' | 'csv' | 'markdown';

export interface TableData {
  readonly fns: readonly ActivationFn[];
  readonly x: Float64Array;
  readonly results: readonly Evaluation[];
  /** Significant digits for the pretty and Markdown tables. */
  readonly digits: number;
  /** Chalk level for the pretty table (0 = plain). */
  readonly color: 0 | 1 | 2 | 3;
}

export function tableJSON(d: TableData): string {
  const out = d.fns.map((fn, i) => ({
    spec: fn.spec,
    name: fn.name,
    params: { ...fn.params },
    x: d.x,
    y: d.results[i]!.y,
    dy: d.results[i]!.dy,
  }));
  return exactJSON(out) + '\n';
}

function headers(d: TableData): string[] {
  return ['x', ...d.fns.flatMap((fn) => [fn.label, `${fn.label}′`])];
}

function rows(d: TableData, fmt: (v: number) => string): string[][] {
  return Array.from(d.x, (x, r) => [fmt(x), ...d.results.flatMap((res) => [fmt(res.y[r]!), fmt(res.dy[r]!)])]);
}

function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function tableCSV(d: TableData): string {
  const head = ['x', ...d.fns.flatMap((fn) => [fn.label, `d(${fn.label})`])];
  return [head, ...rows(d, plainNumber)].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

export function tableMarkdown(d: TableData): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const h = headers(d).map(esc);
  const body = rows(d, (v) => formatSignificant(v, d.digits, '−'));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(h), line(h.map(() => '---:')), ...body.map(line)].join('\n') + '\n';
}

type CliTable = new (options: object) => string[][] & { toString(): string };

/**
 * cli-table3 is CommonJS: requiring it directly skips the ESM wrapper's export scan, which is a
 * measurable share of `actfn table`'s start-up.
 */
export function loadCliTable(): CliTable {
  return createRequire(import.meta.url)('cli-table3') as CliTable;
}

/** Bold headers and grey borders when colored; `style` for cli-table3. */
export interface Painter {
  readonly head: (s: string) => string;
  readonly border: string[];
}

/** Chalk is loaded only when there is color to paint (a TTY or FORCE_COLOR). */
export async function painter(level: 0 | 1 | 2 | 3): Promise<Painter> {
  if (level === 0) return { head: (s) => s, border: [] };
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level });
  return { head: (s) => chalk.bold(s), border: ['grey'] };
}

/**
 * Column widths (content plus padding) that fit `maxWidth` by narrowing the widest columns first,
 * never below `floors[c]`; undefined when the table fits as it is. May still exceed `maxWidth`.
 */
export function fitColumns(natural: readonly number[], maxWidth: number, floors: readonly number[]): number[] | undefined {
  const borders = natural.length + 1;
  const widths = [...natural];
  const total = () => widths.reduce((a, b) => a + b, borders);
  if (total() <= maxWidth) return undefined;
  while (total() > maxWidth) {
    const shrinkable = widths.map((w, c) => (w > floors[c]! ? w : -1));
    const widest = shrinkable.indexOf(Math.max(...shrinkable));
    if (shrinkable[widest]! < 0) break;
    widths[widest]!--;
  }
  return widths;
}

/** cli-table3 options that make the columns fit `maxWidth`: wrap at spaces if possible, else anywhere. */
function wrapping(head: readonly string[], body: readonly (readonly string[])[], maxWidth: number): object {
  const column = (c: number) => [head[c]!, ...body.map((r) => r[c] ?? '')];
  const natural = head.map((_, c) => Math.max(...column(c).map((s) => s.length)) + 2);
  const longestWord = head.map((_, c) => Math.max(...column(c).flatMap((s) => s.split(/\s+/).map((w) => w.length))) + 2);
  const atWords = fitColumns(natural, maxWidth, longestWord);
  if (!atWords) return {};
  const borders = head.length + 1;
  if (atWords.reduce((a, b) => a + b, borders) <= maxWidth) return { colWidths: atWords, wordWrap: true, wrapOnWordBoundary: true };
  return { colWidths: fitColumns(natural, maxWidth, head.map(() => 8)), wordWrap: true, wrapOnWordBoundary: false };
}

/**
 * A compact box table: a rule under the header, none between rows. `body` holds the rows, already
 * formatted. With `maxWidth` (a terminal's width), long cells wrap so that the table fits.
 */
export async function boxTable(
  head: readonly string[],
  body: readonly (readonly string[])[],
  color: 0 | 1 | 2 | 3,
  align: 'left' | 'right' = 'right',
  maxWidth?: number,
): Promise<string> {
  const Table = loadCliTable();
  const paint = await painter(color);
  const table = new Table({
    head: head.map(paint.head),
    colAligns: head.map(() => align),
    style: { head: [], border: paint.border, compact: true },
    ...(maxWidth === undefined ? {} : wrapping(head, body, maxWidth)),
  });
  for (const r of body) table.push([...r]);
  return table.toString() + '\n';
}

export function tablePretty(d: TableData): Promise<string> {
  return boxTable(headers(d), rows(d, (v) => formatSignificant(v, d.digits, '−')), d.color);
}

export async function formatTable(d: TableData, format: TableFormat): Promise<string> {
  switch (format) {
    case 'json':
      return tableJSON(d);
    case 'csv':
      return tableCSV(d);
    case 'markdown':
      return tableMarkdown(d);
    default:
      return tablePretty(d);
  }
}
