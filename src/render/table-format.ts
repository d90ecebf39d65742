/** Renders a table of x, f(x), f′(x) per function as pretty text, JSON, CSV or Markdown. */
import type { ActivationFn, Evaluation } from '../math/types.js';
import { formatSignificant, jsonNumber, plainNumber } from './numbers.js';

export type TableFormat = 'pretty' | 'json' | 'csv' | 'markdown';

export interface TableData {
  readonly fns: readonly ActivationFn[];
  readonly x: Float64Array;
  readonly results: readonly Evaluation[];
  /** Significant digits for the pretty table. */
  readonly digits: number;
  /** Chalk level for the pretty table (0 = plain). */
  readonly color: 0 | 1 | 2 | 3;
}

export function tableJSON(d: TableData): string {
  const out = d.fns.map((fn, i) => ({
    spec: fn.spec,
    name: fn.name,
    params: fn.params,
    x: Array.from(d.x, jsonNumber),
    y: Array.from(d.results[i]!.y, jsonNumber),
    dy: Array.from(d.results[i]!.dy, jsonNumber),
  }));
  return JSON.stringify(out, null, 2) + '\n';
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
  return [line(h), line(h.map((_, i) => (i === 0 ? '---:' : '---:'))), ...body.map(line)].join('\n') + '\n';
}

export async function tablePretty(d: TableData): Promise<string> {
  const [{ default: Table }, { Chalk }] = await Promise.all([import('cli-table3'), import('chalk')]);
  const chalk = new Chalk({ level: d.color });
  const table = new Table({
    head: headers(d).map((h) => chalk.bold(h)),
    colAligns: headers(d).map(() => 'right' as const),
    style: { head: [], border: d.color ? ['grey'] : [] },
  });
  for (const r of rows(d, (v) => formatSignificant(v, d.digits, '−'))) table.push(r);
  return table.toString() + '\n';
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
